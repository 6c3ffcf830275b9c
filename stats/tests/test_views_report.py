"""Reports › Article views: each article's views per day and language site, filtered by day and
language, exported as CSV; for everyone who works on pages, nobody else."""

import datetime

from django.test import TestCase
from django.utils import timezone

from news.newsroom.roles import TRANSLATORS
from news.tests.utils import build_site, member
from stats.models import PageViewCount

REPORT = "/admin/reports/views/"


class ViewsReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.first, cls.second) = build_site(articles=2)
        today = timezone.localdate()
        cls.yesterday = today - datetime.timedelta(days=1)
        PageViewCount.objects.create(page=cls.first, day=today, language="en", views=12)
        PageViewCount.objects.create(page=cls.first, day=today, language="zh-hans", views=30)
        PageViewCount.objects.create(
            page=cls.second, day=cls.yesterday, language="zh-hans", views=4
        )
        cls.translator = member(TRANSLATORS, "translator")

    def rows(self, response):
        return [
            [cell.strip() for cell in line.split(",")]
            for line in b"".join(response.streaming_content).decode().strip().splitlines()[1:]
        ]

    def test_translators_see_each_article_day_and_language(self):
        self.client.force_login(self.translator)
        response = self.client.get(REPORT)
        self.assertContains(response, self.first.title_en)
        self.assertContains(response, self.second.title_en)
        self.assertContains(response, "中文")
        self.assertContains(response, f"/admin/pages/{self.first.pk}/edit/")

    def test_filtered_by_language_and_day_and_exported(self):
        self.client.force_login(self.translator)
        response = self.client.get(REPORT, {"language": "zh-hans", "export": "csv"})
        self.assertEqual(response.status_code, 200)
        rows = self.rows(response)
        self.assertEqual([row[-1] for row in rows], ["30", "4"])  # newest day first
        response = self.client.get(
            REPORT,
            {
                "day_from": self.yesterday.isoformat(),
                "day_to": self.yesterday.isoformat(),
                "export": "csv",
            },
        )
        self.assertEqual(
            self.rows(response),
            [[self.second.title_en, self.yesterday.isoformat(), "zh-hans", "4"]],
        )

    def test_a_bad_filter_is_not_a_server_error(self):
        self.client.force_login(self.translator)
        response = self.client.get(REPORT, {"language": "klingon", "day_from": "yesterday"})
        self.assertLess(response.status_code, 500)

    def test_visitors_are_sent_to_sign_in(self):
        response = self.client.get(REPORT)
        self.assertRedirects(response, f"/admin/login/?next={REPORT}")
