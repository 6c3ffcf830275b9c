from django.core.management.base import BaseCommand

from desk.memory import record


class Command(BaseCommand):
    help = "Rebuild the translation memory from every live page (both directions)."

    def handle(self, *args, **options):
        total = record.build()
        self.stdout.write(f"{total} translation memory segments")
