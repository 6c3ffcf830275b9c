"""`manage.py backup` and `restore` (news/management/backups.py): a round trip into an empty
PostgreSQL database and an empty media folder gives byte-identical pages, the same rows and
the same media; a damaged backup or a database that is not empty is refused."""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from news.management import backups
from news.tests.utils import build_site, url_in

# pg_dump sees committed rows only; the data migrations' rows (groups, workflows) come back after
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run(module_args, **env):
    result = subprocess.run(
        [sys.executable, *module_args],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bitnews.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def render(urls, database_url, media_root):
    output = run(
        ["-m", "news.tests.backup_render", *urls],
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
    )
    return json.loads(output.strip().splitlines()[-1])


@pytest.fixture
def newsroom(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    home, index, articles = build_site(articles=3, focus_every=2)
    image = Image.objects.create(title="lab", file=get_test_image_file())
    for article in articles:
        article.lead_image = image
        article.lead_image_alt_en = "The lab"
        article.save_revision().publish()
    return [
        "/en/",
        "/zh-hans/",
        "/en/news/",
        "/en/news/focus/",
        url_in(articles[0]),
        url_in(articles[1], "zh-hans"),
        "/en/news/feed/rss/",
        "/sitemap.xml",
    ]


@pytest.fixture
def empty_database():
    """A new, empty PostgreSQL database beside the test one; its URL, dropped afterwards."""
    db = settings.DATABASES["default"]
    name = f"{db['NAME']}_restored"
    admin = psycopg2.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_a_round_trip_gives_the_same_pages_rows_and_media(newsroom, empty_database, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the round trip runs on PostgreSQL (CI's PostgreSQL pass)")
    db = settings.DATABASES["default"]
    original_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    before = render(newsroom, original_url, settings.MEDIA_ROOT)  # makes the renditions too
    assert {status for status, _ in before.values()} == {200}
    call_command("backup", to=str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    restored_media = tmp_path / "restored-media"
    output = run(
        ["manage.py", "restore", str(folder)],
        DATABASE_URL=empty_database,
        MEDIA_ROOT=str(restored_media),
    )
    assert "every checksum as backed up" in output
    after = render(newsroom, empty_database, restored_media)
    for url in newsroom:
        assert after[url] == before[url], url
    assert backups.media_hashes(restored_media) == backups.media_hashes(settings.MEDIA_ROOT)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["rows"]["news.articlepage"] == 3
    assert manifest["rows"]["wagtailimages.rendition"] > 0


def test_a_damaged_backup_is_refused_before_anything_changes(newsroom, tmp_path):
    folder = backups.backup(tmp_path / "backups")
    archive = folder / backups.MEDIA
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="damaged"):
        backups.read_manifest(folder)


def test_restore_refuses_a_database_that_is_not_empty(newsroom, tmp_path, settings):
    folder = backups.backup(tmp_path / "backups")
    settings.MEDIA_ROOT = tmp_path / "empty-media"
    with pytest.raises(CommandError, match="already has tables"):
        backups.restore(folder)
    assert Path(settings.MEDIA_ROOT).exists() is False
