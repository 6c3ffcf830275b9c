"""`manage.py backup` and `restore` (news/management/backups/): a round trip into an empty
PostgreSQL database and an empty media folder gives byte-identical pages, the same rows and
the same media, and no one signed in; the files are the owner's alone whatever the umask; a
damaged, unsigned, planted or inconsistent backup, or a database that is not empty, is refused
before anything is written."""

import hashlib
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
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


def signed_in(client):
    """A superuser signed in: a session row a backup must not carry."""
    user = User.objects.create_superuser("chief", "chief@example.com", "a-long-password-1")
    client.force_login(user)
    assert Session.objects.count() >= 1


def resign(folder, change):
    """`change(manifest)` applied and the manifest signed again with the site's key, as
    someone holding BACKUP_KEY could: the checks below the signature are what refuse it."""
    path = folder / backups.MANIFEST
    manifest = json.loads(path.read_text())
    change(manifest)
    manifest["hmac"] = backups.signature(manifest, settings.BACKUP_KEY.encode())
    path.write_text(json.dumps(manifest))


def database_url_beside(tmp_path, empty_database_url):
    """An empty database of the test database's engine: PostgreSQL's fixture, or a file."""
    if connection.vendor == "postgresql":
        return empty_database_url
    return f"sqlite:///{tmp_path / 'restored.sqlite3'}"


def restore_refused(folder, database_url, media_root):
    """`manage.py restore` in its own process, into `database_url` and `media_root`: it
    must fail; returns what it said."""
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(folder)],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bitnews.settings.test",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(media_root),
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return result.stderr


def tables_in(database_url):
    if database_url.startswith("sqlite:///"):
        path = Path(database_url.removeprefix("sqlite:///"))
        if not path.exists():
            return []
        with sqlite3.connect(path) as db:
            return [row[0] for row in db.execute("SELECT name FROM sqlite_master")]
    with psycopg2.connect(database_url) as db, db.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture
def empty_database():
    """A new, empty PostgreSQL database beside the test one; its URL, dropped afterwards."""
    db = settings.DATABASES["default"]
    if connection.vendor != "postgresql":
        yield None
        return
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


def test_a_round_trip_gives_the_same_pages_rows_and_media(
    newsroom, empty_database, tmp_path, client
):
    if connection.vendor != "postgresql":
        pytest.skip("the round trip runs on PostgreSQL (CI's PostgreSQL pass)")
    db = settings.DATABASES["default"]
    original_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    before = render(newsroom, original_url, settings.MEDIA_ROOT)  # makes the renditions too
    assert {status for status, _ in before.values()} == {200}
    signed_in(client)
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
    restored = psycopg2.connect(empty_database)
    with restored, restored.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM django_session")
        assert cursor.fetchone()[0] == 0  # a restored site starts with no one signed in
    restored.close()


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


def test_backup_files_are_the_owners_alone_whatever_the_umask(newsroom, tmp_path):
    previous = os.umask(0o022)
    try:
        folder = backups.backup(tmp_path / "backups")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = sorted(folder.iterdir())
    assert [path.name for path in files] == sorted(
        [backups.database_file(), backups.MEDIA, backups.MANIFEST]
    )
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_a_backup_carries_no_session(newsroom, tmp_path, client):
    signed_in(client)
    folder = backups.backup(tmp_path / "backups")
    manifest = json.loads((folder / backups.MANIFEST).read_text())
    assert manifest["rows_excluded"] == ["django_session"]
    if connection.vendor == "sqlite":  # PostgreSQL's: the round trip above
        with sqlite3.connect(folder / backups.database_file()) as dump:
            assert dump.execute("SELECT count(*) FROM django_session").fetchone() == (0,)
            assert dump.execute("SELECT count(*) FROM auth_user").fetchone() == (1,)


def test_backup_and_restore_refuse_to_run_without_a_key(newsroom, tmp_path, settings):
    folder = backups.backup(tmp_path / "backups")
    settings.BACKUP_KEY = ""
    with pytest.raises(CommandError, match="Set BACKUP_KEY"):
        backups.backup(tmp_path / "more")
    with pytest.raises(CommandError, match="Set BACKUP_KEY"):
        backups.read_manifest(folder)
    assert not (tmp_path / "more").exists()


def test_a_manifest_changed_or_signed_with_another_key_is_refused(newsroom, tmp_path, settings):
    folder = backups.backup(tmp_path / "backups")
    path = folder / backups.MANIFEST
    manifest = json.loads(path.read_text())
    manifest["rows"]["news.articlepage"] += 1  # edited to match a planted dump
    path.write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match="not signed with this site's BACKUP_KEY"):
        backups.read_manifest(folder)
    settings.BACKUP_KEY = "another-sites-key-" + "x" * 32
    planted = backups.backup(tmp_path / "planted")
    settings.BACKUP_KEY = "test-only-backup-key-not-secret-0123456789"
    with pytest.raises(CommandError, match="not signed with this site's BACKUP_KEY"):
        backups.read_manifest(planted)
    del manifest["hmac"]
    path.write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match="is not signed"):
        backups.read_manifest(folder)


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda manifest: manifest.update(files={}), "lists no files"),
        (lambda manifest: manifest["files"][backups.MEDIA].pop("sha256"), "no SHA-256 checksum"),
        (lambda manifest: manifest.pop("rows"), "has no row counts"),
        (lambda manifest: manifest["rows"].update({"auth.permission; DROP": 1}), "not a table"),
        (lambda manifest: manifest.update(engine="oracle"), "no known database engine"),
    ],
)
def test_a_manifest_of_the_wrong_shape_is_refused_with_what_is_wrong(
    newsroom, tmp_path, change, said
):
    folder = backups.backup(tmp_path / "backups")
    resign(folder, change)
    with pytest.raises(CommandError, match=said):
        backups.read_manifest(folder)


def planted_media(folder, name, kind=tarfile.REGTYPE):
    """The media archive with one more entry `name` (a file, or `kind`), its checksum in the
    manifest and the manifest signed again."""
    archive_path = folder / backups.MEDIA
    with tarfile.open(archive_path, "r:gz") as archive:
        members = [(member, archive.extractfile(member)) for member in archive]
        members = [(member, data.read() if data else None) for member, data in members]
    with tarfile.open(archive_path, "w:gz") as archive:
        for member, data in members:
            archive.addfile(member, io.BytesIO(data) if data is not None else None)
        entry = tarfile.TarInfo(name)
        entry.type = kind
        payload = b"planted"
        if kind == tarfile.SYMTYPE:
            entry.linkname = "/etc/passwd"
            archive.addfile(entry)
        else:
            entry.size = len(payload)
            archive.addfile(entry, io.BytesIO(payload))
    digest = hashlib.sha256(archive_path.read_bytes()).hexdigest()
    size = archive_path.stat().st_size

    def change(manifest):
        manifest["files"][backups.MEDIA] = {"sha256": digest, "bytes": size}

    resign(folder, change)


@pytest.mark.parametrize(
    ("entry", "kind", "said"),
    [
        ("../outside.txt", tarfile.REGTYPE, "not a file inside MEDIA_ROOT"),
        ("./images/link.jpg", tarfile.SYMTYPE, "not a file inside MEDIA_ROOT"),
        ("./images/unlisted.jpg", tarfile.REGTYPE, "does not list"),
    ],
)
def test_a_media_entry_that_leaves_or_is_not_listed_is_refused_before_any_write(
    newsroom, tmp_path, empty_database, entry, kind, said
):
    folder = backups.backup(tmp_path / "backups")
    planted_media(folder, entry, kind)
    database_url = database_url_beside(tmp_path, empty_database)
    media_root = tmp_path / "site" / "media"
    said_back = restore_refused(folder, database_url, media_root)
    assert said in said_back and "nothing was restored" in said_back
    assert tables_in(database_url) == []
    assert not media_root.exists()
    assert not (tmp_path / "site" / "outside.txt").exists()


def test_a_row_count_that_is_not_the_dumps_rolls_the_whole_load_back(
    newsroom, tmp_path, empty_database
):
    folder = backups.backup(tmp_path / "backups")
    resign(folder, lambda manifest: manifest["rows"].update({"news.articlepage": 4}))
    database_url = database_url_beside(tmp_path, empty_database)
    media_root = tmp_path / "site" / "media"
    said = restore_refused(folder, database_url, media_root)
    assert "news.articlepage has 3 rows, the manifest says 4" in said
    assert tables_in(database_url) == []
    assert not media_root.exists()
