""" "In the media" (coverage/): the clips of each language on `/<lang>/in-the-media/`, newest
first, each headline a link to the outlet's story marked as going elsewhere, with its feed;
the footer links the page; editors record clips in the admin, and a link that is not a web
address is refused with a clear message."""

import datetime
import re

import feedparser
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from coverage.models import CoverageClip
from news.newsroom.roles import CHIEF_EDITORS, EDITORS, MODERATORS, TRANSLATORS
from news.tests.utils import build_site, h1, member, queries_from_nothing, switcher_link

PAGE = {"en": "/en/in-the-media/", "zh-hans": "/zh-hans/in-the-media/"}
FEED = {code: url + "feed/" for code, url in PAGE.items()}
ADD = "/admin/snippets/coverage/coverageclip/add/"


def clip(day, headline, language="en", outlet="China Daily", quote="", url=None):
    return CoverageClip.objects.create(
        outlet=outlet,
        headline=headline,
        published=datetime.date(2024, 5, day),
        url=url or f"https://example.com/{day}",
        language=language,
        quote=quote,
    )


def headlines(response):
    return re.findall(r'<h2 class="coverage-list__headline"><a [^>]*>([^<]+)<', response.text)


def footer(response):
    return response.text.split('<footer class="site-footer">')[1].split("</footer>")[0]


class InTheMediaPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.old = clip(1, "Students build a Mars rover")
        cls.new = clip(
            9,
            "A campus that soaks up storms",
            outlet="Global Times",
            quote="The paths are the first of their kind in Beijing.",
        )
        cls.chinese = clip(5, "北理工学生研制火星车", language="zh-hans", outlet="人民日报")

    def test_each_language_lists_its_own_clips_newest_first(self):
        english = self.client.get(PAGE["en"])
        self.assertEqual(english.status_code, 200)
        self.assertEqual(headlines(english), [self.new.headline, self.old.headline])
        self.assertContains(english, '<span class="coverage-list__outlet">Global Times</span>')
        self.assertContains(english, '<time datetime="2024-05-09">9 May 2024</time>')
        chinese = self.client.get(PAGE["zh-hans"])
        self.assertEqual(headlines(chinese), ["北理工学生研制火星车"])
        self.assertContains(chinese, '<time datetime="2024-05-05">2024年5月5日</time>')

    def test_the_page_is_titled_in_the_visitors_language(self):
        self.assertEqual(h1(self.client.get(PAGE["en"])), "In the media")
        self.assertEqual(h1(self.client.get(PAGE["zh-hans"])), "媒体聚焦")

    def test_every_headline_is_a_link_marked_as_going_elsewhere(self):
        for language, hidden in (("en", "(external site)"), ("zh-hans", "（外部网站）")):
            with self.subTest(language=language):
                response = self.client.get(PAGE[language])
                links = re.findall(
                    r'<a class="external" href="([^"]+)" rel="noopener external">[^<]+'
                    r'<span class="external__marker" aria-hidden="true">↗</span>'
                    r'<span class="visually-hidden"> ([^<]+)</span></a>',
                    response.text,
                )
                self.assertEqual(len(links), len(headlines(response)))
                self.assertEqual({text for _url, text in links}, {hidden})
        self.assertContains(self.client.get(PAGE["en"]), 'href="https://example.com/9"')

    def test_a_quote_is_a_blockquote_only_when_the_clip_has_one(self):
        response = self.client.get(PAGE["en"])
        self.assertContains(response, "<blockquote", count=1)
        self.assertContains(
            response,
            '<blockquote class="coverage-list__quote" cite="https://example.com/9">'
            "<p>The paths are the first of their kind in Beijing.</p></blockquote>",
        )

    def test_the_page_links_the_other_languages_list_and_switches_to_it(self):
        english = self.client.get(PAGE["en"])
        self.assertContains(english, f'<a href="{PAGE["zh-hans"]}" hreflang="zh-hans">')
        self.assertContains(english, "Coverage in Chinese")
        self.assertEqual(switcher_link(english, "zh-hans"), PAGE["zh-hans"])
        chinese = self.client.get(PAGE["zh-hans"])
        self.assertContains(chinese, "英文报道")
        self.assertEqual(switcher_link(chinese, "en"), PAGE["en"])

    def test_a_long_list_is_paginated_and_odd_page_numbers_never_fail(self):
        for day in range(10, 22):
            clip(day, f"Story {day}")
        first = self.client.get(PAGE["en"])
        self.assertEqual(len(headlines(first)), 10)
        self.assertEqual(headlines(first)[0], "Story 21")
        second = self.client.get(PAGE["en"] + "?page=2")
        self.assertEqual(headlines(second)[-1], self.old.headline)
        for query in ("?page=x", "?page=-3", "?page=999", "?page=%00"):
            with self.subTest(query=query):
                self.assertEqual(self.client.get(PAGE["en"] + query).status_code, 200)

    def test_the_feed_lists_the_clips_of_its_language_linking_to_the_outlets(self):
        for language, expected in (
            ("en", [("Global Times: A campus that soaks up storms", "https://example.com/9")]),
            ("zh-hans", [("人民日报: 北理工学生研制火星车", "https://example.com/5")]),
        ):
            with self.subTest(language=language):
                response = self.client.get(FEED[language])
                self.assertEqual(response.status_code, 200)
                self.assertIn("public", response["Cache-Control"])
                parsed = feedparser.parse(response.content)
                self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
                self.assertTrue(parsed.feed.language.lower().startswith(language[:2]))
                entries = [(entry.title, entry.link) for entry in parsed.entries]
                self.assertEqual(entries[:1], expected)
        self.assertContains(self.client.get(PAGE["en"]), 'type="application/rss+xml"')

    def test_every_page_links_in_the_media_in_its_footer(self):
        for url, link in (
            ("/en/", '<li><a href="/en/in-the-media/">In the media</a></li>'),
            ("/zh-hans/xinwen/", '<li><a href="/zh-hans/in-the-media/">媒体聚焦</a></li>'),
            ("/en/search/?q=x", '<li><a href="/en/in-the-media/">In the media</a></li>'),
        ):
            with self.subTest(url=url):
                text = footer(self.client.get(url))
                self.assertIn(link, text)
                # after news's own "Corrections"
                self.assertLess(text.index("site-footer__corrections"), text.index(link))

    def test_the_page_takes_no_post(self):
        self.assertEqual(self.client.post(PAGE["en"]).status_code, 405)


class InTheMediaCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.clip = clip(3, "Robots on campus")

    def test_the_page_and_feed_read_before_cost_no_query(self):
        for url in (PAGE["en"], FEED["zh-hans"]):
            with self.subTest(url=url):
                self.client.get(url)
                with CaptureQueriesContext(connection) as queries:
                    self.assertEqual(self.client.get(url).status_code, 200)
                self.assertEqual(len(queries), 0)

    def test_a_clip_saved_or_deleted_shows_at_the_next_request(self):
        for url in (PAGE["en"], FEED["en"]):
            self.assertContains(self.client.get(url), "Robots on campus")
        clip(4, "Satellites from students")
        self.clip.headline = "Robots on the campus"
        self.clip.save()
        for url in (PAGE["en"], FEED["en"]):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, "Satellites from students")
                self.assertContains(response, "Robots on the campus")
        self.clip.delete()
        self.assertNotContains(self.client.get(PAGE["en"]), "Robots on the campus")


class InTheMediaAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.editor = member(EDITORS)
        cls.translator = member(TRANSLATORS)

    def form(self, **overrides):
        return {
            "outlet": "China Daily",
            "headline": "Students build a Mars rover",
            "published": "2024-05-03",
            "url": "https://www.chinadaily.com.cn/a/202405/03/rover.html",
            "language": "en",
            "quote": "",
            **overrides,
        }

    def test_an_editor_records_a_clip_and_it_is_listed(self):
        self.client.force_login(self.editor)
        response = self.client.post(ADD, self.form())
        self.assertEqual(response.status_code, 302)
        self.assertEqual(headlines(self.client.get(PAGE["en"])), ["Students build a Mars rover"])

    def test_a_link_that_is_not_a_web_address_is_refused_with_a_clear_message(self):
        self.client.force_login(self.editor)
        for url in ("javascript:alert(1)", "ftp://example.com/story", "data:text/html,hi", "x"):
            with self.subTest(url=url):
                response = self.client.post(ADD, self.form(url=url))
                self.assertEqual(response.status_code, 200)
                self.assertContains(
                    response,
                    "Give the address of the outlet&#x27;s story, starting with http:// or "
                    "https://.",
                )
        self.assertFalse(CoverageClip.objects.exists())

    def test_the_message_is_in_chinese_for_an_editor_working_in_chinese(self):
        UserProfile.objects.update_or_create(
            user=self.editor, defaults={"preferred_language": "zh-hans"}
        )
        self.client.force_login(self.editor)
        response = self.client.post(ADD, self.form(url="javascript:alert(1)"))
        self.assertContains(response, "请填写该媒体报道的网址，以 http:// 或 https:// 开头。")
        self.assertFalse(CoverageClip.objects.exists())

    def test_a_clip_without_outlet_or_date_is_refused(self):
        self.client.force_login(self.editor)
        response = self.client.post(ADD, self.form(outlet="", published="not a date"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required.")
        self.assertContains(response, "Enter a valid date.")
        self.assertFalse(CoverageClip.objects.exists())

    def test_editors_moderators_and_chief_editors_manage_clips_translators_do_not(self):
        clip_pk = clip(3, "Robots").pk
        for group, allowed in (
            (EDITORS, True),
            (MODERATORS, True),
            (CHIEF_EDITORS, True),
            (TRANSLATORS, False),
        ):
            with self.subTest(group=group):
                user = member(group, group.split(" / ")[0].lower().replace(" ", "-") + "-2")
                self.client.force_login(user)
                for url in (
                    "/admin/snippets/coverage/coverageclip/",
                    ADD,
                    f"/admin/snippets/coverage/coverageclip/edit/{clip_pk}/",
                ):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200 if allowed else 302, url)
                menu = self.client.get("/admin/").text
                self.assertEqual('"name": "coverage"' in menu, allowed)

    def test_a_translators_post_records_nothing(self):
        self.client.force_login(self.translator)
        self.client.post(ADD, self.form())
        self.assertFalse(CoverageClip.objects.exists())

    def test_the_page_costs_the_same_for_3_and_30_clips(self):
        costs = []
        for count in (3, 30):
            for day in range(CoverageClip.objects.count(), count):
                clip(day % 28 + 1, f"Story {day}")
            costs.append(len(queries_from_nothing(self.client, PAGE["en"])[1]))
        self.assertEqual(costs[0], costs[1])
        self.assertLessEqual(costs[1], 8)
