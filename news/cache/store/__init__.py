"""Where kept entries live and how a tag reaches them: Redis (production, several processes
and servers) or Django's cache without Redis: files shared by `make run`'s processes, or local
memory (the tests without REDIS_URL).

The layout, the same in both:
- an entry (a page or a fragment) is kept under its name with the tags it was made from;
- each tag names the set of entries made from it, so invalidating a tag finds and removes
  exactly those (a soft invalidation moves a page entry aside as stale for GRACE seconds
  instead: served while one request renders the new one);
- a clock counts invalidations, and a log says when each tag was last invalidated. An entry
  is stored only if none of its tags was invalidated after the clock its request started
  with (a page rendered from data read before a publish never outlives the publish), and
  each process drops its in-memory copies of what the log says changed.

Redis keeps this atomic with two scripts; eviction must spare the sets, the clock and the log
(they have no TTL: `maxmemory-policy volatile-lru`, docs/deployment.md)."""

import logging
import threading
import time

from .common import (  # noqa: F401 - the store's names, used as store.X
    EVERYTHING,
    GRACE,
    PREFIX,
    RENDERING,
    Begin,
    Unavailable,
    fresh_clock,
)
from .in_django import Guard, LocalStore  # noqa: F401
from .in_redis import RedisStore

logger = logging.getLogger(__name__)

_store = None
_store_lock = threading.Lock()


def get():
    """This process's store (made on first use: after the settings are read)."""
    global _store  # noqa: PLW0603 - one per process
    if _store is None:
        with _store_lock:
            if _store is None:
                _store = RedisStore() if uses_redis() else LocalStore()
    return _store


def reset():
    """Forget the store (tests that change CACHES)."""
    global _store  # noqa: PLW0603
    _store = None


def uses_redis():
    from django.conf import settings

    return settings.CACHES["default"]["BACKEND"].startswith("django_redis")


_warned = {}
WARN_EVERY = 60


def warn(what, error):
    """Log `what` failed, at most once a minute per kind of failure and process."""
    moment = time.monotonic()
    if moment - _warned.get(what, -WARN_EVERY) >= WARN_EVERY:
        _warned[what] = moment
        logger.error("The page cache %s: %s", what, error)
