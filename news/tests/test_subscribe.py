"""The feeds page (`/en/news/subscribe/`, `/zh-hans/xinwen/subscribe/`): every listing's feeds,
the events' iCalendar feed, the corrections' RSS, the most used tags' feeds; and the footer's
"Subscribe" link to it."""

import re

import feedparser
import icalendar
from django.test import TestCase

from news.factories import ArticlePageFactory, EventIndexPageFactory, EventPageFactory
from news.models import ArticlePage, ArticleTag
from news.tests.utils import (
    alternate,
    breadcrumbs,
    build_site,
    canonical,
    h1,
    json_ld_graph,
    make_column,
    page_title,
    queries_of,
    switcher_link,
    tag,
)

SUBSCRIBE = {"en": "/en/news/subscribe/", "zh-hans": "/zh-hans/xinwen/subscribe/"}


def listed_feeds(response):
    """[(name, listing href, [(format, feed href)])] of the feeds page, in order."""
    items = response.text.split('class="feed-list"')[1].split("<h2>")[0]
    feeds = []
    for item in items.split('<li class="feed-list__item">')[1:]:
        href, name = re.search(
            r'<h2 class="feed-list__name"><a href="([^"]+)">([^<]+)</a>', item
        ).groups()
        links = re.findall(
            r'<li><a href="([^"]+)" type="[^"]+" aria-label="[^"]+">([^<]+)</a></li>', item
        )
        feeds.append((name, href, [(kind, url) for url, kind in links]))
    return feeds


def tag_feeds(response):
    """[(name, listing href, [(format, feed href)])] of the feeds page's tags, in order."""
    if 'class="feed-list feed-list--tags"' not in response.text:
        return []
    items = response.text.split('class="feed-list feed-list--tags"')[1].split("</ul>\n  </div>")[0]
    feeds = []
    for item in items.split('<li class="feed-list__item">')[1:]:
        href, name = re.search(
            r'<h3 class="feed-list__name"><a href="([^"]+)"[^>]*>([^<]+)</a>', item
        ).groups()
        links = re.findall(
            r'<li><a href="([^"]+)" type="[^"]+" aria-label="[^"]+">([^<]+)</a></li>', item
        )
        feeds.append((name, href, [(kind, url) for url, kind in links]))
    return feeds


def footer(response):
    return response.text.split('<footer class="site-footer">')[1].split("</footer>")[0]


class SubscribePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=2, focus_every=1)
        cls.research = make_column(
            "Research", "科研进展", "research", "keyan", description_zh_hans="实验室的科研动态。"
        )
        cls.campus = make_column("Campus", "校园动态", "campus", "xiaoyuan")
        tag(cls.articles[0], "robotics")

    def test_feeds_page_lists_news_focus_every_column_and_the_corrections_in_english(self):
        response = self.client.get(SUBSCRIBE["en"])
        self.assertEqual(response.status_code, 200)

        def formats(base):
            return [("RSS", f"{base}feed/rss/"), ("Atom", f"{base}feed/atom/")]

        self.assertEqual(
            listed_feeds(response),
            [
                ("News&amp;Events", "/en/news/", formats("/en/news/")),
                ("Focus", "/en/news/focus/", formats("/en/news/focus/")),
                ("Campus", "/en/news/column/campus/", formats("/en/news/column/campus/")),
                ("Research", "/en/news/column/research/", formats("/en/news/column/research/")),
                (
                    "Corrections",
                    "/en/news/corrections/",
                    [("RSS", "/en/news/corrections/feed/")],
                ),
            ],
        )

    def test_feeds_page_in_chinese_lists_the_chinese_feeds_under_chinese_names(self):
        response = self.client.get(SUBSCRIBE["zh-hans"])
        found = [(name, href) for name, href, _links in listed_feeds(response)]
        self.assertEqual(
            found,
            [
                ("新闻动态", "/zh-hans/xinwen/"),
                ("要闻", "/zh-hans/xinwen/focus/"),
                ("校园动态", "/zh-hans/xinwen/column/xiaoyuan/"),
                ("科研进展", "/zh-hans/xinwen/column/keyan/"),
                ("更正", "/zh-hans/xinwen/corrections/"),
            ],
        )
        self.assertContains(response, '<p class="feed-list__description">实验室的科研动态。</p>')
        self.assertContains(response, "每个标签也有自己的订阅源")
        self.assertContains(response, "<code>/zh-hans/xinwen/tag/&lt;标签&gt;/feed/rss/</code>")

    def test_every_feed_on_the_page_is_a_valid_feed_in_the_pages_language(self):
        for language, url in SUBSCRIBE.items():
            for _name, _listing, links in listed_feeds(self.client.get(url)):
                for _kind, feed_url in links:
                    with self.subTest(feed=feed_url):
                        response = self.client.get(feed_url)
                        self.assertEqual(response.status_code, 200)
                        parsed = feedparser.parse(response.content)
                        self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
                        self.assertTrue(parsed.feed.language.lower().startswith(language[:2]))

    def test_the_tag_feed_pattern_on_the_page_leads_to_a_tags_feed(self):
        response = self.client.get(SUBSCRIBE["en"])
        self.assertContains(response, "<code>/en/news/tag/&lt;tag&gt;/feed/rss/</code>")
        self.assertEqual(self.client.get("/en/news/tag/robotics/feed/rss/").status_code, 200)

    def test_feeds_page_announces_the_news_and_focus_feeds_in_its_head(self):
        response = self.client.get(SUBSCRIBE["zh-hans"])
        for title, path in (("新闻动态", "/zh-hans/xinwen/"), ("要闻", "/zh-hans/xinwen/focus/")):
            for kind, label in (("rss", "RSS"), ("atom", "Atom")):
                self.assertContains(
                    response,
                    f'<link rel="alternate" type="application/{kind}+xml" '
                    f'title="{title}（{label}）" href="http://testserver{path}feed/{kind}/">',
                    count=1,
                )

    def test_feeds_page_is_titled_subscribe_under_news_and_events_in_both_languages(self):
        english = self.client.get(SUBSCRIBE["en"])
        self.assertEqual((h1(english), page_title(english)), ("Subscribe", "Subscribe | BIT News"))
        self.assertEqual(
            breadcrumbs(english),
            [("/en/", "Home"), ("/en/news/", "News&amp;Events"), (None, "Subscribe")],
        )
        chinese = self.client.get(SUBSCRIBE["zh-hans"])
        self.assertEqual((h1(chinese), page_title(chinese)), ("订阅", "订阅 | 北理工新闻"))
        trail = json_ld_graph(chinese.text)["BreadcrumbList"]["itemListElement"]
        self.assertEqual(
            [(item["name"], item["item"]) for item in trail],
            [
                ("首页", "http://testserver/zh-hans/"),
                ("新闻动态", "http://testserver/zh-hans/xinwen/"),
                ("订阅", "http://testserver/zh-hans/xinwen/subscribe/"),
            ],
        )

    def test_switcher_hreflang_and_canonical_lead_to_the_other_languages_feeds_page(self):
        english = self.client.get(SUBSCRIBE["en"])
        self.assertEqual(switcher_link(english, "zh-hans"), SUBSCRIBE["zh-hans"])
        self.assertEqual(
            alternate(english, "zh-hans"), "http://testserver/zh-hans/xinwen/subscribe/"
        )
        self.assertEqual(canonical(english), "http://testserver/en/news/subscribe/")
        chinese = self.client.get(SUBSCRIBE["zh-hans"])
        self.assertEqual(switcher_link(chinese, "en"), SUBSCRIBE["en"])
        self.assertEqual(canonical(chinese), "http://testserver/zh-hans/xinwen/subscribe/")

    def test_every_page_has_a_subscribe_link_in_the_footer_in_its_language(self):
        for url, link in (
            ("/en/", '<a class="site-footer__subscribe" href="/en/news/subscribe/">Subscribe</a>'),
            (
                self.articles[0].url,
                '<a class="site-footer__subscribe" href="/en/news/subscribe/">Subscribe</a>',
            ),
            (
                "/en/search/?q=lab",
                '<a class="site-footer__subscribe" href="/en/news/subscribe/">Subscribe</a>',
            ),
            (
                "/zh-hans/xinwen/",
                '<a class="site-footer__subscribe" href="/zh-hans/xinwen/subscribe/">订阅</a>',
            ),
        ):
            with self.subTest(url=url):
                self.assertIn(link, footer(self.client.get(url)))

    def test_odd_query_strings_show_the_feeds_page(self):
        for query in ("?page=2", "?page=x", "?q=%00", "?tag=<script>"):
            with self.subTest(query=query):
                response = self.client.get(SUBSCRIBE["en"] + query)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(len(listed_feeds(response)), 5)

    def test_a_new_column_shows_on_the_feeds_page_at_the_next_request(self):
        self.client.get(SUBSCRIBE["en"])
        make_column("Alumni", "校友", "alumni", "xiaoyou")
        names = [name for name, *_rest in listed_feeds(self.client.get(SUBSCRIBE["en"]))]
        self.assertIn("Alumni", names)


class SubscribeToEventsAndTagsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=4)
        cls.events = EventIndexPageFactory(parent=cls.index)
        cls.lecture = EventPageFactory(
            parent=cls.events, title_en="A lecture", title_zh_hans="讲座"
        )
        first, second, third, fourth = cls.articles
        tag(first, "robotics", "campus")
        tag(second, "campus")
        tag(third, "campus", "alumni")
        ArticleTag.objects.filter(name="campus").update(chinese_name="校园")
        tag(fourth, "archive")
        ArticlePage.objects.get(pk=fourth.pk).unpublish()  # "archive" now lists nothing

    def test_feeds_page_lists_the_events_calendar_feed_in_each_language(self):
        for language, name, listing in (
            ("en", "Events", "/en/news/events/"),
            ("zh-hans", "活动", "/zh-hans/xinwen/huodong/"),
        ):
            with self.subTest(language):
                feeds = listed_feeds(self.client.get(SUBSCRIBE[language]))
                self.assertIn((name, listing, [("iCalendar", f"{listing}feed/ical/")]), feeds)
                response = self.client.get(f"{listing}feed/ical/")
                self.assertEqual(response.status_code, 200)
                self.assertTrue(response["Content-Type"].startswith("text/calendar"))
                calendar = icalendar.Calendar.from_ical(response.content)
                summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
                self.assertEqual(summaries, ["A lecture" if language == "en" else "讲座"])

    def test_feeds_page_links_the_feeds_of_the_tags_of_the_most_stories(self):
        def formats(base):
            return [("RSS", f"{base}feed/rss/"), ("Atom", f"{base}feed/atom/")]

        english = tag_feeds(self.client.get(SUBSCRIBE["en"]))
        expected = [(name, f"/en/news/tag/{name}/") for name in ("campus", "alumni", "robotics")]
        self.assertEqual(english, [(name, url, formats(url)) for name, url in expected])
        chinese = tag_feeds(self.client.get(SUBSCRIBE["zh-hans"]))
        self.assertEqual([name for name, *_rest in chinese], ["校园", "alumni", "robotics"])
        for _name, _listing, links in english + chinese:
            for _kind, url in links:
                with self.subTest(url=url):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    self.assertFalse(feedparser.parse(response.content).bozo)

    def test_a_tag_given_to_a_new_story_shows_at_the_next_request(self):
        self.client.get(SUBSCRIBE["en"])
        tag(self.articles[1], "robotics", "alumni", "research")
        names = [name for name, *_rest in tag_feeds(self.client.get(SUBSCRIBE["en"]))]
        self.assertEqual(names[:1], ["campus"])
        self.assertIn("research", names)


class SubscribePageQueryTests(TestCase):
    def test_feeds_page_costs_the_same_for_5_and_50_articles(self):
        _home, index, _ = build_site()
        EventIndexPageFactory(parent=index)  # its iCalendar feed listed too
        columns = [make_column(f"C{n}", f"栏{n}", f"c-{n}", f"lan-{n}") for n in range(3)]
        counts = {}
        for total in (5, 50):
            while index.get_children().count() < total:
                n = index.get_children().count()
                tag(ArticlePageFactory(parent=index, column=columns[n % 3]), f"tag-{n % 20}")
            counts[total] = {url: queries_of(self.client, url)[1] for url in SUBSCRIBE.values()}
        # every part of it kept until a write of what it shows, as the listings
        self.assertEqual(counts[5], counts[50])
        self.assertEqual(set(counts[50].values()), {0}, counts[50])
