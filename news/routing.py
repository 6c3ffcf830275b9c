"""Find a child page by its slug in the active language with one query.

wagtail-modeltranslation replaces `Page.route` with a version that loads every
child of a page to compare slugs, so an article request cost grew with the
number of articles. `localized_route` keeps its behaviour (per-language slugs,
English fallback when a translation has no slug, RoutablePageMixin routes
first) but asks the database for the one matching child, already specific.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.url_routing import RouteResult

from . import languages


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
        child = child_pages(self).filter(slug_lookup(child_slug)).first()
        if child is None:
            raise Http404
        return child.route(request, remaining)

    if self.live:
        return RouteResult(self)
    raise Http404
