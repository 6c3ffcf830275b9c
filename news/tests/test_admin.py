import contextlib
import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models.signals import post_init
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from news.factories import ArticlePageFactory, UntranslatedArticlePageFactory
from news.models import ArticlePage
from news.tests.utils import article_form, build_site, edit_form


class EditorPublishesArticleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=3, focus_every=1)
        cls.editor = get_user_model().objects.create_superuser("editor", "", "pw-for-tests")
        cls.image = Image.objects.create(title="lab", file=get_test_image_file())

    def setUp(self):
        self.client.force_login(self.editor)

    def add_url(self):
        return f"/admin/pages/add/news/articlepage/{self.index.pk}/"

    def test_admin_requires_login(self):
        self.client.logout()
        response = self.client.get(self.add_url())
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])

    def test_article_published_in_admin_tops_the_focus_listing_in_both_languages(self):
        response = self.client.post(self.add_url(), article_form(self.image))
        self.assertEqual(response.status_code, 302, response.content[:2000])
        article = ArticlePage.objects.get(slug_en="new-lab-opens")
        self.assertTrue(article.live)
        self.assertEqual(article.title_zh_hans, "新实验室启用")

        english = self.client.get("/en/news/focus/").text
        first_en = re.search(r'class="card__title"><a href="([^"]+)">([^<]+)<', english)
        self.assertEqual(first_en.groups(), ("/en/news/new-lab-opens/", "New lab opens"))
        chinese = self.client.get("/zh-hans/xinwen/focus/").text
        first_zh = re.search(r'class="card__title"><a href="([^"]+)">([^<]+)<', chinese)
        self.assertEqual(
            first_zh.groups(), ("/zh-hans/xinwen/xin-shiyanshi-qiyong/", "新实验室启用")
        )
        page = self.client.get("/zh-hans/xinwen/xin-shiyanshi-qiyong/")
        self.assertContains(page, "实验室今天启用。")
        self.assertContains(page, 'alt="新实验楼"')

    def test_lead_image_without_alt_text_is_refused_with_a_message(self):
        response = self.client.post(self.add_url(), article_form(self.image, lead_image_alt_en=""))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Describe the lead image")
        self.assertFalse(ArticlePage.objects.filter(slug_en="new-lab-opens").exists())

    def test_slug_taken_in_chinese_is_refused(self):
        taken = self.articles[0].slug_zh_hans
        response = self.client.post(self.add_url(), article_form(self.image, slug_zh_hans=taken))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ArticlePage.objects.filter(slug_en="new-lab-opens").exists())


class AdminViewsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.editor = get_user_model().objects.create_superuser("editor", "", "pw-for-tests")

    def setUp(self):
        self.client.force_login(self.editor)

    def test_article_edit_view_shows_both_languages_of_each_field(self):
        response = self.client.get(f"/admin/pages/{self.article.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        for name in ("title_en", "title_zh_hans", "summary_zh_hans", "lead_image_alt_zh_hans"):
            self.assertContains(response, f'name="{name}"')

    def test_preview_of_an_unsaved_article_renders(self):
        url = f"/admin/pages/add/news/articlepage/{self.index.pk}/preview/"
        data = article_form()
        response = self.client.post(url, data)
        self.assertEqual(response.json(), {"is_valid": True, "is_available": True})
        preview = self.client.get(url)
        self.assertContains(preview, "The lab opened today.")

    def test_site_settings_are_edited_in_both_languages(self):
        site_settings = self.client.get("/admin/settings/news/sitesettings/")
        self.assertEqual(site_settings.status_code, 302)
        edit = self.client.get(site_settings["Location"])
        self.assertContains(edit, 'name="address_zh_hans"')
        self.assertContains(edit, 'name="map_latitude"')


class SlugCheckTests(TestCase):
    """A slug must be free among the page's siblings in each language (English where a page has
    no slug of its own), checked by a query per language, not by loading the siblings."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article, cls.other) = build_site(articles=2)
        cls.editor = get_user_model().objects.create_superuser("editor", "", "pw-for-tests")

    def test_a_slug_taken_in_chinese_is_refused_by_the_model(self):
        self.article.slug_zh_hans = self.other.slug_zh_hans
        with self.assertRaises(ValidationError) as raised:
            self.article.full_clean()
        self.assertEqual(list(raised.exception.message_dict), ["slug_zh_hans"])

    def test_an_untranslated_pages_english_slug_counts_as_its_chinese_one(self):
        untranslated = UntranslatedArticlePageFactory(parent=self.index, slug_en="lecture")
        self.article.slug_zh_hans = "lecture"  # the Chinese site already shows /xinwen/lecture/
        with self.assertRaises(ValidationError) as raised:
            self.article.full_clean()
        self.assertIn("slug_zh_hans", raised.exception.message_dict)
        untranslated.full_clean()  # its own slugs clash with nothing

    @contextlib.contextmanager
    def counting(self):
        """Queries run and model instances made (post_init) inside the block: loading the
        siblings costs one query however many there are, but makes one object each."""
        made = []

        def count(sender, **kwargs):
            made.append(sender)

        post_init.connect(count, weak=False)
        try:
            with CaptureQueriesContext(connection) as queries:
                yield lambda: (len(queries), len(made))
        finally:
            post_init.disconnect(count)

    def grow(self, total):
        while self.index.get_children().count() < total:
            ArticlePageFactory(parent=self.index)

    def test_the_model_check_costs_the_same_with_5_or_50_siblings(self):
        costs = {}
        for total in (5, 50):
            self.grow(total)
            article = ArticlePage.objects.get(pk=self.article.pk)
            article.full_clean()  # warms caches
            with self.counting() as cost:
                article.full_clean()
            costs[total] = cost()
        self.assertEqual(costs[5], costs[50])

    def test_saving_a_draft_in_the_admin_costs_the_same_with_5_or_50_siblings(self):
        self.client.force_login(self.editor)
        url = f"/admin/pages/{self.article.pk}/edit/"
        costs = {}
        for total in (5, 50):
            self.grow(total)
            for _warm in range(2):  # caches, and a draft revision to compare with
                self.client.post(url, edit_form(self.article))
            with self.counting() as cost:
                response = self.client.post(url, edit_form(self.article))
            self.assertEqual(response.status_code, 302)
            costs[total] = cost()
        self.assertEqual(costs[5], costs[50])
