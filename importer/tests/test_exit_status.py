"""What a cron job or a script sees of `manage.py import_news`: exit status 1 when any story
failed, after the summary line; 0 when none did; and no django-axes banner in its output."""

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

from news.tests.utils import build_site

from .utils import FIXTURES, SELECTORS

BAD = FIXTURES / "bad"  # seven failures and a story that imports
SPORTS = FIXTURES / "text" / "sports-day.txt"  # a story that imports
OPTIONS = ["--selectors", str(SELECTORS), "--progress", "off"]
ROOT = Path(settings.BASE_DIR)


class ExitStatusTests(TestCase):
    def setUp(self):
        build_site(articles=0)

    def test_a_run_with_failed_stories_ends_in_an_error_after_its_summary(self):
        out = io.StringIO()
        with self.assertRaises(CommandError) as raised:
            call_command("import_news", str(BAD), SPORTS, *OPTIONS, stdout=out)
        self.assertEqual(raised.exception.returncode, 1)
        self.assertIn("7 failed: the lines marked failed above say why", str(raised.exception))
        self.assertIn("2 created, 0 updated, 0 skipped, 7 failed", out.getvalue())

    def test_a_run_where_nothing_failed_ends_normally(self):
        out = io.StringIO()
        call_command("import_news", SPORTS, *OPTIONS, stdout=out)
        self.assertIn("1 created, 0 updated, 0 skipped, 0 failed", out.getvalue())


SETUP = textwrap.dedent(
    """
    import django
    django.setup()
    from django.core.management import call_command
    call_command("migrate", interactive=False, verbosity=0)
    from news.tests.utils import build_site
    build_site(articles=0)
    """
)


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    """The environment of a process with its own migrated SQLite database holding a site."""
    folder = tmp_path_factory.mktemp("import-exit")
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="bitnews.settings.test",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
    )
    done = subprocess.run(
        [sys.executable, "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return env


def manage(env, *arguments):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_manage_py_exits_with_1_when_a_story_failed_and_0_when_none_did(environment):
    failed = manage(environment, "import_news", str(BAD), *OPTIONS)
    assert failed.returncode == 1, failed.stderr
    assert failed.stdout.splitlines()[-1] == "1 created, 0 updated, 0 skipped, 7 failed"
    assert "CommandError: 7 failed" in failed.stderr
    done = manage(environment, "import_news", str(SPORTS), *OPTIONS)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "1 created, 0 updated, 0 skipped, 0 failed"
    for output in (failed.stdout, failed.stderr, done.stdout, done.stderr):
        assert "AXES" not in output


def test_manage_py_commands_print_no_axes_banner():
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "bitnews.settings.test"
    checked = manage(env, "check")
    assert checked.returncode == 0, checked.stderr
    assert "AXES" not in checked.stderr + checked.stdout
