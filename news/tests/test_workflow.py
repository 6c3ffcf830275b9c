"""The "Newsroom review" workflow end to end through the admin: an editor submits, a moderator
rejects with a comment, the editor sees it in the admin, resubmits, the moderator approves and
the article is live in both languages."""

from django.test import TestCase
from wagtail.models import TaskState, WorkflowState

from news.models import ArticlePage
from news.newsroom.roles import EDITORS, MODERATORS
from news.tests.utils import article_form, build_site, member, submit_new_article

COMMENT = "Please check the Chinese title"


class NewsroomReviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.editor = member(EDITORS)
        cls.moderator = member(MODERATORS)

    def submit_new_article(self):
        return submit_new_article(self.client, self.editor, self.index)

    def moderate(self, article, action, comment=""):
        self.client.force_login(self.moderator)
        task_state = TaskState.objects.get(
            workflow_state__object_id=str(article.pk),
            status=TaskState.STATUS_IN_PROGRESS,
        )
        return self.client.post(
            f"/admin/pages/workflow/action/{article.pk}/{action}/{task_state.pk}/",
            {"comment": comment},
        )

    def test_submitted_article_waits_on_the_moderators_dashboard(self):
        article = self.submit_new_article()
        self.assertFalse(article.live)
        self.client.force_login(self.moderator)
        self.assertContains(self.client.get("/admin/"), "New lab opens")

    def test_rejection_comment_is_shown_to_the_submitter_in_the_admin(self):
        article = self.submit_new_article()
        self.moderate(article, "reject", COMMENT)
        state = WorkflowState.objects.get(object_id=str(article.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.client.force_login(self.editor)
        edit = self.client.get(f"/admin/pages/{article.pk}/edit/")
        self.assertContains(edit, "Changes requested")
        detail = f"/admin/pages/{article.pk}/workflow_history/detail/{state.pk}/"
        self.assertContains(self.client.get(detail), COMMENT)
        self.assertFalse(ArticlePage.objects.get(pk=article.pk).live)

    def test_the_moderators_comment_is_at_the_top_of_the_edit_view_in_both_languages(self):
        article = self.submit_new_article()
        self.moderate(article, "reject", COMMENT)
        self.client.force_login(self.editor)

        edit = self.client.get(f"/admin/pages/{article.pk}/edit/")
        chinese = self.client.get(
            f"/admin/pages/{article.pk}/edit/", headers={"accept-language": "zh-hans"}
        )

        messages = [str(message) for message in edit.context["messages"]]
        self.assertIn(
            f"Changes requested by {self.moderator.get_username()}: “{COMMENT}”", messages
        )
        self.assertContains(chinese, COMMENT)

    def test_no_changes_requested_message_once_the_article_is_resubmitted(self):
        article = self.submit_new_article()
        self.moderate(article, "reject", COMMENT)
        self.client.force_login(self.editor)
        form = article_form(**{"action-submit": "action-submit"})
        del form["action-publish"]
        self.client.post(f"/admin/pages/{article.pk}/edit/", form)

        edit = self.client.get(f"/admin/pages/{article.pk}/edit/")

        self.assertNotContains(edit, COMMENT)

    def test_article_is_live_in_both_languages_after_resubmission_and_approval(self):
        article = self.submit_new_article()
        self.moderate(article, "reject", COMMENT)
        self.client.force_login(self.editor)
        form = article_form(title_zh_hans="新实验室正式启用", **{"action-submit": "action-submit"})
        del form["action-publish"]
        self.client.post(f"/admin/pages/{article.pk}/edit/", form)
        self.assertFalse(ArticlePage.objects.get(pk=article.pk).live)

        response = self.moderate(article, "approve")
        self.assertEqual(response.status_code, 302)
        article = ArticlePage.objects.get(pk=article.pk)
        self.assertTrue(article.live)
        self.assertContains(self.client.get("/en/news/new-lab-opens/"), "New lab opens")
        self.assertContains(
            self.client.get("/zh-hans/xinwen/xin-shiyanshi-qiyong/"), "新实验室正式启用"
        )
        state = WorkflowState.objects.get(object_id=str(article.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_APPROVED)

    def test_approval_is_shown_to_the_submitter_in_the_page_history(self):
        article = self.submit_new_article()
        self.moderate(article, "approve")
        self.client.force_login(self.editor)
        history = self.client.get(f"/admin/pages/{article.pk}/history/")
        self.assertContains(history, "Approved")
        self.assertContains(history, "moderators")

    def test_history_shows_who_saved_submitted_approved_and_published(self):
        article = self.submit_new_article()
        self.moderate(article, "approve")
        self.client.force_login(self.editor)
        history = self.client.get(f"/admin/pages/{article.pk}/history/")
        entries = {(entry.action, entry.user.username) for entry in history.context["object_list"]}
        self.assertLessEqual(
            {
                ("wagtail.create", "editors"),
                ("wagtail.workflow.start", "editors"),
                ("wagtail.workflow.approve", "moderators"),
                ("wagtail.publish", "moderators"),
            },
            entries,
        )
        for label in ("Created", "Workflow: start", "Workflow: approve", "Publish"):
            self.assertContains(history, label)
        self.assertContains(history, "<time")  # and when
