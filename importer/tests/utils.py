"""The importer's test helpers: the fixtures' paths, running the command, reading its CSV
report and taking a snapshot of what an import wrote."""

import csv
import io
import json
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Revision

from importer.models import ImportedSource
from news.models import ArticlePage

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = Path(settings.BASE_DIR) / "demo" / "seed" / "joint-guidance-center.txt"
MAPPING = FIXTURES / "mapping.toml"
SELECTORS = FIXTURES / "html" / "selectors.toml"
EVERYTHING = (SEED, FIXTURES)


def import_news(*paths, **options):
    """(printed output, report rows as dicts) of `manage.py import_news`, with the fixtures'
    mapping and selectors files unless told otherwise. The error a run with failed stories
    ends with (its exit status 1, test_exit_status.py) is the output's last line, as on a
    terminal; any other error is raised."""
    options.setdefault("mapping", str(MAPPING))
    options.setdefault("selectors", str(SELECTORS))
    options.setdefault("progress", "off")
    out = io.StringIO()
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.csv"
        try:
            call_command(
                "import_news",
                *map(str, paths),
                report=str(report),
                stdout=out,
                **options,
            )
            ended = None
        except CommandError as error:
            if not report.exists():
                raise
            ended = error
        with open(report, encoding="utf-8", newline="") as file:
            rows = list(csv.DictReader(file))
    if ended is not None:
        if not any(row["status"] == "failed" for row in rows):
            raise ended
        out.write(f"CommandError: {ended}\n")
    return out.getvalue(), rows


def rows_by_source(rows):
    return {row["source_url"]: row for row in rows if row["source_url"]}


def stream_data(value):
    """A StreamField's blocks without their ids."""
    return [{"type": block["type"], "value": block["value"]} for block in value.raw_data]


def snapshot():
    """What the import wrote, comparable between runs: counts and every article's content."""
    articles = {}
    for page in ArticlePage.objects.order_by("pk"):
        latest = page.get_latest_revision_as_object()
        articles[page.pk] = json.dumps(
            {
                name: stream_data(getattr(latest, name))
                if name.startswith("body")
                else str(getattr(latest, name))
                for name in (
                    "title_en",
                    "title_zh_hans",
                    "slug_en",
                    "slug_zh_hans",
                    "summary_en",
                    "summary_zh_hans",
                    "body_en",
                    "body_zh_hans",
                    "news_date",
                    "focus",
                    "public_en",
                    "public_zh_hans",
                    "lead_image_id",
                    "lead_image_alt_en",
                    "lead_image_alt_zh_hans",
                    "writer_en",
                    "writer_zh_hans",
                    "live",
                )
            },
            sort_keys=True,
        )
    return {
        "articles": articles,
        "redirects": sorted(Redirect.objects.values_list("old_path", "redirect_link")),
        "images": get_image_model().objects.count(),
        "sources": ImportedSource.objects.count(),
        "revisions": Revision.objects.count(),
    }
