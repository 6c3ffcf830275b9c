from django.core.management.base import BaseCommand

from news.management.backups import restore


class Command(BaseCommand):
    help = (
        "Restore a backup folder (manage.py backup) into an empty database and an empty "
        "MEDIA_ROOT, after checking its checksums; then compare rows and media with it."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, **options):
        manifest = restore(folder)
        rows = ", ".join(f"{label} {count}" for label, count in sorted(manifest["rows"].items()))
        self.stdout.write(f"Restored the backup of {manifest['made']}: {rows}")
        self.stdout.write(f"{len(manifest['media'])} media files, every checksum as backed up.")
