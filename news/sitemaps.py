"""`/sitemap.xml`: every live public page in both languages, each with its twins.

Django's sitemaps framework makes one `<url>` per page and language, calling
`location()` with that language active, so every URL comes from the page's own
slug in that language (`/zh-hans/xinwen/<slug_zh_hans>/`), never from a prefix swap.
Its own `x_default` strips the default language's prefix, which here would
lead to a redirect by `Accept-Language` and, with per-language slugs, to a 404;
`x-default` is the English page instead, as in each page's `<head>`.

An article appears only in the languages it is public in (`get_languages_for_item`),
and its alternates name only those; `x-default` is then its first public version.
"""

from dataclasses import dataclass

from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from . import languages
from .models import ArticlePage, HomePage, NewsIndexPage
from .syndication.metadata import publication_datetime


@dataclass(frozen=True)
class Entry:
    """A page, or one of its routes (`focus/`), and when its content last changed."""

    page: object
    lastmod: object
    route: str = ""


def changed(page):
    """When the page was last published; for an article imported without publishing
    dates, its news date. None for other pages that were never published in the admin."""
    moment = page.last_published_at or page.first_published_at
    if moment is None and isinstance(page, ArticlePage):
        moment = publication_datetime(page)
    return moment


def latest(*moments):
    return max((moment for moment in moments if moment is not None), default=None)


class PageSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        if not hasattr(self, "_entries"):
            self._entries = list(self._build_entries())
        return self._entries

    def _build_entries(self):
        home = HomePage.objects.live().public().first()
        if home is None:
            return
        articles = list(
            ArticlePage.objects.live()
            .public()
            .descendant_of(home)
            .order_by("-news_date", "-pk")
            .defer(*(language.field("body") for language in languages.LANGUAGES))
        )
        # A listing changes whenever one of its articles does (a Focus box unticked, too),
        # and the home page and Focus listing also when a Focus end date passes.
        newest = latest(*(changed(a) for a in articles))
        now = timezone.now()
        focus_ended = latest(
            *(a.focus_until for a in articles if a.focus and a.focus_until and a.focus_until <= now)
        )
        yield Entry(home, latest(changed(home), newest, focus_ended))
        for index in NewsIndexPage.objects.live().public().child_of(home):
            yield Entry(index, latest(changed(index), newest))
            yield Entry(index, latest(changed(index), newest, focus_ended), index.FOCUS_ROUTE)
        for article in articles:
            yield Entry(article, changed(article))

    def get_languages_for_item(self, entry):
        return entry.page.public_languages()

    def location(self, entry):
        _site_id, _root_url, path = entry.page.get_url_parts()
        return path + entry.route

    def lastmod(self, entry):
        return entry.lastmod

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            default = next(
                (a for a in url["alternates"] if a["lang_code"] == languages.DEFAULT.code),
                next(iter(url["alternates"]), None),
            )
            if default is not None:
                url["alternates"].append(
                    {"location": default["location"], "lang_code": "x-default"}
                )
        return urls
