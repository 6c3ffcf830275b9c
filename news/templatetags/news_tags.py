"""Template tags for language links, canonical URLs, breadcrumbs, navigation, and the places
where other apps add to the pages (news/extensions.py)."""

from django import template
from django.conf import settings
from django.template import Context
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from wagtail.models import Site

from news import extensions, languages
from news.cache import fragments
from news.cache import tags as cache_tags
from news.models import ArticlePage, NewsIndexPage, SiteSettings, site_menu

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
    parameters) in its context, with `view_kwargs` when its URL has parameters (a press
    kit's release), and gets the same view under the other prefix.
    """
    request = context["request"]
    page = context.get("page")
    with translation.override(language):
        if context.get("view_name"):
            query = context.get("view_query")
            url = reverse(context["view_name"], kwargs=context.get("view_kwargs"))
            return url + ("?" + urlencode(query) if query else "")
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
    """The live ancestors of a page below the tree root, top first, each with `is_home` set
    from its page type: the sections above it, the same for all its siblings, so found once
    per process and parent until a write of one of them (fragments.config).

    The breadcrumbs and the JSON-LD BreadcrumbList both ask; the page object lives for
    one request, so the answer is kept on it.
    """
    if not hasattr(page, "_breadcrumb_pages"):

        def ancestors_of():
            ancestors = list(page.get_ancestors().filter(depth__gt=1).live().order_by("depth"))
            for ancestor in ancestors:
                ancestor.is_home = getattr(ancestor.specific_class, "is_home", False)
            return ancestors

        if page.pk is None:  # a preview of a page never saved
            page._breadcrumb_pages = ancestors_of()
        else:
            parts = ("ancestors", page.path[: -page.steplen], translation.get_language())
            page._breadcrumb_pages = fragments.config(None, parts, ancestors_of, copy=True)
    return page._breadcrumb_pages


def _crumb(name, url, lang=""):
    return {"name": name, "url": url, "lang": lang}


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """The breadcrumbs of what is shown, home first and the page itself last, each
    {"name", "url", "lang"} (`lang` when the name is another language's text). The home page
    has none.

    Between the parent and the page come the parent's listings the page is shown under
    (`page.section_routes()`: a Focus story's "Focus"). On a route of the page (a listing),
    the page, then the routes above this one (`route_parents`, [(title, suffix)] in the
    context: "Columns" above a column), then the route (`route_title`, `route_suffix`).
    `includes/breadcrumbs.html` and the JSON-LD BreadcrumbList both read it.
    """
    page, request = context.get("page"), context.get("request")
    if not hasattr(page, "get_url") or page.is_home:
        return []
    trail = [
        _crumb(
            translation.gettext("Home") if ancestor.is_home else ancestor.title,
            ancestor.get_url(request),
        )
        for ancestor in breadcrumb_pages(page)
    ]
    parent_url = trail[-1]["url"] if trail else None
    if parent_url:
        trail += [_crumb(title, parent_url + route) for title, route in page.section_routes()]
    page_url = page.get_url(request) or ""
    route_title = context.get("route_title")
    if route_title:
        trail.append(_crumb(page.title, page_url))
        for title, suffix in context.get("route_parents", ()):
            trail.append(_crumb(title, page_url + suffix))
        trail.append(_crumb(route_title, page_url + context.get("route_suffix", "")))
    else:
        fallback = "title" in page.fallback_fields()
        trail.append(_crumb(page.title, page_url, page.fallback_language if fallback else ""))
    return trail


@register.simple_tag(takes_context=True)
def news_index_page(context):
    """The live "News&Events" page for the navigation, found without a query where possible.

    On News&Events it is the page itself, on an article or event the nearest breadcrumb that is
    News&Events (fetched once for the breadcrumbs anyway: an article's parent, an event's
    grandparent), on the home page the one its context holds.
    """
    page = context.get("page")
    if isinstance(page, NewsIndexPage):
        return page
    if isinstance(page, ArticlePage) and page.pk:
        for ancestor in reversed(breadcrumb_pages(page)):
            if issubclass(ancestor.specific_class, NewsIndexPage):
                # specific_deferred: a NewsIndexPage (its routes work) without a further query
                return ancestor.specific_deferred
        return None
    if "news_index" in context:
        return context["news_index"]
    request = context["request"]
    if not hasattr(request, "_news_index_page"):
        request._news_index_page = fragments.config(
            request, ("news-index",), lambda: NewsIndexPage.objects.live().first(), copy=True
        )
    return request._news_index_page


@register.simple_tag(takes_context=True)
def site_menus(context):
    """The main navigation and the footer's link groups: the pages under Home with "Show in
    menus" ticked (news/models/site_pages.py), kept until a write of what it shows."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return site_menu(request, site.root_page)


@register.simple_tag
def focus_route():
    """The Focus listing's path below News&Events ("focus/")."""
    return NewsIndexPage.FOCUS_ROUTE


@register.simple_tag
def subscribe_route():
    """The feeds page's path below News&Events ("subscribe/")."""
    return NewsIndexPage.SUBSCRIBE_ROUTE


@register.simple_tag
def corrections_route():
    """The corrections page's path below News&Events ("corrections/")."""
    return NewsIndexPage.CORRECTIONS_ROUTE


@register.simple_tag
def baidu_map_key():
    return settings.BAIDU_MAP_AK


@register.simple_tag
def language_adjective(code):
    """How a sentence names the language `code` ("English", "Chinese"), translated."""
    return languages.get(code).adjective


@register.simple_tag(takes_context=True)
def site_name_without_query(context):
    """The site's name on a page that renders while the database may be down
    (error_base.html): from the SiteSettings the request's middleware kept (news/middleware.py),
    else WAGTAIL_SITE_NAME."""
    kept = getattr(context.get("request"), SiteSettings.get_cache_attr_name(), None)
    return kept.site_name if kept is not None else settings.WAGTAIL_SITE_NAME


@register.simple_tag
def site_languages():
    """Every language of the site (news/languages.py), for pages without a page or request."""
    return languages.LANGUAGES


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # escaped by the template that rendered it, as it would be in place
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}...{% endcapture %}`: what the enclosed template renders (blocks a
    child template fills included), as the variable `name`, to show in more than one place
    (base.html: the page's description, for search engines and for other sites)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def extension_point(context, name):
    """What other apps add at this place of the page (news/extensions.py), as HTML."""
    return extensions.render(name, context)


# Fragments kept with the tags of what they show (news/cache/)


@register.simple_tag(takes_context=True)
def article_cards(context, articles, heading_level=3, featured_first=False, eager_first=False):
    """includes/article_card.html for each of `articles` (card rows: models.card_rows). The
    first card may be the featured one, and loaded eagerly."""
    cards = []
    for position, article in enumerate(articles):
        featured = featured_first and position == 0
        loading = "eager" if eager_first and position == 0 else "lazy"
        cards.append(
            (article, {"featured": featured, "heading_level": heading_level, "loading": loading})
        )
    return render_cards(context.get("request"), "includes/article_card.html", cards)


def render_cards(request, template_name, cards):
    """`template_name` rendered for each of `cards` ([(article, its context)]), joined: the
    articles are card rows (models.card_rows), all loaded by the listing's one query. Each is
    rendered in a plain context with the request (no context processor runs per card)."""
    template = get_template(template_name).template
    html = []
    for article, card in cards:
        html.append(template.render(Context({**card, "article": article, "request": request})))
    return mark_safe("\n".join(html))  # noqa: S308 - escaped by the template


@register.simple_tag(takes_context=True)
def shared_include(context, template_name):
    """`{% include template_name %}` for a part that is the same on every page of a language
    (the footer: the site's settings and menus): rendered once per process, language and host
    until a write of what it shows (fragments.config); never for a preview."""
    request = context.get("request")

    def render():
        # loaded before it began (news/middleware.py): the site and its settings it shows
        cache_tags.record_shown(Site.find_for_request(request), SiteSettings.for_request(request))
        template = context.template.engine.get_template(template_name)
        return mark_safe(template.render(context))  # noqa: S308 - rendered by the template

    if request is None:
        return render()
    parts = ("include", template_name, translation.get_language(), request.get_host())
    return fragments.config(request, parts, render)


@register.simple_tag(takes_context=True)
def article_extras(context):
    """includes/article_extras.html for the article shown: its column and tags, newer and
    older stories and related ones (`ArticlePage.extras`). The page records `links:<id>`,
    what a write of a story beside it invalidates (news/cache/)."""
    page = context["page"]
    cache_tags.record(f"links:{page.pk}")
    with context.push(**page.extras()):
        template = context.template.engine.get_template("includes/article_extras.html")
        return mark_safe(template.render(context))  # noqa: S308 - rendered by the template
