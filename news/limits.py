"""How many times someone did something lately, against a limit (leaf): the contact form's
posts per visitor address, password-reset requests per address and per e-mail address.

A counter lives in Django's cache (Redis in production, shared by every app server) under the
action and who did it (`who`: an address, or a digest of an e-mail address, never stored as
given); it starts at the first request and ends `seconds` later (Redis keeps a key's expiry
through INCR), so at most `limit` actions are allowed from the first one until its window ends.
With the cache down every counter reads zero: the limits open rather than refuse everyone
(logged), as the rest of the site keeps answering without Redis."""

import hashlib
import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)


def exceeded(action, who, limit, seconds):
    """Count this request; whether it is over `limit` for `action` by `who` in the window."""
    digest = hashlib.sha256(str(who).encode()).hexdigest()[:32]
    key = f"news:limit:{action}:{digest}"
    try:
        cache.add(key, 0, seconds)
        count = cache.incr(key)
    except ValueError:  # it expired between add and incr: this request starts a new window
        cache.add(key, 1, seconds)
        count = 1
    if count is None:  # the cache is down (django-redis IGNORE_EXCEPTIONS)
        logger.warning("limit %s not counted: the cache is not answering", action)
        return False
    return count > limit
