"""English search matches the forms of a word (PostgreSQL's English text-search configuration,
SQLite's porter tokenizer); Chinese is cut by jieba as before."""

import unittest

from django.db import connection
from django.test import TestCase

from news.factories import ArticlePageFactory, StandardPageFactory, body
from news.tests.utils import build_site, result_titles, search


class WordFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.cooperation = ArticlePageFactory(
            parent=cls.index,
            title_en="International cooperation on intelligent manufacturing",
            title_zh_hans="智能制造国际合作",
            summary_en="Universities cooperated on a new programme.",
            body_en=body("The partners signed an agreement."),
        )
        cls.robots = ArticlePageFactory(
            parent=cls.index,
            title_en="Robots learn to walk",
            title_zh_hans="机器人学会行走",
            summary_en="Legged machines studied in the laboratory.",
            body_en=body("The team is walking its robots across campus."),
        )
        cls.about = StandardPageFactory(
            parent=cls.home,
            title_en="Studying here",
            body_en=body("Students choose among many studies."),
        )

    def titles(self, language, q):
        return result_titles(search(self.client, language, q))

    def test_an_english_word_finds_its_other_forms(self):
        for q, page in (
            ("cooperate", self.cooperation),
            ("cooperating", self.cooperation),
            ("robot", self.robots),
            ("robots", self.robots),
            ("walks", self.robots),
            ("study", self.about),
        ):
            with self.subTest(q=q):
                self.assertIn(page.title_en, self.titles("en", q))

    def test_every_word_must_still_appear_in_some_form(self):
        self.assertEqual(self.titles("en", "robot cooperate"), [])
        self.assertEqual(self.titles("en", "robot walked"), [self.robots.title_en])

    def test_a_word_found_by_another_form_is_marked_in_the_result(self):
        response = search(self.client, "en", "cooperate")
        self.assertContains(response, "International <mark>cooperation</mark> on")
        self.assertContains(response, "Universities <mark>cooperated</mark> on")

    def test_chinese_search_is_cut_by_jieba_as_before(self):
        self.assertEqual(self.titles("zh-hans", "合作"), [self.cooperation.title_zh_hans])
        self.assertEqual(self.titles("zh-hans", "机器人"), [self.robots.title_zh_hans])
        self.assertEqual(self.titles("zh-hans", "robots"), [])
        self.assertEqual(self.titles("en", "合作"), [])


@unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL's text-search configuration")
class WordFormsOnASimpleDatabaseTests(WordFormTests):
    """The same on a database whose default text-search configuration is "simple" (what
    initdb chooses under a Chinese locale, zh_CN.UTF-8): the site asks for English itself."""

    @classmethod
    def setUpTestData(cls):
        with connection.cursor() as cursor:  # until the end of this class's transaction
            cursor.execute("SET LOCAL default_text_search_config = 'pg_catalog.simple'")
        super().setUpTestData()
