"""Template tags for language links, canonical URLs and breadcrumbs."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

register = template.Library()

# Each language is offered under its own name, whatever the page's language.
LANGUAGE_SELF_NAMES = {"en": "English", "zh-hans": "中文"}


def _page_query(context):
    """`?page=N` for the listing page being shown, or '' on its first page."""
    listing = context.get("listing")
    if listing is not None and listing.number > 1:
        return "?" + urlencode({"page": listing.number})
    return ""


def _url_in(context, language):
    """The URL of what is shown, in `language`.

    A Wagtail page gives its twin's own URL. A plain Django view (the search) sets
    `view_name` (a URL name inside i18n_patterns) and `view_query` (a dict of GET
    parameters) in its context, and gets the same view under the other prefix.
    """
    request = context["request"]
    page = context.get("page")
    with translation.override(language):
        if context.get("view_name"):
            query = context.get("view_query")
            return reverse(context["view_name"]) + ("?" + urlencode(query) if query else "")
        if page is None or not hasattr(page, "get_url"):
            return f"/{language}/"
        return (
            (page.get_url(request) or "") + context.get("route_suffix", "") + _page_query(context)
        )


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: the same page in that language (its twin)."""
    current = translation.get_language()
    request = context["request"]
    links = []
    for code, _name in settings.LANGUAGES:
        url = _url_in(context, code)
        links.append(
            {
                "code": code,
                "name": LANGUAGE_SELF_NAMES.get(code, code),
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def canonical_url(context):
    return context["request"].build_absolute_uri(_url_in(context, translation.get_language()))


@register.simple_tag
def breadcrumb_pages(page):
    """The live ancestors of a page below the tree root, top first (one query per request).

    The breadcrumbs and the JSON-LD BreadcrumbList both ask; the page object lives for
    one request, so the answer is kept on it.
    """
    if not hasattr(page, "_breadcrumb_pages"):
        page._breadcrumb_pages = list(
            page.get_ancestors().filter(depth__gt=1).live().order_by("depth")
        )
    return page._breadcrumb_pages


@register.simple_tag(takes_context=True)
def news_index_page(context):
    """The live "News&Events" page for the navigation, looked up once per request."""
    request = context["request"]
    if not hasattr(request, "_news_index_page"):
        from news.models import NewsIndexPage

        request._news_index_page = NewsIndexPage.objects.live().first()
    return request._news_index_page


@register.simple_tag
def baidu_map_key():
    return settings.BAIDU_MAP_AK
