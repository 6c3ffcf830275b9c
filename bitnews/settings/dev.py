"""A local machine: `make run` (DEBUG off: pages as visitors see them, the site's own 404 and
500) and `make dev` (DEBUG=1: Django's debug pages). SQLite unless DATABASE_URL says otherwise."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "0") == "1"
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - dev.py never runs in production
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# whitenoise serves straight from the apps' static folders (no collectstatic needed), with or
# without DEBUG
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True  # uploads served by Django itself (runserver, browser tests)
# `make dev`: an edited template shows at the next request (runserver restarts on Python
# changes only; the page cache's keys hold a digest of the code read at start).
PAGE_CACHE = not DEBUG
# Without REDIS_URL the cache lives in files that the server, the worker and every `manage.py`
# command share (a publish from the command line shows on the `make run` site at once; a
# process's own memory would keep its old pages): next to the SQLite database, so that each
# database has its own, or in CACHE_DIR.
if not os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR") or cache_folder(DATABASES["default"]),  # noqa: F405
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405 - `manage.py load_demo`
# two-step sign-in only when asked for (the demo's moderators sign in with a password alone)
TWO_FACTOR_REQUIRED = os.environ.get("TWO_FACTOR_REQUIRED", "0") == "1"
