""" "Most read this week" on the home page: the articles read most over the last seven days, in
both languages (a story is one story, as its page counts it), of what a listing of the
visitor's language site may show, kept an hour at most."""

import datetime
import re

from django.core.cache import cache
from django.test import RequestFactory, TestCase
from django.utils import timezone

from news.cache import pages
from news.models import ArticlePage
from news.tests.utils import build_site, url_in
from stats import counting
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


def most_read_counts(response):
    """{title: the count shown beside it} of "Most read this week"."""
    html = response.content.decode()
    return dict(re.findall(r'>([^<>]+)</a>\s*<span class="most-read__views">([^<]+)</span>', html))


def view_count(response):
    """The view count in the article's line of date and reading time."""
    return re.search(r'<span class="article__views"[^>]*>([^<]*)</span>', response.text).group(1)


def number(text):
    return int(re.search(r"\d+", text).group())


ORIGIN = "http://testserver"


class MostReadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=7)

    def setUp(self):
        cache.clear()
        self.addCleanup(cache.clear)

    def test_the_week_s_most_read_in_both_languages_lead_on_each_language_site(self):
        one, two, three, *_ = self.articles
        read(one, 5)
        read(two, 9, days_ago=6)  # the week's first day
        read(three, 50, days_ago=7)  # last week: not counted
        read(three, 3, language="zh-hans")
        read(one, 6, language="zh-hans")  # 11 in all: read most
        self.assertEqual(
            most_read_titles(self.client.get("/en/")), [one.title_en, two.title_en, three.title_en]
        )
        self.assertEqual(
            most_read_titles(self.client.get("/zh-hans/")),
            [one.title_zh_hans, two.title_zh_hans, three.title_zh_hans],
        )

    def test_the_home_page_and_the_article_count_a_story_the_same_and_say_so(self):
        story = self.articles[0]
        for language, address in (
            ("en", "203.0.113.7"),
            ("zh-hans", "203.0.113.8"),
            ("zh-hans", "203.0.113.9"),
        ):  # three readers through the article's beacon, one on the English site
            self.client.post(
                f"/{language}/views/{story.pk}/", REMOTE_ADDR=address, HTTP_ORIGIN=ORIGIN
            )
        counting.flush()
        for language, three_views in (("en", "3 views"), ("zh-hans", "3次阅读")):
            title = story.title_en if language == "en" else story.title_zh_hans
            with self.subTest(language):
                listed = most_read_counts(self.client.get(f"/{language}/"))[title]
                shown = view_count(self.client.get(url_in(story, language)))
                self.assertEqual((number(listed), number(shown)), (3, 3))
                self.assertIn(three_views, listed)
                self.assertIn(three_views, shown)
        # each says what it counts
        english = most_read_counts(self.client.get("/en/"))[story.title_en]
        self.assertEqual(english, "3 views (this week, both languages)")
        self.assertEqual(view_count(self.client.get(url_in(story))), "3 views (both languages)")

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

    def test_the_article_is_kept_no_longer_than_the_hour_like_the_list(self):
        story = self.articles[0]
        read(story, 1)
        self.client.get(url_in(story))  # kept by the page cache
        _state, kept = pages.look_up(RequestFactory().get(url_in(story)))
        now = timezone.now()
        next_hour = now.replace(minute=0, second=0, microsecond=0) + datetime.timedelta(hours=1)
        self.assertLessEqual(kept["expires"], next_hour.timestamp())

    def test_the_chinese_site_names_the_list_in_chinese(self):
        read(self.articles[0], 3, language="zh-hans")
        response = self.client.get("/zh-hans/")
        self.assertContains(response, "本周最多阅读")
        self.assertContains(response, "3次阅读")
