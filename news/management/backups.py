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
"""

import contextlib
import datetime
import hashlib
import hmac
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

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


def is_postgresql():
    return connection.vendor == "postgresql"


def database_file():
    return DATABASE_FILES[connection.vendor]


def libpq_environment():
    """The database's connection as the environment pg_dump, pg_restore and psql read."""
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGDATABASE": db["NAME"], "PGUSER": db.get("USER") or ""}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def counted_models():
    """{label: model} of COUNTED this site installs (stats can be switched off)."""
    found = {}
    for label in COUNTED:
        with contextlib.suppress(LookupError):
            found[label] = apps.get_model(label)
    return found


def row_counts():
    return {label: model._default_manager.count() for label, model in counted_models().items()}


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


@contextlib.contextmanager
def private_files():
    """Files and folders made inside are the owner's alone whatever the umask (pg_dump's too:
    a child process inherits it); each is also set explicitly after."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def dump_postgresql(dump):
    command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", dump]
    command += [f"--exclude-table-data={table}" for table in EXCLUDED_ROWS]
    result = subprocess.run(command, env=libpq_environment(), capture_output=True, text=True)  # noqa: S603 - our command, the settings' database
    if result.returncode:
        raise CommandError(f"pg_dump failed: {result.stderr.strip()}")


def dump_sqlite(dump):
    connection.ensure_connection()
    with contextlib.closing(sqlite3.connect(dump)) as copy:
        connection.connection.backup(copy)
        tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
        for table in EXCLUDED_ROWS:
            if table in tables:
                copy.execute(f'DELETE FROM "{table}"')  # noqa: S608 - our constant table names
        copy.commit()
        copy.execute("VACUUM")  # the deleted rows' pages too


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


def media_entry(member):
    """The path under MEDIA_ROOT a tar entry names ("" for the archive's root), or None for
    an entry that is not a plain file or folder inside it."""
    if not (member.isfile() or member.isdir()):
        return None
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts:
        return None
    return str(PurePosixPath(*[part for part in path.parts if part != "."]))


def check_media(folder, manifest):
    """Every entry of the media archive is a plain file or folder inside MEDIA_ROOT, each
    file listed in the manifest with its checksum, and each listed file present."""
    expected = manifest["media"]
    seen = set()
    try:
        with tarfile.open(Path(folder) / MEDIA, "r:gz") as archive:
            for member in archive:
                path = media_entry(member)
                if path is None:
                    refuse(folder, f"{MEDIA} holds {member.name!r}, not a file inside MEDIA_ROOT.")
                if not member.isfile():
                    continue
                if path not in expected:
                    refuse(folder, f"{MEDIA} holds {path}, which the manifest does not list.")
                if file_digest(archive.extractfile(member)) != expected[path]:
                    refuse(folder, f"{path} in {MEDIA} is not the file the manifest lists.")
                seen.add(path)
    except (tarfile.TarError, OSError, EOFError) as error:
        refuse(folder, f"{MEDIA} cannot be read ({error}).")
    missing = sorted(set(expected) - seen)
    if missing:
        refuse(folder, f"{MEDIA} lacks {len(missing)} listed files (first: {missing[0]}).")


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


def count_check_sql(rows):
    """A PL/pgSQL block that raises, naming the table, when a count is not `rows`'."""
    models = counted_models()
    checks = []
    for label, count in sorted(rows.items()):
        table = f"public.{connection.ops.quote_name(models[label]._meta.db_table)}"
        checks.append(  # a model's table, quoted; the label was checked against the models
            f"  SELECT count(*) INTO counted FROM {table};\n"  # noqa: S608
            f"  IF counted <> {int(count)} THEN RAISE EXCEPTION 'bitnews-restore: {label} has %"
            f" rows, the manifest says {int(count)}', counted; END IF;\n"
        )
    return "DO $check$ DECLARE counted bigint; BEGIN\n" + "".join(checks) + "END $check$;\n"


def load_postgresql(dump, rows):
    """The dump loaded in one transaction that ends by checking `rows`: all or nothing."""
    script = subprocess.run(  # noqa: S603 - our command, the backup's own file
        ["pg_restore", "--no-owner", "--no-privileges", "--file", "-", str(dump)],  # noqa: S607 - PostgreSQL's client on PATH, as pg_dump
        capture_output=True,
        check=False,
    )
    if script.returncode:
        raise CommandError(f"pg_restore cannot read {dump}: {script.stderr.decode().strip()}")
    loaded = subprocess.run(
        ["psql", "--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1"],  # noqa: S607 - PostgreSQL's client on PATH, as pg_dump
        input=script.stdout + b"\n" + count_check_sql(rows).encode(),
        env=libpq_environment(),
        capture_output=True,
        check=False,
    )
    if loaded.returncode:
        errors = loaded.stderr.decode(errors="replace").strip()
        said = re.search(r"bitnews-restore: (.*)", errors)
        problem = said.group(1) if said else errors[-2000:]
        raise CommandError(f"The database was not restored (rolled back, still empty): {problem}")


def load_sqlite(dump, rows):
    """The dump's row counts checked in a copy beside the database, then moved into place."""
    target = Path(settings.DATABASES["default"]["NAME"])
    models = counted_models()
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=".restore-", suffix=".sqlite3")
    os.close(handle)
    staged = Path(name)
    try:
        shutil.copyfile(dump, staged)
        with contextlib.closing(sqlite3.connect(staged)) as copy:
            for label, count in sorted(rows.items()):
                table = models[label]._meta.db_table
                found = copy.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608 - a model's table
                if found != count:
                    raise CommandError(
                        f"The database was not restored: {label} has {found} rows, the "
                        f"manifest says {count}."
                    )
        connection.close()
        os.replace(staged, target)
    except sqlite3.DatabaseError as error:
        raise CommandError(
            f"The database was not restored: {dump} is not readable ({error})."
        ) from error
    finally:
        staged.unlink(missing_ok=True)


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
