"""Backups of the whole site: its database and its media, checked on the way back.

`manage.py backup` writes a folder `bitnews-<UTC time>/` holding:
- `database.dump` (PostgreSQL: `pg_dump --format=custom`, a consistent snapshot taken while the
  site runs) or `database.sqlite3` (SQLite's online backup API);
- `media.tar.gz`: every upload and rendition under MEDIA_ROOT;
- `manifest.json`: when and from what it was made (engine, Django and Wagtail versions, the
  last migration of each app), the SHA-256 and size of both files, the number of rows of the
  tables a newsroom would miss, and the SHA-256 of every media file.

`manage.py restore FOLDER` checks every checksum first, refuses a database that already has
tables and a MEDIA_ROOT that already has files (restoring over a live site is not a restore),
loads the database (`pg_restore`, or the SQLite file), unpacks the media (no path may leave
MEDIA_ROOT), then compares the row counts and media hashes with the manifest and starts a new
cache, so no kept page of another database is served.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from news.cache import invalidation

MANIFEST = "manifest.json"
MEDIA = "media.tar.gz"
COUNTED = [
    "wagtailcore.page",
    "wagtailcore.revision",
    "news.articlepage",
    "news.column",
    "news.articletag",
    "wagtailimages.image",
    "wagtailimages.rendition",
    "wagtaildocs.document",
    "auth.user",
    "auth.group",
    "wagtailredirects.redirect",
    "stats.pageviewcount",
]


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_postgresql():
    return connection.vendor == "postgresql"


def database_file():
    return "database.dump" if is_postgresql() else "database.sqlite3"


def libpq_environment():
    """The database's connection as the environment pg_dump and pg_restore read."""
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGDATABASE": db["NAME"], "PGUSER": db.get("USER") or ""}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def row_counts():
    counts = {}
    for label in COUNTED:
        try:
            model = apps.get_model(label)
        except LookupError:  # an app this site does not install (stats can be switched off)
            continue
        counts[label] = model._default_manager.count()
    return counts


def media_hashes(root):
    root = Path(root)
    if not root.is_dir():
        return {}
    return {
        str(path.relative_to(root)): sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def last_migrations():
    recorder = MigrationRecorder(connection)
    latest = {}
    for app_label, name in recorder.migration_qs.order_by("applied", "id").values_list(
        "app", "name"
    ):
        latest[app_label] = name
    return latest


def backup(destination):
    """Write a backup folder under `destination`; returns its path."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = Path(destination) / f"bitnews-{stamp}"
    folder.mkdir(parents=True)
    dump = folder / database_file()
    if is_postgresql():
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", dump]
        result = subprocess.run(command, env=libpq_environment(), capture_output=True, text=True)  # noqa: S603 - our command, the settings' database
        if result.returncode:
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
    else:
        connection.ensure_connection()
        with sqlite3.connect(dump) as copy:
            connection.connection.backup(copy)
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
        "rows": row_counts(),
        "media": media_hashes(media_root),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return folder


def read_manifest(folder):
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise CommandError(f"{folder} has no readable {MANIFEST}: {error}") from error
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file() or sha256(path) != expected["sha256"]:
            raise CommandError(f"{path} is missing or damaged: its checksum is not the manifest's.")
    return manifest


def restore(folder):
    """Load a backup folder into this (empty) database and (empty) MEDIA_ROOT; returns the
    manifest. Refuses, changing nothing, if anything does not check out."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest["engine"] != connection.vendor:
        raise CommandError(
            f"This backup is of a {manifest['engine']} database; DATABASE_URL is {connection.vendor}."
        )
    if connection.introspection.table_names():
        raise CommandError(
            "The database already has tables. Restore into an empty database (create a new "
            "one and point DATABASE_URL at it), then switch the site over."
        )
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.is_dir() and any(media_root.iterdir()):
        raise CommandError(f"MEDIA_ROOT ({media_root}) is not empty. Restore into an empty folder.")
    dump = folder / database_file()
    if is_postgresql():
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
        command += ["--dbname", settings.DATABASES["default"]["NAME"], str(dump)]
        result = subprocess.run(command, env=libpq_environment(), capture_output=True, text=True)  # noqa: S603 - our command, the settings' database
        if result.returncode:
            raise CommandError(f"pg_restore failed: {result.stderr.strip()}")
    else:
        connection.close()
        shutil.copyfile(dump, settings.DATABASES["default"]["NAME"])
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA, "r:gz") as archive:
        archive.extractall(media_root, filter="data")  # nothing outside MEDIA_ROOT, no devices
    restored = row_counts()
    differences = {
        label: (count, restored.get(label))
        for label, count in manifest["rows"].items()
        if restored.get(label) != count
    }
    if differences:
        raise CommandError(f"Restored rows differ from the backup's: {differences}")
    if media_hashes(media_root) != manifest["media"]:
        raise CommandError("Restored media differ from the backup's.")
    invalidation.everything()
    return manifest
