"""`manage.py make_archive N`: add N synthetic articles in bulk (demo/archive.py), for `make bench`."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from demo.archive import ArchiveBuilder
from news.models import NewsIndexPage
from news.pictures import tasks as picture_tasks


class Command(BaseCommand):
    help = "Add N synthetic articles in both languages under News&Events (run load_demo first)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="how many articles to add")
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, count, batch_size, **options):
        if count < 0 or batch_size < 1:
            raise CommandError(
                "Give a number of articles of 0 or more, and a batch size of 1 or more."
            )
        if not NewsIndexPage.objects.exists():
            raise CommandError("There is no News&Events page: run `manage.py load_demo` first.")
        started = time.monotonic()

        def progress(done, total):
            width = 40
            filled = width * done // total
            elapsed = time.monotonic() - started
            sys.stderr.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles, {elapsed:.0f} s"
            )
            sys.stderr.flush()

        builder = ArchiveBuilder(batch_size=batch_size)
        builder.build(count, progress=progress if count else None)
        if count:
            sys.stderr.write("\n")
        # The archive shows the demo's images: their pictures made now (load_demo made them
        # already; nothing to do then), never by the bench's first requests.
        prepared = picture_tasks.prepare_now(
            picture_tasks.needing_records([image.pk for image in builder.images])
        )
        if prepared["prepared"] or prepared["failed"]:
            self.stdout.write(f"Pictures: made for {prepared['prepared']} images.")
        self.stdout.write(f"Added {count} articles in {time.monotonic() - started:.1f} s.")
