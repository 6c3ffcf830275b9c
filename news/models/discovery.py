"""Where a visitor finds what News&Events holds: the columns index (`column/`), the column
navigation of every listing, and the page of every feed (`subscribe/`: the listings' RSS and
Atom, the events' iCalendar, the corrections' RSS (corrections.py), the most used tags' feeds).

They are routes of NewsIndexPage (pages.py), rendered, cached and switched between languages as
its listings are (`route_context`, `render`, the page cache); `DiscoveryRoutes` is its mixin.
"""

from django.db.models import Count, Sum
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from .. import languages
from ..cache import fragments
from ..cache import tags as cache_tags
from ..syndication.feeds import feed_links
from .archive import ArchiveMonth
from .base import COLUMNS_ROUTE, CORRECTIONS_ROUTE, FOCUS_ROUTE, SUBSCRIBE_ROUTE, language
from .events import EventIndexPage
from .taxonomy import ArticlePageTag, ArticleTag, Column

TAG_FEEDS = 12  # the most used tags the feeds page lists with their feeds


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

    def events_feed(self, request):
        """The Events page's iCalendar feed as an entry of the feeds page (`all_feeds`'s
        shape), or None when the section has no live Events page; found once per process
        until a write of what it shows."""

        def find():
            cache_tags.record_shown(self)  # an Events page published below it
            return EventIndexPage.objects.live().public().child_of(self).first()

        events = fragments.config(request, ("events-index-of", self.pk), find, copy=True)
        if events is None:
            return None
        url = events.get_url(request)
        link = {
            "type": "text/calendar",
            "title": _("%(title)s (iCalendar)") % {"title": events.title},
            "url": url + EventIndexPage.FEED_ROUTE,
            "name": "iCalendar",
        }
        description = _("What is coming up, for a calendar app: it adds new events by itself.")
        return {"title": events.title, "description": description, "url": url, "links": [link]}

    def tag_feeds(self, request):
        """The tags of the most stories this section lists in the active language, most first
        (at most TAG_FEEDS), each {"title", "lang", "url", "links"}: its listing and its RSS
        and Atom feeds, every one with stories in it. Two queries (the counts, the tags), kept
        in this process until a story or a tag changes."""

        def build():
            cache_tags.record("list:articles")  # the counts change with every story
            listed = self.articles().order_by().values("pk")
            rows = (
                ArticlePageTag.objects.filter(content_object__in=listed)
                .values("tag")
                .annotate(stories=Count("pk"))
                .order_by("-stories", "tag__name")[:TAG_FEEDS]
            )
            order = [row["tag"] for row in rows]
            tags = ArticleTag.objects.in_bulk(order)
            return [tags[pk] for pk in order]

        tags = fragments.config(request, ("tag-feeds", self.pk, language()), build, copy=True)
        feeds = []
        for tag in tags:
            url = self.get_url(request) + self.reverse_subpage("tag", args=[tag.slug])
            title = tag.display_name
            links = feed_links(self.tag_title(tag), url)
            feeds.append({"title": title, "lang": tag.display_lang, "url": url, "links": links})
        return feeds

    def corrections_entry(self, request):
        """The corrections page and its RSS feed, as an entry of the feeds page."""
        return {
            "title": _("Corrections"),
            "description": _("Every correction and update to a story, newest first."),
            "url": self.get_url(request) + CORRECTIONS_ROUTE,
            "links": self.corrections_feed_links(request),
        }

    @path(SUBSCRIBE_ROUTE, name="subscribe")
    def subscribe(self, request):
        """Every feed, in the visitor's language; the head announces the news and Focus feeds."""
        events = self.events_feed(request)
        context = {
            "all_feeds": self.all_feeds(request)
            + ([events] if events else [])
            + [self.corrections_entry(request)],
            "tag_feeds": self.tag_feeds(request),
            "tags_url": self.get_url(request) + "tag/",
            "feeds": self.feed_links(request) + self.feed_links(request, FOCUS_ROUTE, _("Focus")),
            **self.route_context(_("Subscribe"), "subscribe"),
        }
        return self.render(request, template="news/subscribe.html", context_overrides=context)
