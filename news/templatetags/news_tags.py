"""Template tags for language links, canonical URLs, breadcrumbs, navigation, and the places
where other apps add to the pages (news/extensions.py)."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from wagtail.models import Site

from news import extensions, languages
from news.cache import fragments
from news.cache import tags as cache_tags
from news.models import ArticlePage, NewsIndexPage, site_menu
from news.pictures import WITH_PICTURES

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
        request._news_index_page = fragments.fragment_copy(
            request, ("news-index",), lambda: NewsIndexPage.objects.live().first()
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


# Fragments kept with the tags of what they show (news/cache/)


@register.simple_tag(takes_context=True)
def article_cards(context, articles, heading_level=3, featured_first=False, eager_first=False):
    """includes/article_card.html for each of `articles`, each from the fragment cache when
    it was rendered since its story last changed. A card's key holds all it shows that may
    change without a write: the language and whether Focus has ended. The first card may be
    the featured one, and loaded eagerly."""
    cards = []
    for position, article in enumerate(articles):
        featured = featured_first and position == 0
        loading = "eager" if eager_first and position == 0 else "lazy"
        variant = f"{int(featured)}{heading_level}{loading}{int(article.in_focus)}"
        card = {"featured": featured, "heading_level": heading_level, "loading": loading}
        cards.append((("card", variant), article, card))
    return render_cards(context.get("request"), "includes/article_card.html", cards)


def render_cards(request, template_name, cards, timeout=fragments.FRAGMENT_TTL):
    """`template_name` rendered for each of `cards` ([(key parts, article, its context)]),
    joined; each kept under its parts, the language and the article's id, with the tags of
    what it shows (news/cache/). The articles may be narrow rows (models.card_keys: what the
    parts need): those of the cards not kept yet are loaded in full here, in one query."""
    language = translation.get_language()
    keyed = {}
    for (kind, *parts), article, card in cards:
        name = fragments.key(request, kind, language, article.pk, *parts)
        keyed[name] = (article, card)
    preview = fragments.preview(request) or fragments.current(request) is None
    found = {} if preview else fragments.get_many(list(keyed), request)
    missing = [article.pk for name, (article, _card) in keyed.items() if name not in found]
    full = (
        ArticlePage.objects.filter(pk__in=missing).select_related(WITH_PICTURES) if missing else []
    )
    full = {article.pk: article for article in full}
    for name, (article, card) in keyed.items():
        if name not in found:
            with cache_tags.collecting() as shown:
                article = full.get(article.pk, article)
                # loaded above, outside this card's record: named here
                cache_tags.record_shown(article)
                card = {**card, "article": article}
                html = render_to_string(template_name, card, request=request)
            found[name] = html
            if not preview:
                fragments.keep(name, html, shown, request, timeout)
    return mark_safe("\n".join(found[name] for name in keyed))  # noqa: S308 - escaped there


@register.simple_tag(takes_context=True)
def cached_include(context, template_name, shared=False):
    """`{% include template_name %}`, rendered once until a write of what it shows, language, page
    address, listing page and what the page shows that changes with time alone
    (`time_varying_state()`: a Focus story's breadcrumbs): for the parts of a page that depend
    on nothing else (its head metadata, header and footer). Only for Wagtail pages, never for
    a preview; views such as the search, whose addresses are endless, render it each time. A
    `shared` include (the footer) is the same on every page of a language: rendered once for
    all of them, views included."""
    request = context.get("request")
    page = context.get("page")

    def render():
        if not shared:
            # the page was loaded before this fragment began: it shows it all the same
            cache_tags.record_shown(page)
        template = context.template.engine.get_template(template_name)
        return mark_safe(template.render(context))  # noqa: S308 - rendered by the template

    if request is None:
        return render()
    language = translation.get_language()
    if shared:
        return fragments.fragment(request, ("include", template_name, language), render)
    if not hasattr(page, "get_url") or context.get("view_name"):
        return render()
    listing = context.get("listing")
    number = getattr(listing, "number", None)
    state = page.time_varying_state() if hasattr(page, "time_varying_state") else ()
    parts = ("include", template_name, language, request.path, number, *state)
    return fragments.fragment(request, parts, render)


@register.simple_tag(takes_context=True)
def article_extras(context):
    """includes/article_extras.html for the article shown, its queries asked only when it
    was not rendered in this language since the story or its links changed (`links:<id>`)."""
    page, request = context["page"], context.get("request")

    def render():
        cache_tags.record_shown(page)
        cache_tags.record(f"links:{page.pk}")  # what a story's write beside it invalidates
        with context.push(**page.extras()):
            template = context.template.engine.get_template("includes/article_extras.html")
            return mark_safe(template.render(context))  # noqa: S308 - rendered by the template

    parts = ("article-extras", translation.get_language(), page.pk)
    return fragments.fragment(request, parts, render)


@register.tag("fragment")
def do_fragment(parser, token):
    """`{% fragment "name" [what] %}…{% endfragment %}`: what it encloses, rendered once per
    language and page shown (or `what`, e.g. an image) until a write of either, so only for
    what depends on nothing else (news/cache/); never kept for a preview."""
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError("{% fragment %} takes a name and what it shows")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    vary = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    return FragmentNode(parser.compile_filter(bits[1]), vary, nodelist)


class FragmentNode(template.Node):
    def __init__(self, name, vary, nodelist):
        self.name = name
        self.vary = vary
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        page = context.get("page")
        shown = self.vary.resolve(context) if self.vary is not None else page
        what = getattr(shown, "pk", shown)

        def render():
            # what it shows was loaded before this fragment began: named here
            cache_tags.record_shown(page, shown)
            return mark_safe(self.nodelist.render(context))  # noqa: S308 - rendered by the template

        if request is None or what is None:
            return render()
        parts = ("fragment", self.name.resolve(context), translation.get_language(), what)
        return fragments.fragment(request, parts, render)
