"""The queries every page view makes are served by indexes (PostgreSQL's plans): what keeps a
page's SQL flat from 10 to 100,000 articles. The tables here are tiny, so the planner is told
to avoid table scans and sorts wherever an index can do the work: a plan that still scans
or sorts means no index fits the query. Timings at 100,000 articles: docs/performance.md."""

import datetime
import unittest

from django.db import connection
from django.test import TestCase
from django.utils import translation

from news import languages
from news.listing import MonthSkippingList
from news.models import ArchiveMonth
from news.routing import child_pages, slug_lookup
from news.schema import slug_index_name
from news.tests.utils import build_site, indexes_used, plan_nodes, scans_of

NO_SCANS = {"enable_seqscan": "off", "enable_sort": "off"}


@unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL's plans")
class QueryPlanTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=30)
        # A day apart from 10 January to 8 February, so that a deep page is past the newest
        # month: the factory's dates follow its sequence, shared by every test before, and
        # 30 days from there could all fall in one month (nothing to skip). Saved as an
        # editor saves, so the archive's month counts follow.
        for number, article in enumerate(cls.articles):
            article.news_date = datetime.date(2023, 1, 10) + datetime.timedelta(days=number)
            article.save()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as a live database's statistics: slugs are distinct

    def assert_no_scan_or_sort(self, nodes, table):
        self.assertNotIn("Seq Scan", scans_of(nodes, table))
        self.assertFalse([node for node in nodes if node["Node Type"] == "Sort"])

    def test_a_listing_page_walks_the_listing_index_in_order(self):
        for code in languages.CODES:
            with self.subTest(language=code), translation.override(code):
                nodes = plan_nodes(self.index.articles()[:10], **NO_SCANS)
                self.assertIn("article_listing_order", indexes_used(nodes))
                self.assert_no_scan_or_sort(nodes, "news_articlepage")

    def test_a_deep_page_starts_in_its_month_on_the_listing_index(self):
        months = self.index.archive_months()
        skipping = MonthSkippingList(self.index.articles(), months, "news_date")
        deep = skipping[25:35]  # past the newest month
        self.assertIn('news_date" <', str(deep.query))
        nodes = plan_nodes(deep, **NO_SCANS)
        self.assertIn("article_listing_order", indexes_used(nodes))
        self.assert_no_scan_or_sort(nodes, "news_articlepage")

    def test_the_archive_navigation_reads_its_rows_by_index(self):
        # as NewsIndexPage.archive_months asks: the section's totals, or one column's months
        for column, index in ((None, "one_row_per_month"), (1, "one_row_per_column_month")):
            with self.subTest(column=column):
                rows = ArchiveMonth.objects.filter(index=self.index, language="en", column=column)
                nodes = plan_nodes(rows.values_list("month", "count"), enable_seqscan="off")
                self.assertIn(index, indexes_used(nodes))
                self.assertNotIn("Seq Scan", scans_of(nodes, "news_archivemonth"))

    def test_an_article_is_found_by_its_slug_in_each_language(self):
        article = self.articles[0]
        for language in languages.LANGUAGES:
            slug = getattr(article, language.field("slug")) or article.slug
            with self.subTest(language=language.code), translation.override(language.code):
                nodes = plan_nodes(
                    child_pages(self.index).filter(slug_lookup(slug)), enable_seqscan="off"
                )
                used = indexes_used(nodes)
                self.assertIn(slug_index_name(language), used)
                self.assertNotIn("Seq Scan", scans_of(nodes, "wagtailcore_page"))


class SlugIndexTests(TestCase):
    def test_migrate_indexes_each_language_s_slug_column_of_the_page_table(self):
        with connection.cursor() as cursor:
            constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
        for language in languages.LANGUAGES:
            with self.subTest(language=language.code):
                index = constraints[slug_index_name(language)]
                self.assertEqual(index["columns"], [language.field("slug")])
