"""Template tags for language links, canonical URLs, breadcrumbs, navigation, and the places
where other apps add to the pages (news/extensions.py)."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from news import extensions, generation, languages
from news.models import ArticlePage, NewsIndexPage

register = template.Library()


def _page_query(context):
    """`?page=N` for the listing page being shown, or '' on its first page."""
    listing = context.get("listing")
    if listing is not None and listing.number > 1:
        return "?" + urlencode({"page": listing.number})
    return ""


def _route_suffix(context, language):
    """The route below the page (e.g. `focus/`), in `language`.

    A route whose path differs per language (a column's slug) puts `route_suffixes`,
    {language: path}, in the context; others give one `route_suffix` for all languages.
    """
    suffixes = context.get("route_suffixes") or {}
    return suffixes.get(language, context.get("route_suffix", ""))


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
            (page.get_url(request) or "") + _route_suffix(context, language) + _page_query(context)
        )


def _is_public_in(context, language):
    """Whether the page shown has a public version in `language` (an article may not)."""
    page = context.get("page")
    if context.get("view_name") or not hasattr(page, "is_public_in"):
        return True
    return page.is_public_in(language)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: the same page in that language (its twin).

    The switcher offers every language (an article's address in a language where it is
    not public shows its public version in that language's site); `public` says which
    ones are alternates for `hreflang`.
    """
    current = translation.get_language()
    request = context["request"]
    links = []
    for language in languages.LANGUAGES:
        code = language.code
        url = _url_in(context, code)
        links.append(
            {
                "code": code,
                "name": language.self_name,  # each language under its own name
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
                "public": _is_public_in(context, code),
            }
        )
    return links


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """The `hreflang` alternates: the public versions only, plus `x-default` (English, or
    the first public version when English is not public)."""
    links = [link for link in language_links(context) if link["public"]]
    if links:
        links.append({**links[0], "code": "x-default"})
    return links


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute URL of what is shown; for an article shown in place of its hidden
    version, the URL of the version shown."""
    page = context.get("page")
    language = getattr(page, "shown_language", None) or translation.get_language()
    return context["request"].build_absolute_uri(_url_in(context, language))


@register.simple_tag
def breadcrumb_pages(page):
    """The live ancestors of a page below the tree root, top first (one query per request),
    each with `is_home` set from its page type.

    The breadcrumbs and the JSON-LD BreadcrumbList both ask; the page object lives for
    one request, so the answer is kept on it.
    """
    if not hasattr(page, "_breadcrumb_pages"):
        ancestors = list(page.get_ancestors().filter(depth__gt=1).live().order_by("depth"))
        for ancestor in ancestors:
            ancestor.is_home = getattr(ancestor.specific_class, "is_home", False)
        page._breadcrumb_pages = ancestors
    return page._breadcrumb_pages


@register.simple_tag(takes_context=True)
def news_index_page(context):
    """The live "News&Events" page for the navigation, found without a query where possible.

    On News&Events it is the page itself, on an article the last breadcrumb (its parent,
    fetched once for the breadcrumbs anyway), on the home page the one its context holds.
    """
    page = context.get("page")
    if isinstance(page, NewsIndexPage):
        return page
    if isinstance(page, ArticlePage) and page.pk:
        ancestors = breadcrumb_pages(page)
        # specific_deferred: a NewsIndexPage (its routes work) without a further query
        return ancestors[-1].specific_deferred if ancestors else None
    if "news_index" in context:
        return context["news_index"]
    request = context["request"]
    if not hasattr(request, "_news_index_page"):
        request._news_index_page = NewsIndexPage.objects.live().first()
    return request._news_index_page


@register.simple_tag
def focus_route():
    """The Focus listing's path below News&Events ("focus/")."""
    return NewsIndexPage.FOCUS_ROUTE


@register.simple_tag
def baidu_map_key():
    return settings.BAIDU_MAP_AK


@register.simple_tag
def language_adjective(code):
    """How a sentence names the language `code` ("English", "Chinese"), translated."""
    return languages.get(code).adjective


@register.simple_tag
def site_languages():
    """Every language of the site (news/languages.py), for pages without a page or request."""
    return languages.LANGUAGES


@register.simple_tag(takes_context=True)
def extension_point(context, name):
    """What other apps add at this place of the page (news/extensions.py), as HTML."""
    return extensions.render(name, context)


# Fragments cached for this content generation (news/generation.py)

CARD_TTL = 60 * 60 * 24


@register.simple_tag(takes_context=True)
def article_card(context, article, featured=False, heading_level=3, loading="lazy"):
    """includes/article_card.html for `article`, from the cache when this generation has
    rendered it (its picture costs a dozen rendition lookups). The key holds all the card
    shows that may change without a write: the language and whether Focus has ended."""
    request = context.get("request")
    language = translation.get_language()
    variant = f"{int(bool(featured))}{heading_level}{loading}{int(article.in_focus)}"
    key = generation.key(request, "card", language, article.pk, variant)
    html = cache.get(key)
    if html is None:
        card = {
            "article": article,
            "featured": featured,
            "heading_level": heading_level,
            "loading": loading,
        }
        html = render_to_string("includes/article_card.html", card, request=request)
        cache.set(key, html, CARD_TTL)
    return mark_safe(html)  # noqa: S308 - rendered by the template, escaped there
