"""How the settings read the environment, and the caches they choose from: functions only,
imported by base.py (and production.py through it)."""

import ipaddress
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from news.cache.breaker import BreakerConnection  # redis only, no Django

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_networks(name, default=""):
    """`env_list` of addresses or networks (CIDR), each checked: a typo is refused at start."""
    entries = env_list(name, default)
    for entry in entries:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError as error:
            raise ImproperlyConfigured(
                f"{name}: {entry!r} is not an address or a network ({error})."
            ) from None
    return entries


def required_env(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable (see .env.example).")
    return value


def redis_cache(url):
    return {
        "default": {
            # django-redis: one client per process. Django's RedisCache makes a redis-py
            # client (~170 response callbacks) per call: about 0.5 ms each.
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "bitnews",
            # Redis down or stuck: pages are rendered without it, not errors, after at most
            # half a second; then the breaker (news/cache/breaker.py) stops asking it for a
            # few seconds, so the next requests do not wait at all.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "CONNECTION_POOL_KWARGS": {
                    "connection_class": BreakerConnection,
                },
            },
        }
    }


def cache_folder(database):
    """The files cache of a machine without Redis (dev.py): beside its SQLite database, or
    named after its PostgreSQL database."""
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return f"{database['NAME']}.cache"
    return str(BASE_DIR / ".cache" / database["NAME"])
