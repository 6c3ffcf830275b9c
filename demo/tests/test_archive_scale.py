"""Every page costs the same number of queries with 40 articles and with 1,000 (built in bulk by
demo/archive.py): cost in queries never grows with the archive. Time is `make bench`'s to say."""

from django.test import TestCase

from demo.archive import ArchiveBuilder
from news.models import ArticleTag
from news.tests.utils import build_site, make_column, queries_of

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
