"""`migrate`: wagtail-modeltranslation's (the migrations, then the per-language columns of
Wagtail's page table), then the indexes on those columns (news/schema.py)."""

from wagtail_modeltranslation.management.commands.migrate_translation import (
    Command as TranslationMigrateCommand,
)

from ...schema import ensure_slug_indexes


class Command(TranslationMigrateCommand):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        for name in ensure_slug_indexes(options["database"]):
            if options["verbosity"] >= 1:
                self.stdout.write(f"  Created index {name}")
