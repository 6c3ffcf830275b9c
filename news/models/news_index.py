"""The News&Events section and its listings: Focus, columns, tags, the archive by year and
month, and their feeds."""

import calendar
import datetime

from django.db import models
from django.db.models import Min, Q
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from .. import languages
from ..cache import fragments
from ..cache import tags as cache_tags
from ..listing import (
    DeferredList,
    MonthSkippingList,
    archive_years,
    paginate,
    year_label,
    year_month_label,
)
from ..routing import slug_lookup
from ..syndication.feeds import FEED_ITEMS, article_feed, feed_links
from .archive import ArchiveMonth
from .article import ArticlePage
from .base import (
    COLUMNS_ROUTE,
    CORRECTIONS_ROUTE,
    FOCUS_ORDER,
    FOCUS_ROUTE,
    SUBSCRIBE_ROUTE,
    SectionPage,
    TranslatedPageMixin,
    card_rows,
    focus_articles,
    in_focus_q,
    language,
    listed_articles,
)
from .corrections import CorrectionRoutes
from .discovery import DiscoveryRoutes, own_description
from .site_settings import SiteSettings
from .taxonomy import ArticlePageTag, ArticleTag, Column


def next_focus_end():
    """The next moment a Focus story's end date passes, or None: until then, what Focus lists
    changes only with a write."""
    ending = ArticlePage.objects.filter(focus=True, focus_until__gt=timezone.now())
    return ending.aggregate(next=Min("focus_until"))["next"]


def kept_next_focus_end(request):
    """`next_focus_end()`, kept in this process until it passes or a story changes."""
    return fragments.config_until(request, ("next-focus-end",), lambda: (next_focus_end(),) * 2)


class NewsIndexPage(
    SectionPage, TranslatedPageMixin, DiscoveryRoutes, CorrectionRoutes, RoutablePageMixin, Page
):
    """The "News&Events" section: every article, newest first.

    Routes: `focus/` (Focus stories), `column/` (the columns index, discovery.py),
    `column/<slug>/` (a column, slug per language), `tag/<slug>/`, `<yyyy>/` and
    `<yyyy>/<mm>/` (the archive), the feeds of each listing, `subscribe/` (every feed,
    discovery.py) and `corrections/` with its feed (corrections.py).
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage", "news.EventIndexPage"]
    routed_model = ArticlePage  # most of its children, found in one query (news/routing.py)
    max_count = 1

    FOCUS_ROUTE = FOCUS_ROUTE
    menu_routes = ((_("Focus"), FOCUS_ROUTE),)
    SUBSCRIBE_ROUTE = SUBSCRIBE_ROUTE
    CORRECTIONS_ROUTE = CORRECTIONS_ROUTE

    def articles(self):
        return listed_articles(ArticlePage.objects.child_of(self))

    def feed(self, request, kind, **listing):
        """The RSS or Atom feed (`kind`) of a listing, titled with the site's name."""
        site_name = SiteSettings.for_request(request).site_name
        return article_feed(request, kind, site_name=site_name, **listing)

    def feed_links(self, request, route_suffix="", title=None):
        """The RSS and Atom feeds of the listing at `route_suffix`, for the page's <head>."""
        return feed_links(title or self.title, self.get_url(request) + route_suffix)

    def archive_months(self, request=None, column=None):
        """[(first day of a month, number of articles)] listed in the active language (of
        `column` only, when given): the ArchiveMonth rows that news/archive.py keeps up to date
        (one small query), kept in this process until a story changes (fragments.config)."""

        def rows():
            cache_tags.record_shown(self)
            months = ArchiveMonth.objects.filter(index=self, language=language(), column=column)
            return list(months.values_list("month", "count"))

        parts = ("archive-months", self.pk, language(), getattr(column, "pk", None))
        return fragments.config(request, parts, rows)

    def render_listing(
        self,
        request,
        where=None,
        not_found_when_empty=False,
        order=None,
        counted_months=None,
        changes_at=None,
        counted_column=None,
        **context,
    ):
        """One listing: the articles matching `where` (in `order`, default newest first),
        paginated, with the archive navigation.

        When the listing is every article of the months `counted_months(month)` accepts (all
        news, a year, a month), newest first, its total is the archive's counts (no COUNT over
        the archive) and a deep page skips whole months by them (no OFFSET of 50,000 rows).
        A column's listing (`counted_column`) is counted and skipped by its own months' rows.
        Other listings are counted once until a write of what it shows (`listing_total`).
        """
        months = self.archive_months(request)
        if counted_column is not None:
            counted_months = counted_months or (lambda month: True)

        def articles():  # made only when the page's rows or total are not kept
            articles = card_rows(self.articles())  # one query for the page's cards
            listed = articles.filter(where) if where else articles
            return listed.order_by(*order) if order else listed

        if counted_months is not None:
            by_month = self.archive_months(request, counted_column) if counted_column else months
            counted = [(month, count) for month, count in by_month if counted_months(month)]
            listed = DeferredList(
                lambda: MonthSkippingList(articles(), counted, "news_date"),
                lambda: sum(count for _month, count in counted),
            )
        else:
            listed = DeferredList(
                articles, lambda: self.listing_total(request, articles, changes_at)
            )
        listing = paginate(request, listed)
        if not_found_when_empty and not listing.paginator.count:
            raise Http404
        context["listing"] = listing
        context["column_nav"] = self.column_nav(request, context.pop("column", None))
        context["archive_nav"] = self.archive_nav(request, months, context.get("archive_date"))
        return self.render(request, context_overrides=context)

    def listing_total(self, request, articles, changes_at=None):
        """How many `articles()` a listing has, counted once until a write of what it shows (a column
        of 15,000 stories: 100 ms at 100,000 articles). A listing that also changes with time
        (`changes_at()`: Focus, when an end date passes) is counted again from that moment."""

        def count():
            return articles().count(), changes_at() if changes_at else None

        parts = ("listing-total", request.path)
        return fragments.fragment_until(request, parts, count, shows=(self,))

    def archive_nav(self, request, months, current):
        """includes/archive_nav.html (20 years: 250 links), rendered once per language
        and current year or month until a story changes."""
        year, month = current or (None, None)

        def render():
            # read here, not taken from the caller, so the fragment records what it shows
            shown = self.archive_months(request) if request is not None else months
            cache_tags.record_shown(self)
            context = {
                "archive": archive_years(shown, current),
                "page": self,
                "archive_date": current,
            }
            html = render_to_string("includes/archive_nav.html", context, request=request)
            return mark_safe(html)  # noqa: S308 - rendered by the template, escaped there

        parts = ("archive-nav", self.pk, language(), year, month)
        return fragments.fragment(request, parts, render, shows=(self,))

    def route_suffixes(self, name, **kwargs):
        """{language: this route's path in that language}, for the switcher and hreflang.

        `kwargs` values may be callables, called with each language active (a column's
        slug differs per language).
        """
        suffixes = {}
        for code in languages.CODES:
            with translation.override(code):
                values = {
                    key: value() if callable(value) else value for key, value in kwargs.items()
                }
                suffixes[code] = self.reverse_subpage(name, kwargs=values)
        return suffixes

    def route_context(self, title, name, **kwargs):
        suffixes = self.route_suffixes(name, **kwargs)
        return {
            "route_title": title,
            "route_suffix": suffixes[translation.get_language()],
            "route_suffixes": suffixes,
        }

    def column_at(self, request, slug):
        """The column at `slug` in the active language, kept until a write of what it shows."""

        def find():
            return Column.objects.filter(slug_lookup(slug)).first()

        parts = ("column", language(), slug)
        return fragments.config(request, parts, find, copy=True, keep_none=False)

    def tag_at(self, request, slug):
        """The tag at `slug`, kept until a write of what it shows."""

        def find():
            return ArticleTag.objects.filter(slug=slug).first()

        return fragments.config(request, ("tag", slug), find, copy=True, keep_none=False)

    @path("")
    def all_news(self, request):
        return self.render_listing(
            request, counted_months=lambda month: True, feeds=self.feed_links(request)
        )

    @path(FOCUS_ROUTE, name="focus")
    def focus_news(self, request):
        return self.render_listing(
            request,
            in_focus_q(),
            order=FOCUS_ORDER,
            changes_at=lambda: kept_next_focus_end(request),
            route_title=_("Focus"),
            route_suffix=self.FOCUS_ROUTE,
            feeds=self.feed_links(request, self.FOCUS_ROUTE, _("Focus")),
        )

    @path("column/<str:slug>/", name="column")
    def column_news(self, request, slug):
        column = self.column_at(request, slug)
        if column is None:
            raise Http404
        return self.render_listing(
            request,
            Q(column=column),
            column=column,
            counted_column=column,
            # Only the active language's own text: no unmarked English on the Chinese site.
            route_intro=own_description(column),
            feeds=self.feed_links(
                request, self.reverse_subpage("column", args=[column.slug]), column.name
            ),
            route_parents=[(_("Columns"), COLUMNS_ROUTE)],
            **self.route_context(column.name, "column", slug=lambda: column.slug),
        )

    @path("column/<str:slug>/feed/<str:kind>/", name="column_feed")
    def column_feed(self, request, slug, kind):
        column = self.column_at(request, slug)
        if column is None:
            raise Http404
        return self.feed(
            request,
            kind,
            title=column.name,
            listing_url=self.column_url(request, column),
            articles=self.articles().filter(column=column),
            description=column.description,
        )

    @staticmethod
    def tagged(tag):
        return Q(pk__in=ArticlePageTag.objects.filter(tag=tag).values("content_object_id"))

    @staticmethod
    def tag_title(tag):
        return _("Tag: %(name)s") % {"name": tag.display_name}

    @path("tag/<str:slug>/", name="tag")
    def tag_news(self, request, slug):
        tag = self.tag_at(request, slug)
        if tag is None:
            raise Http404
        title = self.tag_title(tag)
        return self.render_listing(
            request,
            self.tagged(tag),
            # A tag whose articles were all unpublished or untagged has no page.
            not_found_when_empty=True,
            feeds=self.feed_links(request, self.reverse_subpage("tag", args=[tag.slug]), title),
            **self.route_context(title, "tag", slug=tag.slug),
        )

    @path("tag/<str:slug>/feed/<str:kind>/", name="tag_feed")
    def tag_feed(self, request, slug, kind):
        tag = self.tag_at(request, slug)
        if tag is None:
            raise Http404
        articles = list(self.articles().filter(self.tagged(tag))[:FEED_ITEMS])
        if not articles:  # no listing, so no feed either (tag_news)
            raise Http404
        return self.feed(
            request,
            kind,
            title=self.tag_title(tag),
            listing_url=self.get_url(request) + self.reverse_subpage("tag", args=[tag.slug]),
            articles=articles,
        )

    def archive_listing(self, request, first, last, title, name, **route_kwargs):
        """News dated `first` to `last`; no news there is a 404 (no endless empty calendar)."""
        return self.render_listing(
            request,
            Q(news_date__range=(first, last)),
            not_found_when_empty=True,
            counted_months=lambda month: first <= month <= last,
            archive_date=(first.year, first.month if "month" in route_kwargs else None),
            **self.route_context(title, name, **route_kwargs),
        )

    @re_path(r"^(?P<year>[0-9]{4})/$", name="archive_year")
    def year_news(self, request, year):
        year = int(year)
        if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
            raise Http404
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return self.archive_listing(
            request, first, last, year_label(year), "archive_year", year=f"{year:04d}"
        )

    @re_path(r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", name="archive_month")
    def month_news(self, request, year, month):
        year, month = int(year), int(month)
        if not (datetime.MINYEAR <= year <= datetime.MAXYEAR and 1 <= month <= 12):
            raise Http404
        first = datetime.date(year, month, 1)
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
        return self.archive_listing(
            request,
            first,
            last,
            year_month_label(first),
            "archive_month",
            year=f"{year:04d}",
            month=f"{month:02d}",
        )

    @path("feed/<str:kind>/", name="feed")
    def news_feed(self, request, kind):
        return self.feed(
            request,
            kind,
            title=self.title,
            listing_url=self.get_url(request),
            articles=self.articles(),
            description=self.intro,
        )

    @path(FOCUS_ROUTE + "feed/<str:kind>/", name="focus_feed")
    def focus_feed(self, request, kind):
        return self.feed(
            request,
            kind,
            title=_("Focus"),
            listing_url=self.get_url(request) + self.FOCUS_ROUTE,
            articles=focus_articles(self.articles()),
        )

    class Meta:
        verbose_name = _("news index page")
