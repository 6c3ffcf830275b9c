"""Settings › Glossary (desk/glossary/admin.py): who may do what, the form's messages, and the
listing showing terms literally, in both languages of the admin."""

from django.test import TestCase
from django.utils.html import escape

from desk.models import GlossaryTerm
from desk.tests.utils import article, bit_terms, in_language, superuser, term
from news.newsroom.roles import CHIEF_EDITORS, EDITORS, MODERATORS, TRANSLATORS
from news.tests.utils import build_site, member

LIST = "/admin/glossary/"
ADD = "/admin/glossary/new/"


def form(**overrides):
    data = {
        "term_en": "School of Aerospace Engineering",
        "term_zh_hans": "宇航学院",
        "note": "",
        "forbidden_en": "",
        "forbidden_zh_hans": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


class RoleAccessTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.page = article(cls.index, body_en="BIT", body_zh="北理工")
        cls.university, cls.bit = bit_terms()
        cls.users = {
            "chief editor": member(CHIEF_EDITORS),
            "moderator": member(MODERATORS),
            "editor": member(EDITORS),
            "translator": member(TRANSLATORS),
            "superuser": superuser(),
        }

    def urls(self):
        return {
            "list": LIST,
            "add": ADD,
            "edit": f"/admin/glossary/edit/{self.bit.pk}/",
            "delete": f"/admin/glossary/delete/{self.bit.pk}/",
            "check": f"/admin/glossary/check/{self.page.pk}/?lang=zh-hans",
        }

    def status_of(self, role):
        self.client.force_login(self.users[role])
        return {name: self.client.get(url).status_code for name, url in self.urls().items()}

    def test_chief_editors_moderators_and_superusers_open_every_glossary_view(self):
        for role in ("chief editor", "moderator", "superuser"):
            with self.subTest(role=role):
                self.assertEqual(set(self.status_of(role).values()), {200})

    def test_editors_and_translators_see_the_list_but_cannot_change_it(self):
        for role in ("editor", "translator"):
            with self.subTest(role=role):
                self.assertEqual(
                    self.status_of(role),
                    {"list": 200, "add": 302, "edit": 302, "delete": 302, "check": 200},
                )
                listing = self.client.get(LIST)
                self.assertContains(listing, "北理工")
                self.assertNotContains(listing, ADD)

    def test_a_translator_cannot_add_edit_or_delete_by_posting(self):
        self.client.force_login(self.users["translator"])
        self.client.post(ADD, form())
        self.client.post(f"/admin/glossary/edit/{self.bit.pk}/", form(term_en="BIT!"))
        self.client.post(f"/admin/glossary/delete/{self.bit.pk}/")
        self.assertEqual(
            sorted(GlossaryTerm.objects.values_list("term_en", flat=True)),
            ["BIT", "Beijing Institute of Technology"],
        )

    def test_a_moderator_adds_edits_and_deletes_a_term(self):
        self.client.force_login(self.users["moderator"])
        self.assertEqual(self.client.post(ADD, form()).status_code, 302)
        added = GlossaryTerm.objects.get(term_en="School of Aerospace Engineering")
        self.assertEqual(added.term_zh_hans, "宇航学院")
        self.client.post(f"/admin/glossary/edit/{added.pk}/", form(note="Official name."))
        self.assertEqual(GlossaryTerm.objects.get(pk=added.pk).note, "Official name.")
        self.client.post(f"/admin/glossary/delete/{added.pk}/")
        self.assertFalse(GlossaryTerm.objects.filter(pk=added.pk).exists())

    def test_anonymous_visitors_are_sent_to_the_login(self):
        for name, url in self.urls().items():
            with self.subTest(view=name):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 302)
                self.assertIn("/admin/login/", response["Location"])


class FormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = superuser()
        cls.bit = term("BIT", "北理工")

    def setUp(self):
        self.client.force_login(self.admin)

    def refused(self, message, **overrides):
        response = self.client.post(ADD, form(**overrides))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, escape(message))
        self.assertEqual(GlossaryTerm.objects.count(), 1)

    def test_the_english_term_is_required(self):
        self.refused("Give the term in English.", term_en="")

    def test_the_chinese_term_is_required_unless_not_translated(self):
        self.refused("Give the approved Simplified Chinese form", term_zh_hans="")
        response = self.client.post(
            ADD, form(term_en="CSC", term_zh_hans="", do_not_translate="on")
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(GlossaryTerm.objects.get(term_en="CSC").do_not_translate)

    def test_a_duplicate_term_is_refused_in_either_language_whatever_its_case(self):
        self.refused("“bit” is already in the glossary (English).", term_en="bit")
        self.refused(
            "“北理工” is already in the glossary (Simplified Chinese).", term_zh_hans="北理工"
        )

    def test_editing_a_term_keeps_its_own_forms(self):
        response = self.client.post(
            f"/admin/glossary/edit/{self.bit.pk}/",
            form(term_en="BIT", term_zh_hans="北理工", note="Short name."),
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(GlossaryTerm.objects.get(pk=self.bit.pk).note, "Short name.")

    def test_the_form_refuses_in_chinese_for_a_chinese_admin(self):
        in_language(self.admin, "zh-hans")
        response = self.client.post(ADD, form(term_en=""))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "英语")  # the language named in the admin's language
        self.assertEqual(GlossaryTerm.objects.count(), 1)


class ListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = superuser()
        bit_terms()
        term("<b>BIT</b>", "<i>北理工</i>", note="<script>alert(1)</script>")
        term("C++ (Beijing)", "C++（北京）")

    def setUp(self):
        self.client.force_login(self.admin)

    def test_the_listing_shows_both_languages_and_the_note(self):
        response = self.client.get(LIST)
        for text in ("Beijing Institute of Technology", "北京理工大学", "北理工", "C++ (Beijing)"):
            self.assertContains(response, text)

    def test_html_in_a_term_is_shown_escaped(self):
        response = self.client.get(LIST)
        self.assertContains(response, "&lt;b&gt;BIT&lt;/b&gt;")
        self.assertContains(response, "&lt;i&gt;北理工&lt;/i&gt;")
        self.assertNotContains(response, "<script>alert(1)</script>")
        self.assertNotContains(response, "<b>BIT</b>")

    def test_search_finds_a_term_in_either_language_literally(self):
        for query, shown, hidden in (
            ("理工大学", "Beijing Institute of Technology", "C++ (Beijing)"),
            ("C++ (", "C++ (Beijing)", "Beijing Institute of Technology"),
        ):
            with self.subTest(query=query):
                response = self.client.get(LIST, {"q": query})
                self.assertContains(response, shown)
                self.assertNotContains(response, hidden)

    def test_the_glossary_is_under_settings_in_both_languages(self):
        response = self.client.get("/admin/")
        self.assertContains(response, "Glossary")
        in_language(self.admin, "zh-hans")
        self.assertContains(self.client.get(LIST), "北京理工大学")
