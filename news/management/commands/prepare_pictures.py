import sys

from django.core.management.base import BaseCommand, CommandError

from news.pictures import tasks


class Command(BaseCommand):
    help = (
        "Make the pictures' records (news/pictures/) of every image without a fresh one: here "
        "and now, or with --enqueue by the worker (manage.py db_worker). After a deploy that "
        "changes the picture sets, or on a database made before the records existed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="ask the worker instead of making them here"
        )

    def handle(self, *args, enqueue, **options):
        needed = tasks.needing_records()
        if enqueue:
            for image_id in needed:
                tasks.enqueue(image_id)
            self.stdout.write(f"Asked the worker for the pictures of {len(needed)} images.")
            return

        def progress(done, total, seconds):
            if options["verbosity"] >= 1:
                sys.stderr.write(f"\rPictures: {done}/{total} images, {seconds:.0f} s")
                sys.stderr.write("\n" if done == total else "")
                sys.stderr.flush()

        counts = tasks.prepare_now(needed, progress=progress)
        self.stdout.write(
            f"Pictures made for {counts['prepared']} images "
            f"({len(needed) - counts['prepared'] - counts['failed']} needed nothing)."
        )
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} images failed (the log says why).")
