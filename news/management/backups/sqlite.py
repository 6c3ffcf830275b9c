"""SQLite's dump (the online backup API) and load (the row counts checked in a copy beside
the database, then moved into place)."""

import contextlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection

from news.management.backups.manifest import EXCLUDED_ROWS, counted_models


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
