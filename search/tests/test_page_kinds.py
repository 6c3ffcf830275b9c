"""What the site search finds besides articles: events and the site's own pages, each result
labelled with its kind, in the language it is public in."""

import datetime

from django.test import TestCase
from django.utils import translation
from django.utils.translation import pgettext
from wagtail.models import PageViewRestriction

from news.factories import (
    ArticlePageFactory,
    ContactPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    StandardPageFactory,
    body,
)
from news.tests.utils import build_site, queries_of, result_kinds, result_titles, search


def kind(language, name):
    with translation.override(language):
        return pgettext("kind of search result", name)


class EventSearchTests(TestCase):
    """The demo's events (demo/content.py), built with the factories."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.events = EventIndexPageFactory(parent=cls.index)
        cls.lecture = EventPageFactory(
            parent=cls.events,
            days=5,
            title_en="Lecture: robots that learn to walk",
            title_zh_hans="讲座：学会行走的机器人",
            summary_en="A public lecture on legged robots and how they learn.",
            summary_zh_hans="关于足式机器人及其学习方法的公开讲座。",
            body_en=body("The lecture is open to all students and staff."),
            body_zh_hans=body("讲座面向全体师生开放。"),
            venue_en="Central Lecture Hall, Zhongguancun Campus",
            venue_zh_hans="中关村校区中心教学楼报告厅",
            speakers_en="Prof. Zhang Ming\nDr. Sarah Miller",
            speakers_zh_hans="张明教授\n莎拉·米勒博士",
            organiser_en="School of Mechatronical Engineering",
            organiser_zh_hans="机电学院",
        )
        cls.concert = EventPageFactory(
            parent=cls.events,
            days=-40,
            title_en="Alumni concert",
            title_zh_hans="校友音乐会",
            summary_en="Alumni and students played together.",
            summary_zh_hans="校友与在校生同台演出。",
            body_en=body("The concert closed the alumni week."),
            body_zh_hans=body("音乐会为校友周画上句号。"),
            venue_en="Student Activity Centre",
            venue_zh_hans="学生活动中心",
        )

    def test_the_demo_events_are_found_by_their_words_in_both_languages(self):
        for language, q, event in (
            ("en", "lecture", self.lecture),
            ("en", "walk", self.lecture),
            ("en", "concert", self.concert),
            ("zh-hans", "讲座", self.lecture),
            ("zh-hans", "音乐会", self.concert),
        ):
            with self.subTest(q=q):
                title = getattr(event, f"title_{language.replace('-', '_')}")
                self.assertEqual(result_titles(search(self.client, language, q)), [title])

    def test_an_event_is_found_by_its_venue_speakers_and_organiser(self):
        for language, q in (
            ("en", "Zhongguancun"),
            ("en", "Sarah Miller"),
            ("en", "Mechatronical"),
            ("zh-hans", "中关村"),
            ("zh-hans", "张明"),
            ("zh-hans", "机电学院"),
        ):
            with self.subTest(q=q):
                titles = result_titles(search(self.client, language, q))
                self.assertEqual(len(titles), 1, titles)

    def test_an_event_result_is_labelled_event_and_links_to_the_event(self):
        for language in ("en", "zh-hans"):
            q = {"en": "concert", "zh-hans": "音乐会"}[language]
            with self.subTest(language=language), translation.override(language):
                response = search(self.client, language, q)
                self.assertEqual(result_kinds(response), [kind(language, "Event")])
                self.assertContains(response, f'href="{self.concert.url}"')

    def test_an_event_hidden_in_a_language_is_not_found_in_it(self):
        hidden = EventPageFactory(
            parent=self.events,
            title_en="Choir concert",
            title_zh_hans="合唱音乐会",
            public_zh_hans=False,
        )
        self.assertEqual(result_titles(search(self.client, "zh-hans", "合唱")), [])
        self.assertIn(hidden.title_en, result_titles(search(self.client, "en", "choir")))

    def test_an_unpublished_event_is_not_found(self):
        draft = EventPageFactory(parent=self.events, title_en="Organ concert")
        draft.unpublish()
        self.assertEqual(result_titles(search(self.client, "en", "organ")), [])

    def test_a_kept_search_shows_an_event_published_after_it(self):
        url = "/en/search/?q=exhibition"
        self.assertEqual(result_titles(self.client.get(url)), [])
        EventPageFactory(parent=self.events, title_en="Photo exhibition")
        self.assertEqual(result_titles(self.client.get(url)), ["Photo exhibition"])


class SitePageSearchTests(TestCase):
    """The site's own pages (About, Accessibility statement, Contact) are found too."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.about = StandardPageFactory(
            parent=cls.home,
            title_en="About",
            title_zh_hans="关于我们",
            intro_en="The news office of the university.",
            intro_zh_hans="大学新闻中心。",
            body_en=body("The office reports on research and campus life."),
            body_zh_hans=body("新闻中心报道学校的科研和校园生活。"),
        )
        cls.accessibility = StandardPageFactory(
            parent=cls.about,
            title_en="Accessibility statement",
            title_zh_hans="无障碍声明",
            intro_en="We want everyone to be able to read this site.",
            intro_zh_hans="我们希望每个人都能阅读本网站。",
            body_en=body("Pages work with a keyboard and a screen reader."),
            body_zh_hans=body("页面可以用键盘和读屏软件操作。"),
        )
        cls.contact = ContactPageFactory(parent=cls.home)
        cls.article = ArticlePageFactory(
            parent=cls.index,
            title_en="Keyboard skills for new students",
            title_zh_hans="新生键盘技能",
            body_en=body("A course."),
            body_zh_hans=body("一门课程。"),
        )

    def test_site_pages_are_found_by_their_title_intro_and_text_in_both_languages(self):
        for language, q, page in (
            ("en", "accessibility", self.accessibility),
            ("en", "screen reader", self.accessibility),
            ("en", "everyone", self.accessibility),
            ("en", "contact", self.contact),
            ("en", "office", self.about),
            ("zh-hans", "无障碍", self.accessibility),
            ("zh-hans", "读屏软件", self.accessibility),
            ("zh-hans", "联系", self.contact),
            ("zh-hans", "新闻中心 报道", self.about),
        ):
            with self.subTest(q=q):
                title = getattr(page, f"title_{language.replace('-', '_')}")
                self.assertIn(title, result_titles(search(self.client, language, q)))

    def test_the_contact_form_is_found_by_its_introduction_not_its_mail_settings(self):
        self.assertIn("Contact", result_titles(search(self.client, "en", "write")))
        self.assertEqual(result_titles(search(self.client, "en", "noreply")), [])

    def test_each_result_is_labelled_with_its_kind_in_each_language(self):
        for language, q in (("en", "keyboard"), ("zh-hans", "键盘")):
            with self.subTest(language=language), translation.override(language):
                response = search(self.client, language, q)
                self.assertEqual(
                    dict(zip(result_titles(response), result_kinds(response), strict=True)),
                    {
                        self.article.title: kind(language, "Article"),
                        self.accessibility.title: kind(language, "Page"),
                    },
                )

    def test_a_page_with_every_word_in_its_title_comes_before_stories_with_them_in_the_text(self):
        ArticlePageFactory(
            parent=self.index,
            title_en="Open day",
            body_en=body("Ask about accessibility at the gate."),
        )
        titles = result_titles(search(self.client, "en", "accessibility"))
        self.assertEqual(titles, ["Accessibility statement", "Open day"])

    def test_a_page_with_the_words_in_its_text_comes_after_the_stories_with_them_in_the_title(self):
        def story(n, title, text):
            return ArticlePageFactory(
                parent=self.index,
                news_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
                title_en=title,
                body_en=body(text),
            )

        titled = [story(n, f"Telescope {n}", "A report.") for n in range(12)]
        others = [story(n, f"Campus {n}", "The telescope again.") for n in range(3)]
        StandardPageFactory(
            parent=self.home, title_en="Observatory", body_en=body("Our telescope.")
        )
        pages = [result_titles(search(self.client, "en", "telescope", page=n)) for n in (1, 2)]
        newest_first = [page.title_en for page in reversed(titled)]
        self.assertEqual(pages[0], newest_first[:10])
        self.assertEqual(
            pages[1],
            [*newest_first[10:], "Observatory", *[page.title_en for page in reversed(others)]],
        )
        self.assertContains(search(self.client, "en", "telescope"), "16 results")

    def test_a_search_for_site_pages_asked_again_costs_no_query(self):
        url = "/en/search/?q=accessibility"
        response, count = queries_of(self.client, url)
        self.assertEqual((result_titles(response), count), (["Accessibility statement"], 0))

    def test_a_page_without_a_chinese_title_is_not_a_chinese_result(self):
        StandardPageFactory(
            parent=self.home,
            title_en="Privacy",
            title_zh_hans="",
            intro_zh_hans="隐私政策说明",
            body_zh_hans=body("隐私政策说明。"),
        )
        self.assertEqual(result_titles(search(self.client, "zh-hans", "隐私")), [])
        self.assertEqual(result_titles(search(self.client, "en", "privacy")), ["Privacy"])

    def test_chinese_text_of_a_site_page_never_matches_an_english_search(self):
        self.assertEqual(result_titles(search(self.client, "en", "无障碍声明")), [])

    def test_unpublished_and_private_site_pages_are_not_found(self):
        draft = StandardPageFactory(parent=self.home, title_en="Governance draft")
        draft.unpublish()
        private = StandardPageFactory(parent=self.home, title_en="Governance minutes")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        self.assertEqual(result_titles(search(self.client, "en", "governance")), [])

    def test_a_kept_search_shows_a_site_page_published_after_it(self):
        url = "/zh-hans/search/?q=%E9%9A%90%E7%A7%81"  # 隐私
        self.assertEqual(result_titles(self.client.get(url)), [])
        StandardPageFactory(parent=self.home, title_en="Privacy", title_zh_hans="隐私声明")
        self.assertEqual(result_titles(self.client.get(url)), ["隐私声明"])
