"""Every language of the table (news/languages.py) behaves the same way: these tests iterate
settings.LANGUAGES, so a language added to the table is checked without new tests."""

from django.conf import settings
from django.test import TestCase
from django.utils import translation
from modeltranslation.settings import AVAILABLE_LANGUAGES

from news import languages
from news.models import ArticlePage
from news.tests.utils import build_site, meta_tags, result_titles, search, switcher_link, titles_in


class LanguageTableTests(TestCase):
    def test_settings_languages_are_the_tables(self):
        self.assertEqual([code for code, _name in settings.LANGUAGES], list(languages.CODES))
        self.assertEqual(list(AVAILABLE_LANGUAGES), list(languages.CODES))
        self.assertEqual(settings.LANGUAGE_CODE, languages.DEFAULT.code)

    def test_each_language_has_its_columns_and_its_visibility_flag(self):
        for code, _name in settings.LANGUAGES:
            language = languages.get(code)
            with self.subTest(language=code):
                for field in ("title", "slug", "summary", "body", "public"):
                    ArticlePage._meta.get_field(language.field(field))  # raises if missing


class EveryLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article, cls.other) = build_site(articles=2)

    def url(self, page, code):
        with translation.override(code):
            return page.get_url()

    def test_home_page_is_in_the_language_and_offers_every_other_by_its_own_name(self):
        for code, _name in settings.LANGUAGES:
            language = languages.get(code)
            with self.subTest(language=code):
                response = self.client.get(f"/{code}/")
                self.assertContains(response, f'<html lang="{code}">')
                self.assertEqual(meta_tags(response.text)["og:locale"], language.og_locale)
                for other in languages.LANGUAGES:
                    if other.code != code:
                        self.assertEqual(switcher_link(response, other.code), f"/{other.code}/")
                        self.assertContains(response, f">{other.self_name}</a>")

    def test_search_in_each_language_finds_the_article_by_its_title_in_that_language(self):
        for code, _name in settings.LANGUAGES:
            title = getattr(self.article, languages.get(code).field("title"))
            with self.subTest(language=code):
                self.assertIn(title, result_titles(search(self.client, code, title)))

    def test_hiding_a_language_version_leaves_it_out_of_that_languages_listing_only(self):
        for code, _name in settings.LANGUAGES:
            language = languages.get(code)
            with self.subTest(language=code):
                setattr(self.article, language.field("public"), False)
                self.article.save_revision().publish()
                for shown, _name in settings.LANGUAGES:
                    listing = self.url(self.index, shown)
                    title = getattr(self.article, languages.get(shown).field("title"))
                    listed = title in titles_in(self.client.get(listing))
                    self.assertEqual(listed, shown != code, (shown, code))
                setattr(self.article, language.field("public"), True)
                self.article.save_revision().publish()

    def test_the_editor_previews_in_every_language(self):
        modes = [mode for mode, _label in self.article.preview_modes]
        self.assertEqual(modes, [code for code, _name in settings.LANGUAGES])
