"""Views that are not Wagtail pages: the site search, and (outside the language prefix)
the sitemap and robots.txt."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_safe

from .models import paginate
from .search import SiteSearchQuery, search_articles
from .sitemaps import PageSitemap


def search_url(language, text):
    """The search for `text` in `language`."""
    with translation.override(language):
        url = reverse("search")
    return url + ("?" + urlencode({"q": text}) if text else "")


@require_safe
def search(request):
    """Articles matching every word of `?q=` in the visitor's language, best match first."""
    language = translation.get_language()
    query = SiteSearchQuery.from_raw(request.GET.get("q", ""), language)
    listing = None
    if query.text:
        results = search_articles(query) if query.words else []
        listing = paginate(request, results)

    view_query = {}
    if query.text:
        view_query["q"] = query.text
    if listing is not None and listing.number > 1:
        view_query["page"] = listing.number
    other_language = next(code for code, _name in settings.LANGUAGES if code != language)
    context = {
        "query": query,
        "listing": listing,
        "other_language": {"code": other_language, "url": search_url(other_language, query.text)},
        # news_tags builds the canonical URL, hreflang links and the language switcher
        # from these: the same search, in each language.
        "page_query": urlencode({"q": query.text}),
        "view_name": "search",
        "view_query": view_query,
    }
    return TemplateResponse(request, "news/search.html", context)


SITEMAPS = {"pages": PageSitemap}


def sitemap_xml(request):
    return sitemap(request, SITEMAPS)


@require_GET
def robots_txt(request):
    """Crawl everything but the admin; the sitemap's absolute address."""
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
