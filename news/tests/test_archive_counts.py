"""The archive's month counts (ArchiveMonth, news/archive.py) follow every change to what the
listings show, and no page view counts the whole archive."""

import datetime

from django.apps import apps
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from news import archive
from news.factories import ArticlePageFactory
from news.models import ArchiveMonth, Column
from news.tests.utils import build_site

D = datetime.date


class ArchiveCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.march = ArticlePageFactory(parent=cls.index, news_date=D(2023, 3, 5))
        cls.march_too = ArticlePageFactory(parent=cls.index, news_date=D(2023, 3, 20))
        cls.may = ArticlePageFactory(parent=cls.index, news_date=D(2023, 5, 1))

    def counts(self, language, column=None):
        rows = ArchiveMonth.objects.filter(index=self.index, language=language, column=column)
        return {f"{month:%Y-%m}": count for month, count in rows.values_list("month", "count")}

    def test_each_column_is_counted_by_month_and_follows_a_change_of_column(self):
        """The columns' counts and a column's listing read these rows (no count over the
        articles on a page view)."""
        research, campus = (
            Column.objects.create(name_en=name, slug_en=name, name_zh_hans=name, slug_zh_hans=name)
            for name in ("research", "campus")
        )
        for article, column in ((self.march, research), (self.march_too, research)):
            article.column = column
            article.save_revision().publish()
        self.assertEqual(self.counts("en", research), {"2023-03": 2})
        self.march_too.column = campus
        self.march_too.save_revision().publish()
        self.assertEqual(self.counts("en", research), {"2023-03": 1})
        self.assertEqual(self.counts("zh-hans", campus), {"2023-03": 1})
        self.assertEqual(self.counts("en"), {"2023-03": 2, "2023-05": 1})  # the totals

    def test_each_language_counts_the_articles_of_each_month(self):
        for language in ("en", "zh-hans"):
            self.assertEqual(self.counts(language), {"2023-03": 2, "2023-05": 1})

    def test_unpublishing_and_publishing_again_change_the_counts(self):
        self.may.unpublish()
        self.assertEqual(self.counts("en"), {"2023-03": 2})
        self.may.save_revision().publish()
        self.assertEqual(self.counts("en"), {"2023-03": 2, "2023-05": 1})

    def test_a_new_date_moves_the_article_to_its_month(self):
        self.march.news_date = D(2023, 5, 9)
        self.march.save_revision().publish()
        self.assertEqual(self.counts("en"), {"2023-03": 1, "2023-05": 2})

    def test_publishing_recounts_only_the_article_s_months(self):
        march_rows = set(ArchiveMonth.objects.filter(month=D(2023, 3, 1)).values_list("pk"))
        self.may.title_en = "May, corrected"
        self.may.save_revision().publish()
        # March's rows were left alone (a recount deletes and makes them anew)
        self.assertEqual(
            set(ArchiveMonth.objects.filter(month=D(2023, 3, 1)).values_list("pk")), march_rows
        )
        self.assertEqual(self.counts("en"), {"2023-03": 2, "2023-05": 1})

    def test_a_version_hidden_in_chinese_leaves_only_the_chinese_count(self):
        self.march.public_zh_hans = False
        self.march.save_revision().publish()
        self.assertEqual(self.counts("en"), {"2023-03": 2, "2023-05": 1})
        self.assertEqual(self.counts("zh-hans"), {"2023-03": 1, "2023-05": 1})

    def test_deleting_and_restricting_articles_change_the_counts(self):
        self.may.delete()
        PageViewRestriction.objects.create(
            page=self.march, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        self.assertEqual(self.counts("en"), {"2023-03": 1})

    def test_a_draft_saved_in_the_admin_changes_nothing_and_recounts_nothing(self):
        with CaptureQueriesContext(connection) as queries:
            self.march.save_revision()
        self.assertFalse(any("news_archivemonth" in q["sql"] for q in queries))
        self.assertEqual(self.counts("en"), {"2023-03": 2, "2023-05": 1})

    def test_migrate_fills_the_counts_of_a_database_made_before_them(self):
        ArchiveMonth.objects.all().delete()
        archive.fill_after_migrate(sender=apps.get_app_config("news"))
        self.assertEqual(self.counts("zh-hans"), {"2023-03": 2, "2023-05": 1})


class NoWholeArchiveCountTests(TestCase):
    def test_news_and_archive_listings_count_nothing_per_view(self):
        _home, index, articles = build_site(articles=12)
        day = articles[0].news_date  # factory dates follow a global sequence
        for url in (
            "/en/news/",
            "/en/news/?page=2",
            f"/zh-hans/xinwen/{day:%Y}/",
            f"/en/news/{day:%Y/%m}/",
        ):
            self.client.get(url)
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            sql = " ".join(q["sql"] for q in queries).upper()
            self.assertNotIn("COUNT(", sql, url)
            self.assertNotIn("GROUP BY", sql, url)
