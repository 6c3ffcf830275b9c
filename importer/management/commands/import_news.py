"""`manage.py import_news PATH...`: stories of the old site as articles (README: "Importing
the old site"). Output is for the operator, in English like Django's own commands; the exit
status is 1 when anything failed (the summary line is printed first)."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from wagtail.models import Site

from news import languages
from news.models import Column, NewsIndexPage
from news.pictures import tasks as picture_tasks

from ...mapping import ConfigError, Mapping, load_selectors
from ...pipeline import run


class Command(BaseCommand):
    help = (
        "Import stories of the old site (text exports .txt, saved pages .html/.htm, JSON Lines "
        ".jsonl) as articles under News&Events. Re-running updates what changed and skips "
        "the rest."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
        parser.add_argument(
            "--dry-run", action="store_true", help="do everything, then roll it back"
        )
        parser.add_argument(
            "--publish", action="store_true", help="publish the articles (default: drafts)"
        )
        parser.add_argument("--column", metavar="SLUG_OR_NAME", help="file them under a column")
        parser.add_argument("--mapping", metavar="FILE", help="mapping file (TOML)")
        parser.add_argument("--selectors", metavar="FILE", help="HTML selectors file (TOML)")
        parser.add_argument("--report", metavar="FILE", help="also write the report as CSV")
        parser.add_argument(
            "--progress",
            choices=("auto", "on", "off"),
            default="auto",
            help="progress bar (auto: on a terminal)",
        )

    def handle(self, *args, **options):
        try:
            mapping = Mapping.load(options["mapping"])
            selectors = load_selectors(options["selectors"])
        except ConfigError as error:
            raise CommandError(str(error)) from error
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("No default site: create the site first (load_demo or the admin).")
        index = (
            NewsIndexPage.objects.exact_type(NewsIndexPage)
            .descendant_of(site.root_page, inclusive=True)
            .order_by("path")
            .first()
        )
        if index is None:
            raise CommandError("No News&Events page under the default site to import into.")
        column = None
        if options["column"]:
            wanted = options["column"]
            named = Q(slug__iexact=wanted)
            for language in languages.LANGUAGES:
                named |= Q(**{f"{language.field('slug')}__iexact": wanted})
                named |= Q(**{f"{language.field('name')}__iexact": wanted})
            column = Column.objects.filter(named).first()
            if column is None:
                raise CommandError(f"Unknown column {wanted!r}: give its slug or name.")
        progress = {"auto": None, "on": False, "off": True}[options["progress"]]
        report = run(
            options["paths"],
            mapping=mapping,
            selectors=selectors,
            index=index,
            site=site,
            column=column,
            publish=options["publish"],
            dry_run=options["dry_run"],
            progress=progress,
        )
        for row in report.rows:
            # Failures and notes always; every row with -v 2 (a re-run is mostly "unchanged").
            noteworthy = row.status == "failed" or row.reason not in ("", "unchanged", "published")
            if options["verbosity"] >= 2 or noteworthy:
                detail = f" ({row.reason})" if row.reason else ""
                where = row.origin if row.origin.startswith("mapping:") else row.source_url
                where = where or row.origin
                line = f"{row.status:8} {row.language or '-':7} {where}{detail}"
                self.stdout.write(self.style.ERROR(line) if row.status == "failed" else line)
        if report.new_images:
            # their pictures made now (news/pictures/): the worker would make them too, later
            made = picture_tasks.prepare_now(picture_tasks.needing_records(report.new_images))
            self.stdout.write(f"Pictures made for {made['prepared']} new images.")
            if made["failed"]:
                self.stdout.write(self.style.ERROR(f"{made['failed']} images failed (see the log)"))
        if options["report"]:
            report.write_csv(options["report"])
            self.stdout.write(f"Report written to {options['report']}")
        failed = report.counts()["failed"]
        style = self.style.WARNING if failed else self.style.SUCCESS
        self.stdout.write(style(report.summary(options["dry_run"])))
        if failed:
            # exit status 1 after the summary, so that a cron job or a script sees it (Django
            # writes this on stderr)
            raise CommandError(f"{failed} failed: the lines marked failed above say why.")
