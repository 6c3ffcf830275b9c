"""`migrate`: wagtail-modeltranslation's (the migrations, then the per-language columns of
Wagtail's page table), then the indexes on those columns (news/schema.py), then the search
index made again (`update_index`) when a migration that changes what it holds was applied.

A migration says so with `rebuilds_search_index = True` (search/migrations/0001). The index
is rebuilt here, after every migration and column, because it is made by the page models as
they are now: a migration's own code would see a table without the columns still to come.
On a new database that is an empty index, at once; on one with content, every page is
indexed again, once.
"""

from django.core.management import call_command
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from wagtail_modeltranslation.management.commands.migrate_translation import (
    Command as TranslationMigrateCommand,
)

from ...schema import ensure_slug_indexes


def applied_migrations(database):
    return set(MigrationRecorder(connections[database]).applied_migrations())


def rebuilds_search_index(database, applied):
    """Whether one of the migrations `applied` (keys: (app, name)) says the index must be
    made again."""
    graph = MigrationLoader(connections[database], ignore_no_migrations=True).graph
    return any(getattr(graph.nodes.get(key), "rebuilds_search_index", False) for key in applied)


class Command(TranslationMigrateCommand):
    def handle(self, *args, **options):
        database = options["database"]
        before = applied_migrations(database)
        super().handle(*args, **options)
        for name in ensure_slug_indexes(database):
            if options["verbosity"] >= 1:
                self.stdout.write(f"  Created index {name}")
        if rebuilds_search_index(database, applied_migrations(database) - before):
            if options["verbosity"] >= 1:
                self.stdout.write("Rebuilding the search index (update_index)")
            call_command("update_index", verbosity=options["verbosity"], stdout=self.stdout)
