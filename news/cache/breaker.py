"""A circuit breaker in front of Redis: after a connection or a reply times out, this process
stops asking Redis for `OPEN_FOR` seconds, so a Redis that hangs costs one request half a
second (the socket timeout) instead of every cache call of every request waiting it out.

It sits below every user of the cache (Django's cache through django-redis, the page cache's
own scripts), as the connection class of the Redis connection pool
(`bitnews/settings/base.py`: CONNECTION_POOL_KWARGS). While it is open, a command fails at once
with `redis.ConnectionError`, which django-redis's IGNORE_EXCEPTIONS turns into a miss and the
page cache into "render without the cache"."""

import logging
import threading
import time

from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .. import metrics

logger = logging.getLogger(__name__)

OPEN_FOR = 5.0  # seconds without asking Redis after a failure
FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)

_lock = threading.Lock()
_open_until = 0.0


class BreakerOpen(RedisConnectionError):
    """Redis failed less than OPEN_FOR seconds ago: not asked."""


def is_open():
    return time.monotonic() < _open_until


def trip(error):
    """Stop asking Redis for a while (logged once per opening)."""
    metrics.BACKEND_ERRORS.labels("redis").inc()
    global _open_until  # noqa: PLW0603 - this process's breaker
    with _lock:
        was_open = is_open()
        _open_until = time.monotonic() + OPEN_FOR
    if not was_open:
        logger.warning(
            "Redis did not answer (%s): not asked for %.0f s, pages are rendered without it.",
            error,
            OPEN_FOR,
        )


def close():
    """Ask Redis again now (tests)."""
    global _open_until  # noqa: PLW0603
    _open_until = 0.0


def check():
    if is_open():
        raise BreakerOpen("Redis failed a moment ago: not asked (news/cache/breaker.py)")


class BreakerConnection(Connection):
    """redis-py's TCP connection, failing at once while the breaker is open and opening it
    when a connection or a reply fails."""

    @staticmethod
    def guarded(call, *args, **kwargs):
        """`call` unless the breaker is open; a failure opens it."""
        check()
        try:
            return call(*args, **kwargs)
        except BreakerOpen:
            raise
        except FAILURES as error:
            trip(error)
            raise

    def connect(self, *args, **kwargs):
        return self.guarded(super().connect, *args, **kwargs)

    def send_packed_command(self, *args, **kwargs):
        return self.guarded(super().send_packed_command, *args, **kwargs)

    def read_response(self, *args, **kwargs):
        try:
            return super().read_response(*args, **kwargs)
        except FAILURES as error:
            trip(error)
            raise
