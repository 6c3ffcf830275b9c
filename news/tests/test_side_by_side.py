"""The article editor for translators: both languages side by side, "copy English body to
Chinese", preview in either language, and only text fields for Translators. All through the
real admin views, as users of each newsroom role."""

import re

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import rich_text, streamfield

from news.models import Column
from news.newsroom.body_copy import ACTION
from news.newsroom.roles import CHIEF_EDITORS, EDITORS, MODERATORS
from news.tests.utils import RoleTestCase, edit_form

TRANSLATED = (
    "title",
    "summary",
    "body",
    "lead_image_alt",
    "lead_image_caption",
    "lead_image_credit",
    "writer",
    "photographer",
    "editor",
    "translator",
    "source",
    "slug",
    "seo_title",
    "search_description",
    "press_licence",
)
SETTINGS_FIELDS = (
    "news_date",
    "focus",
    "column",
    "tags",
    "lead_image",
    "related_links-TOTAL_FORMS",
    "corrections-TOTAL_FORMS",
    "go_live_at",
    "expire_at",
    "press_release",
    "press_licence_en",
)


def body_texts(article, language):
    """The rich text of each body block, without the editor's data-block-key attributes."""
    return [
        re.sub(r' data-block-key="[^"]*"', "", block.value.source)
        for block in getattr(article, f"body_{language}")
    ]


class SideBySideLayoutTests(RoleTestCase):
    def edit_page(self, user):
        self.login(user)
        response = self.client.get(f"/admin/pages/{self.live.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser")

    def test_each_translated_field_has_one_row_english_first(self):
        soup = self.edit_page(self.editor)
        rows = soup.select(".bilingual-row__columns")
        self.assertEqual(len(rows), len(TRANSLATED))
        for field in TRANSLATED:
            row = [r for r in rows if r.select_one(f'[data-contentpath="{field}_en"]')]
            self.assertEqual(len(row), 1, field)
            columns = row[0].select(":scope > .bilingual-row__language")
            self.assertEqual(len(columns), 2, field)
            self.assertTrue(columns[0].select_one(f'[data-contentpath="{field}_en"]'), field)
            self.assertTrue(
                columns[1].select_one(f'[name="{field}_zh_hans"], #{field}_zh_hans'), field
            )

    def test_every_field_label_names_its_language(self):
        soup = self.edit_page(self.editor)
        for field in ("title", "summary", "lead_image_caption", "writer", "seo_title"):
            for language, suffix in (("en", "en"), ("zh-hans", "zh_hans")):
                label = soup.select_one(f'label[for="id_{field}_{suffix}"]')
                self.assertIn(f"[{language}]", label.get_text(), field)

    def test_the_editor_stylesheet_is_loaded(self):
        soup = self.edit_page(self.translator)
        self.assertTrue(soup.select_one('link[rel="stylesheet"][href$="css/editor.css"]'))

    def test_wagtail_modeltranslation_still_syncs_each_title_to_its_own_slug(self):
        soup = self.edit_page(self.editor)
        for suffix in ("en", "zh_hans"):
            title = soup.select_one(f'input[name="title_{suffix}"]')
            self.assertEqual(title["data-controller"], "w-sync")
            self.assertEqual(title["data-w-sync-target-value"], f"#id_slug_{suffix}")


class TranslatorSeesOnlyTextTests(RoleTestCase):
    def test_translator_form_holds_the_text_fields_only(self):
        self.login(self.translator)
        response = self.client.get(f"/admin/pages/{self.live.pk}/edit/")
        for name in SETTINGS_FIELDS:
            self.assertNotContains(response, f'name="{name}"')
        for name in ("title_zh_hans", "summary_zh_hans", "body_zh_hans", "writer_zh_hans"):
            self.assertContains(response, f'data-contentpath="{name}"')

    def test_editor_and_moderator_still_see_the_settings(self):
        for user in (self.editor, self.moderator):
            self.login(user)
            response = self.client.get(f"/admin/pages/{self.live.pk}/edit/")
            for name in SETTINGS_FIELDS:
                self.assertContains(response, f'name="{name}"', msg_prefix=user.username)

    def test_every_role_but_translators_has_the_settings_permission(self):
        perm = Permission.objects.get(codename="change_article_settings")
        groups = set(Group.objects.filter(permissions=perm).values_list("name", flat=True))
        self.assertEqual(groups, {EDITORS, MODERATORS, CHIEF_EDITORS})

    def test_translator_post_of_hidden_fields_changes_none_of_them(self):
        self.login(self.translator)
        column = Column.objects.create(
            name_en="Research", slug_en="research", name_zh_hans="科研", slug_zh_hans="keyan"
        )
        before = self.refresh(self.live)
        response = self.edit(
            self.live,
            title_zh_hans="译者的标题",
            news_date="1999-12-31",
            focus="on",
            focus_pinned="on",
            focus_until="2099-01-01 10:00",
            column=column.pk,
            tags="smuggled",
            lead_image=self.image.pk,
            show_in_menus="on",
            go_live_at="2099-01-01 10:00",
        )
        self.assertEqual(response.status_code, 302)
        draft = self.refresh(self.live).get_latest_revision_as_object()
        self.assertEqual(draft.title_zh_hans, "译者的标题")
        self.assertEqual(draft.news_date, before.news_date)
        self.assertEqual(draft.focus, before.focus)
        self.assertFalse(draft.focus_pinned)
        self.assertIsNone(draft.focus_until)
        self.assertIsNone(draft.column)
        self.assertEqual(list(draft.tags.all()), [])
        self.assertIsNone(draft.lead_image)
        self.assertFalse(draft.show_in_menus)
        self.assertIsNone(draft.go_live_at)

    def test_translator_sees_no_focus_or_public_language_panel(self):
        self.login(self.translator)
        edit = self.client.get(f"/admin/pages/{self.live.pk}/edit/")
        self.assertContains(edit, 'name="title_zh_hans"')
        for name in ("focus", "focus_pinned", "focus_until", "public_en", "public_zh_hans"):
            self.assertNotContains(edit, f'name="{name}"')
        self.assertNotContains(edit, "Public languages")
        self.assertNotContains(edit, "data-panel-heading-text>Focus<")

    def test_translator_post_of_related_articles_changes_nothing(self):
        self.login(self.translator)
        data = edit_form(self.live, title_zh_hans="译者的标题")
        data.update(
            {
                "related_links-TOTAL_FORMS": "1",
                "related_links-INITIAL_FORMS": "0",
                "related_links-MIN_NUM_FORMS": "0",
                "related_links-MAX_NUM_FORMS": "4",
                "related_links-0-article": str(self.draft.pk),
                "related_links-0-ORDER": "1",
                "related_links-0-DELETE": "",
            }
        )
        response = self.client.post(f"/admin/pages/{self.live.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        draft = self.refresh(self.live).get_latest_revision_as_object()
        self.assertEqual(draft.title_zh_hans, "译者的标题")
        self.assertEqual(list(draft.related_links.all()), [])

    def test_editor_changes_the_news_date(self):
        self.login(self.editor)
        self.edit(self.live, news_date="2001-02-03")
        draft = self.refresh(self.live).get_latest_revision_as_object()
        self.assertEqual(draft.news_date.isoformat(), "2001-02-03")


ENGLISH_BODY = streamfield([("paragraph", rich_text("<p>The lab opened today.</p>"))])
EMPTY_BODY = streamfield([])
COPY = {"action-copy-english-body": "copy"}


class CopyEnglishBodyTests(RoleTestCase):
    def setUp(self):
        self.login(self.translator)
        self.url = f"/admin/pages/{self.live.pk}/edit/"

    def copy(self, **overrides):
        return self.client.post(self.url, edit_form(self.live, **COPY, **overrides))

    def test_the_action_is_offered_to_translators(self):
        self.assertContains(self.client.get(self.url), 'name="action-copy-english-body"')

    def test_empty_chinese_body_becomes_a_copy_and_unsaved_edits_are_kept(self):
        response = self.copy(
            body_en=ENGLISH_BODY, body_zh_hans=EMPTY_BODY, summary_zh_hans="未保存的摘要"
        )
        self.assertRedirects(response, self.url, fetch_redirect_response=False)
        draft = self.refresh(self.live).get_latest_revision_as_object()
        self.assertEqual(body_texts(draft, "zh_hans"), ["<p>The lab opened today.</p>"])
        self.assertEqual(draft.summary_zh_hans, "未保存的摘要")
        ids = {block.id for block in draft.body_en} & {block.id for block in draft.body_zh_hans}
        self.assertEqual(ids, set())
        self.assertContains(
            self.client.get(self.url), "The English body was copied into the Chinese body."
        )

    def test_the_copy_is_in_the_page_history(self):
        self.copy(body_en=ENGLISH_BODY, body_zh_hans=EMPTY_BODY)
        entry = PageLogEntry.objects.get(page=self.live, action=ACTION)
        self.assertEqual(entry.user, self.translator)
        history = self.client.get(f"/admin/pages/{self.live.pk}/history/")
        self.assertContains(history, "Copied the English body into the Chinese body")

    def test_the_live_article_is_unchanged_until_published(self):
        self.copy(body_en=ENGLISH_BODY, body_zh_hans=EMPTY_BODY)
        with translation.override("zh-hans"):
            url = self.live.get_url()
        live = self.client.get(url)
        self.assertContains(live, self.live.title_zh_hans)
        self.assertNotContains(live, "The lab opened today.")

    def dashboard_row(self, status):
        response = self.client.get(
            "/admin/translation-status/", {"status": status, "language": "zh-hans"}
        )
        soup = BeautifulSoup(response.content, "html.parser")
        link = soup.select_one(f'tr.translation-status__row a[href="{self.url}"]')
        return link.find_parent("tr").get_text(" ", strip=True) if link else None

    def test_a_copied_body_is_outdated_on_the_dashboard_until_translated(self):
        self.copy(body_en=ENGLISH_BODY, body_zh_hans=EMPTY_BODY)
        self.assertIn("body", self.dashboard_row("outdated"))
        translated = streamfield([("paragraph", rich_text("<p>实验室今天启用。</p>"))])
        self.edit(self.live, body_en=ENGLISH_BODY, body_zh_hans=translated)
        self.assertIsNone(self.dashboard_row("outdated"))
        self.assertIsNotNone(self.dashboard_row("current"))

    def test_a_chinese_body_is_not_replaced_without_confirmation(self):
        chinese = streamfield([("paragraph", rich_text("<p>译者写好的正文。</p>"))])
        response = self.copy(body_en=ENGLISH_BODY, body_zh_hans=chinese, summary_zh_hans="新摘要")
        confirm_url = f"/admin/articles/{self.live.pk}/copy-english-body/"
        self.assertRedirects(response, confirm_url, fetch_redirect_response=False)
        draft = self.refresh(self.live).get_latest_revision_as_object()
        self.assertEqual(body_texts(draft, "zh_hans"), ["<p>译者写好的正文。</p>"])
        self.assertEqual(draft.summary_zh_hans, "新摘要")  # the form was saved first
        self.assertFalse(PageLogEntry.objects.filter(page=self.live, action=ACTION).exists())
        page = self.client.get(confirm_url)
        self.assertContains(page, "Replace the Chinese body")
        self.assertContains(page, "Keep the Chinese body")
        self.assertContains(page, "is not empty")

    def test_confirmation_opened_directly_says_when_the_chinese_body_is_empty(self):
        self.edit(self.live, body_en=ENGLISH_BODY, body_zh_hans=EMPTY_BODY)
        page = self.client.get(f"/admin/articles/{self.live.pk}/copy-english-body/")
        self.assertContains(page, "is empty")
        self.assertNotContains(page, "is not empty")

    def test_confirmed_copy_replaces_the_chinese_body_and_history_keeps_the_old_one(self):
        chinese = streamfield([("paragraph", rich_text("<p>译者写好的正文。</p>"))])
        self.copy(body_en=ENGLISH_BODY, body_zh_hans=chinese)
        before = self.refresh(self.live).latest_revision
        response = self.client.post(f"/admin/articles/{self.live.pk}/copy-english-body/")
        self.assertRedirects(response, self.url, fetch_redirect_response=False)
        article = self.refresh(self.live)
        self.assertEqual(
            body_texts(article.get_latest_revision_as_object(), "zh_hans"),
            ["<p>The lab opened today.</p>"],
        )
        self.assertEqual(body_texts(before.as_object(), "zh_hans"), ["<p>译者写好的正文。</p>"])
        self.assertTrue(PageLogEntry.objects.filter(page=self.live, action=ACTION).exists())

    def test_an_empty_english_body_copies_nothing(self):
        chinese = streamfield([("paragraph", rich_text("<p>译者写好的正文。</p>"))])
        response = self.copy(body_en=EMPTY_BODY, body_zh_hans=chinese)
        self.assertRedirects(response, self.url, fetch_redirect_response=False)
        draft = self.refresh(self.live).get_latest_revision_as_object()
        self.assertEqual(body_texts(draft, "zh_hans"), ["<p>译者写好的正文。</p>"])
        self.assertContains(self.client.get(self.url), "there is nothing to copy")

    def test_a_user_who_may_not_edit_cannot_copy(self):
        outsider = self.translator.__class__.objects.create_user("outsider", "", "pw")
        outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
        self.login(outsider)
        before = self.refresh(self.live).latest_revision_id
        response = self.client.post(f"/admin/articles/{self.live.pk}/copy-english-body/")
        self.assertIn(response.status_code, (302, 403))
        self.assertEqual(self.refresh(self.live).latest_revision_id, before)
        self.assertFalse(PageLogEntry.objects.filter(page=self.live, action=ACTION).exists())

    def test_an_unknown_article_is_a_404(self):
        response = self.client.get("/admin/articles/999999/copy-english-body/", follow=True)
        self.assertEqual(response.status_code, 404)


class BilingualPreviewTests(RoleTestCase):
    def setUp(self):
        self.login(self.translator)
        self.url = f"/admin/pages/{self.live.pk}/edit/preview/"

    def preview(self, mode):
        data = edit_form(self.live, title_en="Preview in English", title_zh_hans="中文预览标题")
        self.assertEqual(self.client.post(self.url, data).json()["is_valid"], True)
        return self.client.get(self.url, {"mode": mode})

    def test_the_edit_view_offers_both_preview_modes(self):
        response = self.client.get(f"/admin/pages/{self.live.pk}/edit/")
        soup = BeautifulSoup(response.content, "html.parser")
        modes = {o["value"]: o.get_text(strip=True) for o in soup.select("#id_preview_mode option")}
        self.assertEqual(modes, {"en": "English", "zh-hans": "中文"})

    def test_chinese_preview_shows_the_chinese_article(self):
        response = self.preview("zh-hans")
        self.assertContains(response, '<html lang="zh-hans"')
        self.assertContains(response, "中文预览标题")
        self.assertContains(response, "实验室今天启用。")
        self.assertNotContains(response, "Preview in English</h1>")

    def test_english_preview_shows_the_english_article(self):
        response = self.preview("en")
        self.assertContains(response, '<html lang="en"')
        self.assertContains(response, "Preview in English")
        self.assertContains(response, "The lab opened today.")
        self.assertNotContains(response, "中文预览标题")

    def test_the_preview_panel_may_frame_the_preview(self):
        data = edit_form(self.live)
        self.client.post(self.url, data)
        response = self.client.get(self.url, {"mode": "zh-hans", "in_preview_panel": "true"})
        policy = response["Content-Security-Policy"]
        self.assertIn("frame-ancestors 'self'", policy)
        self.assertNotIn("'none'; ", policy.split("frame-ancestors", 1)[1][:10])
        self.assertEqual(response["X-Frame-Options"], "SAMEORIGIN")

    def test_home_and_news_index_offer_both_preview_modes(self):
        self.login(self.editor)
        for page in (self.home, self.index):
            response = self.client.get(f"/admin/pages/{page.pk}/edit/")
            soup = BeautifulSoup(response.content, "html.parser")
            modes = [o["value"] for o in soup.select("#id_preview_mode option")]
            self.assertEqual(modes, ["en", "zh-hans"])
