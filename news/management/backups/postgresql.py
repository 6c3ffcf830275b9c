"""PostgreSQL's dump (pg_dump, a consistent snapshot) and load (pg_restore into psql, one
transaction that ends by checking the row counts: all or nothing)."""

import os
import re
import subprocess

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection

from news.management.backups.manifest import EXCLUDED_ROWS, counted_models


def libpq_environment():
    """The database's connection as the environment pg_dump, pg_restore and psql read."""
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGDATABASE": db["NAME"], "PGUSER": db.get("USER") or ""}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def dump_postgresql(dump):
    command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", dump]
    command += [f"--exclude-table-data={table}" for table in EXCLUDED_ROWS]
    result = subprocess.run(command, env=libpq_environment(), capture_output=True, text=True)  # noqa: S603 - our command, the settings' database
    if result.returncode:
        raise CommandError(f"pg_dump failed: {result.stderr.strip()}")


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
