"""A database indexed before the index stemmed English and held events' venues and the site's
pages: `migrate` makes the index again, once (search/migrations/0001, news's `migrate`)."""

import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import TestCase
from wagtail.search.models import IndexEntry

from news.factories import (
    ArticlePageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    StandardPageFactory,
)
from news.tests.utils import build_site, result_titles, search

ROOT = Path(__file__).resolve().parent.parent.parent

SEARCHES = {  # what both tests' content is found by, once the index is made again
    ("en", "concert"): ["Alumni concert"],
    ("en", "activity centre"): ["Alumni concert"],
    ("en", "accessibility"): ["Accessibility statement"],
    ("en", "cooperate"): ["International cooperation"],
    ("zh-hans", "音乐会"): ["校友音乐会"],
    ("zh-hans", "无障碍"): ["无障碍声明"],
}

SCRIPT = textwrap.dedent(
    """
    import io, json, sys, django
    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from wagtail.search.models import IndexEntry
    from news.factories import (
        ArticlePageFactory, EventIndexPageFactory, EventPageFactory, StandardPageFactory,
    )
    from news.tests.utils import build_site, result_titles, search
    call_command("migrate", interactive=False, verbosity=0)
    home, index, _ = build_site()
    events = EventIndexPageFactory(parent=index)
    EventPageFactory(parent=events, title_en="Alumni concert", title_zh_hans="校友音乐会",
                     venue_en="Student Activity Centre")
    StandardPageFactory(parent=home, title_en="Accessibility statement",
                        title_zh_hans="无障碍声明")
    ArticlePageFactory(parent=index, title_en="International cooperation")
    # The database as an older release left it: Wagtail's full-text table without the porter
    # tokenizer, and no entry for what the older release did not index (here: none at all).
    call_command("migrate", "search", "zero", interactive=False, verbosity=0)
    IndexEntry.objects.all().delete()
    runs = []
    for _ in range(2):
        out = io.StringIO()
        call_command("migrate", interactive=False, verbosity=1, stdout=out)
        runs.append(out.getvalue())
    client = Client()
    found = {f"{language} {q}": result_titles(search(client, language, q))
             for language, q in json.loads(sys.argv[1])}
    print(json.dumps({"runs": runs, "found": found}))
    """
)


class UpgradeOnSQLiteTests(unittest.TestCase):
    """In a process of its own, on an SQLite database of its own (whatever the tests run on):
    the full-text table is made again there."""

    def test_migrate_rebuilds_an_index_made_before_once(self):
        with tempfile.TemporaryDirectory() as tmp:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "bitnews.settings.test",
                "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3",
                "MEDIA_ROOT": f"{tmp}/media",
            }
            env.pop("REDIS_URL", None)
            done = subprocess.run(
                [sys.executable, "-c", SCRIPT, json.dumps(list(SEARCHES))],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
        self.assertEqual(done.returncode, 0, done.stderr[-3000:])
        result = json.loads(done.stdout.strip().splitlines()[-1])
        first, second = result["runs"]
        self.assertIn("Rebuilding the search index", first)
        self.assertNotIn("Rebuilding the search index", second)
        expected = {f"{language} {q}": titles for (language, q), titles in SEARCHES.items()}
        self.assertEqual(result["found"], expected)


@unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL: migrations in a transaction")
class UpgradeOnPostgreSQLTests(TestCase):
    def test_migrate_rebuilds_an_index_made_before(self):
        home, index, _ = build_site()
        events = EventIndexPageFactory(parent=index)
        EventPageFactory(
            parent=events,
            title_en="Alumni concert",
            title_zh_hans="校友音乐会",
            venue_en="Student Activity Centre",
        )
        StandardPageFactory(
            parent=home, title_en="Accessibility statement", title_zh_hans="无障碍声明"
        )
        ArticlePageFactory(parent=index, title_en="International cooperation")
        # an older release's database: the migration not applied, its entries not made
        MigrationRecorder.Migration.objects.filter(app="search").delete()
        IndexEntry.objects.all().delete()
        call_command("migrate", interactive=False, verbosity=0)
        found = {
            (language, q): result_titles(search(self.client, language, q))
            for language, q in SEARCHES
        }
        self.assertEqual(found, SEARCHES)
