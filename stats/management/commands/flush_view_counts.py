from django.core.management.base import BaseCommand

from stats.counting import flush


class Command(BaseCommand):
    help = "Write the view counts kept in the cache to the database now (the beacon does it every 30 s)."

    def handle(self, *args, **options):
        self.stdout.write(f"{flush()} day counts written")
