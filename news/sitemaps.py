"""`/sitemap.xml`: a sitemap index of paginated sitemaps, each live public page once per language
it is public in, each with its twins.

- `/sitemap-pages.xml`: the home page, News&Events, its Focus listing, its columns index and
  each column with a published article, in every language (Django's i18n sitemap: one `<url>`
  per page and language, `location()` called with that language active, so Chinese URLs use
  Chinese slugs, a column's too).
- `/sitemap-articles-<language>.xml?p=N`: the articles public in that language, newest first,
  ARTICLES_PER_SITEMAP a page. Each page is one indexed query of the columns it needs, never a
  list of the whole archive; the URLs are built from each article's per-language `url_path`
  below the site root, without `reverse()` per URL (test_sitemap checks they equal `get_url()`).

Django's own `x_default` strips the default language's prefix, which here would lead to a
redirect by `Accept-Language` and, with per-language slugs, to a 404; `x-default` is the English
page instead, as in each page's `<head>`, or the article's first public version.
"""

import functools
from dataclasses import dataclass

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Count, Max, Sum
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property

from . import languages
from .cache import fragments
from .listing import DeferredList
from .models import (
    ARTICLE_ORDER,
    ArchiveMonth,
    ArticlePage,
    Column,
    ContactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    StandardPage,
)
from .models.archive import change_dates, newest
from .models.base import COLUMNS_ROUTE, public_in, public_q
from .syndication.metadata import publication_datetime

ARTICLES_PER_SITEMAP = 250  # about 0.11 ms of CPU a URL: 30 ms a page (docs/performance.md)


@dataclass(frozen=True)
class Entry:
    """A page, or one of its routes (`focus/`, or a column's listing, whose address differs
    per language), and when its content last changed."""

    page: object
    lastmod: object
    route: str = ""
    column: object = None


def changed(page):
    """When the page was last published; for an article imported without publishing
    dates, its news date. None for other pages that were never published in the admin."""
    moment = page.last_published_at or page.first_published_at
    if moment is None and isinstance(page, ArticlePage):
        moment = publication_datetime(page)
    return moment


def latest(*moments):
    return max((moment for moment in moments if moment is not None), default=None)


def site_home():
    return HomePage.objects.live().filter(public_q()).first()


def published_articles(home):
    return ArticlePage.objects.live().filter(public_q()).descendant_of(home)


def newest_change(articles):
    """The latest `changed()` of `articles` (a few: the events), by aggregates."""
    return newest(articles.aggregate(**change_dates()))


def archive_rows(home):
    """The archive's month rows (ArchiveMonth) of the sections under `home`: counts and
    newest changes that every publish keeps, read instead of aggregates over the archive."""
    return ArchiveMonth.objects.filter(index__path__startswith=home.path)


def newest_in_archive(home):
    """The latest `changed()` of the articles under `home` (the events' too): from the
    archive's rows, not an aggregate over every article."""
    rows = archive_rows(home).filter(column=None).aggregate(changed=Max("changed"))
    return latest(rows["changed"], newest_change(published_events(home)))


def newest_change_by_column(home):
    """{column id: the latest `changed()` of its articles}, for the columns that have any:
    from the archive's rows by column."""
    rows = archive_rows(home).exclude(column=None).order_by().values_list("column")
    return dict(rows.annotate(changed=Max("changed")))


def article_counts(home):
    """{language code: how many articles under `home` are public in it, events included}:
    from the archive's rows and one count over the events, once for every language (the index
    asks for each), kept in this process until a story changes (fragments.config)."""

    def build():
        rows = archive_rows(home).filter(column=None).order_by().values_list("language")
        counts = dict(rows.annotate(total=Sum("count")))
        by_language = {
            language.field_suffix: Count("pk", filter=public_in(language.code))
            for language in languages.LANGUAGES
        }
        events = published_events(home).aggregate(**by_language)
        return {
            language.code: counts.get(language.code, 0) + events[language.field_suffix]
            for language in languages.LANGUAGES
        }

    return fragments.config(None, ("sitemap-counts", home.pk), build)


def published_events(home):
    return EventPage.objects.live().filter(public_q()).descendant_of(home)


def with_x_default(alternates):
    """`alternates` plus `x-default`: the English version, or else the first one listed."""
    default = next(
        (a for a in alternates if a["lang_code"] == languages.DEFAULT.code),
        next(iter(alternates), None),
    )
    if default is None:
        return alternates
    return [*alternates, {"location": default["location"], "lang_code": "x-default"}]


class PageSitemap(Sitemap):
    """The home page, News&Events, the Focus listing, the columns index and the columns, Events
    and its past events, the site's own pages (About, Contact…), in every language."""

    i18n = True
    alternates = True

    def items(self):
        if not hasattr(self, "_entries"):
            self._entries = list(self._build_entries())
        return self._entries

    def _build_entries(self):
        home = site_home()
        if home is None:
            return
        # A listing changes whenever one of its articles does (a Focus box unticked, too),
        # and the home page and Focus listing also when a Focus end date passes: aggregates
        # over the archive, once per fetch of this small sitemap.
        now = timezone.now()
        articles = published_articles(home)
        newest_article = newest_in_archive(home)
        focus_ended = articles.filter(focus=True, focus_until__lte=now).aggregate(
            ended=Max("focus_until")
        )["ended"]
        yield Entry(home, latest(changed(home), newest_article, focus_ended))
        # Columns with a published article (an empty one is a page with nothing on it), each
        # dated by its newest article; the index by the newest of them.
        column_changes = newest_change_by_column(home)
        columns = list(Column.objects.filter(pk__in=column_changes)) if column_changes else []
        for index in NewsIndexPage.objects.live().filter(public_q()).child_of(home):
            yield Entry(index, latest(changed(index), newest_article))
            yield Entry(
                index, latest(changed(index), newest_article, focus_ended), index.FOCUS_ROUTE
            )
            if columns:
                in_columns = latest(changed(index), *column_changes.values())
                yield Entry(index, in_columns, COLUMNS_ROUTE)
            for column in columns:
                yield Entry(index, column_changes[column.pk], column=column)
            # Events: the section (what is coming) and its past events; each event is an
            # article, listed by ArticleSitemap.
            for events in EventIndexPage.objects.live().filter(public_q()).child_of(index):
                yield Entry(events, latest(changed(events), newest_article))
                yield Entry(events, latest(changed(events), newest_article), events.PAST_ROUTE)
        site_pages = (
            home.get_descendants().live().filter(public_q()).type(StandardPage, ContactPage)
        )
        for page in site_pages.order_by("path"):
            yield Entry(page, changed(page))

    def get_latest_lastmod(self):
        """None: the index names no date for this sitemap either (each `<url>` in it has its
        own), so the index builds none of its entries."""
        return None

    @property
    def paginator(self):
        """Its entries built only when a page of them is read (`OnePage`)."""
        return OnePage(DeferredList(self._items, lambda: len(self._items())), self.limit)

    def location(self, entry):
        _site_id, _root_url, path = entry.page.get_url_parts()
        if entry.column is not None:  # its slug in the language active here
            return path + entry.page.reverse_subpage("column", args=[entry.column.slug])
        return path + entry.route

    def lastmod(self, entry):
        return entry.lastmod

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["alternates"] = with_x_default(url["alternates"])
        return urls


class OnePage(Paginator):
    """The pages sitemap is one page (a few hundred addresses where the protocol allows
    50,000): the index needs no count of its entries."""

    @property
    def num_pages(self):
        return 1


class ArticleSitemap(Sitemap):
    """The articles public in one language, newest first, a page of them at a time."""

    limit = ARTICLES_PER_SITEMAP
    # What the URLs, alternates and dates need, and nothing of the wide page rows.
    COLUMNS = (
        "pk",
        "news_date",
        "first_published_at",
        "last_published_at",
        *(
            language.field(name)
            for language in languages.LANGUAGES
            for name in ("url_path", "public")
        ),
    )

    def __init__(self, language):
        self.language = language  # one instance per request: SITEMAPS holds factories

    @cached_property
    def home(self):
        return site_home()

    @cached_property
    def paths(self):
        return URLPaths(self.home)

    def articles(self):
        if self.home is None:
            return ArticlePage.objects.none()
        return published_articles(self.home).filter(public_in(self.language.code))

    def items(self):
        # rows, not pages: making 250 page instances (modelcluster, modeltranslation) cost a
        # fifth of a sitemap page
        return self.articles().order_by(*ARTICLE_ORDER).values_list(*self.COLUMNS, named=True)

    @property
    def paginator(self):
        """Django's, with the number of articles from the archive's month rows, which every
        publish keeps, and the events' (the index and every page need it: a COUNT over the
        archive cost 80 ms at 100,000)."""
        return Paginator(DeferredList(self.items, self.count), self.limit)

    def count(self):
        if self.home is None:
            return 0
        return article_counts(self.home)[self.language.code]

    def location(self, article):
        return self.paths.url(article, self.language)

    def lastmod(self, article):
        # as `changed()` for an article
        return (
            article.last_published_at or article.first_published_at or publication_datetime(article)
        )

    def get_latest_lastmod(self):
        """None: the index names no date for the article sitemaps (the protocol makes it
        optional; each `<url>` has its own), so fetching it aggregates nothing over them."""
        return None

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            article = url["item"]
            url["alternates"] = with_x_default(
                [
                    {"location": base + self.paths.url(article, other), "lang_code": other.code}
                    for other in languages.LANGUAGES
                    if getattr(article, other.field("public"))
                ]
            )
        return urls


class URLPaths:
    """An article's URL in each language, from its `url_path` in that language below the site
    root's, behind the language prefix: what `Page.get_url()` gives on the site's own host."""

    def __init__(self, home):
        self.roots = {}
        for language in languages.LANGUAGES:
            with translation.override(language.code):
                prefix = reverse("wagtail_serve", args=[""])
            self.roots[language.code] = (getattr(home, language.field("url_path")), prefix)

    def url(self, article, language):
        root_path, prefix = self.roots[language.code]
        url_path = getattr(article, language.field("url_path")) or getattr(
            article, languages.DEFAULT.field("url_path")
        )
        return prefix + url_path[len(root_path) :]


SITEMAPS = {
    "pages": PageSitemap,
    **{
        f"articles-{language.code}": functools.partial(ArticleSitemap, language)
        for language in languages.LANGUAGES
    },
}
