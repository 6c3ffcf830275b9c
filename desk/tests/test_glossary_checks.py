"""The glossary check before publishing (desk/glossary/checks.py), its JSON view, and the
warning the publisher sees in the editor and after publishing (desk/glossary/warning.py)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from wagtail.test.utils.form_data import rich_text, streamfield

from desk.glossary.checks import check
from desk.tests.utils import article, bit_terms, in_language, term
from news.newsroom.roles import EDITORS, MODERATORS, TRANSLATORS
from news.tests.utils import build_site, edit_form, member

FORBIDDEN_EN = (
    "Glossary: “Beijing University of Technology” is a forbidden variant of "
    "“Beijing Institute of Technology” (body, English)"
)
MISSING_EN = "Glossary: “北京理工大学” should be translated “Beijing Institute of Technology”"


def body_form(text):
    return streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])


class CheckTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        bit_terms()

    def test_a_term_whose_approved_translation_is_missing_is_listed_per_field(self):
        page = article(
            self.index,
            title=("University holds a meeting", "北京理工大学召开会议"),
            body_en="Beijing Institute of Technology held a meeting.",
            body_zh="北京理工大学召开会议。",
        )
        self.assertEqual(
            check(page, "en"),
            [
                {
                    "term": "北京理工大学",
                    "expected": "Beijing Institute of Technology",
                    "field": "title",
                }
            ],
        )
        self.assertEqual(check(page, "zh-hans"), [])

    def test_chinese_text_missing_the_approved_chinese_form(self):
        page = article(self.index, body_en="BIT and its students.", body_zh="北京工业大学的学生。")
        self.assertEqual(
            check(page, "zh-hans"), [{"term": "BIT", "expected": "北理工", "field": "body"}]
        )

    def test_a_forbidden_variant_is_listed_with_the_approved_form(self):
        page = article(
            self.index,
            body_en="Beijing University of Technology held a meeting.",
            body_zh="北京理工大学召开会议。",
        )
        self.assertEqual(
            check(page, "en"),
            [
                {
                    "term": "北京理工大学",
                    "expected": "Beijing Institute of Technology",
                    "field": "body",
                },
                {
                    "term": "北京理工大学",
                    "expected": "Beijing Institute of Technology",
                    "field": "body",
                    "found": "Beijing University of Technology",
                },
            ],
        )

    def test_the_approved_form_in_another_case_or_another_paragraph_passes(self):
        page = article(
            self.index,
            summary_en="News of BEIJING INSTITUTE OF TECHNOLOGY.",
            summary_zh_hans="北京理工大学新闻。",
            body_en="First.",
            body_zh="北理工。",
        )
        page.body_en = [
            ("paragraph", rich_text("<p>First.</p>")),
            ("paragraph", rich_text("<p>Then BIT.</p>")),
        ]
        self.assertEqual(check(page, "en"), [])

    def test_an_empty_translation_is_not_a_glossary_problem(self):
        page = article(self.index, title=("Lab", ""), body_zh="北京理工大学召开会议。")
        self.assertEqual(check(page, "en"), [])
        self.assertEqual(check(page, "zh-hans"), [])

    def test_regex_characters_are_matched_literally(self):
        term("C++ (Beijing)", "C++（北京）")
        term("a.b*", "甲乙")
        page = article(self.index, body_en="C++ (Beijing) and axbb.", body_zh="课程")
        self.assertEqual(
            check(page, "zh-hans"),
            [{"term": "C++ (Beijing)", "expected": "C++（北京）", "field": "body"}],
        )


class CheckViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        bit_terms()
        cls.page = article(
            cls.index, body_en="Beijing Institute of Technology", body_zh="北京理工大学"
        )
        cls.moderator = member(MODERATORS)

    def url(self, page_id=None, **params):
        return f"/admin/glossary/check/{page_id or self.page.pk}/", params

    def get(self, page_id=None, **params):
        url, params = self.url(page_id, **params)
        return self.client.get(url, params)

    def test_the_latest_revision_is_checked_not_the_live_page(self):
        self.client.force_login(self.moderator)
        self.assertEqual(self.get(lang="en").json(), {"problems": []})
        draft = self.page.get_latest_revision_as_object()
        draft.body_en = [("paragraph", rich_text("<p>Beijing University of Technology</p>"))]
        draft.save_revision()
        self.assertEqual(
            self.get(lang="en").json()["problems"],
            [
                {
                    "term": "北京理工大学",
                    "expected": "Beijing Institute of Technology",
                    "field": "body",
                },
                {
                    "term": "北京理工大学",
                    "expected": "Beijing Institute of Technology",
                    "field": "body",
                    "found": "Beijing University of Technology",
                },
            ],
        )

    def test_a_missing_or_unknown_language_is_a_400_with_a_message(self):
        self.client.force_login(self.moderator)
        for params in ({}, {"lang": "fr"}, {"lang": ""}):
            with self.subTest(params=params):
                response = self.get(**params)
                self.assertEqual(response.status_code, 400)
                self.assertIn("?lang=", response.json()["error"])

    def test_an_unknown_page_is_a_404(self):
        self.client.force_login(self.moderator)
        self.assertEqual(self.get(page_id=999999, lang="en").status_code, 404)

    def test_every_newsroom_role_may_check_a_page_it_edits(self):
        for group in (EDITORS, TRANSLATORS):
            with self.subTest(group=group):
                self.client.force_login(member(group))
                self.assertEqual(self.get(lang="zh-hans").status_code, 200)

    def test_a_user_without_rights_on_the_page_gets_a_403(self):
        user = get_user_model().objects.create_user("outsider", "", "pw")
        group = Group.objects.create(name="Admin only")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(group)
        self.client.force_login(user)
        self.assertEqual(self.get(lang="en").status_code, 403)


class PublisherWarningTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        bit_terms()
        term("<b>BIT</b>", "<b>北理工</b>")
        cls.moderator = member(MODERATORS)
        cls.page = article(
            cls.index,
            title=("Meeting", "北京理工大学召开会议"),
            body_en="Beijing University of Technology held a meeting.",
            body_zh="北京理工大学召开会议。",
        )

    def setUp(self):
        self.client.force_login(self.moderator)

    def test_opening_the_editor_warns_of_each_problem(self):
        response = self.client.get(f"/admin/pages/{self.page.pk}/edit/")
        self.assertContains(response, FORBIDDEN_EN)
        self.assertContains(response, MISSING_EN + " (title, English)")

    def test_a_chinese_admin_is_warned_too(self):
        in_language(self.moderator, "zh-hans")
        response = self.client.get(f"/admin/pages/{self.page.pk}/edit/")
        self.assertContains(response, "“Beijing University of Technology”")
        self.assertContains(response, "英语")

    def test_a_clean_page_opens_without_a_warning(self):
        clean = article(self.index, body_en="BIT.", body_zh="北理工。")
        response = self.client.get(f"/admin/pages/{clean.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Glossary:")

    def publish(self, **overrides):
        form = edit_form(self.page, **{"action-publish": "action-publish", **overrides})
        return self.client.post(f"/admin/pages/{self.page.pk}/edit/", form, follow=True)

    def test_publishing_with_a_forbidden_variant_shows_the_warning_after_the_redirect(self):
        response = self.publish(
            title_en="BIT meeting",
            title_zh_hans="北理工会议",
            body_en=body_form("Beijing University of Technology held a meeting."),
            body_zh_hans=body_form("北京理工大学召开会议。"),
        )
        self.assertTrue(type(self.page).objects.get(pk=self.page.pk).live)
        self.assertNotEqual(response.redirect_chain, [])
        self.assertContains(response, FORBIDDEN_EN)
        self.assertContains(response, "has been published")

    def test_publishing_in_the_chinese_admin_shows_the_warning(self):
        in_language(self.moderator, "zh-hans")
        response = self.publish(
            title_en="BIT meeting",
            title_zh_hans="北理工会议",
            body_en=body_form("Beijing University of Technology held a meeting."),
            body_zh_hans=body_form("北京理工大学召开会议。"),
        )
        self.assertContains(response, "“Beijing University of Technology”")
        self.assertContains(response, "英语")

    def test_publishing_a_clean_page_shows_no_warning(self):
        response = self.publish(
            title_en="BIT meeting",
            title_zh_hans="北理工会议",
            body_en=body_form("Beijing Institute of Technology held a meeting."),
            body_zh_hans=body_form("北京理工大学召开会议。"),
        )
        self.assertContains(response, "has been published")
        self.assertNotContains(response, "Glossary:")

    def test_terms_in_the_warning_are_escaped(self):
        response = self.publish(
            title_en="News",
            title_zh_hans="新闻",
            body_en=body_form("Nothing here."),
            body_zh_hans=body_form("&lt;b&gt;北理工&lt;/b&gt;的消息"),
        )
        self.assertContains(response, "“&lt;b&gt;北理工&lt;/b&gt;” should be translated")
        self.assertNotContains(response, "“<b>北理工</b>”")
