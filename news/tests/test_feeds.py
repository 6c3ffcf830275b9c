import datetime
import os
import xml.etree.ElementTree as ET
import zoneinfo

import feedparser
from django.test import TestCase
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from news.factories import ArticlePageFactory, UntranslatedArticlePageFactory
from news.models import ArticlePage
from news.syndication.metadata import SHARE_IMAGE_SPEC
from news.tests.utils import build_site, queries_of

FEEDS = {
    "en": "/en/news/feed/{}/",
    "zh-hans": "/zh-hans/xinwen/feed/{}/",
}
FOCUS_FEEDS = {
    "en": "/en/news/focus/feed/{}/",
    "zh-hans": "/zh-hans/xinwen/focus/feed/{}/",
}
TAG_FEEDS = {
    "en": "/en/news/tag/robotics/feed/{}/",
    "zh-hans": "/zh-hans/xinwen/tag/robotics/feed/{}/",
}
TITLE_FIELD = {"en": "title_en", "zh-hans": "title_zh_hans"}
SLUG_PREFIX = {"en": "http://testserver/en/news/", "zh-hans": "http://testserver/zh-hans/xinwen/"}
ATOM = "{http://www.w3.org/2005/Atom}"


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # 25 translated articles a day apart (every third is Focus), the newest with an image,
        # and one untranslated Focus story dated before all of them.
        cls.home, cls.index, cls.articles = build_site(articles=25, focus_every=3)
        cls.newest_first = sorted(cls.articles, key=lambda a: a.news_date, reverse=True)
        cls.image = Image.objects.create(title="lead", file=get_test_image_file())
        cls.with_image = cls.newest_first[0]
        cls.with_image.lead_image = cls.image
        cls.with_image.lead_image_alt_en = "A photo"
        cls.with_image.save_revision().publish()
        cls.untranslated = UntranslatedArticlePageFactory(
            parent=cls.index,
            title_en="Lecture series announced",
            slug_en="lecture-series",
            news_date=datetime.date(2022, 12, 1),
            focus=True,
        )

    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return feedparser.parse(response.content)

    def test_news_feeds_list_the_20_newest_articles_newest_first_in_both_languages(self):
        for language, url in FEEDS.items():
            for kind in ("rss", "atom"):
                with self.subTest(language=language, kind=kind):
                    feed = self.parse(url.format(kind))
                    expected = [getattr(a, TITLE_FIELD[language]) for a in self.newest_first[:20]]
                    self.assertEqual([e.title for e in feed.entries], expected)

    def test_feeds_are_valid_rss_2_and_atom_1(self):
        for url in FEEDS.values():
            with self.subTest(url=url):
                self.assertEqual(self.parse(url.format("rss")).version, "rss20")
                self.assertEqual(self.parse(url.format("atom")).version, "atom10")
                self.assertFalse(self.parse(url.format("rss")).bozo)
                self.assertFalse(self.parse(url.format("atom")).bozo)

    def test_feeds_declare_their_language(self):
        for language, url in FEEDS.items():
            for kind in ("rss", "atom"):
                with self.subTest(language=language, kind=kind):
                    self.assertEqual(self.parse(url.format(kind)).feed.language, language)

    def test_chinese_feed_has_chinese_titles_summaries_and_site_name(self):
        feed = self.parse(FEEDS["zh-hans"].format("rss"))
        newest = self.newest_first[0]
        self.assertEqual(feed.feed.title, "新闻动态 | 北理工新闻")
        self.assertEqual(feed.entries[0].title, newest.title_zh_hans)
        self.assertEqual(feed.entries[0].summary, newest.summary_zh_hans)
        english = self.parse(FEEDS["en"].format("rss"))
        self.assertEqual(english.feed.title, "News&Events | BIT News")
        self.assertEqual(english.entries[0].summary, newest.summary_en)

    def test_feed_and_item_links_are_absolute_and_in_the_feed_language(self):
        for language, url in FEEDS.items():
            for kind in ("rss", "atom"):
                with self.subTest(language=language, kind=kind):
                    feed = self.parse(url.format(kind))
                    self.assertEqual(feed.feed.link, SLUG_PREFIX[language])
                    newest = self.newest_first[0]
                    slug = newest.slug_en if language == "en" else newest.slug_zh_hans
                    self.assertEqual(feed.entries[0].link, f"{SLUG_PREFIX[language]}{slug}/")
                    for entry in feed.entries:
                        self.assertTrue(entry.link.startswith(SLUG_PREFIX[language]))

    def test_focus_feeds_list_only_focus_stories_newest_first(self):
        focus = [a for a in self.newest_first if a.focus] + [self.untranslated]
        for language, url in FOCUS_FEEDS.items():
            for kind in ("rss", "atom"):
                with self.subTest(language=language, kind=kind):
                    feed = self.parse(url.format(kind))
                    expected = [getattr(a, TITLE_FIELD[language]) or a.title_en for a in focus]
                    self.assertEqual([e.title for e in feed.entries], expected)
                    self.assertEqual(feed.feed.link, SLUG_PREFIX[language] + "focus/")
        self.assertEqual(self.parse(FOCUS_FEEDS["zh-hans"].format("rss")).feed.title[:2], "要闻")

    def test_lead_image_is_an_enclosure_with_the_jpeg_renditions_size_and_type(self):
        rendition = self.image.get_rendition(SHARE_IMAGE_SPEC)
        with open(rendition.file.path, "rb") as jpeg:
            self.assertEqual(jpeg.read(3), b"\xff\xd8\xff")  # really a JPEG
        for language, url in FEEDS.items():
            for kind in ("rss", "atom"):
                with self.subTest(language=language, kind=kind):
                    entries = self.parse(url.format(kind)).entries
                    self.assertEqual(
                        entries[0].enclosures,
                        [
                            {
                                "href": f"http://testserver{rendition.url}",
                                "length": str(os.path.getsize(rendition.file.path)),
                                "type": "image/jpeg",
                            }
                        ],
                    )
                    self.assertEqual(entries[1].enclosures, [])  # no lead image, no enclosure

    def test_item_date_is_the_news_date_at_the_time_of_first_publication(self):
        shanghai = zoneinfo.ZoneInfo("Asia/Shanghai")
        # The newest story (factory dates follow a global sequence), first published later.
        day = max(ArticlePage.objects.values_list("news_date", flat=True)) + datetime.timedelta(1)
        ArticlePage.objects.filter(pk=self.with_image.pk).update(
            news_date=day,
            first_published_at=datetime.datetime(day.year + 1, 5, 1, 10, 30, tzinfo=shanghai),
        )
        rss = self.client.get(FEEDS["en"].format("rss"))
        self.assertContains(rss, f"<pubDate>{day:%a, %d %b %Y} 10:30:00 +0800</pubDate>")
        atom = self.client.get(FEEDS["zh-hans"].format("atom"))
        self.assertContains(atom, f"<published>{day:%Y-%m-%d}T10:30:00+08:00</published>")
        self.assertContains(atom, f"<updated>{day:%Y-%m-%d}T10:30:00+08:00</updated>")

    def test_untranslated_story_is_in_the_chinese_feeds_in_english_marked_as_english(self):
        atom = self.client.get(FOCUS_FEEDS["zh-hans"].format("atom"))
        entries = ET.fromstring(atom.content).findall(f"{ATOM}entry")  # noqa: S314 (our own feed)
        languages = {
            e.find(f"{ATOM}title").text: e.get("{http://www.w3.org/XML/1998/namespace}lang")
            for e in entries
        }
        self.assertEqual(languages["Lecture series announced"], "en")
        self.assertEqual(set(languages.values()), {None, "en"})
        rss = self.parse(FOCUS_FEEDS["zh-hans"].format("rss"))
        entry = rss.entries[-1]
        self.assertEqual(entry.title, "Lecture series announced")
        self.assertEqual(entry.link, f"{SLUG_PREFIX['zh-hans']}lecture-series/")

    def test_item_ids_stay_the_same_when_an_article_is_translated(self):
        before = self.parse(FOCUS_FEEDS["zh-hans"].format("rss")).entries[-1]
        self.untranslated.title_zh_hans = "系列讲座公布"
        self.untranslated.slug_zh_hans = "xilie-jiangzuo"
        self.untranslated.save_revision().publish()
        after = self.parse(FOCUS_FEEDS["zh-hans"].format("rss")).entries[-1]
        self.assertEqual(after.title, "系列讲座公布")
        self.assertEqual(after.link, f"{SLUG_PREFIX['zh-hans']}xilie-jiangzuo/")
        self.assertEqual(after.id, before.id)
        english = self.parse(FOCUS_FEEDS["en"].format("rss")).entries[-1]
        self.assertEqual(english.title, "Lecture series announced")
        self.assertNotEqual(english.id, after.id)  # one id per language

    def test_unpublished_articles_leave_the_feed(self):
        self.newest_first[0].unpublish()
        titles = [e.title for e in self.parse(FEEDS["en"].format("atom")).entries]
        self.assertNotIn(self.newest_first[0].title_en, titles)
        self.assertEqual(titles[0], self.newest_first[1].title_en)

    def test_listing_pages_link_to_their_feeds_in_the_head(self):
        pages = {
            "/en/news/": ("http://testserver/en/news/", "News&amp;Events"),
            "/en/news/?page=2": ("http://testserver/en/news/", "News&amp;Events"),
            "/en/": ("http://testserver/en/news/", "News&amp;Events"),
            "/en/news/focus/": ("http://testserver/en/news/focus/", "Focus"),
            "/zh-hans/xinwen/": ("http://testserver/zh-hans/xinwen/", "新闻动态"),
            "/zh-hans/xinwen/focus/": ("http://testserver/zh-hans/xinwen/focus/", "要闻"),
        }
        for url, (base, title) in pages.items():
            with self.subTest(url=url):
                response = self.client.get(url)
                for kind, mime_type in (("rss", "rss+xml"), ("atom", "atom+xml")):
                    label = kind.upper() if kind == "rss" else "Atom"
                    label = f"（{label}）" if url.startswith("/zh") else f" ({label})"
                    self.assertContains(
                        response,
                        f'<link rel="alternate" type="application/{mime_type}" '
                        f'title="{title}{label}" href="{base}feed/{kind}/">',
                        count=1,
                    )

    def test_unknown_feed_kinds_show_the_sites_404_page(self):
        for url in (
            "/en/news/feed/json/",
            "/en/news/feed/",
            "/zh-hans/xinwen/focus/feed/rss2/",
            "/en/news/feed/rss/extra/",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404)
                self.assertContains(response, "<h1", status_code=404)

    def test_odd_query_parameters_do_not_change_the_feed(self):
        plain = self.client.get(FEEDS["en"].format("rss")).content
        for query in ("?page=abc", "?page=99999999999999999999", "?format=%00", "?q=<script>"):
            with self.subTest(query=query):
                response = self.client.get(FEEDS["en"].format("rss") + query)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.content, plain)


class FeedQueryCountTests(TestCase):
    def count_queries(self, url):
        response, count = queries_of(self.client, url)
        self.assertEqual(response.status_code, 200)
        return count

    def test_feed_query_counts_are_the_same_for_5_and_50_articles(self):
        image = Image.objects.create(title="lead", file=get_test_image_file())
        _home, index, _ = build_site(articles=0)
        urls = [
            url.format(kind)
            for feeds in (FEEDS, FOCUS_FEEDS, TAG_FEEDS)
            for url in feeds.values()
            for kind in ("rss", "atom")
        ]
        counts = {}
        for total in (5, 50):
            while index.get_children().count() < total:
                article = ArticlePageFactory(
                    parent=index, lead_image=image, lead_image_alt_en="A photo", focus=True
                )
                article.tags.add("robotics")
                article.save()
            counts[total] = {url: self.count_queries(url) for url in urls}
        self.assertEqual(counts[5], counts[50])
        self.assertLessEqual(max(counts[50].values()), 9, counts[50])
