"""The desk beside the page editor: what its JSON gives a translator of one page."""

from django.contrib.auth import get_user_model
from django.test import TestCase

from desk.models import GlossaryTerm
from news.factories import ArticlePageFactory, UntranslatedArticlePageFactory, body
from news.newsroom.roles import TRANSLATORS
from news.tests.utils import build_site, member


def desk_url(page, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"/admin/translation-desk/{page.pk}/" + (f"?{query}" if query else "")


class EditorDeskTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.translator = member(TRANSLATORS)
        GlossaryTerm.objects.create(
            term_en="Beijing Institute of Technology", term_zh_hans="北京理工大学"
        )
        ArticlePageFactory(
            parent=cls.index,
            body_en=body("Students and teachers came."),
            body_zh_hans=body("师生们来了。"),
        ).save_revision().publish()
        cls.article = UntranslatedArticlePageFactory(
            parent=cls.index,
            title_en="Beijing Institute of Technology opens a lab",
            summary_en="The lab opens today.",
            body_en=body("Students and teachers came."),
        )

    def desk(self, **params):
        self.client.force_login(self.translator)
        response = self.client.get(desk_url(self.article, **params))
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_an_untranslated_article_is_translated_from_english_into_chinese(self):
        answer = self.desk()
        self.assertEqual((answer["source"]["code"], answer["target"]["code"]), ("en", "zh-hans"))
        self.assertEqual(
            [(s["field"], s["text"]) for s in answer["segments"]],
            [
                ("title", "Beijing Institute of Technology opens a lab"),
                ("summary", "The lab opens today."),
                ("body", "Students and teachers came."),
            ],
        )
        self.assertEqual(answer["segments"][0]["input"], "id_title_zh_hans")
        self.assertIsNone(answer["segments"][2]["input"])

    def test_a_paragraph_translated_before_comes_with_its_translation(self):
        self.assertEqual(self.desk()["segments"][2]["exact"], "师生们来了。")

    def test_glossary_terms_in_the_source_are_marked_with_their_approved_translation(self):
        title = self.desk()["segments"][0]
        self.assertEqual(
            [(t["start"], t["end"], t["expected"]) for t in title["terms"]],
            [(0, 31, "北京理工大学")],
        )

    def test_the_other_direction_reads_the_chinese_text(self):
        answer = self.desk(target="en")
        self.assertEqual(answer["source"]["code"], "zh-hans")
        self.assertEqual(answer["segments"], [])  # nothing Chinese to translate from yet

    def test_its_words_are_in_the_admin_language_of_the_translator(self):
        self.client.force_login(self.translator)
        answer = self.client.get(desk_url(self.article), HTTP_ACCEPT_LANGUAGE="zh-hans").json()
        self.assertEqual(answer["strings"]["insert"], "插入")

    def test_unknown_language_is_a_clear_400(self):
        self.client.force_login(self.translator)
        response = self.client.get(desk_url(self.article, target="fr"))
        self.assertEqual(response.status_code, 400)
        self.assertIn("error", response.json())

    def test_someone_who_may_not_edit_the_page_is_refused(self):
        outsider = get_user_model().objects.create_user("outsider", "", "pw")
        self.client.force_login(outsider)
        self.assertIn(self.client.get(desk_url(self.article)).status_code, (302, 403))
        self.client.logout()
        self.assertEqual(self.client.get(desk_url(self.article)).status_code, 302)
