"""Where a visitor finds what News&Events holds: the columns index (`column/`), the column
navigation of every listing, and the page of every feed (`subscribe/`).

They are routes of NewsIndexPage (pages.py), rendered, cached and switched between languages as
its listings are (`route_context`, `render`, the page cache); `DiscoveryRoutes` is its mixin.
"""

from django.db.models import Sum
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from .. import languages
from ..cache import fragments
from ..cache import tags as cache_tags
from ..syndication.feeds import feed_links
from .archive import ArchiveMonth
from .base import COLUMNS_ROUTE, FOCUS_ROUTE, SUBSCRIBE_ROUTE, language
from .taxonomy import Column


def own_description(column):
    """The column's description in the active language only: never unmarked English on the
    Chinese site (modeltranslation would fall back to it)."""
    return getattr(column, languages.get(language()).field("description"))


class DiscoveryRoutes:
    """The columns index, the column navigation and the feeds page of NewsIndexPage."""

    def columns(self, request):
        """Every column in the Column order (by name in the active language), each
        {"column", "description", "count"}: its own description and the number of articles
        it lists in the active language. Two queries (the columns, the sum of their
        ArchiveMonth rows: no count over the articles), kept in this process until a write of
        what it shows (fragments.config)."""

        def build():
            cache_tags.record_shown(self)
            rows = ArchiveMonth.objects.filter(index=self, language=language())
            rows = rows.filter(column__isnull=False).values_list("column").order_by()
            counts = dict(rows.annotate(count=Sum("count")))
            return [
                {
                    "column": column,
                    "description": own_description(column),
                    "count": counts.get(column.pk, 0),
                }
                for column in Column.objects.all()
            ]

        parts = ("columns", self.pk, language())
        return fragments.config(request, parts, build, copy=True)

    def column_url(self, request, column):
        return self.get_url(request) + self.reverse_subpage("column", args=[column.slug])

    def column_nav(self, request, current=None):
        """includes/column_nav.html, the columns of every listing (the current one marked),
        rendered once until a write of what it shows, language and current column."""

        def render():
            context = {
                "columns": self.columns(request),
                "columns_url": self.get_url(request) + COLUMNS_ROUTE,
                "current": current,
                "page": self,
            }
            html = render_to_string("includes/column_nav.html", context, request=request)
            return mark_safe(html)  # noqa: S308 - rendered by the template, escaped there

        def tagged():
            cache_tags.record_shown(self)
            return render()

        parts = ("column-nav", self.pk, language(), getattr(current, "pk", None))
        return fragments.config(request, parts, tagged)

    @path(COLUMNS_ROUTE, name="columns")
    def columns_index(self, request):
        """Every column, with its description and number of articles in the active language."""
        context = {
            "columns": self.columns(request),
            **self.route_context(_("Columns"), "columns"),
        }
        return self.render(request, template="news/columns.html", context_overrides=context)

    def all_feeds(self, request):
        """[{"title", "description", "url", "links"}]: every feed of the section in the active
        language (News&Events, Focus, each column), with the listing's address and its RSS and
        Atom links (`feed_links`)."""
        news_url = self.get_url(request)
        feeds = [
            {"title": self.title, "description": _("Every story, newest first."), "url": news_url},
            {
                "title": _("Focus"),
                "description": _("The stories the newsroom puts in Focus."),
                "url": news_url + FOCUS_ROUTE,
            },
        ]
        for entry in self.columns(request):
            column = entry["column"]
            url = self.column_url(request, column)
            feeds.append({"title": column.name, "description": entry["description"], "url": url})
        for feed in feeds:
            feed["links"] = feed_links(feed["title"], feed["url"])
        return feeds

    @path(SUBSCRIBE_ROUTE, name="subscribe")
    def subscribe(self, request):
        """Every feed, in the visitor's language; the head announces the news and Focus feeds."""
        context = {
            "all_feeds": self.all_feeds(request),
            "tags_url": self.get_url(request) + "tag/",
            "feeds": self.feed_links(request) + self.feed_links(request, FOCUS_ROUTE, _("Focus")),
            **self.route_context(_("Subscribe"), "subscribe"),
        }
        return self.render(request, template="news/subscribe.html", context_overrides=context)
