"""The site search: `/<lang>/search/?q=…`."""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from news import languages
from news.cache.control import SEARCH, public
from news.listing import paginate

from .query import SiteSearchQuery, search_pages


def search_url(language, text):
    """The search for `text` in `language`."""
    with translation.override(language):
        url = reverse("search")
    return url + ("?" + urlencode({"q": text}) if text else "")


@require_safe
def search(request):
    """Pages matching every word of `?q=` in the visitor's language (articles, events, the
    site's own pages), best match first."""
    language = languages.active()
    query = SiteSearchQuery.from_raw(request.GET.get("q", ""), language.code)
    listing = results = None
    if query.text:
        results = search_pages(query) if query.words else []
        listing = paginate(request, results)

    view_query = {}
    if query.text:
        view_query["q"] = query.text
    if listing is not None and listing.number > 1:
        view_query["page"] = listing.number
    other = languages.other(language.code)
    context = {
        "query": query,
        "listing": listing,
        # more matches than a search lists (search/ranking.py)
        "more_results": getattr(results, "more", False),
        "other_language": {
            "code": other.code,
            "adjective": other.adjective,
            "url": search_url(other.code, query.text),
        },
        # news_tags builds the canonical URL, hreflang links and the language switcher
        # from these: the same search, in each language.
        "page_query": urlencode({"q": query.text}),
        "view_name": "search",
        "view_query": view_query,
    }
    response = TemplateResponse(request, "search/search.html", context)
    return public(response, SEARCH, reads=("q",))
