"""Newsroom roles (migration 0004_newsroom_roles), each permission allowed and refused through
the real admin views, and the admin menus each role sees."""

import importlib
import io
import tempfile
from pathlib import Path

from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import RequestFactory, TestCase
from wagtail.admin.menu import admin_menu
from wagtail.images.models import Image
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from news.models import ArticlePage, NewsIndexPage
from news.newsroom.roles import (
    CHIEF_EDITORS,
    EDITORS,
    MODERATOR_TASK,
    MODERATORS,
    REVIEW_WORKFLOW,
    TRANSLATORS,
)
from news.tests.utils import RoleTestCase, article_form, build_site, member


class EditorTests(RoleTestCase):
    def setUp(self):
        self.login(self.editor)

    def test_editor_creates_an_article_and_submits_it_for_review(self):
        form = article_form(self.image, **{"action-submit": "action-submit"})
        del form["action-publish"]
        self.client.post(f"/admin/pages/add/news/articlepage/{self.index.pk}/", form)
        article = ArticlePage.objects.get(slug_en="new-lab-opens")
        self.assertFalse(article.live)
        self.assertEqual(article.current_workflow_task.name, MODERATOR_TASK)
        self.assertEqual(article.get_workflow().name, REVIEW_WORKFLOW)

    def test_editor_cannot_publish_a_new_article(self):
        self.add()
        self.assertFalse(ArticlePage.objects.get(slug_en="new-lab-opens").live)
        self.assertEqual(self.client.get("/en/news/new-lab-opens/").status_code, 404)

    def test_editor_edits_an_article_as_a_draft_without_changing_the_live_version(self):
        response = self.edit(self.live, title_en="Edited by an editor")
        self.assertEqual(response.status_code, 302)
        article = self.refresh(self.live)
        self.assertEqual(article.get_latest_revision_as_object().title_en, "Edited by an editor")
        self.assertNotContains(self.client.get(article.url), "Edited by an editor")

    def test_editor_cannot_publish_an_edit(self):
        self.edit(self.live, title_en="Published?", **{"action-publish": "action-publish"})
        self.assertNotEqual(self.refresh(self.live).title_en, "Published?")

    def test_editor_cannot_unpublish(self):
        self.client.post(f"/admin/pages/{self.live.pk}/unpublish/")
        self.assertTrue(self.refresh(self.live).live)

    def test_editor_cannot_delete_a_live_article(self):
        self.client.post(f"/admin/pages/{self.live.pk}/delete/")
        self.assertTrue(ArticlePage.objects.filter(pk=self.live.pk).exists())

    def test_editor_cannot_lock(self):
        self.client.post(f"/admin/pages/{self.live.pk}/lock/")
        self.assertFalse(self.refresh(self.live).locked)


class ModeratorTests(RoleTestCase):
    def setUp(self):
        self.login(self.moderator)

    def test_moderator_and_editor_edit_the_home_page_and_news_and_events(self):
        for role in (self.moderator, self.editor):
            for page in (self.home, self.index):
                with self.subTest(role=role.username, page=page.title):
                    self.login(role)
                    response = self.client.get(f"/admin/pages/{page.pk}/edit/")
                    self.assertEqual(response.status_code, 200)

    def test_editor_changes_an_articles_address(self):
        self.login(self.editor)
        self.edit(self.live, slug_en="moved")
        self.assertEqual(self.refresh(self.live).get_latest_revision_as_object().slug_en, "moved")

    def test_moderator_cannot_create_an_article(self):
        response = self.client.get(f"/admin/pages/add/news/articlepage/{self.index.pk}/")
        self.assertNotEqual(response.status_code, 200)
        self.add()
        self.assertFalse(ArticlePage.objects.filter(slug_en="new-lab-opens").exists())

    def test_moderator_publishes_an_edit_in_both_languages(self):
        self.edit(
            self.live,
            title_en="Approved title",
            title_zh_hans="审核后的标题",
            **{"action-publish": "action-publish"},
        )
        self.assertContains(self.client.get("/en/news/"), "Approved title")
        self.assertContains(self.client.get("/zh-hans/xinwen/"), "审核后的标题")

    def test_moderator_unpublishes_an_article_from_both_languages(self):
        self.client.post(f"/admin/pages/{self.live.pk}/unpublish/")
        self.assertFalse(self.refresh(self.live).live)
        self.assertEqual(self.client.get(f"/en/news/{self.live.slug_en}/").status_code, 404)
        self.assertEqual(
            self.client.get(f"/zh-hans/xinwen/{self.live.slug_zh_hans}/").status_code, 404
        )

    def test_moderator_locks_and_unlocks_an_article(self):
        self.client.post(f"/admin/pages/{self.live.pk}/lock/")
        self.assertTrue(self.refresh(self.live).locked)
        self.client.post(f"/admin/pages/{self.live.pk}/unlock/")
        self.assertFalse(self.refresh(self.live).locked)

    def test_moderator_cannot_delete_an_article(self):
        self.client.post(f"/admin/pages/{self.live.pk}/delete/")
        self.assertTrue(ArticlePage.objects.filter(pk=self.live.pk).exists())


class TranslatorTests(RoleTestCase):
    def setUp(self):
        self.login(self.translator)

    def test_translator_cannot_create_an_article(self):
        response = self.client.get(f"/admin/pages/add/news/articlepage/{self.index.pk}/")
        self.assertNotEqual(response.status_code, 200)
        self.add()
        self.assertFalse(ArticlePage.objects.filter(slug_en="new-lab-opens").exists())

    def test_translator_saves_a_chinese_title_as_a_draft(self):
        response = self.edit(self.live, title_zh_hans="译者修改的标题")
        self.assertEqual(response.status_code, 302)
        article = self.refresh(self.live)
        self.assertEqual(article.get_latest_revision_as_object().title_zh_hans, "译者修改的标题")
        self.assertNotContains(self.client.get("/zh-hans/xinwen/"), "译者修改的标题")

    def test_translator_cannot_change_an_articles_addresses(self):
        response = self.edit(
            self.live, slug_en="moved", slug_zh_hans="banjia", title_zh_hans="新标题"
        )
        self.assertEqual(response.status_code, 302)
        draft = self.refresh(self.live).get_latest_revision_as_object()
        self.assertEqual(draft.title_zh_hans, "新标题")
        self.assertEqual(
            (draft.slug_en, draft.slug_zh_hans), (self.live.slug_en, self.live.slug_zh_hans)
        )
        self.assertNotContains(
            self.client.get(f"/admin/pages/{self.live.pk}/edit/"), 'name="slug_en"'
        )

    def test_translator_cannot_edit_the_home_page_or_news_and_events(self):
        for page in (self.home, self.index):
            with self.subTest(page=page.title):
                before = page.revisions.count()
                response = self.client.get(f"/admin/pages/{page.pk}/edit/")
                self.assertEqual(response["Location"], "/admin/")  # Wagtail's "permission denied"
                self.client.post(f"/admin/pages/{page.pk}/edit/", {"title_en": "Taken over"})
                self.assertEqual(page.revisions.count(), before)

    def test_translator_cannot_publish(self):
        self.edit(self.live, title_zh_hans="直接发布？", **{"action-publish": "action-publish"})
        self.assertNotContains(self.client.get("/zh-hans/xinwen/"), "直接发布？")

    def test_translator_cannot_unpublish(self):
        self.client.post(f"/admin/pages/{self.live.pk}/unpublish/")
        self.assertTrue(self.refresh(self.live).live)

    def test_translator_cannot_delete_even_an_unpublished_article(self):
        response = self.client.post(f"/admin/pages/{self.draft.pk}/delete/")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(ArticlePage.objects.filter(pk=self.draft.pk).exists())

    def test_translator_cannot_bulk_delete_an_unpublished_article(self):
        self.client.post(f"/admin/bulk/wagtailcore/page/delete/?id={self.draft.pk}")
        self.assertTrue(ArticlePage.objects.filter(pk=self.draft.pk).exists())

    def test_translator_cannot_move_an_unpublished_article(self):
        self.client.post(f"/admin/pages/{self.draft.pk}/move/{self.home.pk}/confirm/")
        self.assertEqual(self.refresh(self.draft).get_parent().pk, self.index.pk)

    def test_translator_cannot_lock(self):
        self.client.post(f"/admin/pages/{self.live.pk}/lock/")
        self.assertFalse(self.refresh(self.live).locked)

    def test_translator_cannot_edit_images_in_the_library(self):
        # Their alt text and caption are the article's own fields (migration 0014).
        response = self.client.post(
            f"/admin/images/{self.image.pk}/",
            {"title": "lab", "description": "实验楼外景", "collection": self.image.collection_id},
        )
        self.assertEqual(response["Location"], "/admin/")  # Wagtail's "permission denied"
        self.image.refresh_from_db()
        self.assertEqual(self.image.description, "")

    def test_translator_cannot_delete_an_image(self):
        self.client.post(f"/admin/images/{self.image.pk}/delete/")
        self.assertTrue(Image.objects.filter(pk=self.image.pk).exists())


class ImageDeleteTests(RoleTestCase):
    def test_moderator_deletes_an_image(self):
        self.login(self.moderator)
        response = self.client.post(f"/admin/images/{self.image.pk}/delete/")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Image.objects.filter(pk=self.image.pk).exists())

    def test_editor_cannot_delete_an_image(self):
        self.login(self.editor)
        self.client.post(f"/admin/images/{self.image.pk}/delete/")
        self.assertTrue(Image.objects.filter(pk=self.image.pk).exists())


class AdminMenuTests(RoleTestCase):
    def menu(self, user):
        request = RequestFactory().get("/admin/")
        request.user = user
        return {item.name for item in admin_menu.menu_items_for_request(request)}

    def test_the_menu_hides_what_a_role_may_not_use_on_the_dashboard(self):
        self.client.force_login(self.translator)
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "/admin/documents/")
        self.assertNotContains(response, 'href="/admin/images/"')

    # Every newsroom role sees the translation status dashboard (news/translation_admin.py),
    # and, with the translators' desk installed, its queue and Settings › Glossary (to read).
    DESK = {"translation-queue", "settings"}
    # "In the media" (coverage/, while installed): the clips, for everyone but Translators.
    COVERAGE = {"coverage"} if django_apps.is_installed("coverage") else set()
    # With the newsletter installed, its issues: Editors compose, Moderators and chief editors
    # also send (newsletter/issues_admin/); and for Moderators and chief editors only, its
    # subscribers (visitors' addresses: the "newsletter" menu).
    ISSUES = {"newsletter-issues"} if django_apps.is_installed("newsletter") else set()
    NEWSLETTER = ISSUES | ({"newsletter"} if django_apps.is_installed("newsletter") else set())

    def test_editor_sees_pages_images_documents_and_translation_status_only(self):
        self.assertEqual(
            self.menu(self.editor),
            {"explorer", "images", "documents", "translation-status", "reports", "help"}
            | self.DESK
            | self.COVERAGE
            | self.ISSUES,
        )

    def test_moderator_also_sees_columns_and_tags(self):
        self.assertEqual(
            self.menu(self.moderator),
            {
                "explorer",
                "images",
                "documents",
                "taxonomy",
                "translation-status",
                "reports",
                "settings",  # Sign-in lockouts
                "help",
            }
            | self.DESK
            | self.COVERAGE
            | self.NEWSLETTER,
        )

    def test_translator_sees_pages_and_translation_status_only(self):
        self.assertEqual(
            self.menu(self.translator),
            {"explorer", "translation-status", "reports", "help"} | self.DESK,
        )

    def test_chief_editor_sees_pages_images_and_translation_status_only(self):
        self.assertEqual(
            self.menu(member(CHIEF_EDITORS, "chief")),
            {"explorer", "images", "translation-status", "reports", "help"}
            | self.DESK
            | self.COVERAGE
            | self.NEWSLETTER,
        )


class RoleSetupTests(TestCase):
    def test_every_migrated_database_has_the_three_roles_and_the_review_workflow(self):
        self.assertEqual(
            set(
                Group.objects.filter(name__in=[EDITORS, MODERATORS, TRANSLATORS]).values_list(
                    "name", flat=True
                )
            ),
            {EDITORS, MODERATORS, TRANSLATORS},
        )
        self.assertTrue(Workflow.objects.filter(name=REVIEW_WORKFLOW, active=True).exists())

    def test_migration_puts_an_existing_news_index_under_review_and_can_run_again(self):
        _, index, _ = build_site()
        WorkflowPage.objects.filter(page=index).delete()
        renaming = importlib.import_module("news.migrations.0024_bilingual_role_names")
        renaming.backwards(django_apps, None)  # the English names 0004 knows
        migration = importlib.import_module("news.migrations.0004_newsroom_roles")
        migration.create_roles(django_apps, None)
        migration.create_roles(django_apps, None)
        renaming.forwards(django_apps, None)
        self.assertEqual(WorkflowPage.objects.get(page=index).workflow.name, REVIEW_WORKFLOW)
        self.assertEqual(Workflow.objects.filter(name=REVIEW_WORKFLOW).count(), 1)
        self.assertEqual(GroupPagePermission.objects.filter(group__name=TRANSLATORS).count(), 1)

    def test_load_demo_puts_news_and_events_under_review(self):
        call_command(
            "load_demo",
            password_file=self.tmp_password_file(),
            enqueue_pictures=True,  # pictures are not under test here
            stdout=io.StringIO(),
        )
        index = NewsIndexPage.objects.get()
        self.assertEqual(WorkflowPage.objects.get(page=index).workflow.name, REVIEW_WORKFLOW)

    def tmp_password_file(self):
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        return Path(directory.name) / "password"
