"""Request rules of the whole site, below the page cache: which methods public addresses take,
and where the language prefix is added; and what each request is counted as.

- `RequestMetricsMiddleware` (first): every request Django handles, by kind of view and status
  class, and how long it took (news/metrics.py; the page cache's own answers before Django are
  counted there as `kept`), and the request id nginx sets (`X-Request-ID`) for the logs
  (bitnews/logs.py).

- `PublicMethodsMiddleware`: public pages, feeds, sitemaps, robots.txt and the search answer
  GET and HEAD; OPTIONS says exactly that (`Allow: GET, HEAD, OPTIONS`); anything else (POST,
  PUT, DELETE, PATCH, TRACE...) is a 405 with the same `Allow` (plus POST where it is taken). The admin (and Wagtail's
  document links, which it protects) is Wagtail's business. A view that takes POSTs says so
  with `view.accepts_posts = True` (the view beacon, stats/views.py), a page type with
  `accepts_posts = True` on its model (the contact form: a POST to a page's address is routed
  here to ask it, `page_accepts_posts`); Wagtail's own front-end forms (a private page's password, the sign-in for pages restricted
  to logged-in users) are named in FRONT_END_FORMS.
- `LocaleMiddleware`: Django's, except that a 404 under an address outside the language prefix
  (the admin, documents, static and media files) stays that 404. The JSON API's answers are
  left alone: their language is `?lang=` (they say it in Content-Language), not the
  visitor's, so they neither vary on Accept-Language nor are sent to a language prefix. Django redirects any 404 to
  the same path under the visitor's language when that path exists there, and every path does
  (Wagtail's catch-all page route): `/admin/nope/` became `/en/admin/nope/`.
"""

import time

from django.http import HttpResponse, HttpResponseNotAllowed
from django.middleware import locale
from django.utils import translation
from wagtail.models import Page

from news import metrics

from . import logs
from .csp import ADMIN_PREFIXES  # the admin and the documents it protects

SAFE = ("GET", "HEAD")
ALLOWED = [*SAFE, "OPTIONS"]
UNPREFIXED = (*ADMIN_PREFIXES, "/static/", "/media/")
API = "/api/"  # the JSON API (api/): its language is its `?lang=`
FRONT_END_FORMS = {"wagtailcore_authenticate_with_password", "wagtailcore_login"}


PAGE_VIEW = "wagtail_serve"


def page_accepts_posts(request, view_args, view_kwargs):
    """Whether the page at this address takes POSTs (its type says `accepts_posts`). Routed
    with Wagtail's `route_for_request`, which keeps the result for the view: no second
    routing."""
    path = view_kwargs.get("path", view_args[0] if view_args else "")
    found = Page.route_for_request(request, path)
    return found is not None and getattr(found[0], "accepts_posts", False)


class PublicMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE or request.path_info.startswith(ADMIN_PREFIXES):
            return None
        resolved = request.resolver_match
        takes_posts = (
            getattr(view_func, "accepts_posts", False)
            or (resolved and resolved.url_name in FRONT_END_FORMS)
            or (
                resolved
                and resolved.url_name == PAGE_VIEW
                and page_accepts_posts(request, view_args, view_kwargs)
            )
        )
        if takes_posts and request.method == "POST":
            return None
        allowed = [*ALLOWED, "POST"] if takes_posts else ALLOWED
        if request.method == "OPTIONS":
            response = HttpResponse(status=200)
            response["Allow"] = ", ".join(allowed)
            return response
        return HttpResponseNotAllowed(allowed)


class LocaleMiddleware(locale.LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(API):
            return response
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


def kind_of(request):
    """What a request is counted as: the page type Wagtail served (`articlepage`…), `admin`,
    `documents`, `static`, `media`, the view's URL name (`search`, `readyz`, an API
    endpoint's…), or `unrouted`. A bounded set: no address in it."""
    if getattr(request, "answered_from_page_cache", False):
        return "kept"
    path = request.path_info
    for prefix in (*ADMIN_PREFIXES, "/static/", "/media/"):
        if path.startswith(prefix):
            return prefix.strip("/")
    route = getattr(request, "_wagtail_route_for_request", None)  # Wagtail's serve keeps it
    if route:
        return route[0]._meta.model_name
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unrouted"
    if match.url_name == PAGE_VIEW:
        return "page"
    return match.url_name or match.view_name or "view"


class RequestMetricsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        logs.begin_request(request.headers.get("X-Request-ID", ""))
        response = self.get_response(request)
        metrics.answered(kind_of(request), response.status_code, time.perf_counter() - started)
        return response
