"""The JSON API (/api/v2/): what it lists in each language, what it never shows, its filters,
order and pages, its items' fields, and a 400 in JSON for every bad question."""

import datetime

from django.test import TestCase
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from api import parameters
from news.factories import (
    ArticlePageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    UntranslatedArticlePageFactory,
)
from news.models import ArticlePage
from news.tests.utils import VisibilityTestCase, build_site, make_column, research_column, tag


class APITestCase(TestCase):
    def get(self, path, status=200, **params):
        response = self.client.get(path, params)
        self.assertEqual(response.status_code, status, response.content[:500])
        self.assertEqual(response["Content-Type"], "application/json")
        return response.json()

    def titles(self, path="/api/v2/articles/", **params):
        return [item["title"] for item in self.get(path, **params)["items"]]


class LanguageVisibilityTests(VisibilityTestCase, APITestCase):
    def test_each_language_lists_what_the_site_lists_in_it(self):
        self.assertEqual(self.titles(), self.EN)
        self.assertEqual(self.titles(lang="zh-hans"), self.ZH)

    def test_english_is_the_default_language(self):
        data = self.get("/api/v2/articles/")
        self.assertEqual(data["meta"]["language"], "en")
        self.assertEqual({item["language"] for item in data["items"]}, {"en"})

    def test_a_version_hidden_in_chinese_is_a_404_in_chinese_only(self):
        path = f"/api/v2/articles/{self.only_en.pk}/"
        self.assertEqual(self.get(path)["title"], "Visible in English")
        error = self.get(path, status=404, lang="zh-hans")
        self.assertIn("message", error)
        self.assertNotIn("隐藏的中文版", str(error))

    def test_a_version_hidden_in_english_is_a_404_in_english(self):
        path = f"/api/v2/articles/{self.only_zh.pk}/"
        self.get(path, status=404)
        self.assertEqual(self.get(path, lang="zh-hans")["title"], "仅中文公开")

    def test_urls_name_only_the_languages_an_article_is_public_in(self):
        shared = self.get(f"/api/v2/articles/{self.shared_new.pk}/")["urls"]
        self.assertEqual(set(shared), {"en", "zh-hans"})
        self.assertTrue(shared["en"].startswith("http://testserver/en/news/"))
        self.assertTrue(shared["zh-hans"].startswith("http://testserver/zh-hans/xinwen/"))
        only_en = self.get(f"/api/v2/articles/{self.only_en.pk}/")["urls"]
        self.assertEqual(set(only_en), {"en"})


class ContentTests(APITestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.column = research_column()
        image = Image.objects.create(title="Lab", file=get_test_image_file(size=(1600, 900)))
        cls.article = ArticlePageFactory(
            parent=cls.index,
            title_en="Robots at work",
            title_zh_hans="工作中的机器人",
            column=cls.column,
            lead_image=image,
            lead_image_alt_en="A robot arm",
            lead_image_alt_zh_hans="机械臂",
            lead_image_credit_en="Photo: Li Lei",
            writer_en="Han Meimei",
            writer_zh_hans="韩梅梅",
        )
        tag(cls.article, "robotics")
        untranslated = UntranslatedArticlePageFactory(
            parent=cls.index, title_en="Only in English so far"
        )
        cls.untranslated = ArticlePage.objects.get(pk=untranslated.pk)

    def test_fields_are_in_the_requested_language(self):
        item = self.get(f"/api/v2/articles/{self.article.pk}/", lang="zh-hans")
        self.assertEqual(item["title"], "工作中的机器人")
        self.assertEqual(item["column"], {"slug": "keyan", "name": "科研进展"})
        self.assertEqual(item["credits"]["writer"], "韩梅梅")
        self.assertEqual(item["lead_image"]["alt"], "机械臂")
        self.assertIn("工作中的机器人正文", item["body"])
        english = self.get(f"/api/v2/articles/{self.article.pk}/")
        self.assertEqual(english["column"], {"slug": "research", "name": "Research"})
        self.assertIn("Body of Robots at work", english["body"])

    def test_an_untranslated_article_falls_back_to_english_and_says_so(self):
        item = self.get(f"/api/v2/articles/{self.untranslated.pk}/", lang="zh-hans")
        self.assertEqual(item["title"], "Only in English so far")
        self.assertIn("title", item["fallback_fields"])
        self.assertIn("Only in English so far", item["body"])
        self.assertEqual(
            self.get(f"/api/v2/articles/{self.untranslated.pk}/")["fallback_fields"], []
        )

    def test_the_lead_image_has_a_fixed_set_of_renditions(self):
        image = self.get(f"/api/v2/articles/{self.article.pk}/")["lead_image"]
        self.assertEqual(image["credit"], "Photo: Li Lei")
        self.assertEqual(
            [(r["filter"], r["width"], r["height"]) for r in image["renditions"]],
            [("fill-1200x675", 1200, 675), ("fill-600x338", 600, 338), ("fill-300x300", 300, 300)],
        )
        for rendition in image["renditions"]:
            self.assertRegex(rendition["url"], r"^http://testserver/media/images/.+\.fill-")
            self.assertEqual(self.client.get(rendition["url"]).status_code, 200)

    def test_an_article_without_an_image_has_none(self):
        self.assertIsNone(self.get(f"/api/v2/articles/{self.untranslated.pk}/")["lead_image"])

    def test_tags_have_their_chinese_name_in_chinese(self):
        self.article.tags.filter(name="robotics").update(chinese_name="机器人")
        item = self.get(f"/api/v2/articles/{self.article.pk}/", lang="zh-hans")
        self.assertEqual(item["tags"], [{"slug": "robotics", "name": "机器人"}])

    def test_lists_leave_the_body_to_the_detail(self):
        item = self.get("/api/v2/articles/")["items"][0]
        self.assertNotIn("body", item)
        self.assertEqual(self.get(item["detail_url"])["id"], item["id"])

    def test_the_body_s_addresses_are_absolute(self):
        self.article.body_en = [("paragraph", '<p><a href="/en/news/">News</a> and/or / not</p>')]
        self.article.save_revision().publish()
        body = self.get(f"/api/v2/articles/{self.article.pk}/")["body"]
        self.assertIn('href="http://testserver/en/news/"', body)
        self.assertIn("and/or / not", body)


class NeverExposedTests(APITestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.public,) = build_site(articles=1)
        cls.draft = ArticlePageFactory(parent=cls.index, title_en="A draft", live=False)
        cls.private = ArticlePageFactory(parent=cls.index, title_en="Staff only")
        PageViewRestriction.objects.create(page=cls.private, restriction_type="login")
        cls.unpublished = ArticlePageFactory(parent=cls.index, title_en="Taken down")
        cls.unpublished.unpublish()
        cls.draft, cls.private, cls.unpublished = (
            ArticlePage.objects.get(pk=page.pk)
            for page in (cls.draft, cls.private, cls.unpublished)
        )

    def test_drafts_private_and_unpublished_pages_are_in_no_list(self):
        for lang in ("en", "zh-hans"):
            data = self.get("/api/v2/articles/", lang=lang)
            self.assertEqual([item["id"] for item in data["items"]], [self.public.pk])
            self.assertEqual(data["meta"]["total_count"], 1)

    def test_their_details_are_404s(self):
        for page in (self.draft, self.private, self.unpublished):
            for lang in ("en", "zh-hans"):
                with self.subTest(page=page.title, lang=lang):
                    self.get(f"/api/v2/articles/{page.pk}/", status=404, lang=lang)

    def test_a_page_under_a_private_section_is_hidden_too(self):
        PageViewRestriction.objects.create(page=self.index, restriction_type="login")
        self.assertEqual(self.get("/api/v2/articles/")["items"], [])
        self.get(f"/api/v2/articles/{self.public.pk}/", status=404)

    def test_a_draft_of_a_published_article_shows_the_published_version(self):
        self.public.title_en = "Unpublished new title"
        self.public.save_revision()
        self.assertNotIn("Unpublished new title", self.titles())


class FilterTests(APITestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.research = research_column()
        cls.campus = make_column("Campus", "校园", "campus", "xiaoyuan")

        def story(day, title, **fields):
            return ArticlePageFactory(
                parent=cls.index, news_date=datetime.date(2023, 1, day), title_en=title, **fields
            )

        cls.a = story(1, "Alpha", column=cls.research)
        cls.b = story(2, "Bravo", focus=True, column=cls.campus)
        cls.c = story(3, "Charlie", focus=True)
        cls.d = story(4, "Delta")
        tag(cls.a, "robotics")
        tag(cls.d, "robotics", "space")
        cls.expired = story(
            5, "Echo", focus=True, focus_until=timezone.now() - datetime.timedelta(days=1)
        )

    def test_newest_first_by_default(self):
        self.assertEqual(self.titles(), ["Echo", "Delta", "Charlie", "Bravo", "Alpha"])

    def test_orders(self):
        self.assertEqual(self.titles(order="date"), ["Alpha", "Bravo", "Charlie", "Delta", "Echo"])
        self.assertEqual(self.titles(order="title"), ["Alpha", "Bravo", "Charlie", "Delta", "Echo"])
        self.assertEqual(
            self.titles(order="-title"), ["Echo", "Delta", "Charlie", "Bravo", "Alpha"]
        )

    def test_focus_means_in_focus_now(self):
        self.assertEqual(self.titles(focus="true"), ["Charlie", "Bravo"])
        self.assertEqual(self.titles(focus="false"), ["Echo", "Delta", "Alpha"])
        self.assertFalse(self.get(f"/api/v2/articles/{self.expired.pk}/")["focus"])

    def test_column_by_its_slug_in_either_language(self):
        self.assertEqual(self.titles(column="research"), ["Alpha"])
        self.assertEqual(self.titles(column="xiaoyuan", lang="zh-hans"), [self.b.title_zh_hans])
        self.assertEqual(self.titles(column="nothing"), [])

    def test_the_total_follows_a_publish_with_and_without_a_column(self):
        """Read from the archive's counts (no count over the archive): kept by each publish."""
        totals = {
            slug: self.get("/api/v2/articles/", **params)["meta"]["total_count"]
            for slug, params in (("all", {}), ("research", {"column": "keyan"}))
        }
        self.assertEqual(totals, {"all": 5, "research": 1})
        self.a.unpublish()
        self.assertEqual(self.get("/api/v2/articles/")["meta"]["total_count"], 4)
        self.assertEqual(self.get("/api/v2/articles/", column="research")["meta"]["total_count"], 0)

    def test_tag(self):
        self.assertEqual(self.titles(tag="robotics"), ["Delta", "Alpha"])
        self.assertEqual(self.titles(tag="space"), ["Delta"])

    def test_date_range_includes_both_ends(self):
        self.assertEqual(
            self.titles(date_from="2023-01-02", date_to="2023-01-04"), ["Delta", "Charlie", "Bravo"]
        )
        self.assertEqual(self.titles(date_from="2023-01-05", date_to="2023-01-01"), [])

    def test_filters_combine(self):
        self.assertEqual(self.titles(tag="robotics", date_to="2023-01-03"), ["Alpha"])

    def test_limit_and_offset_page_through_with_the_total(self):
        data = self.get("/api/v2/articles/", limit=2, offset=2)
        self.assertEqual([item["title"] for item in data["items"]], ["Charlie", "Bravo"])
        self.assertEqual(
            data["meta"], {"total_count": 5, "limit": 2, "offset": 2, "language": "en"}
        )
        self.assertEqual(self.get("/api/v2/articles/", offset=5)["items"], [])

    def test_a_chinese_title_order_falls_back_to_english_titles(self):
        ArticlePage.objects.filter(pk=self.a.pk).update(title_zh_hans="")
        titles = self.titles(order="title", lang="zh-hans")
        self.assertEqual(titles[0], "Alpha")  # "A" sorts before the Chinese titles

    def test_events_are_not_articles(self):
        events = EventIndexPageFactory(parent=self.index)
        event = EventPageFactory(parent=events)
        self.assertNotIn(event.title_en, self.titles())
        self.get(f"/api/v2/articles/{event.pk}/", status=404)


class BadInputTests(APITestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)

    BAD = [
        {"limit": "100000"},
        {"limit": "0"},
        {"limit": "-1"},
        {"limit": "ten"},
        {"limit": "1e3"},
        {"limit": ""},
        {"offset": "-1"},
        {"offset": "99999999999999999999999"},
        {"offset": "１"},  # a full-width digit
        {"lang": "fr"},
        {"lang": "zh-Hans"},
        {"lang": ""},
        {"date_from": "2023-02-30"},
        {"date_from": "01/02/2023"},
        {"date_to": "2023-1-1"},
        {"date_to": "20230101"},
        {"focus": "yes"},
        {"order": "id"},
        {"order": "-news_date"},
        {"column": "a b"},
        {"column": "x" * 101},
        {"tag": "robotics\x00"},
        {"fields": "*"},
        {"type": "news.ArticlePage"},
        {"child_of": "3"},
        {"search": "robot"},
        {"format": "api"},
        {"when": "upcoming"},  # an events' parameter, not the articles'
        {"page": "2"},
    ]

    def test_each_bad_parameter_is_a_400_in_json(self):
        for params in self.BAD:
            with self.subTest(params=params):
                error = self.get("/api/v2/articles/", status=400, **params)
                self.assertEqual(set(error), {"message"})
                self.assertIn(next(iter(params)), error["message"])

    def test_a_detail_takes_only_lang(self):
        self.get(f"/api/v2/articles/{self.article.pk}/", status=400, limit="1")
        self.get(f"/api/v2/articles/{self.article.pk}/", status=400, lang="de")

    def test_an_unknown_id_or_address_is_a_404_in_json(self):
        for path in (
            "/api/v2/articles/0/",
            "/api/v2/articles/99999999999999999999999/",
            "/api/v2/articles/abc/",
            "/api/v2/articles/find/",
            "/api/v2/pages/",
            "/api/",
        ):
            with self.subTest(path=path):
                self.assertEqual(set(self.get(path, status=404)), {"message"})

    def test_only_get_head_and_options_are_answered(self):
        response = self.client.post("/api/v2/articles/")
        self.assertEqual(response.status_code, 405)
        self.assertEqual(response["Allow"], "GET, HEAD, OPTIONS")
        self.assertEqual(self.client.head("/api/v2/articles/").status_code, 200)

    def test_any_accept_header_gets_json(self):
        response = self.client.get("/api/v2/articles/", HTTP_ACCEPT="text/html")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")

    def test_the_declared_limits_are_the_ones_enforced(self):
        self.get("/api/v2/articles/", limit=str(parameters.LIMIT_MAX))
        self.get("/api/v2/articles/", status=400, limit=str(parameters.LIMIT_MAX + 1))
        self.get("/api/v2/articles/", offset=str(parameters.OFFSET_MAX))
        self.get("/api/v2/articles/", status=400, offset=str(parameters.OFFSET_MAX + 1))


class EventTests(APITestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        events = EventIndexPageFactory(parent=cls.index)
        cls.soon = EventPageFactory(
            parent=events,
            days=3,
            title_en="Soon",
            registration_url="https://example.edu.cn/register",
            speakers_en="Ada Lovelace\nAlan Turing",
        )
        cls.later = EventPageFactory(parent=events, days=10, title_en="Later", all_day=True)
        cls.over = EventPageFactory(parent=events, days=-3, title_en="Over")

    def test_soonest_first_upcoming_and_past(self):
        self.assertEqual(self.titles("/api/v2/events/"), ["Over", "Soon", "Later"])
        self.assertEqual(self.titles("/api/v2/events/", when="upcoming"), ["Soon", "Later"])
        self.assertEqual(self.titles("/api/v2/events/", when="past"), ["Over"])
        self.assertEqual(self.titles("/api/v2/events/", order="-date"), ["Later", "Soon", "Over"])

    def test_an_event_has_its_time_and_place(self):
        item = self.get(f"/api/v2/events/{self.soon.pk}/", lang="zh-hans")
        self.assertEqual(item["type"], "event")
        self.assertEqual(item["venue"], "中心教学楼报告厅")
        starts = datetime.datetime.fromisoformat(item["starts_at"])
        self.assertEqual(starts, self.soon.start)
        self.assertTrue(item["starts_at"].endswith("+08:00"))  # Beijing time, with its offset
        self.assertEqual(item["speakers"], ["Ada Lovelace", "Alan Turing"])
        self.assertEqual(item["registration_url"], "https://example.edu.cn/register")
        self.assertIsNone(item["registration_deadline"])
        self.assertTrue(
            item["urls"]["zh-hans"].startswith("http://testserver/zh-hans/xinwen/huodong/")
        )

    def test_an_event_is_not_an_article_detail_and_an_article_not_an_event(self):
        article = ArticlePageFactory(parent=self.index)
        self.get(f"/api/v2/events/{article.pk}/", status=404)
        item = self.get("/api/v2/events/")["items"][0]
        self.assertIn("/api/v2/events/", item["detail_url"])


class ColumnTests(APITestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        research_column()

    def test_columns_with_their_addresses_in_both_languages(self):
        data = self.get("/api/v2/columns/", lang="zh-hans")
        self.assertEqual(
            data["items"],
            [
                {
                    "slug": "keyan",
                    "name": "科研进展",
                    "description": "实验室的科研动态。",
                    "urls": {
                        "en": "http://testserver/en/news/column/research/",
                        "zh-hans": "http://testserver/zh-hans/xinwen/column/keyan/",
                    },
                }
            ],
        )
        self.assertEqual(self.client.get(data["items"][0]["urls"]["zh-hans"]).status_code, 200)

    def test_columns_take_only_lang(self):
        self.get("/api/v2/columns/", status=400, limit="5")
