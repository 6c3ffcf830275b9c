"""The anonymous page cache: whole responses of the public pages, kept for the content
generation (news/generation.py), so a visitor who reads what another read costs one cache
read and no query.

Which responses: those a public view marks with `cachecontrol.public(response, kind)`
(Wagtail pages and their feeds, the search, the sitemaps, robots.txt), status 200, to a GET
or HEAD without a session cookie, setting no cookie. Everything else (the admin, previews,
logged-in visitors, the view beacon, redirects, errors) passes through, and any response to a
visitor with a session is `private, no-store`.

The key: the code's digest, scheme, host, path and the query parameters the public pages read (`page`, `p`, `q`; under the JSON API's addresses, `PAGE_CACHE_WHOLE_QUERY`,
every parameter); others (`utm_source`, WeChat's `from=singlemessage`) are left out, so the variants of a shared link are one entry. A page number is kept only when the
response shows that page (`?page=999999` shows the last one, which is kept under its own
number), so addresses cannot multiply entries.

Which generation: an entry names the content generation it was made in and is served only
while that is the current one, so a publish ends every entry at once. The token and the entry
are read in one round trip to the cache (a key holding the generation would need the token
first, then the entry: two). An entry of an older generation is replaced by the next render.

Where: first in MIDDLEWARE, so an entry is the response as it left the app, with the security
and Content-Security-Policy headers the middleware below it added (those change only with the
settings, and a process with new settings starts a new generation); a hit runs no other
middleware. Static files, media and the admin are not looked up.

How long: until the next publish, never past the next Focus end date (lists and badges change then, without a write) or a moment the view named
(`cachecontrol.changes_at`: the hourly "most read" list), and at most the
kind's `keep` (a day; a search ten minutes, so one-off searches leave).

Conditional requests: a kept response carries an ETag; `If-None-Match` gets a 304.
"""

import hashlib
import math
import threading
import time
from collections import OrderedDict
from http.client import responses

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
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
    repeated one); a page number written as a number ("007" is 7). Under an address of
    `PAGE_CACHE_WHOLE_QUERY` (the JSON API, which reads every parameter it accepts and
    refuses the others), every parameter, whole."""
    kept = []
    whole = request.path.startswith(settings.PAGE_CACHE_WHOLE_QUERY)
    for name in sorted(request.GET):
        value = request.GET.get(name)
        if whole:
            kept.append((name, value))
        elif name in NUMBERS:
            number = page_number(value)
            kept.append((name, value if number is None else str(number)))
        elif name in TEXTS:
            kept.append((name, value[:TEXT_LIMIT]))
    return urlencode(kept)


def key(request):
    """The entry's name: not the generation (the entry holds it), but the code's digest."""
    query = normalised_query(request) if request.META.get("QUERY_STRING") else ""
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"news:page:{generation.code_digest()}:{digest}"


def anonymous(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def expiry(request, kind):
    """The moment an entry made now must no longer be served: after the kind's `keep`, or
    when the next Focus end date passes (itself kept for the generation, and found again once
    it has passed), whichever comes first; as a Unix time."""
    latest = time.time() + kind.keep
    ends = generation.fragment_until(request, ("next-focus-end",), lambda: (next_focus_end(),) * 2)
    for moment in (ends, getattr(request, "changes_at", None)):  # cachecontrol.changes_at
        if moment is not None:
            latest = min(latest, moment.timestamp())
    return latest


def shows_what_it_was_asked(request):
    """False for `?page=N` when the listing shows another page (news.listing.paginate says
    which), or a page number on a page that has none."""
    asked = request.GET.get("page")
    if asked is None:
        return True
    shown = getattr(request, "listing_page_shown", None)
    return page_number(asked) is not None and shown == page_number(asked)


NOT_PAGES = (settings.STATIC_URL, settings.MEDIA_URL, "/admin/", "/documents/")
CONDITIONS = frozenset(
    {"HTTP_IF_NONE_MATCH", "HTTP_IF_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE"}
)
LOOKED_UP = "bitnews.page_cache"  # the WSGI environ's record of a lookup that found no entry


def may_answer(request):
    """Whether the cache may answer `request`: an anonymous GET or HEAD for a page."""
    return (
        settings.PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and anonymous(request)
        and not getattr(request, "is_dummy", False)
        and not request.path.startswith(NOT_PAGES)
    )


# The entries this process served last, in front of the shared cache: a hit on one of them
# reads only the generation from Redis, not the page again (a feed or a sitemap page is
# 50-100 KB). At most LOCAL_BYTES of pages a process.
LOCAL_BYTES = 32 * 1024 * 1024
_local = OrderedDict()
_local_bytes = 0
_local_lock = threading.Lock()


def _remember(name, kept):
    global _local_bytes  # noqa: PLW0603 - this process's copies
    with _local_lock:
        old = _local.pop(name, None)
        if old is not None:
            _local_bytes -= len(old["content"])
        _local[name] = kept
        _local_bytes += len(kept["content"])
        while _local_bytes > LOCAL_BYTES:
            _name, dropped = _local.popitem(last=False)
            _local_bytes -= len(dropped["content"])


def look_up(request):
    """(entry's name, current generation, the entry or None), in one round trip to the cache
    (the generation alone when this process has a copy of the entry, and the entry again when
    that copy is of an older generation); the generation is None when the cache does not
    answer."""
    name = key(request)
    kept = _local.get(name)
    if kept is not None:
        token = cache.get(generation.KEY)
        if token is not None and kept["generation"] != token:
            kept = cache.get(name)  # another process may have made this generation's already
    else:
        found = cache.get_many([generation.KEY, name])
        token, kept = found.get(generation.KEY), found.get(name)
    if token is None:
        token = generation.current(request)  # starts one, or warns that the cache is down
    if kept is None or kept["generation"] != token or time.time() >= kept["expires"]:
        return name, token, None
    if _local.get(name) is not kept:
        _remember(name, kept)
    return name, token, kept


def answer(request, kept):
    response = HttpResponse(kept["content"], status=kept["status"])
    for header, value in kept["headers"]:
        response[header] = value
    return get_conditional_response(request, etag=kept["etag"], response=response)


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
        if not may_answer(request):
            return self.get_response(request)
        # AnswerKeptPages (in front of Django, bitnews/wsgi.py) may have looked already
        name, token, kept = request.META.get(LOOKED_UP) or look_up(request)
        if token is None:
            return self.get_response(request)  # no shared cache to say what is current
        request._news_generation = token  # what this request renders with, if it must
        if kept is not None:
            return answer(request, kept)
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
            "generation": generation.current(request),
            "status": response.status_code,
            "headers": list(response.headers.items()),
            "content": response.content,
            "etag": response["ETag"],
            "expires": expires,  # to the second in the cache, to the moment here
        }
        cache.set(name, kept, max(1, math.ceil(expires - time.time())))
        _remember(name, kept)
        return kept


class AnswerKeptPages:
    """WSGI, around Django (bitnews/wsgi.py): a kept page is answered before Django's request
    handling (its signals, URL configuration and middleware) runs, which costs more than the
    lookup itself. The same rules as PageCacheMiddleware, which makes the entries; whatever
    this does not answer goes to Django, with what the lookup found."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if settings.PAGE_CACHE and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            # A copy: WSGIRequest writes the decoded path back into the environ it is given,
            # which Django's own request could not decode again (`make audit`'s fuzz: any
            # character beyond Latin-1 in a path, a Chinese slug, was a 500).
            request = WSGIRequest(dict(environ))
            try:
                if may_answer(request):
                    name, token, kept = look_up(request)
                    if kept is not None:
                        return self.send(request, kept, start_response)
                    environ[LOOKED_UP] = (name, token, None)
            except DisallowedHost:
                pass  # Django answers 400
        return self.application(environ, start_response)

    @staticmethod
    def send(request, kept, start_response):
        if CONDITIONS.isdisjoint(request.META):
            start_response(f"{kept['status']} {responses[kept['status']]}", kept["headers"])
            return [kept["content"]]
        response = answer(request, kept)  # Django decides between 200, 304 and 412
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [response.content]  # not the response: closing it would signal request_finished
