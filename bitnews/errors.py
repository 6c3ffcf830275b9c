"""Server errors: a database that cannot be reached is an outage (503), and a form posted
without a field its view reads (`request.POST["…"]`, as Wagtail's StreamField does for its
block count) is a bad request (400, templates/400.html), not bugs (500).

Django calls `handler500` for any exception a view or middleware did not handle, inside the
`except` block, so the exception is at hand. A connection refused, dropped or timed out
(`OperationalError`, `InterfaceError` from any backend) answers **503** with `Retry-After`
and a page in both languages that needs no query (templates/503.html); nothing keeps it
(`no-store`: not the page cache, not Varnish, not a browser). Everything else is Django's own
500 (templates/500.html). Pages the page cache holds are still answered during an outage,
before Django (news/cache/pages.py), and static files by WhiteNoise; the view beacon and the
admin answer 503 like pages. So does an unknown address: whether it is a 404 or an old
address with a redirect is in the database (Wagtail's redirects), and a 404 would tell a
search engine the page is gone.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.utils.datastructures import MultiValueDictKeyError
from django.views import defaults

from news import metrics

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


def server_error(request):
    error = sys.exc_info()[1]
    if isinstance(error, MultiValueDictKeyError):  # a form posted without a field it must have
        return defaults.bad_request(request, error)
    if isinstance(error, (OperationalError, InterfaceError)):
        metrics.BACKEND_ERRORS.labels("database").inc()
        page = loader.render_to_string("503.html", {"request": request})  # no context processor
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return server_error_page(request)


def server_error_page(request):
    """The 500 page in the address's language: the site's own page, or the plain one."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        try:
            page = loader.render_to_string("500.html", request=request)
        except Exception:  # the page's parts read the database, which may be what failed
            logger.exception("The 500 page was rendered plain: its navigation failed")
            plain = {"layout": "error_base.html", "request": request, "shown_language": language}
            page = loader.render_to_string("500.html", plain)
    return HttpResponseServerError(page)
