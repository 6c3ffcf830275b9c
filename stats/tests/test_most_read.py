""" "Most read this week" on the home page: the articles read most over the last seven days on
the visitor's language site, only what a listing may show, kept an hour at most."""

import datetime

from django.core.cache import cache
from django.test import RequestFactory, TestCase
from django.utils import timezone

from news.cache import pages
from news.models import ArticlePage
from news.tests.utils import build_site
from stats.models import PageViewCount


def read(article, views, language="en", days_ago=0):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    PageViewCount.objects.create(page=article, day=day, language=language, views=views)


def most_read_titles(response):
    html = response.content.decode()
    if "Most read this week" not in html and "本周最多阅读" not in html:
        return []
    section = html.split('id="most-read-heading"', 1)[1].split("</ol>", 1)[0]
    return [part.split(">", 1)[1].split("</a>", 1)[0] for part in section.split("<a href=")[1:]]


class MostReadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=7)

    def setUp(self):
        cache.clear()
        self.addCleanup(cache.clear)

    def test_the_week_s_most_read_lead_in_each_language_site(self):
        one, two, three, *_ = self.articles
        read(one, 5)
        read(two, 9, days_ago=6)  # the week's first day
        read(three, 50, days_ago=7)  # last week: not counted
        read(three, 3, language="zh-hans")
        read(one, 2, language="zh-hans")
        self.assertEqual(most_read_titles(self.client.get("/en/")), [two.title_en, one.title_en])
        self.assertEqual(
            most_read_titles(self.client.get("/zh-hans/")),
            [three.title_zh_hans, one.title_zh_hans],
        )

    def test_at_most_five_and_only_what_a_listing_may_show(self):
        for views, article in enumerate(self.articles, start=1):
            read(article, views)
        newest = self.articles[-1]
        ArticlePage.objects.get(pk=newest.pk).unpublish()
        hidden = ArticlePage.objects.get(pk=self.articles[-2].pk)
        hidden.public_en = False
        hidden.save_revision().publish()
        titles = most_read_titles(self.client.get("/en/"))
        expected = [article.title_en for article in reversed(self.articles[:-2])][:5]
        self.assertEqual(titles, expected)

    def test_no_views_no_section(self):
        response = self.client.get("/en/")
        self.assertNotContains(response, "Most read this week")

    def test_the_home_page_is_kept_no_longer_than_the_hour(self):
        read(self.articles[0], 1)
        self.client.get("/en/")  # kept by the page cache
        read(self.articles[1], 10)  # counts written later this hour: not a publish
        self.assertEqual(most_read_titles(self.client.get("/en/")), [self.articles[0].title_en])
        _state, kept = pages.look_up(RequestFactory().get("/en/"))
        now = timezone.now()
        next_hour = now.replace(minute=0, second=0, microsecond=0) + datetime.timedelta(hours=1)
        self.assertLessEqual(kept["expires"], next_hour.timestamp())
        self.assertGreater(kept["expires"], now.timestamp())

    def test_the_chinese_site_names_the_list_in_chinese(self):
        read(self.articles[0], 3, language="zh-hans")
        response = self.client.get("/zh-hans/")
        self.assertContains(response, "本周最多阅读")
        self.assertContains(response, "3次阅读")
