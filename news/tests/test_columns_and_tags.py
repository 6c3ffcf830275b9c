import datetime
from urllib.parse import quote

import feedparser
from django.test import TestCase

from news.factories import ArticlePageFactory, UntranslatedArticlePageFactory
from news.models import ArticleTag
from news.tests.utils import (
    PREFIX,
    TITLE_FIELD,
    alternate,
    breadcrumbs,
    build_site,
    canonical,
    h1,
    make_column,
    newest_first,
    page_title,
    research_column,
    switcher_link,
    tag,
    titles_in,
    url_in,
)


class ColumnListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.research = research_column()
        cls.campus = make_column("Campus", "校园动态", "campus", "xiaoyuan")
        start = datetime.date(2023, 3, 1)
        cls.in_research = [
            ArticlePageFactory(
                parent=cls.index, column=cls.research, news_date=start + datetime.timedelta(n)
            )
            for n in range(12)
        ]
        cls.in_campus = [
            ArticlePageFactory(parent=cls.index, column=cls.campus, news_date=start),
            ArticlePageFactory(parent=cls.index, column=cls.campus, news_date=start),
        ]
        cls.unfiled = ArticlePageFactory(parent=cls.index, news_date=start)

    def test_column_listing_shows_only_its_articles_newest_first_in_both_languages(self):
        for language in ("en", "zh-hans"):
            with self.subTest(language=language):
                slug = "campus" if language == "en" else "xiaoyuan"
                response = self.client.get(f"{PREFIX[language]}column/{slug}/")
                self.assertEqual(response.status_code, 200)
                expected = [getattr(a, TITLE_FIELD[language]) for a in newest_first(self.in_campus)]
                self.assertEqual(titles_in(response), expected)

    def test_column_listing_is_paginated_like_the_news_listing(self):
        ordered = newest_first(self.in_research)
        first = self.client.get("/en/news/column/research/")
        self.assertEqual(titles_in(first), [a.title_en for a in ordered[:10]])
        second = self.client.get("/zh-hans/xinwen/column/keyan/?page=2")
        self.assertEqual(titles_in(second), [a.title_zh_hans for a in ordered[10:]])
        self.assertContains(second, '<span aria-current="page">2</span>', html=True)

    def test_bad_page_numbers_on_a_column_listing_show_a_page_never_an_error(self):
        ordered = newest_first(self.in_research)
        for raw, first_shown in {"abc": 0, "-3": 0, "99999999999999999999": 10, "2.0": 0}.items():
            with self.subTest(page=raw):
                response = self.client.get("/en/news/column/research/", {"page": raw})
                self.assertEqual(response.status_code, 200)
                self.assertEqual(titles_in(response)[0], ordered[first_shown].title_en)

    def test_column_listing_has_the_column_name_as_heading_title_and_last_breadcrumb(self):
        english = self.client.get("/en/news/column/research/")
        self.assertEqual(h1(english), "Research")
        self.assertTrue(page_title(english).startswith("Research | "))
        self.assertEqual(
            breadcrumbs(english),
            [
                ("/en/", "Home"),
                ("/en/news/", "News&amp;Events"),
                ("/en/news/column/", "Columns"),
                (None, "Research"),
            ],
        )
        chinese = self.client.get("/zh-hans/xinwen/column/keyan/?page=2")
        self.assertEqual(h1(chinese), "科研进展")
        self.assertTrue(page_title(chinese).startswith("科研进展 · 第2页 | "))
        self.assertEqual(
            breadcrumbs(chinese),
            [
                ("/zh-hans/", "首页"),
                ("/zh-hans/xinwen/", "新闻动态"),
                ("/zh-hans/xinwen/column/", "栏目"),
                (None, "科研进展"),
            ],
        )

    def test_column_description_is_shown_in_the_visitors_language_only(self):
        self.assertContains(
            self.client.get("/en/news/column/research/"),
            '<p class="lead">News from the laboratories.</p>',
            html=True,
        )
        self.assertContains(
            self.client.get("/zh-hans/xinwen/column/keyan/"),
            '<p class="lead">实验室的科研动态。</p>',
            html=True,
        )
        self.research.description_zh_hans = ""
        self.research.save()
        chinese = self.client.get("/zh-hans/xinwen/column/keyan/")
        self.assertNotContains(chinese, "News from the laboratories.")

    def test_switcher_and_hreflang_on_a_column_listing_lead_to_its_twin(self):
        english = self.client.get("/en/news/column/research/")
        self.assertEqual(switcher_link(english, "zh-hans"), "/zh-hans/xinwen/column/keyan/")
        self.assertEqual(
            alternate(english, "zh-hans"), "http://testserver/zh-hans/xinwen/column/keyan/"
        )
        self.assertEqual(canonical(english), "http://testserver/en/news/column/research/")
        chinese = self.client.get("/zh-hans/xinwen/column/keyan/?page=2")
        self.assertEqual(switcher_link(chinese, "en"), "/en/news/column/research/?page=2")
        self.assertEqual(
            alternate(chinese, "en"), "http://testserver/en/news/column/research/?page=2"
        )
        self.assertEqual(
            canonical(chinese), "http://testserver/zh-hans/xinwen/column/keyan/?page=2"
        )

    def test_unknown_column_or_a_slug_in_the_other_language_is_the_sites_404(self):
        for url in (
            "/en/news/column/no-such-column/",
            "/en/news/column/keyan/",
            "/zh-hans/xinwen/column/research/",
            "/en/news/column/" + "x" * 300 + "/",
        ):
            with self.subTest(url=url[:60]):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404)
                self.assertContains(response, '<h1 class="page-title">', status_code=404)
        chinese = self.client.get("/zh-hans/xinwen/column/research/")
        self.assertContains(chinese, "找不到页面", status_code=404)

    def test_focus_stays_a_flag_and_its_menu_link_is_not_current_on_a_column_listing(self):
        response = self.client.get("/en/news/column/research/")
        self.assertContains(response, '<a href="/en/news/focus/">Focus</a>', html=True)
        focus = self.client.get("/en/news/focus/")
        self.assertContains(
            focus, '<a href="/en/news/focus/" aria-current="page">Focus</a>', html=True
        )

    def test_deleting_a_column_keeps_its_articles_in_the_news_listing(self):
        self.campus.delete()
        article = self.in_campus[0]
        article.refresh_from_db()
        self.assertIsNone(article.column_id)
        self.assertEqual(self.client.get("/en/news/column/campus/").status_code, 404)
        self.assertEqual(self.client.get(url_in(article)).status_code, 200)


class TagListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        start = datetime.date(2023, 5, 1)
        cls.robotics = [
            tag(
                ArticlePageFactory(parent=cls.index, news_date=start + datetime.timedelta(n)),
                "robotics",
            )
            for n in range(3)
        ]
        cls.other = tag(ArticlePageFactory(parent=cls.index, news_date=start), "sports")
        ArticleTag.objects.filter(name="robotics").update(chinese_name="机器人")
        cls.chinese_keyword = tag(
            UntranslatedArticlePageFactory(parent=cls.index, news_date=start), "机器人竞赛"
        )

    def test_tag_listing_shows_the_tagged_articles_newest_first_in_both_languages(self):
        for language in ("en", "zh-hans"):
            with self.subTest(language=language):
                response = self.client.get(f"{PREFIX[language]}tag/robotics/")
                expected = [getattr(a, TITLE_FIELD[language]) for a in newest_first(self.robotics)]
                self.assertEqual(titles_in(response), expected)

    def test_tag_listing_is_titled_with_the_tag_in_the_visitors_language(self):
        english = self.client.get("/en/news/tag/robotics/")
        self.assertEqual(h1(english), "Tag: robotics")
        self.assertEqual(breadcrumbs(english)[-1], (None, "Tag: robotics"))
        chinese = self.client.get("/zh-hans/xinwen/tag/robotics/")
        self.assertEqual(h1(chinese), "标签：机器人")
        self.assertTrue(page_title(chinese).startswith("标签：机器人 | "))
        self.assertEqual(
            breadcrumbs(chinese),
            [("/zh-hans/", "首页"), ("/zh-hans/xinwen/", "新闻动态"), (None, "标签：机器人")],
        )

    def test_tag_listing_twin_has_the_same_slug_under_the_other_language(self):
        english = self.client.get("/en/news/tag/robotics/")
        self.assertEqual(switcher_link(english, "zh-hans"), "/zh-hans/xinwen/tag/robotics/")
        self.assertEqual(
            alternate(english, "zh-hans"), "http://testserver/zh-hans/xinwen/tag/robotics/"
        )
        chinese = self.client.get("/zh-hans/xinwen/tag/robotics/")
        self.assertEqual(switcher_link(chinese, "en"), "/en/news/tag/robotics/")

    def test_a_chinese_keyword_gets_a_working_chinese_address(self):
        slug = ArticleTag.objects.get(name="机器人竞赛").slug
        self.assertEqual(slug, "机器人竞赛")
        url = "/zh-hans/xinwen/tag/" + quote(slug) + "/"
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(titles_in(response), [self.chinese_keyword.title_en])
        self.assertEqual(switcher_link(response, "en"), "/en/news/tag/" + quote(slug) + "/")

    def test_unknown_tag_is_the_sites_404(self):
        response = self.client.get("/en/news/tag/no-such-tag/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Page not found", status_code=404)

    def test_tag_whose_articles_are_all_unpublished_is_not_found_nor_its_feeds(self):
        self.other.unpublish()
        self.assertEqual(self.client.get("/en/news/tag/sports/").status_code, 404)
        self.assertEqual(self.client.get("/zh-hans/xinwen/tag/sports/").status_code, 404)
        self.assertEqual(self.client.get("/en/news/tag/sports/feed/rss/").status_code, 404)

    def test_each_tag_has_rss_and_atom_feeds_of_its_articles_in_both_languages(self):
        for language in ("en", "zh-hans"):
            for kind in ("rss", "atom"):
                with self.subTest(language=language, kind=kind):
                    response = self.client.get(f"{PREFIX[language]}tag/robotics/feed/{kind}/")
                    self.assertEqual(response.status_code, 200)
                    feed = feedparser.parse(response.content)
                    self.assertFalse(feed.bozo, feed.get("bozo_exception"))
                    expected = [
                        getattr(a, TITLE_FIELD[language]) for a in newest_first(self.robotics)
                    ]
                    self.assertEqual([entry.title for entry in feed.entries], expected)
                    name = "Tag: robotics" if language == "en" else "标签：机器人"
                    self.assertTrue(feed.feed.title.startswith(name + " | "), feed.feed.title)
                    self.assertEqual(
                        feed.feed.link, f"http://testserver{PREFIX[language]}tag/robotics/"
                    )

    def test_tag_listing_announces_its_feeds_in_the_visitors_language(self):
        self.assertContains(
            self.client.get("/zh-hans/xinwen/tag/robotics/"),
            '<link rel="alternate" type="application/rss+xml" title="标签：机器人（RSS）" '
            'href="http://testserver/zh-hans/xinwen/tag/robotics/feed/rss/">',
        )
        self.assertContains(
            self.client.get("/en/news/tag/robotics/"),
            '<link rel="alternate" type="application/atom+xml" title="Tag: robotics (Atom)" '
            'href="http://testserver/en/news/tag/robotics/feed/atom/">',
        )

    def test_unknown_tags_and_feed_kinds_are_the_sites_404(self):
        for url in (
            "/en/news/tag/no-such-tag/feed/rss/",
            "/zh-hans/xinwen/tag/no-such-tag/feed/atom/",
            "/en/news/tag/robotics/feed/json/",
            "/en/news/tag/robotics/feed/",
            "/en/news/tag/robotics/feed/rss/extra/",
            "/en/news/tag/" + "x" * 300 + "/feed/rss/",
        ):
            with self.subTest(url=url[:60]):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404)
                self.assertContains(response, "<h1", status_code=404)

    def test_odd_query_parameters_do_not_change_a_tag_feed(self):
        url = "/en/news/tag/robotics/feed/rss/"
        plain = self.client.get(url).content
        for query in ("?page=abc", "?tag=%00", "?q=<script>"):
            with self.subTest(query=query):
                response = self.client.get(url + query)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.content, plain)


class ColumnFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.research = make_column("Research", "科研进展", "research", "keyan")
        start = datetime.date(2023, 3, 1)
        cls.in_research = [
            ArticlePageFactory(
                parent=cls.index, column=cls.research, news_date=start + datetime.timedelta(n)
            )
            for n in range(3)
        ]
        cls.elsewhere = ArticlePageFactory(parent=cls.index, news_date=start)

    def test_each_column_has_rss_and_atom_feeds_of_its_own_articles_in_both_languages(self):
        for language, slug in (("en", "research"), ("zh-hans", "keyan")):
            for kind in ("rss", "atom"):
                with self.subTest(language=language, kind=kind):
                    url = f"{PREFIX[language]}column/{slug}/feed/{kind}/"
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    feed = feedparser.parse(response.content)
                    self.assertFalse(feed.bozo, feed.get("bozo_exception"))
                    expected = [
                        getattr(a, TITLE_FIELD[language]) for a in newest_first(self.in_research)
                    ]
                    self.assertEqual([entry.title for entry in feed.entries], expected)
                    self.assertIn(
                        self.research.name_en if language == "en" else "科研进展", feed.feed.title
                    )

    def test_column_listing_announces_its_feeds_and_unknown_columns_have_none(self):
        response = self.client.get("/zh-hans/xinwen/column/keyan/")
        self.assertContains(
            response, 'href="http://testserver/zh-hans/xinwen/column/keyan/feed/rss/"'
        )
        self.assertEqual(self.client.get("/en/news/column/nope/feed/rss/").status_code, 404)
        self.assertEqual(self.client.get("/en/news/column/research/feed/json/").status_code, 404)
