"""Production: everything secret or host-specific comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL, WAGTAILADMIN_BASE_URL. Passes
`manage.py check --deploy`.
"""

from .base import *  # noqa: F403
from .sources import env_list, redis_cache, required_env

SECRET_KEY = required_env("SECRET_KEY")
required_env("ALLOWED_HOSTS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
required_env("DATABASE_URL")  # base.py already parsed it; production must not fall back to SQLite
# The cache (news/cache/) must be one for every worker and server.
CACHES = redis_cache(required_env("REDIS_URL"))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Workflow e-mails link to the admin: without it they would point at localhost.
WAGTAILADMIN_BASE_URL = required_env("WAGTAILADMIN_BASE_URL")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
