"""How long a public response may be reused, said once for every view that makes one:
`public(response, kind)` sets its Cache-Control and marks it for the page cache (pages.py).

Browsers revalidate every time (`max-age=0`: a publish shows at once; with the ETag a 304 costs
what a hit costs); shared caches (Varnish, a CDN) keep it `s-maxage` seconds and are purged by
tag in between (invalidation.py)."""

from dataclasses import dataclass

from django.utils.cache import patch_cache_control


@dataclass(frozen=True)
class Kind:
    """How long a kind of public response may be reused by shared caches (`s_maxage`) and in
    the page cache (`keep`; a write of what it shows ends it sooner)."""

    s_maxage: int
    keep: int


HOUR = 60 * 60
DAY = 24 * HOUR
# Home, listings, feeds, sitemaps, robots.txt, articles: purged by tag when they change.
LISTING = Kind(s_maxage=HOUR, keep=DAY)
ARTICLE = Kind(s_maxage=HOUR, keep=DAY)
# A search, the API's lists: endless addresses, so kept ten minutes at most.
SEARCH = Kind(s_maxage=10 * 60, keep=10 * 60)


def changes_at(request, moment):
    """Note that what this response shows changes at `moment` without any write (a view
    count's hourly list): the page cache keeps it no longer (pages.py)."""
    earliest = getattr(request, "changes_at", None)
    request.changes_at = moment if earliest is None else min(earliest, moment)


def public(response, kind, reads=()):
    """Mark `response` as the same for every visitor of its address. `reads`: the query
    parameters the view read (besides `page`, which a listing's paginator notes itself): the
    page cache keys the response by those alone."""
    patch_cache_control(response, public=True, max_age=0, s_maxage=kind.s_maxage)
    response.page_cache_kind = kind
    response.page_cache_reads = tuple(reads)
    return response
