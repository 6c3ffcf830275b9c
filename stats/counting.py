"""Counting article views honestly and cheaply: what the beacon (views.py) does with a request.

- **Same origin only**: the beacon is a POST from the article's own page (`navigator.sendBeacon`
  sends `Origin`); one whose `Origin` is another site's, or that has neither `Origin` nor
  `Sec-Fetch-Site: same-origin`, counts nothing (403). No cookie is read or set, so there is no
  session to forge and nothing for CSRF to protect beyond that.
- **One view per visitor, article and day**: the visitor is a keyed hash (HMAC with the secret
  key) of the day, the article, their address (news/visitor.py) and browser; the hash is kept in
  the cache until the day ends, and nothing else: no address is stored anywhere.
- **Rate-limited**: more than RATE_PER_MINUTE beacons a minute from one address answer 429.
- **Per language**: each view counts for the language of the site it was read on (the beacon's
  address, `/en/views/...` or `/zh-hans/views/...`); a visitor who reads both versions the
  same day is still one view.
- **Batched**: a view adds one to the day's counter of the article in the cache (an atomic
  increment, seeded from the database the first time a day's counter is made). Every
  FLUSH_SECONDS at most, the beacon that finds the flush due writes every counter that changed to
  `PageViewCount` in one upsert (`flush`; `manage.py flush_view_counts` does the same, e.g. before a
  deploy). The counters hold totals, not increments, so a flush that runs twice, or one that
  misses a view that lands meanwhile, leaves nothing wrong: the next flush writes the new total.
- The cache down: the view is not counted; the page and the beacon still answer.
"""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from news.visitor import client_ip

from .models import PageViewCount

RATE_PER_MINUTE = 30
FLUSH_SECONDS = 30
KEEP = 60 * 60 * 50  # what may be lost: the marks of what was written, the dedupe keys
# A day's counters and slots have no TTL, so Redis's eviction (volatile-lru, which evicts only
# keys with one: docs/deployment.md) cannot take views not yet written; a flush deletes them
# once their day is over and written (CLEARED_AFTER days back, the days before too).
CLEARED_AFTER = 2
CLEARED_DAYS = 7


def same_origin(request):
    origin = request.headers.get("Origin")
    if origin:
        return origin == f"{request.scheme}://{request.get_host()}"
    return request.headers.get("Sec-Fetch-Site") == "same-origin"


def keyed(*parts):
    message = "|".join(str(part) for part in parts).encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def seconds_left_today():
    now = timezone.localtime()
    midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return int((midnight - now).total_seconds()) + 1


def too_many(request):
    """Whether this address sent more than RATE_PER_MINUTE beacons this minute."""
    now = timezone.now()
    key = f"stats:rate:{keyed(now.date(), client_ip(request))}:{now:%H%M}"
    cache.add(key, 0, 120)
    try:
        return cache.incr(key) > RATE_PER_MINUTE
    except ValueError:  # the cache lost the key (or is down): do not refuse
        return False


def counter_key(day, page_id, language):
    return f"stats:views:{day:%Y%m%d}:{page_id}:{language}"


def count(request, page_id, language):
    """Count one view of `page_id` in `language` by this visitor today, if it is their first
    view of the page today. True if counted."""
    day = timezone.localdate()
    visitor = keyed(day, page_id, client_ip(request), request.headers.get("User-Agent", ""))
    if not cache.add(f"stats:seen:{visitor}", 1, seconds_left_today()):
        return False
    key = counter_key(day, page_id, language)
    if cache.get(key) is None:
        stored = PageViewCount.objects.filter(
            page_id=page_id, day=day, language=language
        ).values_list("views", flat=True)
        if cache.add(key, next(iter(stored), 0), None):
            register(day, page_id, language)
    try:
        cache.incr(key)
    except ValueError:  # the cache lost the counter (or is down): this view is not counted
        return False
    return True


def register(day, page_id, language):
    """Note that `page_id` has a counter for `day` in `language`, in the day's numbered slots."""
    slots = f"stats:slots:{day:%Y%m%d}"
    cache.add(slots, 0, None)
    try:
        number = cache.incr(slots)
    except ValueError:
        return
    cache.set(f"{slots}:{number}", (page_id, language), None)


def counted_pages(day):
    slots = f"stats:slots:{day:%Y%m%d}"
    last = cache.get(slots) or 0
    found = cache.get_many([f"{slots}:{number}" for number in range(1, last + 1)])
    return set(found.values())


def flush_if_due():
    if cache.add("stats:flush-due", 1, FLUSH_SECONDS):
        flush()


def flush():
    """Write every day counter that changed since the last flush (today's, yesterday's, and
    those of days over that a flush has not cleared yet), then clear the days over."""
    today = timezone.localdate()
    over = [today - datetime.timedelta(days=n) for n in range(CLEARED_DAYS, CLEARED_AFTER - 1, -1)]
    rows = []
    for day in (*over, today - datetime.timedelta(days=1), today):
        counters = {
            counter_key(day, *counted): counted
            for counted in counted_pages(day)
            if isinstance(counted, tuple)  # not a slot of before languages were counted apart
        }
        totals = cache.get_many(list(counters))
        written = cache.get_many([f"stats:written:{key}" for key in totals])
        for key, total in totals.items():
            if written.get(f"stats:written:{key}") != total:
                page_id, language = counters[key]
                rows.append(PageViewCount(page_id=page_id, day=day, language=language, views=total))
    if rows:
        PageViewCount.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["page", "day", "language"],
            update_fields=["views"],
        )
        cache.set_many(
            {
                f"stats:written:{counter_key(row.day, row.page_id, row.language)}": row.views
                for row in rows
            },
            KEEP,
        )
    for day in over:
        clear(day)
    return len(rows)


def clear(day):
    """Delete a written day's counters, slots and marks (they have no TTL)."""
    slots = f"stats:slots:{day:%Y%m%d}"
    last = cache.get(slots)
    if last is None:
        return
    counted = cache.get_many([f"{slots}:{number}" for number in range(1, last + 1)])
    counters = [counter_key(day, *pair) for pair in counted.values() if isinstance(pair, tuple)]
    cache.delete_many(
        [
            *counters,
            *(f"stats:written:{key}" for key in counters),
            *(f"{slots}:{number}" for number in range(1, last + 1)),
            slots,
        ]
    )
