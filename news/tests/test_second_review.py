"""The optional second review stage (migration 0008_second_review, news/roles.py): switched on
per site in the site settings, it puts News&Events under "Newsroom review, two stages"
(moderator, then chief editor), and only chief editors publish directly."""

import io
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Site, TaskState, Workflow, WorkflowPage, WorkflowState

from news.models import ArticlePage, NewsIndexPage, SiteSettings
from news.newsroom.roles import (
    CHIEF_EDITOR_TASK,
    CHIEF_EDITORS,
    EDITORS,
    MODERATOR_TASK,
    MODERATORS,
    REVIEW_WORKFLOW,
    TWO_STAGE_WORKFLOW,
)
from news.tests.utils import build_site, edit_form, member, submit_new_article


def settings_form(site_settings, **overrides):
    """The Site settings form as it stands, with `overrides` (a checkbox is on when present)."""
    data = {
        field: getattr(site_settings, field) or ""
        for field in (
            "site_name_en",
            "site_name_zh_hans",
            "address_en",
            "address_zh_hans",
            "phone",
            "email",
            "copyright_en",
            "copyright_zh_hans",
            "filing_number",
            "map_latitude",
            "map_longitude",
            "map_label_en",
            "map_label_zh_hans",
        )
    }
    if site_settings.second_review:
        data["second_review"] = "on"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


class SecondReviewTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.site = Site.objects.get(is_default_site=True)
        cls.admin = member(MODERATORS, "admin")
        cls.admin.is_superuser = True
        cls.admin.save()
        cls.editor = member(EDITORS)
        cls.moderator = member(MODERATORS)
        cls.chief = member(CHIEF_EDITORS, "chief")

    def workflow_name(self):
        return WorkflowPage.objects.get(page=self.index).workflow.name

    def switch_second_review(self, on):
        self.client.force_login(self.admin)
        site_settings = SiteSettings.for_site(self.site)
        data = settings_form(site_settings)
        if on:
            data["second_review"] = "on"
        else:
            data.pop("second_review", None)
        response = self.client.post(f"/admin/settings/news/sitesettings/{self.site.pk}/", data)
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        self.client.logout()

    def submit_new_article(self):
        return submit_new_article(self.client, self.editor, self.index)

    def act(self, user, article, action):
        self.client.force_login(user)
        task_state = TaskState.objects.get(
            workflow_state__object_id=str(article.pk), status=TaskState.STATUS_IN_PROGRESS
        )
        return self.client.post(
            f"/admin/pages/workflow/action/{article.pk}/{action}/{task_state.pk}/", {"comment": ""}
        )


class SwitchTests(SecondReviewTestCase):
    def test_every_database_has_the_chief_editors_and_the_two_stage_workflow(self):
        workflow = Workflow.objects.get(name=TWO_STAGE_WORKFLOW)
        stages = [task.name for task in workflow.tasks]
        self.assertEqual(stages, [MODERATOR_TASK, CHIEF_EDITOR_TASK])
        self.assertEqual(
            [group.name for group in workflow.tasks[1].specific.groups.all()], [CHIEF_EDITORS]
        )

    def test_news_is_under_one_stage_until_the_site_asks_for_a_second_review(self):
        self.assertEqual(self.workflow_name(), REVIEW_WORKFLOW)
        self.switch_second_review(True)
        self.assertEqual(self.workflow_name(), TWO_STAGE_WORKFLOW)
        self.switch_second_review(False)
        self.assertEqual(self.workflow_name(), REVIEW_WORKFLOW)

    def test_settings_view_shows_the_switch_in_both_languages(self):
        self.client.force_login(self.admin)
        url = f"/admin/settings/news/sitesettings/{self.site.pk}/"
        self.assertContains(self.client.get(url), "Second review")
        self.client.cookies["django_language"] = "zh-hans"
        self.assertContains(self.client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans"), "二审")

    def test_a_workflow_set_up_by_hand_is_left_alone(self):
        own = Workflow.objects.create(name="Legal check", active=True)
        WorkflowPage.objects.filter(page=self.index).update(workflow=own)
        self.switch_second_review(True)
        self.assertEqual(self.workflow_name(), "Legal check")


class TwoStageReviewTests(SecondReviewTestCase):
    def setUp(self):
        self.switch_second_review(True)

    def test_moderator_approval_waits_for_the_chief_editor_who_publishes(self):
        article = self.submit_new_article()
        self.act(self.moderator, article, "approve")
        article.refresh_from_db()
        self.assertFalse(article.live)
        state = WorkflowState.objects.get(object_id=str(article.pk))
        self.assertEqual(state.current_task_state.task.name, CHIEF_EDITOR_TASK)
        self.client.force_login(self.chief)
        self.assertContains(self.client.get("/admin/"), "New lab opens")

        response = self.act(self.chief, article, "approve")
        self.assertEqual(response.status_code, 302)
        article.refresh_from_db()
        self.assertTrue(article.live)
        self.assertContains(self.client.get("/en/news/new-lab-opens/"), "New lab opens")
        history = self.client.get(f"/admin/pages/{article.pk}/history/")
        self.assertContains(history, "moderators")
        self.assertContains(history, "chief")

    def test_the_chief_editor_may_send_it_back_to_the_editor(self):
        article = self.submit_new_article()
        self.act(self.moderator, article, "approve")
        self.act(self.chief, article, "reject")
        state = WorkflowState.objects.get(object_id=str(article.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.assertFalse(ArticlePage.objects.get(pk=article.pk).live)

    def test_moderator_is_not_offered_publish(self):
        self.client.force_login(self.moderator)
        edit = self.client.get(f"/admin/pages/{self.article.pk}/edit/")
        self.assertContains(edit, 'name="action-submit"')
        self.assertNotContains(edit, 'name="action-publish"')

    def test_moderators_publish_request_is_saved_as_a_draft_with_a_message(self):
        self.client.force_login(self.moderator)
        response = self.client.post(
            f"/admin/pages/{self.article.pk}/edit/",
            edit_form(self.article, title_en="Changed title", **{"action-publish": "on"}),
            follow=True,
        )
        self.assertContains(response, "second review")
        article = ArticlePage.objects.get(pk=self.article.pk)
        self.assertNotEqual(article.title_en, "Changed title")  # the live version is untouched
        self.assertTrue(article.has_unpublished_changes)
        self.assertEqual(article.get_latest_revision_as_object().title_en, "Changed title")

    def test_moderators_bulk_publish_is_refused(self):
        draft = ArticlePage.objects.get(pk=self.article.pk)
        draft.title_en = "Changed title"
        draft.save_revision(user=self.editor)
        self.client.force_login(self.moderator)
        url = f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}"
        # Wagtail's own page for it (the page permission tester refuses the publish)
        self.assertContains(self.client.get(url), "have permission to publish this page")
        self.client.post(url)
        self.assertNotEqual(ArticlePage.objects.get(pk=draft.pk).title_en, "Changed title")

    def test_moderators_publish_through_the_admin_api_is_refused(self):
        draft = ArticlePage.objects.get(pk=self.article.pk)
        draft.title_en = "Changed title"
        draft.save_revision(user=self.editor)
        self.client.force_login(self.moderator)
        response = self.client.post(f"/admin/api/main/pages/{draft.pk}/action/publish/")
        self.assertEqual(response.status_code, 403)
        self.assertNotEqual(ArticlePage.objects.get(pk=draft.pk).title_en, "Changed title")

    def test_chief_editor_publishes_through_the_admin_api(self):
        draft = ArticlePage.objects.get(pk=self.article.pk)
        draft.title_en = "Changed title"
        draft.save_revision(user=self.editor)
        self.client.force_login(self.chief)
        response = self.client.post(f"/admin/api/main/pages/{draft.pk}/action/publish/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(ArticlePage.objects.get(pk=draft.pk).title_en, "Changed title")

    def test_chief_editor_publishes_directly(self):
        self.client.force_login(self.chief)
        edit = self.client.get(f"/admin/pages/{self.article.pk}/edit/")
        self.assertContains(edit, 'name="action-publish"')
        self.client.post(
            f"/admin/pages/{self.article.pk}/edit/",
            edit_form(self.article, title_en="Changed title", **{"action-publish": "on"}),
        )
        self.assertEqual(ArticlePage.objects.get(pk=self.article.pk).title_en, "Changed title")


class OneStageTests(SecondReviewTestCase):
    def test_moderator_bulk_publishes_without_a_second_review(self):
        draft = ArticlePage.objects.get(pk=self.article.pk)
        draft.title_en = "Changed title"
        draft.save_revision(user=self.editor)
        self.client.force_login(self.moderator)
        self.client.post(f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}")
        self.assertEqual(ArticlePage.objects.get(pk=draft.pk).title_en, "Changed title")

    def test_moderator_publishes_directly_without_a_second_review(self):
        self.client.force_login(self.moderator)
        self.assertContains(
            self.client.get(f"/admin/pages/{self.article.pk}/edit/"), 'name="action-publish"'
        )
        self.client.post(
            f"/admin/pages/{self.article.pk}/edit/",
            edit_form(self.article, title_en="Changed title", **{"action-publish": "on"}),
        )
        self.assertEqual(ArticlePage.objects.get(pk=self.article.pk).title_en, "Changed title")

    def test_one_moderator_approval_publishes(self):
        article = self.submit_new_article()
        self.act(self.moderator, article, "approve")
        self.assertTrue(ArticlePage.objects.get(pk=article.pk).live)


class LoadDemoTests(TestCase):
    def test_load_demo_keeps_its_site_settings_and_attaches_one_stage(self):
        with tempfile.TemporaryDirectory() as folder:
            call_command(
                "load_demo",
                password_file=Path(folder) / "password",
                enqueue_pictures=True,  # pictures are not under test here
                stdout=io.StringIO(),
            )
        site_settings = SiteSettings.objects.get(site=Site.objects.get(is_default_site=True))
        self.assertIsNotNone(site_settings.map_latitude)  # the demo's, not empty defaults
        index = NewsIndexPage.objects.get()
        self.assertEqual(WorkflowPage.objects.get(page=index).workflow.name, REVIEW_WORKFLOW)
