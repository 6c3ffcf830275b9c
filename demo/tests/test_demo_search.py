"""The demo content as `load_demo` creates it, found by the site search as a visitor would."""

import io
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase
from django.utils import translation
from django.utils.translation import pgettext

from demo.content import ACCESSIBILITY_PAGE, CONTACT_PAGE, SAMPLE_EVENTS, SEED_ARTICLE
from news.tests.utils import result_kinds, result_titles, search


class DemoSearchTests(TestCase):
    """The demo content as `load_demo` creates it, searched as a visitor would."""

    @classmethod
    def setUpTestData(cls):
        password_file = Path(settings.MEDIA_ROOT) / "search-demo-admin-password"
        password_file.parent.mkdir(parents=True, exist_ok=True)
        call_command(
            "load_demo", password_file=password_file, enqueue_pictures=True, stdout=io.StringIO()
        )

    def test_chinese_search_finds_the_seed_article_by_two_character_words(self):
        for word in ("合作", "国际"):
            with self.subTest(word=word):
                response = search(self.client, "zh-hans", word)
                self.assertEqual(response.status_code, 200)
                self.assertIn(SEED_ARTICLE["title_zh_hans"], result_titles(response))

    def test_chinese_search_finds_the_seed_article_by_its_whole_title(self):
        response = search(self.client, "zh-hans", SEED_ARTICLE["title_zh_hans"])
        self.assertEqual(result_titles(response), [SEED_ARTICLE["title_zh_hans"]])

    def test_english_search_finds_cooperation_in_the_seed_article(self):
        response = search(self.client, "en", "cooperation")
        self.assertIn(SEED_ARTICLE["title_en"], result_titles(response))

    def test_cooperation_in_chinese_search_finds_no_english_text(self):
        response = search(self.client, "zh-hans", "cooperation")
        self.assertEqual(result_titles(response), [])
        self.assertContains(response, "没有找到与“cooperation”相关的结果")

    def test_chinese_words_in_english_search_find_nothing(self):
        for q in ("合作", SEED_ARTICLE["title_zh_hans"]):
            with self.subTest(q=q):
                self.assertEqual(result_titles(search(self.client, "en", q)), [])

    def test_chinese_results_link_to_the_chinese_article(self):
        response = search(self.client, "zh-hans", "合作")
        self.assertContains(response, f'href="/zh-hans/xinwen/{SEED_ARTICLE["slug_zh_hans"]}/"')

    def test_the_demo_events_are_found_by_their_words_in_both_languages(self):
        for language, q in (
            ("en", "lecture"),
            ("en", "walk"),
            ("en", "concert"),
            ("zh-hans", "讲座"),
            ("zh-hans", "音乐会"),
        ):
            field = f"title_{language.replace('-', '_')}"
            events = [event[field] for event in SAMPLE_EVENTS if q in event[field].lower()]
            with self.subTest(q=q):
                self.assertTrue(events)  # the demo still has such an event
                response = search(self.client, language, q)
                titles = result_titles(response)
                kinds = dict(zip(titles, result_kinds(response), strict=True))
                with translation.override(language):
                    event_kind = pgettext("kind of search result", "Event")
                for title in events:
                    self.assertEqual(kinds.get(title), event_kind)

    def test_the_demo_site_pages_are_found_in_both_languages(self):
        for language, q, page in (
            ("en", "accessibility", ACCESSIBILITY_PAGE),
            ("en", "contact", CONTACT_PAGE),
            ("zh-hans", "无障碍", ACCESSIBILITY_PAGE),
            ("zh-hans", "联系", CONTACT_PAGE),
        ):
            with self.subTest(q=q):
                titles = result_titles(search(self.client, language, q))
                self.assertEqual(titles[0], page[f"title_{language.replace('-', '_')}"])
