"""Per-language visibility in the admin: only moderators choose an article's public languages,
and the translators' dashboard keeps hidden versions, marked "not public"."""

import re

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from news.models import ArticlePage
from news.newsroom.roles import EDITORS
from news.tests.utils import RoleTestCase, VisibilityTestCase, edit_form, member, url_in

NOTICE_ZH = "本文未发布中文版，以下显示英文版。"
NOTICE_EN = "This article is not published in English. The Chinese version is shown below."
UNTRANSLATED_NOTICE_ZH = "本文尚无中文版，以下显示英文原文。"


class PermissionTests(RoleTestCase):
    """Only moderators (and superusers) choose the public languages, through the edit view."""

    def edit_url(self, article):
        return f"/admin/pages/{article.pk}/edit/"

    def draft_of(self, article):
        return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()

    def test_editor_does_not_see_the_visibility_fields(self):
        self.login(self.editor)
        response = self.client.get(self.edit_url(self.live))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="public_zh_hans"')
        self.assertNotContains(response, 'name="public_en"')

    def test_translator_does_not_see_the_visibility_fields(self):
        self.login(self.translator)
        response = self.client.get(self.edit_url(self.live))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="public_zh_hans"')

    def test_editors_post_of_the_field_is_ignored(self):
        self.login(self.editor)
        form = edit_form(self.live, title_en="Edited by an editor")
        del form["public_zh_hans"]  # an unticked box: would hide the Chinese version
        response = self.client.post(self.edit_url(self.live), form)
        self.assertEqual(response.status_code, 302)
        draft = self.draft_of(self.live)
        self.assertEqual(draft.title_en, "Edited by an editor")  # the edit itself was saved
        self.assertTrue(draft.public_zh_hans)

    def test_editor_cannot_make_a_hidden_version_public(self):
        self.live.public_zh_hans = False
        self.live.save_revision().publish()
        self.login(self.editor)
        form = edit_form(self.live, public_zh_hans="on")
        self.assertEqual(self.client.post(self.edit_url(self.live), form).status_code, 302)
        self.assertFalse(self.draft_of(self.live).public_zh_hans)

    def test_moderator_sees_the_fields_and_hides_the_chinese_version(self):
        self.login(self.moderator)
        response = self.client.get(self.edit_url(self.live))
        self.assertContains(response, 'name="public_zh_hans"')
        form = edit_form(self.live, **{"action-publish": "action-publish"})
        del form["public_zh_hans"]
        self.assertEqual(self.client.post(self.edit_url(self.live), form).status_code, 302)
        article = ArticlePage.objects.get(pk=self.live.pk)
        self.assertFalse(article.public_zh_hans)
        self.assertTrue(article.public_en)
        self.assertNotContains(self.client.get("/zh-hans/xinwen/"), article.title_zh_hans)
        self.assertContains(self.client.get(url_in(article, "zh-hans")), NOTICE_ZH)

    def test_moderator_cannot_hide_both_languages(self):
        self.login(self.moderator)
        revisions = self.live.revisions.count()
        form = edit_form(self.live, **{"action-publish": "action-publish"})
        del form["public_zh_hans"]
        del form["public_en"]
        response = self.client.post(self.edit_url(self.live), form)
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "An article must stay public in at least one language (English or Chinese)."
        )
        self.assertEqual(self.live.revisions.count(), revisions)
        article = ArticlePage.objects.get(pk=self.live.pk)
        self.assertTrue(article.public_en and article.public_zh_hans)

    def test_hiding_english_needs_a_chinese_title(self):
        self.login(self.moderator)
        form = edit_form(self.live, title_zh_hans="", slug_zh_hans="")
        del form["public_en"]
        response = self.client.post(self.edit_url(self.live), form)
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "This article is public only in Chinese, so it needs a Chinese title."
        )
        self.assertTrue(self.draft_of(self.live).public_en)

    def test_chinese_admin_shows_the_error_in_chinese(self):
        UserProfile.objects.update_or_create(
            user=self.moderator, defaults={"preferred_language": "zh-hans"}
        )
        self.login(self.moderator)
        form = edit_form(self.live)
        del form["public_zh_hans"]
        del form["public_en"]
        response = self.client.post(self.edit_url(self.live), form)
        self.assertContains(response, "文章必须至少以一种语言（英文或中文）公开。")

    def test_superuser_may_change_the_fields(self):
        admin = get_user_model().objects.create_superuser("boss", "", "pw")
        self.login(admin)
        form = edit_form(self.live)
        del form["public_en"]
        self.assertEqual(self.client.post(self.edit_url(self.live), form).status_code, 302)
        self.assertFalse(self.draft_of(self.live).public_en)

    def test_the_permission_is_granted_to_moderators_only(self):
        self.assertTrue(self.moderator.has_perm("news.set_language_visibility"))
        self.assertFalse(self.editor.has_perm("news.set_language_visibility"))
        self.assertFalse(self.translator.has_perm("news.set_language_visibility"))
        self.assertFalse(member(EDITORS, "another").has_perm("news.set_language_visibility"))


class TranslationDashboardTests(VisibilityTestCase):
    def test_dashboard_marks_hidden_versions_not_public_but_keeps_them(self):
        admin = get_user_model().objects.create_superuser("boss", "", "pw")
        self.client.force_login(admin)
        response = self.client.get("/admin/translation-status/", {"language": "zh-hans"})
        self.assertEqual(response.status_code, 200)
        rows = re.findall(r'(?s)<tr class="translation-status__row.*?</tr>', response.text)
        hidden = [row for row in rows if "not public" in row]
        self.assertEqual(len(rows), 4)
        self.assertEqual(len(hidden), 1)
        self.assertIn(f"/admin/pages/{self.only_en.pk}/edit/", hidden[0])
