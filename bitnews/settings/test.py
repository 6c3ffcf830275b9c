"""pytest: fast hashing, in-memory e-mail, plain static storage."""

import os
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105
BACKUP_KEY = "test-only-backup-key-not-secret-0123456789"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# a worker process a test starts sends through that test's own SMTP server (aiosmtpd on a
# loopback port: newsletter/tests/test_resume.py), never anywhere else
if os.environ.get("TEST_SMTP_PORT"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = "127.0.0.1"
    EMAIL_PORT = int(os.environ["TEST_SMTP_PORT"])
    EMAIL_USE_TLS = EMAIL_USE_SSL = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# a process a test starts may be given its own (news/tests/test_backups.py)
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / ".test-media"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# whitenoise serves straight from the apps' static folders (no collectstatic needed)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True  # uploads served by Django itself (runserver, browser tests)
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405 - `manage.py load_demo`
# two-step sign-in only when asked for (the demo's moderators sign in with a password alone)
TWO_FACTOR_REQUIRED = os.environ.get("TWO_FACTOR_REQUIRED", "0") == "1"
