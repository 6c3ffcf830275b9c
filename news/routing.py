"""Find a child page by its slug in the active language with one query, and check that a
slug is free the same way.

wagtail-modeltranslation replaces `Page.route` with a version that loads every child of a page
to compare slugs, so an article request cost grew with the number of articles.
`localized_route` keeps its behaviour (per-language slugs, English fallback when a translation
has no slug, RoutablePageMixin routes first) but asks the database for the one matching child,
already specific.

Its slug checks (the model's `clean` and the admin form's) loaded every sibling once per
language too: saving one article of 100,000 read them all twice. `taken_slugs` asks instead,
per language, whether another child shows that slug there (`slug_lookup`); `validate_slugs`
and `IndexedSlugCheckForm` put it in their place (wired in news/apps.py).
"""

from django import forms
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from . import languages
from .cache import fragments
from .prepared import prepared


def slug_lookup(slug):
    """A filter matching pages whose slug, as shown in the active language, is `slug`."""
    language = languages.active()
    field = language.field("slug")
    lookup = Q(**{field: slug})
    if language != languages.DEFAULT:
        untranslated = Q(**{f"{field}__isnull": True}) | Q(**{field: ""})
        lookup |= untranslated & Q(**{languages.DEFAULT.field("slug"): slug})
    return lookup


def child_pages(page):
    """The children of `page` as specific pages, in one query when only one type is allowed."""
    allowed = page.specific_class.allowed_subpage_models()
    if len(allowed) == 1:
        model = allowed[0]
        children = model.objects.child_of(page)
        # what the child's own page shows anyway (an article's lead image and column)
        return children.select_related(*getattr(model, "route_select_related", ()))
    return page.get_children().specific()


def child_by_slug(page, request, slug):
    """The child of `page` shown at `slug` in the active language, specific.

    Where a page has many children of one model (`routed_model`: News&Events' articles, the
    events), that child is looked up first, one query with what its page shows
    (`route_select_related`): the article rendered next needs those rows anyway. Other
    children are sections (a few pages under Home, the events under News&Events): found
    once per process and slug until a write of what they show (`fragments.config`; a slug
    that finds nothing is not kept)."""
    model = getattr(page, "routed_model", None)
    if model is not None:
        found = routed_child(model, page, slug)
        if found is not None:
            return found

    def find():
        return child_pages(page).filter(slug_lookup(slug)).first()

    parts = ("child", page.pk, translation.get_language(), slug)
    return fragments.config(request, parts, find, copy=True, keep_none=False)


def routed_child(model, page, slug):
    """The `model` child of `page` at `slug` in the active language, or None: one query,
    prepared once per process, parent and language (news/prepared.py)."""
    related = getattr(model, "route_select_related", ())

    def build(slug):
        # not a list: what it finds changes only with a write of the page found (its tag)
        children = model.objects.listed_as().child_of(page).filter(slug_lookup(slug))
        return children.select_related(*related).order_by("path")[:1]

    field = model._meta.get_field(languages.active().field("slug"))
    key = ("route", model._meta.label, page.path, page.depth, translation.get_language())
    found = prepared(key, build, slug=field).run(slug=slug)
    return found[0] if found else None


def localized_route(self, request, path_components):
    if isinstance(self, RoutablePageMixin) and self.live:
        path = "/" + "".join(f"{component}/" for component in path_components)
        try:
            view, args, kwargs = self.resolve_subpage(path)
        except Http404:
            pass
        else:
            return RouteResult(self, args=(view, args, kwargs))

    if path_components:
        child_slug, remaining = path_components[0], path_components[1:]
        child = child_by_slug(self, request, child_slug)
        if child is None:
            raise Http404
        return child.route(request, remaining)

    if self.live:
        return RouteResult(self)
    raise Http404


def remembered_site_root_paths(localized):
    """`Page._get_site_root_paths` kept until a write of what it shows, per language.

    wagtail-modeltranslation's version (`localized`) reads the cache again each time the
    language changes within a request, and the language links of every page switch it: seven
    round trips to Redis a page. Sites and their root pages change only through writes, which
    invalidate what read them (news/cache/). Kept per process (`fragments.config`), and on the
    request once found (a page's links ask for them a few dozen times)."""

    def site_root_paths(self, request=None):
        # Wagtail passes the object to remember them on: a request, or a page (the redirects
        # it makes after a move), which has no host to key by.
        keyed_by = request if isinstance(request, HttpRequest) else None
        language = translation.get_language()
        found = getattr(keyed_by, "_news_site_root_paths", None)
        if found is not None and language in found:
            return found[language]
        host = keyed_by.get_host() if keyed_by is not None else "-"
        parts = ("site-root-paths", host, language)
        paths = fragments.config(keyed_by, parts, lambda: localized(self, request))
        if keyed_by is not None:
            if found is None:
                found = keyed_by._news_site_root_paths = {}
            found[language] = paths
        return paths

    return site_root_paths


SLUG_TAKEN = _("This slug is already in use")


def taken_slugs(parent, slugs, exclude_pk=None):
    """The languages among `slugs` ({language code: slug}) in which another child of `parent`
    already shows that slug (its own, or its English one where it has none): one query each."""
    siblings = Page.objects.child_of(parent)
    if exclude_pk is not None:
        siblings = siblings.exclude(pk=exclude_pk)
    taken = []
    for code, slug in slugs.items():
        if slug:
            with translation.override(code):
                if siblings.filter(slug_lookup(slug)).exists():
                    taken.append(code)
    return taken


def validate_slugs(page):
    """{slug field: message} for the model's clean (wagtail-modeltranslation's signature): the
    slug a page shows in each language, English where it has none of its own, is free there."""
    parent = page.get_parent()
    if parent is None:  # the root page's slug can be anything
        return {}
    shown = {}
    for language in languages.LANGUAGES:
        own = getattr(page, language.field("slug"), None)
        shown[language.code] = own or getattr(page, languages.DEFAULT.field("slug"), None)
    return {
        languages.get(code).field("slug"): SLUG_TAKEN
        for code in taken_slugs(parent, shown, exclude_pk=page.pk)
    }


def indexed_slug_check_form(form_class):
    """`form_class` checking, as wagtail-modeltranslation's admin form does, that each slug
    typed in is free in its language among the parent's children; by `taken_slugs`."""

    class IndexedSlugCheckForm(form_class):
        def clean(self):
            cleaned_data = super().clean()
            typed = {
                language.code: cleaned_data.get(language.field("slug"))
                for language in languages.LANGUAGES
            }
            for code in taken_slugs(self.parent_page, typed, exclude_pk=self.instance.pk):
                self.add_error(languages.get(code).field("slug"), forms.ValidationError(SLUG_TAKEN))
            return cleaned_data

    IndexedSlugCheckForm.__name__ = f"IndexedSlugCheck{form_class.__name__}"
    return IndexedSlugCheckForm
