"""The anonymous page cache: whole responses of the public pages, kept for the content
generation (news/generation.py), so a visitor who reads what another read costs one cache
read and no query.

Which responses: those a public view marks with `cachecontrol.public(response, kind)`
(Wagtail pages and their feeds, the search, the sitemaps, robots.txt), status 200, to a GET
or HEAD without a session cookie, setting no cookie. Everything else (the admin, previews,
logged-in visitors, the view beacon, redirects, errors) passes through, and any response to a
visitor with a session is `private, no-store`.

The key: the generation, the code's digest, scheme, host, path and the query parameters the
public pages read (`page`, `p`, `q`); others (`utm_source`, WeChat's `from=singlemessage`) are
left out, so the variants of a shared link are one entry. A page number is kept only when the
response shows that page (`?page=999999` shows the last one, which is kept under its own
number), so addresses cannot multiply entries.

How long: until the next publish (a new generation makes every entry unreachable), never
past the next Focus end date (lists and badges change then, without a write), and at most the
kind's `keep` (a day; a search ten minutes, so one-off searches leave).

Conditional requests: a kept response carries an ETag; `If-None-Match` gets a 304.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import urlencode

from . import generation
from .models.pages import next_focus_end

NUMBERS = ("page", "p")  # query parameters holding a page number: listings, sitemaps
TEXTS = ("q",)  # and a search's words (the view cuts them to 200 characters)
TEXT_LIMIT = 1000

PRIVATE = "private, no-store"


def page_number(value):
    """`value` as a page number when it is one in ASCII digits ("007" is 7), else None
    ("²" and "٣" are digits to `str.isdigit`, not to the paginator)."""
    return int(value) if value.isascii() and value.isdigit() else None


def normalised_query(request):
    """The query parameters a public page reads, in order, as they are read (the last of a
    repeated one); a page number written as a number ("007" is 7)."""
    kept = []
    for name in sorted(request.GET):
        value = request.GET.get(name)
        if name in NUMBERS:
            number = page_number(value)
            kept.append((name, value if number is None else str(number)))
        elif name in TEXTS:
            kept.append((name, value[:TEXT_LIMIT]))
    return urlencode(kept)


def key(request):
    address = f"{request.scheme}://{request.get_host()}{request.path}?{normalised_query(request)}"
    return generation.key(request, "page", hashlib.sha256(address.encode()).hexdigest()[:32])


def anonymous(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def expiry(request, kind):
    """The moment an entry made now must no longer be served: after the kind's `keep`, or
    when the next Focus end date passes (itself kept for the generation, and found again once
    it has passed), whichever comes first; as a Unix time."""
    latest = time.time() + kind.keep
    ends = generation.fragment_until(request, ("next-focus-end",), lambda: (next_focus_end(),) * 2)
    return latest if ends is None else min(latest, ends.timestamp())


def shows_what_it_was_asked(request):
    """False for `?page=N` when the listing shows another page (news.listing.paginate says
    which), or a page number on a page that has none."""
    asked = request.GET.get("page")
    if asked is None:
        return True
    shown = getattr(request, "listing_page_shown", None)
    return page_number(asked) is not None and shown == page_number(asked)


class PageCacheMiddleware:
    """Answer an anonymous GET or HEAD from the page cache; keep what a public view marked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(request, "is_dummy", False):
            # Wagtail's preview renders a draft through the middleware with a request for the
            # page's public address (with or without the editor's cookies): never from or
            # into the cache.
            return self.get_response(request)
        if not anonymous(request):
            response = self.get_response(request)
            response.headers["Cache-Control"] = PRIVATE
            return response
        if (
            not settings.PAGE_CACHE
            or request.method not in ("GET", "HEAD")
            or generation.current(request) is None  # no shared cache to say what is current
        ):
            return self.get_response(request)
        name = key(request)
        kept = cache.get(name)
        if kept is not None and time.time() < kept["expires"]:
            return self.answer(request, kept)
        response = self.get_response(request)
        kind = getattr(response, "page_cache_kind", None)
        if kind is None or getattr(request, "is_preview", False):
            return response
        if response.cookies:  # said to this visitor only
            response.headers["Cache-Control"] = PRIVATE
            return response
        if response.status_code != 200 or response.streaming:
            return response
        if not shows_what_it_was_asked(request):
            return response
        kept = self.keep(request, response, name, kind)
        return get_conditional_response(request, etag=kept["etag"], response=response)

    @staticmethod
    def keep(request, response, name, kind):
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        expires = expiry(request, kind)
        kept = {
            "status": response.status_code,
            "headers": list(response.headers.items()),
            "content": response.content,
            "etag": response["ETag"],
            "expires": expires,  # to the second in the cache, to the moment here
        }
        cache.set(name, kept, max(1, math.ceil(expires - time.time())))
        return kept

    @staticmethod
    def answer(request, kept):
        response = HttpResponse(kept["content"], status=kept["status"])
        for header, value in kept["headers"]:
            response[header] = value
        return get_conditional_response(request, etag=kept["etag"], response=response)
