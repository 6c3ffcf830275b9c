"""The API's answers are cached like pages (news/cache/pages.py): public, kept until the next
publish, keyed by every parameter; readable from other origins."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from news.cache import pages
from news.factories import ArticlePageFactory, EventIndexPageFactory, EventPageFactory
from news.models import ArticlePage
from news.tests.utils import build_site, queries_of, research_column, tag

LIST = "/api/v2/articles/"


class APICacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=3, focus_every=2)
        cls.article = cls.articles[0]

    def twice(self, url):
        first = self.client.get(url)
        self.assertEqual(first.status_code, 200, url)
        with CaptureQueriesContext(connection) as queries:
            second = self.client.get(url)
        self.assertEqual(second.content, first.content)
        return second, len(queries)

    def test_a_list_and_an_item_read_before_are_answered_without_a_query(self):
        for url in (
            LIST,
            f"{LIST}?lang=zh-hans&limit=2&order=title",
            f"{LIST}{self.article.pk}/?lang=zh-hans",
            "/api/v2/events/?when=upcoming",
            "/api/v2/columns/",
            "/api/v2/openapi.json",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.twice(url)[1], 0)

    def test_answers_are_public_like_pages_and_readable_by_any_origin(self):
        listing = self.client.get(LIST)
        self.assertEqual(listing["Cache-Control"], "public, max-age=0, s-maxage=600")
        item = self.client.get(f"{LIST}{self.article.pk}/")
        self.assertEqual(item["Cache-Control"], "public, max-age=0, s-maxage=3600")
        for response in (listing, item, self.client.get(LIST, {"limit": "0"})):
            self.assertEqual(response["Access-Control-Allow-Origin"], "*")
            self.assertEqual(response["Cross-Origin-Resource-Policy"], "cross-origin")
            self.assertNotIn("Access-Control-Allow-Credentials", response)

    def test_the_language_is_lang_never_the_browser_s(self):
        chinese_browser = {"HTTP_ACCEPT_LANGUAGE": "zh-CN,zh;q=0.9"}
        english = self.client.get(LIST, **chinese_browser)
        self.assertEqual(english.json()["meta"]["language"], "en")
        self.assertEqual(english["Content-Language"], "en")
        chinese = self.client.get(LIST, {"lang": "zh-hans"})
        self.assertEqual(chinese["Content-Language"], "zh-hans")
        for response in (english, chinese):
            self.assertNotIn("Accept-Language", response.get("Vary", ""))

    def test_each_language_and_each_question_has_its_own_entry(self):
        english = self.client.get(LIST).json()
        chinese = self.client.get(LIST, {"lang": "zh-hans"}).json()
        self.assertEqual(chinese["meta"]["language"], "zh-hans")
        self.assertNotEqual(english["items"][0]["title"], chinese["items"][0]["title"])
        self.assertEqual(len(self.client.get(LIST, {"limit": "1"}).json()["items"]), 1)
        self.assertEqual(len(self.client.get(LIST, {"limit": "2"}).json()["items"]), 2)

    def test_the_key_holds_every_api_parameter_but_only_the_pages_own_elsewhere(self):
        request = self.client.get(LIST, {"lang": "zh-hans", "limit": "2"}).wsgi_request
        self.assertEqual(pages.asked(request), [("lang", "zh-hans"), ("limit", "2")])
        page = self.client.get("/en/news/", {"page": "1", "lang": "zh-hans"}).wsgi_request
        self.assertEqual(pages.asked(page), [("page", "1")])

    def test_a_publish_shows_at_the_next_request(self):
        self.client.get(LIST)
        self.client.get(f"{LIST}{self.article.pk}/")
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.title_en = "Corrected headline"
        article.save_revision().publish()
        self.assertIn(
            "Corrected headline", [i["title"] for i in self.client.get(LIST).json()["items"]]
        )
        self.assertEqual(
            self.client.get(f"{LIST}{self.article.pk}/").json()["title"], "Corrected headline"
        )

    def test_an_unpublished_article_leaves_at_the_next_request(self):
        self.client.get(f"{LIST}{self.article.pk}/")
        ArticlePage.objects.get(pk=self.article.pk).unpublish()
        self.assertEqual(self.client.get(f"{LIST}{self.article.pk}/").status_code, 404)

    def test_a_list_of_upcoming_events_is_kept_no_longer_than_the_next_event_end(self):
        events = EventIndexPageFactory(parent=self.index)
        starts = timezone.now() + datetime.timedelta(minutes=2)  # over before the list's 10 min
        soon = EventPageFactory(
            parent=events, start=starts, end=starts + datetime.timedelta(minutes=1)
        )
        for query in ("?when=upcoming", "?when=past&lang=zh-hans"):
            response = self.client.get(f"/api/v2/events/{query}")
            _state, kept = pages.look_up(response.wsgi_request)
            self.assertLessEqual(kept["expires"], soon.ends_at.timestamp(), query)

    def test_errors_are_never_kept(self):
        self.assertNotIn("public", self.client.get(f"{LIST}?lang=fr").get("Cache-Control", ""))
        self.client.get(f"{LIST}999999/")
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(f"{LIST}999999/").status_code, 404)
        self.assertGreater(len(queries), 0)


class APIQueryTests(TestCase):
    """What a list costs when the page cache does not have it: the same for 5 or 50 items."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        column = research_column()
        image = Image.objects.create(title="Lab", file=get_test_image_file())
        for n in range(50):
            article = ArticlePageFactory(
                parent=cls.index, column=column, lead_image=image, lead_image_alt_en="A lab"
            )
            if n % 2:
                tag(article, "robotics", f"tag-{n}")

    def test_a_list_costs_a_few_queries_whatever_its_length(self):
        cache.clear()  # Wagtail's renditions too: they come with their images
        counts = {}
        for limit in (5, 50):
            for lang in ("en", "zh-hans"):
                response, counts[limit, lang] = queries_of(
                    self.client, f"{LIST}?limit={limit}&lang={lang}"
                )
                self.assertEqual(len(response.json()["items"]), limit)
        # the total, the page, its tags, images and their renditions
        self.assertLessEqual(max(counts.values()), 5, counts)
        self.assertEqual(counts[5, "en"], counts[50, "en"])

    @override_settings(PAGE_CACHE=False)
    def test_a_detail_costs_a_few_queries(self):
        pk = ArticlePage.objects.first().pk
        self.client.get(f"{LIST}{pk}/")
        with CaptureQueriesContext(connection) as queries:
            self.client.get(f"{LIST}{pk}/")
        self.assertLessEqual(len(queries), 6)
