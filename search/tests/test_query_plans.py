"""The search's queries are served by indexes on PostgreSQL (news migration 0012 and Wagtail's
own); see news/tests/test_query_plans.py for how plans are read on tiny tables."""

import unittest
from unittest import mock

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField
from django.db.models.functions import Cast
from django.test import TestCase
from django.utils import translation

from news.models import ArticlePage, listed_articles
from news.tests.utils import build_site, indexes_used, plan_nodes, scans_of
from search import ranking

TABLES = ("news_articlepage", "wagtailcore_page", "wagtailsearch_indexentry")
WORDS = {"en": ["article"], "zh-hans": ["zhhans文章"]}


@unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL's plans")
class SearchPlanTests(TestCase):
    """search/ranking.py's two shapes of plan: walking the listing index and probing each
    article's entry (a common word), or reading the matching entries from a full-text index
    and each one's article by its id (a rare word). Which one PostgreSQL picks depends on the
    sizes, so each is planned with the other switched off."""

    @classmethod
    def setUpTestData(cls):
        build_site(articles=30)
        # An archive's worth of entries matching nothing searched here (ids of no article),
        # and a live database's statistics: the planner weighs the plans as it would there.
        content_type = ContentType.objects.get_for_model(ArticlePage)
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title_norm,"
                " autocomplete, title, body, title_text, body_text)"
                " SELECT %s, 'other-' || n, 1, to_tsvector('other story'),"
                " to_tsvector('other story'), to_tsvector('more text'), 'other story',"
                " 'more text' FROM generate_series(1, 3000) AS n",
                [content_type.pk],
            )
            cursor.execute("ANALYZE")

    def results(self, language, words):
        with translation.override(language):
            return ranking.SearchResults(lambda: listed_articles(ArticlePage.objects.all()), words)

    def test_a_common_word_walks_the_listing_index_and_probes_entries_by_index(self):
        for language, words in WORDS.items():
            with self.subTest(language=language), mock.patch.object(ranking, "CANDIDATES", 0):
                results = self.results(language, words)
                self.assertIsNone(results.candidates)  # past CANDIDATES
                nodes = plan_nodes(
                    results.ranked[:10],
                    enable_seqscan="off",
                    enable_sort="off",
                    enable_bitmapscan="off",
                )
                self.assertIn("article_listing_order", indexes_used(nodes))
                for table in TABLES:
                    self.assertNotIn("Seq Scan", scans_of(nodes, table))
                self.assertFalse([node for node in nodes if node["Node Type"] == "Sort"])

    def test_the_candidates_of_a_rarer_word_are_read_by_their_ids(self):
        # The other plan switched off: every article here is a candidate, so walking the
        # listing index and filtering costs the same to the planner, and which one it picked
        # depended on the statistics earlier tests left (two CI runs). The index is dropped
        # inside this test's transaction, which rolls it back.
        with connection.cursor() as cursor:
            cursor.execute("DROP INDEX article_listing_order")
        for language, words in WORDS.items():
            with self.subTest(language=language):
                results = self.results(language, words)
                self.assertEqual(len(results.candidates), 30)
                nodes = plan_nodes(results.ranked[:10], enable_seqscan="off")
                self.assertIn("news_articlepage_pkey", indexes_used(nodes))
                for table in TABLES[:2]:
                    self.assertNotIn("Seq Scan", scans_of(nodes, table))

    def test_matching_entries_are_read_from_a_full_text_index(self):
        # Every entry here is of one of the content types asked for, so reading them all by
        # the content type's B-tree and filtering costs about as much to the planner, and the
        # whole suite's earlier tests tipped it that way once (a CI run). Those indexes are
        # dropped inside this test's transaction, which rolls it back: what is left to show is
        # that a full-text index fits the query's expression.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending check: ALTER may run
            cursor.execute(
                "SELECT i.indexname, c.conname FROM pg_indexes i LEFT JOIN pg_constraint c"
                " ON c.conname = i.indexname WHERE i.tablename = 'wagtailsearch_indexentry'"
                " AND i.indexdef LIKE '%%btree (content_type_id%%'"
            )
            for index, constraint in cursor.fetchall():
                if constraint:
                    cursor.execute(
                        f'ALTER TABLE wagtailsearch_indexentry DROP CONSTRAINT "{constraint}"'
                    )
                else:
                    cursor.execute(f'DROP INDEX "{index}"')
        for columns, index in (
            (["title", "body"], "news_search_title_body_gin"),
            (["title"], "wagtailsear_title_9caae0_gin"),
        ):
            for language, words in WORDS.items():
                with self.subTest(columns=columns, language=language):
                    entries = ranking.entries_matching(ArticlePage, words, columns)
                    nodes = plan_nodes(entries.values("object_id"), enable_seqscan="off")
                    self.assertIn(index, indexes_used(nodes))
                    self.assertNotIn("Seq Scan", scans_of(nodes, "wagtailsearch_indexentry"))

    def test_an_entry_finds_its_article_by_index(self):
        # the expression search/ranking.py joins on, as news migration 0012 indexes it
        own_id = Cast("pk", CharField(max_length=50))
        articles = ArticlePage.objects.annotate(entry_id=own_id).filter(entry_id="42")
        nodes = plan_nodes(articles.values("pk"), enable_seqscan="off")
        self.assertIn("news_article_object_id", indexes_used(nodes))
