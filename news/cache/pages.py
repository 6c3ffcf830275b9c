"""The anonymous page cache: whole responses of the public pages, kept with the tags of what
they show (tags.py), so a visitor who reads what another read costs one round trip and no
query, and a write removes exactly the pages that showed what it changed.

Which responses: those a public view marks with `control.public(response, kind)`, status 200,
to a GET or HEAD without a session cookie, setting no cookie. Everything else (the admin,
previews, logged-in visitors, the view beacon, redirects, errors) passes through, and any
response to a visitor with a session is `private, no-store`.

The name: the code's and settings' digests, scheme, host, path and only the query parameters
the view read (`control.public(..., reads=)`; `page` when a listing's paginator showed the
page asked for; under `PAGE_CACHE_WHOLE_QUERY`, the JSON API, every parameter). A request with
parameters the page ignores (`?q=` on an article, `utm_source`) is answered with the entry of
the address without them and makes none of its own, so junk query strings cannot fill Redis.

After an edit (a soft invalidation) the old entry is set aside for a few seconds: one request
claims the page and renders it while the others are answered the old copy, marked `no-store`
(a shared cache must not keep what its purge already ended). After a removal nothing is
served: the next request renders.

How long: until a write of what it shows, never past the next moment it changes without a
write (`ends_with`: a Focus end date; `control.changes_at`: the hourly "most read" list), and
at most the kind's `keep`. A kept response carries an ETag; `If-None-Match` gets a 304.

Where: first in MIDDLEWARE (an entry holds the security and CSP headers the middleware below
added), and in front of Django for gunicorn (`AnswerKeptPages`, bitnews/wsgi.py)."""

import hashlib
import math
import time
from http.client import responses

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import urlencode

from .. import metrics
from . import fragments, local, store, tags

NUMBERS = ("page", "p")  # query parameters holding a page number: listings, sitemaps
TEXTS = ("q",)  # and a search's words (the view cuts them to 200 characters)
KNOWN = NUMBERS + TEXTS
TEXT_LIMIT = 1000
PRIVATE = "private, no-store"
TAGS_HEADER = "xkey"  # what Varnish's xkey module indexes objects by (deploy/varnish)

# The entries this process served last: a hit on one reads only the clock from Redis.
LOCAL_BYTES = 32 * 1024 * 1024
_pages = local.register(local.Copies(LOCAL_BYTES, size=lambda kept: len(kept["content"])))

# Functions of the request giving a moment (or None) when what every page may show changes
# without a write: registered by the page models (news/apps.py: the next Focus end date).
_moments = []


def ends_with(moment_of):
    _moments.append(moment_of)


def page_number(value):
    """`value` as a page number when it is one in ASCII digits ("007" is 7), else None."""
    return int(value) if value.isascii() and value.isdigit() else None


def whole(request):
    return request.path.startswith(settings.PAGE_CACHE_WHOLE_QUERY)


def asked(request, names=KNOWN):
    """The parameters among `names` the request has, normalised as the views read them (the
    last of a repeated one; a page number as a number); every one under a whole-query path."""
    kept = []
    every = whole(request)
    for name in sorted(request.GET):
        value = request.GET.get(name)
        if every:
            kept.append((name, value))
        elif name in names:
            if name in NUMBERS:
                number = page_number(value)
                value = value if number is None else str(number)
            kept.append((name, value[:TEXT_LIMIT]))
    return kept


def name_for(request, query):
    address = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(query)}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"news:page:{fragments.code_digest()}:{fragments.settings_digest()}:{digest}"


def names(request):
    """(the name with every parameter a page might read, the name of the bare address)."""
    query = asked(request) if request.META.get("QUERY_STRING") else []
    full = name_for(request, query)
    return full, (name_for(request, []) if query else full)


def anonymous(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


# The operator's addresses (bitnews/health.py): no site, no cache state, no page cache for them
OPERATIONS = ("/healthz", "/readyz", "/health/", "/metrics")
# never pages: static files, uploads, the admin, documents, the operator's addresses
NOT_PAGES = (settings.STATIC_URL, settings.MEDIA_URL, "/admin/", "/documents/", *OPERATIONS)
CONDITIONS = frozenset(
    {"HTTP_IF_NONE_MATCH", "HTTP_IF_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE"}
)
LOOKED_UP = "bitnews.page_cache"  # the WSGI environ's record of a lookup that found nothing


def may_answer(request):
    """Whether the cache may answer `request`: an anonymous GET or HEAD for a page."""
    return (
        settings.PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and anonymous(request)
        and not getattr(request, "is_dummy", False)
        and not request.path.startswith(NOT_PAGES)
    )


def serves(kept, exact, asked_names, now):
    """Whether the entry `kept` answers a request: not ended, and either kept under the
    request's own name (`exact`) or reading none of the parameters the request has."""
    if now >= kept["expires"]:
        return False
    return exact or (kept["reads"] != "*" and not asked_names & set(kept["reads"]))


def look_up(request):
    """(the request's cache state, the entry answering it or None), in one round trip (two
    just after an invalidation dropped this process's copy)."""
    full, bare = names(request)
    candidates = [full] if full == bare else [full, bare]
    extra = {name for name, _value in asked(request)} if full != bare else set()
    now = time.time()
    copies = [local.look(_pages, name) for name in candidates]
    state, began = fragments.begin(() if any(copies) else candidates)
    if state.clock is None:
        metrics.PAGE_CACHE.labels("unavailable").inc()
        return state, None
    if any(copies):
        copies = [local.look(_pages, name) for name in candidates]  # after the sync
        if not any(copies):
            state, began = fragments.begin(candidates)
            if state.clock is None:
                metrics.PAGE_CACHE.labels("unavailable").inc()
                return state, None
    for position, name in enumerate(candidates):
        copy = copies[position]
        if copy is None and began is not None and name in began.entries:
            copy = began.entries[name]
            local.remember(_pages, state.clock, name, *copy)
        if copy is not None and serves(copy[0], position == 0, extra, now):
            tags.record(*copy[1])
            metrics.PAGE_CACHE.labels("hit").inc()
            return state, copy[0]
    set_aside = store.get().stale_many(candidates)  # a miss: an edit's old copy?
    for position, name in enumerate(candidates):
        stale = set_aside.get(name)
        usable = stale is not None and serves(stale[0], position == 0, extra, now)
        if usable:
            if not store.get().claim(name):
                metrics.PAGE_CACHE.labels("stale").inc()
                return state, not_kept(stale[0])  # another request is rendering the new one
            state.claimed = name  # this one renders it (released when it is done)
    metrics.PAGE_CACHE.labels("miss").inc()
    return state, None


def not_kept(kept):
    """A copy set aside by an edit, answered while another request renders the new one, that
    no shared cache keeps: the edit's purges were sent already, so a Varnish fetching it
    (at another address of the page, or another Varnish) would serve the old page until its
    s-maxage ran out."""
    headers = [(name, value) for name, value in kept["headers"] if name.lower() != "cache-control"]
    return {**kept, "headers": [*headers, ("Cache-Control", "no-store")]}


def answer(request, kept):
    response = HttpResponse(kept["content"], status=kept["status"])
    for header, value in kept["headers"]:
        response[header] = value
    response["Age"] = str(max(0, int(time.time() - kept["made"])))
    return get_conditional_response(request, etag=kept["etag"], response=response)


def expiry(request, kind):
    """When an entry made now must no longer be served, as a Unix time."""
    latest = time.time() + kind.keep
    moments = [moment_of(request) for moment_of in _moments]
    moments.append(getattr(request, "changes_at", None))  # control.changes_at
    for moment in moments:
        if moment is not None:
            latest = min(latest, moment.timestamp())
    return latest


def shows_what_it_was_asked(request):
    """False for `?page=N` when the listing shows another page (news.listing.paginate says
    which)."""
    number = request.GET.get("page")
    if number is None:
        return True
    shown = getattr(request, "listing_page_shown", None)
    return shown is None or page_number(number) == shown


class PageCacheMiddleware:
    """Answer an anonymous GET or HEAD from the page cache; keep what a public view marked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(request, "is_dummy", False):
            # Wagtail's preview renders a draft through the middleware with a request for the
            # page's public address: never from or into the cache.
            return self.get_response(request)
        if not anonymous(request):
            response = self.get_response(request)
            response.headers["Cache-Control"] = PRIVATE
            return response
        if not may_answer(request):
            return self.get_response(request)
        # AnswerKeptPages (in front of Django, bitnews/wsgi.py) may have looked already
        state, kept = request.META.get(LOOKED_UP) or look_up(request)
        request._news_cache = state  # what the fragments of this request use
        if kept is not None:
            request.answered_from_page_cache = True  # counted as `kept` (news/metrics.py)
            return answer(request, kept)
        with tags.collecting() as tags_read:
            response = self.get_response(request)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response.page_cache_tags = tags_read
        kept = self.keep_if_public(request, response, state)
        if getattr(state, "claimed", None):
            # kept, refused (what it shows changed meanwhile) or not to keep: either way the
            # others need not wait for it any longer
            store.get().release(state.claimed)
        if kept is None:
            return response
        return get_conditional_response(request, etag=kept["etag"], response=response)

    def keep_if_public(self, request, response, state):
        """The entry kept for `response`, or None when it is not one to keep."""
        kind = getattr(response, "page_cache_kind", None)
        if kind is None or getattr(request, "is_preview", False):
            return None
        if response.cookies:  # said to this visitor only
            response.headers["Cache-Control"] = PRIVATE
            return None
        if response.status_code != 200 or response.streaming:
            return None
        if not shows_what_it_was_asked(request) or state.clock is None:
            return None
        return self.keep(request, response, kind, sorted(response.page_cache_tags), state)

    @staticmethod
    def keep(request, response, kind, tags_read, state):
        reads = set(response.page_cache_reads)
        if getattr(request, "listing_page_shown", None) is not None:
            reads.add("page")
        query = asked(request, reads) if request.META.get("QUERY_STRING") else []
        name = name_for(request, query)
        response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        if settings.SHARED_CACHES:
            response[TAGS_HEADER] = " ".join(tags_read)
        expires = expiry(request, kind)
        kept = {
            "status": response.status_code,
            "headers": list(response.headers.items()),
            "content": response.content,
            "etag": response["ETag"],
            "expires": expires,
            "made": time.time(),
            "reads": "*" if whole(request) else tuple(sorted(reads)),
        }
        ttl = max(1, math.ceil(expires - time.time()))
        try:
            stored = store.get().put(name, kept, tags_read, ttl, state.clock, page=True)
        except store.Unavailable as error:
            store.warn("did not keep a page", error)
            return kept
        if stored:
            local.remember(_pages, state.clock, name, kept, tuple(tags_read))
        return kept


class AnswerKeptPages:
    """WSGI, around Django (bitnews/wsgi.py): a kept page is answered before Django's request
    handling (its signals, URL configuration and middleware) runs. The same rules as
    PageCacheMiddleware; whatever this does not answer goes to Django with what it found."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if settings.PAGE_CACHE and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            started = time.perf_counter()
            # A copy: WSGIRequest writes the decoded path back into the environ it is given.
            request = WSGIRequest(dict(environ))
            try:
                if may_answer(request):
                    state, kept = look_up(request)
                    if kept is not None:
                        status, body = self.send(request, kept, start_response)
                        metrics.answered("kept", status, time.perf_counter() - started)
                        return body
                    environ[LOOKED_UP] = (state, None)
            except DisallowedHost:
                pass  # Django answers 400
        return self.application(environ, start_response)

    @staticmethod
    def send(request, kept, start_response):
        """(status, body) of the kept page's answer, its status and headers started."""
        if CONDITIONS.isdisjoint(request.META):
            headers = [*kept["headers"], ("Age", str(max(0, int(time.time() - kept["made"]))))]
            start_response(f"{kept['status']} {responses[kept['status']]}", headers)
            return kept["status"], [kept["content"]]
        response = answer(request, kept)  # Django decides between 200, 304 and 412
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        # not the response: closing it would signal request_finished
        return response.status_code, [response.content]
