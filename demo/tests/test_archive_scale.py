"""Every page costs the same number of queries with 40 articles and with 1,000 (built in bulk by
demo/archive.py): cost in queries never grows with the archive. Time is `make bench`'s to say."""

import datetime

from django.test import TestCase
from django.utils import translation

from demo.archive import ArchiveBuilder
from news import archive
from news.models import ArticlePage, ArticleTag, NewsIndexPage
from news.tests.utils import build_site, make_column, queries_of, titles_in

PAGES = [
    "/en/",
    "/zh-hans/",
    "/en/news/",
    "/en/news/?page=2",
    "/en/news/focus/",
    "/zh-hans/xinwen/column/keyan/",
    "/en/news/archive-5/",
    "/zh-hans/xinwen/dangan-5/",
    "/en/search/?q=archive",
    "/zh-hans/search/?q=%E6%A1%A3%E6%A1%88",
    "/en/news/feed/rss/",
    "/sitemap.xml",
    "/sitemap-articles-en.xml",
]


class QueriesAtScaleTests(TestCase):
    def test_query_counts_are_the_same_for_40_and_1000_articles(self):
        build_site()
        make_column("Research", "科研", "research", "keyan")
        ArticleTag.objects.create(name="robotics", chinese_name="机器人")
        builder = ArchiveBuilder()
        counts = {}
        for total, more in ((40, 40), (1000, 960)):  # from 40 on, one story is in Focus
            builder.build(more)
            counts[total] = {}
            for url in PAGES:
                response, count = queries_of(self.client, url)
                self.assertEqual(response.status_code, 200, url)
                counts[total][url] = count
        self.assertEqual(counts[40], counts[1000])


class DeepPagesTests(TestCase):
    """News&Events and the archive skip whole months by their counts to reach a deep page
    (news/listing.py, MonthSkippingList): every page must still list exactly what counting
    rows from the top would."""

    @classmethod
    def setUpTestData(cls):
        build_site()
        ArchiveBuilder().build(130)
        # Uneven months, one of them empty, over about a year.
        newest = ArticlePage.objects.order_by("-news_date").values_list("news_date", flat=True)
        start = newest.first()
        for article in ArticlePage.objects.all():
            days = (article.pk * article.pk) % 370
            if 150 <= days < 185:
                days += 40
            ArticlePage.objects.filter(pk=article.pk).update(
                news_date=start - datetime.timedelta(days=days)
            )
        index = NewsIndexPage.objects.get()
        archive.refresh(index.pk, index.path, index.depth)

    def listed(self, url):
        """Titles of every page of the listing at `url`, and of its `?page=999999999`."""
        shown, number = [], 1
        while True:
            response = self.client.get(f"{url}?page={number}")
            self.assertEqual(response.status_code, 200)
            shown.append(titles_in(response))
            if number == response.context["listing"].paginator.num_pages:
                break
            number += 1
        beyond = titles_in(self.client.get(f"{url}?page=999999999"))
        return shown, beyond

    def test_every_page_lists_the_rows_counting_from_the_top_would(self):
        index = NewsIndexPage.objects.get()
        year = ArticlePage.objects.order_by("-news_date").first().news_date.year
        for language, url, where in (
            ("en", "/en/news/", {}),
            ("zh-hans", "/zh-hans/xinwen/", {}),
            ("en", f"/en/news/{year}/", {"news_date__year": year}),
        ):
            with self.subTest(url=url), translation.override(language):
                expected = [a.title for a in index.articles().filter(**where)]  # as shown
                pages, beyond = self.listed(url)
                self.assertGreater(len(pages), 3)
                self.assertEqual(pages, [expected[i : i + 10] for i in range(0, len(expected), 10)])
                self.assertEqual(beyond, pages[-1])

    def test_a_deep_page_costs_the_queries_of_the_first(self):
        _, first = queries_of(self.client, "/en/news/")
        _, last = queries_of(self.client, "/en/news/?page=13")
        _, beyond = queries_of(self.client, "/en/news/?page=999999999")
        self.assertEqual(first, last)
        self.assertEqual(first, beyond)
