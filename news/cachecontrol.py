"""How long a public response may be reused, said once for every view that makes one:
`public(response, kind)` sets its Cache-Control for browsers and shared caches (Varnish, a
CDN) and marks it for the page cache (news/pagecache.py)."""

from dataclasses import dataclass

from django.utils.cache import patch_cache_control


@dataclass(frozen=True)
class Kind:
    """How long a kind of public response may be reused: by browsers (`max_age`), by shared
    caches (`s_maxage`, `stale_while_revalidate`), and in the page cache (`keep`, the longest;
    a publish ends it sooner)."""

    max_age: int
    s_maxage: int
    stale_while_revalidate: int
    keep: int


DAY = 24 * 60 * 60
# Home, listings, feeds, sitemaps, robots.txt: they change with every publish.
LISTING = Kind(max_age=60, s_maxage=60, stale_while_revalidate=30, keep=DAY)
# An article changes less often than the lists it is on.
ARTICLE = Kind(max_age=300, s_maxage=300, stale_while_revalidate=60, keep=DAY)
# A search: endless addresses, so kept ten minutes at most.
SEARCH = Kind(max_age=60, s_maxage=60, stale_while_revalidate=30, keep=10 * 60)


def changes_at(request, moment):
    """Note that what this response shows changes at `moment` without any write (a view
    count's hourly list): the page cache keeps it no longer (news/pagecache.py)."""
    earliest = getattr(request, "changes_at", None)
    request.changes_at = moment if earliest is None else min(earliest, moment)


def public(response, kind):
    """Mark `response` as the same for every visitor of its address."""
    patch_cache_control(
        response,
        public=True,
        max_age=kind.max_age,
        s_maxage=kind.s_maxage,
        stale_while_revalidate=kind.stale_while_revalidate,
    )
    response.page_cache_kind = kind
    return response
