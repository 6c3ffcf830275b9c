"""Where the bench works and what it runs with: its folders, the database and Redis it uses,
the environment of the settings it serves, and a command run (and logged) in it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
PYTHON = sys.executable
PG_DATABASE = "bitnews_bench"
REDIS_URL = "redis://127.0.0.1:6379/2"  # production's cache; emptied before each run


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run(command, env, **kwargs):
    done = subprocess.run(command, env=env, cwd=ROOT, text=True, capture_output=True, **kwargs)
    if done.returncode:
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def database_url(db):
    if db == "sqlite":
        return f"sqlite:///{WORK / 'bench.sqlite3'}"
    return f"postgres://postgres@127.0.0.1:5432/{PG_DATABASE}"


def environment(db, settings):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": database_url(db),
        "MEDIA_ROOT": str(WORK / "media"),
        "STATIC_ROOT": str(WORK / "static"),
        "SECRET_KEY": "bench-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": "https://127.0.0.1",
        "CONN_MAX_AGE": "60",
        "REDIS_URL": REDIS_URL,
        "PYTHONPATH": str(ROOT),
    }
