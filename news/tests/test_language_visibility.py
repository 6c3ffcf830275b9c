"""Per-language visibility: a moderator hides an article's English or Chinese version.

A hidden version is absent from that language's listings, feeds, search, sitemap and article
extras; its address shows the public version with a notice and a canonical link to it.
"""

import re

import feedparser
from django.test import TestCase

from news.factories import ArticlePageFactory, UntranslatedArticlePageFactory
from news.models import RelatedArticle
from news.tests.utils import (
    BASE,
    VisibilityTestCase,
    build_site,
    queries_of,
    read_sitemaps,
    result_titles,
    search,
    tag,
    titles_in,
    url_in,
)

NOTICE_ZH = "本文未发布中文版，以下显示英文版。"
NOTICE_EN = "This article is not published in English. The Chinese version is shown below."
UNTRANSLATED_NOTICE_ZH = "本文尚无中文版，以下显示英文原文。"


class ListingTests(VisibilityTestCase):
    def assert_listed(self, language, url, expected):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(titles_in(response), expected, url)

    def test_news_focus_column_and_tag_listings_leave_out_hidden_versions(self):
        for route in ("", "focus/", "column/{column}/", "tag/robotics/"):
            with self.subTest(route=route):
                self.assert_listed("en", "/en/news/" + route.format(column="research"), self.EN)
                self.assert_listed(
                    "zh-hans", "/zh-hans/xinwen/" + route.format(column="keyan"), self.ZH
                )

    def test_home_page_leaves_out_hidden_versions(self):
        self.assert_listed("en", "/en/", self.EN)
        self.assert_listed("zh-hans", "/zh-hans/", self.ZH)

    def test_archive_year_and_month_listings_leave_out_hidden_versions(self):
        self.assert_listed("en", "/en/news/2023/", ["Shared newer story", "Shared older story"])
        self.assert_listed("zh-hans", "/zh-hans/xinwen/2023/", self.ZH)
        self.assert_listed("en", "/en/news/2022/05/", ["Visible in English"])
        self.assert_listed("zh-hans", "/zh-hans/xinwen/2023/02/", ["仅中文公开"])

    def test_archive_of_a_month_with_only_hidden_versions_is_not_found(self):
        self.assertEqual(self.client.get("/en/news/2023/02/").status_code, 404)
        self.assertEqual(self.client.get("/zh-hans/xinwen/2022/").status_code, 404)
        self.assertEqual(self.client.get("/zh-hans/xinwen/2022/05/").status_code, 404)

    def test_archive_navigation_counts_only_public_versions(self):
        english = self.client.get("/en/news/").text
        chinese = self.client.get("/zh-hans/xinwen/").text
        self.assertIn('href="/en/news/2022/"', english)
        self.assertNotIn('href="/en/news/2023/02/"', english)
        self.assertNotIn('href="/zh-hans/xinwen/2022/"', chinese)
        self.assertIn('href="/zh-hans/xinwen/2023/02/"', chinese)

    def test_a_tag_whose_stories_are_all_hidden_in_a_language_has_no_page_there(self):
        tag(self.only_en, "exchange")
        self.assertEqual(self.client.get("/en/news/tag/exchange/").status_code, 200)
        self.assertEqual(self.client.get("/zh-hans/xinwen/tag/exchange/").status_code, 404)

    def test_an_untranslated_story_hidden_in_chinese_has_no_english_only_card(self):
        UntranslatedArticlePageFactory(
            parent=self.index, title_en="Not for Chinese readers", public_zh_hans=False
        )
        response = self.client.get("/zh-hans/xinwen/")
        self.assertNotContains(response, "Not for Chinese readers")
        self.assertNotContains(response, "仅英文")  # the "English only" badge
        self.assertEqual(titles_in(response), self.ZH)


class FeedTests(VisibilityTestCase):
    FEEDS = {
        "en": ["/en/news/feed/{}/", "/en/news/focus/feed/{}/", "/en/news/column/research/feed/{}/"],
        "zh-hans": [
            "/zh-hans/xinwen/feed/{}/",
            "/zh-hans/xinwen/focus/feed/{}/",
            "/zh-hans/xinwen/column/keyan/feed/{}/",
        ],
    }

    def test_feeds_leave_out_hidden_versions(self):
        expected = {"en": self.EN, "zh-hans": self.ZH}
        for language, urls in self.FEEDS.items():
            for url in urls:
                for kind in ("rss", "atom"):
                    with self.subTest(url=url.format(kind)):
                        response = self.client.get(url.format(kind))
                        self.assertEqual(response.status_code, 200)
                        feed = feedparser.parse(response.content)
                        self.assertEqual([e.title for e in feed.entries], expected[language])


class SearchTests(VisibilityTestCase):
    def test_english_search_leaves_out_stories_hidden_in_english(self):
        self.assertEqual(
            result_titles(search(self.client, "en", "story")),
            ["Shared newer story", "Shared older story"],
        )
        self.assertEqual(result_titles(search(self.client, "en", "hidden english")), [])
        self.assertEqual(
            result_titles(search(self.client, "en", "visible")), ["Visible in English"]
        )

    def test_chinese_search_leaves_out_stories_hidden_in_chinese(self):
        self.assertEqual(result_titles(search(self.client, "zh-hans", "隐藏")), [])
        self.assertEqual(result_titles(search(self.client, "zh-hans", "公开")), ["仅中文公开"])
        self.assertEqual(
            sorted(result_titles(search(self.client, "zh-hans", "新闻"))),
            sorted(["共享新新闻", "共享旧新闻"]),
        )


class SitemapTests(VisibilityTestCase):
    def test_sitemap_lists_each_story_only_in_its_public_languages(self):
        urls = read_sitemaps(self.client)
        self.assertIn(BASE + url_in(self.only_en, "en"), urls)
        self.assertNotIn(BASE + url_in(self.only_en, "zh-hans"), urls)
        self.assertIn(BASE + url_in(self.only_zh, "zh-hans"), urls)
        self.assertNotIn(BASE + url_in(self.only_zh, "en"), urls)
        self.assertIn(BASE + url_in(self.shared_old, "zh-hans"), urls)
        self.assertIn(BASE + url_in(self.shared_old, "en"), urls)

    def test_sitemap_alternates_name_only_public_versions(self):
        urls = read_sitemaps(self.client)
        english = BASE + url_in(self.only_en, "en")
        chinese = BASE + url_in(self.only_zh, "zh-hans")
        self.assertEqual(urls[english]["alternates"], {"en": english, "x-default": english})
        self.assertEqual(urls[chinese]["alternates"], {"zh-hans": chinese, "x-default": chinese})
        shared_en, shared_zh = (
            BASE + url_in(self.shared_old, "en"),
            BASE + url_in(self.shared_old, "zh-hans"),
        )
        self.assertEqual(
            urls[shared_zh]["alternates"],
            {"en": shared_en, "zh-hans": shared_zh, "x-default": shared_en},
        )


class ArticleExtrasTests(VisibilityTestCase):
    def extras(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        text = response.text
        previous = re.search(r'rel="prev">.*?article-nav__title"[^>]*>([^<]+)<', text)
        following = re.search(r'rel="next">.*?article-nav__title"[^>]*>([^<]+)<', text)
        related = text.partition('class="related"')[2].partition("</ul>")[0]
        return (
            previous and previous.group(1),
            following and following.group(1),
            re.findall(r'<li><a href="[^"]+"[^>]*>([^<]+)</a>', related),
        )

    def test_previous_and_next_skip_versions_hidden_in_the_language(self):
        previous, following, _related = self.extras(url_in(self.shared_old, "en"))
        self.assertEqual((previous, following), ("Shared newer story", "Visible in English"))
        previous, following, _related = self.extras(url_in(self.shared_old, "zh-hans"))
        self.assertEqual((previous, following), ("仅中文公开", None))

    def test_related_articles_skip_versions_hidden_in_the_language(self):
        # related stories are earlier ones (news/models/article_links.py): of the shared old
        # story's, only the one public in English only is earlier
        _p, _n, related = self.extras(url_in(self.shared_old, "en"))
        self.assertEqual(related, ["Visible in English"])
        _p, _n, related = self.extras(url_in(self.shared_old, "zh-hans"))
        self.assertEqual(related, [])

    def test_an_editors_pick_hidden_in_the_language_is_not_shown(self):
        RelatedArticle.objects.create(page=self.shared_new, article=self.only_en, sort_order=0)
        _p, _n, related = self.extras(url_in(self.shared_new, "zh-hans"))
        self.assertNotIn("隐藏的中文版", related)
        self.assertNotIn("Visible in English", related)
        _p, _n, related = self.extras(url_in(self.shared_new, "en"))
        self.assertEqual(related[0], "Visible in English")


class QueryCountTests(TestCase):
    """Hiding versions adds no query, and the cost stays flat as articles grow."""

    PAGES = [
        "/zh-hans/",
        "/zh-hans/xinwen/",
        "/zh-hans/xinwen/focus/",
        "/zh-hans/xinwen/feed/rss/",
        "/zh-hans/search/?q=%E6%96%87%E7%AB%A0",  # 文章
        "/en/news/",
        "/sitemap.xml",
    ]

    def count(self, urls):
        counts = {}
        for url in urls:
            response, count = queries_of(self.client, url)
            self.assertEqual(response.status_code, 200, url)
            counts[url] = count
        return counts

    def test_query_counts_are_the_same_with_hidden_versions_and_for_5_and_50_articles(self):
        _home, index, articles = build_site(articles=5, focus_every=2)
        shown, hidden = articles[0], articles[1]
        # The article page: its own version, and the English one shown in place of the
        # hidden Chinese one, cost the same.
        year = f"/zh-hans/xinwen/{shown.news_date:%Y}/"  # factory dates follow a global sequence
        urls = [*self.PAGES, year, url_in(shown, "zh-hans"), url_in(hidden, "zh-hans")]
        all_public = self.count(urls)
        for article in articles[1::2]:
            article.public_zh_hans = False
            article.save_revision().publish()
        self.assertContains(self.client.get(url_in(hidden, "zh-hans")), NOTICE_ZH)
        with_hidden = self.count(urls)
        while index.get_children().count() < 50:
            n = index.get_children().count()
            ArticlePageFactory(parent=index, focus=bool(n % 3), public_zh_hans=bool(n % 2))
        grown = self.count(urls)
        self.assertEqual(with_hidden, all_public)
        self.assertEqual(grown, all_public)
        self.assertEqual(
            all_public[url_in(hidden, "zh-hans")], all_public[url_in(shown, "zh-hans")]
        )
