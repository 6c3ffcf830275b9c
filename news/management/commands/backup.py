from django.core.management.base import BaseCommand

from news.management.backups import backup


class Command(BaseCommand):
    help = (
        "Back up the database and the media into a new folder (news/management/backups/): "
        "database dump, media archive, manifest with checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", default="backups", help="where the folder is made")

    def handle(self, *args, to, **options):
        folder = backup(to)
        self.stdout.write(f"Backed up to {folder}")
