"""A backup's manifest: what it records of the site, its HMAC with BACKUP_KEY, and reading
one back: authenticated, of the expected shape, its two files as it lists them."""

import contextlib
import hashlib
import hmac
import json
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

MANIFEST = "manifest.json"
MEDIA = "media.tar.gz"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
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
# Tables whose rows are never backed up (their structure is): who is signed in.
EXCLUDED_ROWS = ("django_session",)
KEY_LENGTH = 32  # characters of BACKUP_KEY at least
SHA256 = re.compile(r"[0-9a-f]{64}")


def file_digest(source):
    """The SHA-256 of what an open binary file holds, read a megabyte at a time."""
    return hashlib.file_digest(source, "sha256").hexdigest()


def sha256(path):
    with open(path, "rb") as source:
        return file_digest(source)


def counted_models():
    """{label: model} of COUNTED this site installs (stats can be switched off)."""
    found = {}
    for label in COUNTED:
        with contextlib.suppress(LookupError):
            found[label] = apps.get_model(label)
    return found


def row_counts():
    return {label: model._default_manager.count() for label, model in counted_models().items()}


def last_migrations():
    recorder = MigrationRecorder(connection)
    latest = {}
    for app_label, name in recorder.migration_qs.order_by("applied", "id").values_list(
        "app", "name"
    ):
        latest[app_label] = name
    return latest


def backup_key():
    """BACKUP_KEY as bytes; a clear refusal when it is missing or short."""
    key = getattr(settings, "BACKUP_KEY", "")
    if len(key) < KEY_LENGTH:
        raise CommandError(
            f"Set BACKUP_KEY in the environment to a random secret of at least {KEY_LENGTH} "
            "characters (for example `openssl rand -hex 32`), the same where backups are made "
            "and where they are restored: it authenticates each backup's manifest."
        )
    return key.encode()


def signature(manifest, key):
    """The HMAC-SHA256 of `manifest` (without its own "hmac") in one canonical form."""
    fields = {name: value for name, value in manifest.items() if name != "hmac"}
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest()


def refuse(folder, problem):
    raise CommandError(f"Refused {folder}, nothing was restored: {problem}")


def read_manifest(folder):
    """The manifest of `folder`, authenticated and of the expected shape, its two files
    present with their sizes and checksums; else a CommandError saying what is wrong."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        refuse(folder, f"it has no readable {MANIFEST} ({error}).")
    if not isinstance(manifest, dict) or not isinstance(manifest.get("hmac"), str):
        refuse(folder, f'its {MANIFEST} is not signed (no "hmac").')
    if not hmac.compare_digest(manifest["hmac"], signature(manifest, backup_key())):
        refuse(
            folder,
            f"its {MANIFEST} is not signed with this site's BACKUP_KEY: a backup made "
            "elsewhere, or one whose manifest was changed after it was made.",
        )
    for problem in shape_problems(manifest):
        refuse(folder, f"its {MANIFEST} {problem}.")
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file():
            refuse(folder, f"{name} is missing.")
        if path.stat().st_size != expected["bytes"] or sha256(path) != expected["sha256"]:
            refuse(folder, f"{name} is damaged: its size or checksum is not the manifest's.")
    return manifest


def shape_problems(manifest):
    """What is wrong with the manifest's fields, as phrases ("has no …")."""
    engine = manifest.get("engine")
    if engine not in DATABASE_FILES:
        yield f"names no known database engine ({engine!r})"
        return
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        yield "lists no files"
        return
    expected = {DATABASE_FILES[engine], MEDIA}
    if set(files) != expected:
        yield f"lists {sorted(files)}, not {sorted(expected)}"
    for name, facts in files.items():
        if not isinstance(facts, dict) or not SHA256.fullmatch(str(facts.get("sha256", ""))):
            yield f"has no SHA-256 checksum for {name}"
        elif not isinstance(facts.get("bytes"), int):
            yield f"has no size for {name}"
    rows = manifest.get("rows")
    if not isinstance(rows, dict) or not rows:
        yield "has no row counts"
    else:
        installed = counted_models()
        for label, count in rows.items():
            if label not in installed:
                yield f"counts rows of {label!r}, not a table of this site"
            elif not isinstance(count, int) or count < 0:
                yield f"has no row count for {label}"
    media = manifest.get("media")
    if not isinstance(media, dict) or not all(
        isinstance(value, str) and SHA256.fullmatch(value) for value in media.values()
    ):
        yield "has no SHA-256 checksum for each media file"
