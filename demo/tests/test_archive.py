"""`manage.py make_archive N`: synthetic articles added in bulk are whole pages of the site."""

import io

from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.models import Page

from news.models import ArchiveMonth, ArticlePage, ArticleTag, ArticleTranslationState
from news.tests.utils import build_site, make_column, result_titles, search, titles_in


def make_archive(count, batch_size=7):
    call_command(
        "make_archive", count, batch_size=batch_size, stdout=io.StringIO(), stderr=io.StringIO()
    )


class MakeArchiveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.existing = build_site(articles=3)
        make_column("Research", "科研", "research", "keyan")
        ArticleTag.objects.create(name="robotics", chinese_name="机器人")
        ArticleTag.objects.create(name="students")
        make_archive(30)
        make_archive(20)  # a second run continues the tree where the first stopped

    def test_the_tree_stays_consistent_and_counts_every_article(self):
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))
        self.assertEqual(ArticlePage.objects.child_of(self.index).count(), 53)
        self.assertEqual(Page.objects.get(pk=self.index.pk).numchild, 53)

    def test_the_archive_counts_every_article_in_each_language(self):
        for language, listed in (("en", 53), ("zh-hans", 53)):
            rows = ArchiveMonth.objects.filter(index=self.index, language=language)
            totals = rows.filter(column=None).values_list("count", flat=True)
            self.assertEqual(sum(totals), listed, language)
            by_column = rows.exclude(column=None).values_list("count", flat=True)
            in_columns = ArticlePage.objects.child_of(self.index).exclude(column=None).count()
            self.assertEqual(sum(by_column), in_columns, language)

    def test_each_article_has_both_translation_states_and_its_tags(self):
        self.assertEqual(ArticleTranslationState.objects.count(), 2 * 53)
        story = ArticlePage.objects.get(slug_en="archive-4")
        self.assertEqual(story.tags.count(), 2)
        self.assertIsNotNone(story.column)

    def test_an_archive_story_is_served_in_both_languages_at_its_own_addresses(self):
        story = ArticlePage.objects.get(slug_en="archive-4")
        english = self.client.get("/en/news/archive-4/")
        chinese = self.client.get("/zh-hans/xinwen/dangan-4/")
        self.assertContains(english, f'<h1 class="page-title">{story.title_en}</h1>')
        self.assertContains(chinese, f'<h1 class="page-title">{story.title_zh_hans}</h1>')

    def test_an_untranslated_story_is_shown_in_english_on_the_chinese_site(self):
        response = self.client.get("/zh-hans/xinwen/archive-25/")
        self.assertContains(response, "本文尚无中文版，以下显示英文原文。")

    def test_the_listing_shows_the_archive_after_the_newer_stories(self):
        english = titles_in(self.client.get("/en/news/"))
        self.assertEqual(english[:3], [a.title_en for a in reversed(self.existing)])
        self.assertTrue(all(title.startswith("Archive story ") for title in english[3:]), english)
        number = english[3].split()[2].rstrip(":")
        chinese = titles_in(self.client.get("/zh-hans/xinwen/"))
        self.assertTrue(chinese[3].startswith(f"档案新闻{number}："), chinese)

    def test_search_finds_the_archive_in_each_language(self):
        # Stories 4 to 53; 25 and 50 have no Chinese version.
        self.assertContains(search(self.client, "en", "archive"), "50 results for")
        self.assertContains(search(self.client, "zh-hans", "档案"), "找到 48 条")
        found = result_titles(search(self.client, "zh-hans", "档案新闻4"))
        self.assertTrue(any(title.startswith("档案新闻4：") for title in found), found)

    def test_a_bad_count_is_refused_with_a_message(self):
        with self.assertRaisesMessage(CommandError, "Give a number of articles of 0 or more"):
            make_archive(-1)
