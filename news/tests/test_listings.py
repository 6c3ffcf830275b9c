import re

from django.test import TestCase
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from news.factories import ArticlePageFactory
from news.tests.utils import build_site, queries_of, titles_in


class NewsListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # 25 articles, dated one day apart; every third one is a Focus story.
        cls.home, cls.index, cls.articles = build_site(articles=25, focus_every=3)
        cls.newest_first = sorted(cls.articles, key=lambda a: a.news_date, reverse=True)

    def test_news_listing_shows_ten_newest_articles_first(self):
        response = self.client.get("/en/news/")
        self.assertEqual(titles_in(response), [a.title_en for a in self.newest_first[:10]])

    def test_news_listing_third_page_shows_the_oldest_five(self):
        response = self.client.get("/en/news/?page=3")
        self.assertEqual(titles_in(response), [a.title_en for a in self.newest_first[20:]])
        self.assertContains(response, '<span aria-current="page">3</span>', html=True)

    def test_chinese_listing_shows_chinese_titles_in_the_same_order(self):
        response = self.client.get("/zh-hans/xinwen/?page=2")
        self.assertEqual(titles_in(response), [a.title_zh_hans for a in self.newest_first[10:20]])

    def test_bad_page_numbers_show_a_sensible_page_never_an_error(self):
        cases = {
            "abc": 1,
            "0": 1,
            "-1": 1,
            "1e9": 1,
            "99999": 3,
            "99999999999999999999999999": 3,
            "二": 1,
            "%00": 1,
            "": 1,
            "2.5": 1,
        }
        for raw, shown in cases.items():
            with self.subTest(page=raw):
                response = self.client.get("/en/news/", {"page": raw})
                self.assertEqual(response.status_code, 200)
                first = self.newest_first[(shown - 1) * 10]
                self.assertEqual(titles_in(response)[0], first.title_en)

    def test_repeated_page_parameter_uses_the_last_one(self):
        response = self.client.get("/en/news/?page=1&page=2")
        self.assertEqual(titles_in(response)[0], self.newest_first[10].title_en)

    def test_focus_listing_shows_only_focus_articles_newest_first(self):
        focus = [a for a in self.newest_first if a.focus]
        for language, field in (("en", "title_en"), ("zh-hans", "title_zh_hans")):
            with self.subTest(language=language):
                prefix = "/en/news/" if language == "en" else "/zh-hans/xinwen/"
                response = self.client.get(prefix + "focus/")
                self.assertEqual(titles_in(response), [getattr(a, field) for a in focus])

    def test_focus_listing_breadcrumbs_lead_home_then_news_then_focus(self):
        expected = {
            "en": [("/en/", "Home"), ("/en/news/", "News&amp;Events"), (None, "Focus")],
            "zh-hans": [
                ("/zh-hans/", "首页"),
                ("/zh-hans/xinwen/", "新闻动态"),
                (None, "要闻"),
            ],
        }
        for language, crumbs in expected.items():
            with self.subTest(language=language):
                prefix = "/en/news/" if language == "en" else "/zh-hans/xinwen/"
                html = self.client.get(prefix + "focus/").text
                trail = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
                found = re.findall(
                    r'<li>(?:<a href="([^"]+)">|<span aria-current="page">)([^<]+)<', trail
                )
                self.assertEqual([(href or None, text) for href, text in found], crumbs)

    def test_unpublished_articles_are_not_listed(self):
        draft = self.newest_first[0]
        draft.unpublish()
        response = self.client.get("/en/news/")
        self.assertNotIn(draft.title_en, titles_in(response))


class QueryCountTests(TestCase):
    """A page's database cost must not grow with the number of articles."""

    def count_queries(self, url):
        response, count = queries_of(self.client, url)
        self.assertEqual(response.status_code, 200)
        return count

    def test_page_query_counts_are_the_same_for_5_and_50_articles(self):
        image = Image.objects.create(title="lead", file=get_test_image_file())
        home, index, _ = build_site(articles=0)
        first = ArticlePageFactory(parent=index, lead_image=image, lead_image_alt_en="A photo")
        urls = ["/en/", "/en/news/", "/en/news/focus/", "/zh-hans/xinwen/", first.url]
        counts = {}
        for total in (5, 50):
            while index.get_children().count() < total:
                ArticlePageFactory(parent=index, lead_image=image, lead_image_alt_en="A photo")
            counts[total] = {url: self.count_queries(url) for url in urls}
        self.assertEqual(counts[5], counts[50])
        self.assertLessEqual(max(counts[50].values()), 15, counts[50])
