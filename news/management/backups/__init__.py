"""Backups of the whole site: its database and its media, checked on the way back.

`manage.py backup` writes a folder `bitnews-<UTC time>/` (0700, its files 0600 whatever the
umask: a dump holds every account's password hash and two-step secrets) holding:
- `database.dump` (PostgreSQL: `pg_dump --format=custom`, a consistent snapshot taken while the
  site runs) or `database.sqlite3` (SQLite's online backup API); without the rows of
  `EXCLUDED_ROWS` (sessions: a restored site starts with no one signed in);
- `media.tar.gz`: every upload and rendition under MEDIA_ROOT;
- `manifest.json`: when and from what it was made (engine, Django and Wagtail versions, the
  last migration of each app), the SHA-256 and size of both files, the number of rows of the
  tables a newsroom would miss, and the SHA-256 of every media file; authenticated by an HMAC
  (SHA-256) with `BACKUP_KEY` (settings, from the environment), so a dump planted in the
  backup folder, or a manifest edited to match it, is refused.

`manage.py restore FOLDER` checks everything it can before it writes anything (`check`): the
manifest's HMAC and shape, both files' sizes and checksums, every entry of the media archive
(a plain file or folder inside MEDIA_ROOT, listed in the manifest with the same checksum, and
every file the manifest lists present), the engine, an empty database and an empty MEDIA_ROOT.
Then it unpacks the media into a folder beside MEDIA_ROOT, loads the database in one
transaction that ends by comparing its row counts with the manifest's (a mismatch rolls it all
back: `load_postgresql`, `load_sqlite`), moves the media into MEDIA_ROOT and starts a new
cache, so no kept page of another database is served.

Here: `backup`, `check`, `restore`. manifest.py (what it records, its HMAC, reading it back),
media.py (the media's checksums, the archive's entries), postgresql.py and sqlite.py (each
engine's dump and load).
"""

import contextlib
import datetime
import json
import os
import shutil
import tarfile
import tempfile
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection

from news.cache import invalidation
from news.management.backups.manifest import (
    DATABASE_FILES,
    EXCLUDED_ROWS,
    MANIFEST,
    MEDIA,
    backup_key,
    last_migrations,
    read_manifest,
    refuse,
    row_counts,
    sha256,
    signature,
)
from news.management.backups.media import check_media, media_hashes
from news.management.backups.postgresql import dump_postgresql, load_postgresql
from news.management.backups.sqlite import dump_sqlite, load_sqlite


def is_postgresql():
    return connection.vendor == "postgresql"


def database_file():
    return DATABASE_FILES[connection.vendor]


@contextlib.contextmanager
def private_files():
    """Files and folders made inside are the owner's alone whatever the umask (pg_dump's too:
    a child process inherits it); each is also set explicitly after."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def backup(destination):
    """Write a backup folder under `destination`; returns its path."""
    key = backup_key()
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = Path(destination) / f"bitnews-{stamp}"
    with private_files():
        folder.mkdir(parents=True, mode=0o700)
        folder.chmod(0o700)
        dump = folder / database_file()
        if is_postgresql():
            dump_postgresql(dump)
        else:
            dump_sqlite(dump)
        media_root = Path(settings.MEDIA_ROOT)
        with tarfile.open(folder / MEDIA, "w:gz") as archive:
            if media_root.is_dir():
                archive.add(media_root, arcname=".")
        manifest = {
            "made": stamp,
            "engine": connection.vendor,
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "migrations": last_migrations(),
            "files": {
                name: {"sha256": sha256(folder / name), "bytes": (folder / name).stat().st_size}
                for name in (dump.name, MEDIA)
            },
            "rows_excluded": list(EXCLUDED_ROWS),
            "rows": row_counts(),
            "media": media_hashes(media_root),
        }
        manifest["hmac"] = signature(manifest, key)
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        for path in folder.iterdir():
            path.chmod(0o600)
    return folder


def check(folder):
    """Everything `restore` can check before it writes anything; returns the manifest."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest["engine"] != connection.vendor:
        refuse(
            folder,
            f"it is a backup of a {manifest['engine']} database; DATABASE_URL is "
            f"{connection.vendor}.",
        )
    if connection.introspection.table_names():
        refuse(
            folder,
            "the database already has tables. Restore into an empty database (create a new "
            "one and point DATABASE_URL at it), then switch the site over.",
        )
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.is_dir() and any(media_root.iterdir()):
        refuse(folder, f"MEDIA_ROOT ({media_root}) is not empty. Restore into an empty folder.")
    check_media(folder, manifest)
    return manifest


def restore(folder):
    """Load a backup folder into this (empty) database and (empty) MEDIA_ROOT; returns the
    manifest. Refuses, having written nothing, if anything does not check out."""
    folder = Path(folder)
    manifest = check(folder)
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=media_root.parent, prefix=".restore-media-"))
    try:
        with tarfile.open(folder / MEDIA, "r:gz") as archive:
            archive.extractall(staging, filter="data")  # checked above: files and folders only
        dump = folder / database_file()
        if is_postgresql():
            load_postgresql(dump, manifest["rows"])
        else:
            load_sqlite(dump, manifest["rows"])
        media_root.mkdir(exist_ok=True)
        for entry in staging.iterdir():
            entry.rename(media_root / entry.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if media_hashes(media_root) != manifest["media"]:
        raise CommandError("Restored media differ from the backup's.")
    invalidation.everything()
    return manifest
