"""Composing an issue in the admin: pre-filled with the week's stories of its language,
previewed as the mail, a test mail to one address; publishing (sending) is for Moderators and
chief editors, Editors compose and test, Translators have no access."""

import datetime

from django.test import TestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from news.factories import ArticlePageFactory
from news.newsroom.roles import CHIEF_EDITORS, EDITORS, MODERATORS, TRANSLATORS
from news.tests.utils import build_site, member
from newsletter.models import NewsletterIssue

from .utils import issue_of

ADD = "/admin/snippets/newsletter/newsletterissue/add/"
SEND_TASK = "newsletter.sending.tasks.send_issue"
TEST_TASK = "newsletter.sending.tasks.send_test"


def edit_url(issue):
    return f"/admin/snippets/newsletter/newsletterissue/edit/{issue.pk}/"


def issue_form(**fields):
    data = {
        "language": "en",
        "subject": "This week",
        "introduction": "Hello.",
        "stories-TOTAL_FORMS": "0",
        "stories-INITIAL_FORMS": "0",
        "stories-MIN_NUM_FORMS": "0",
        "stories-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


class ComposeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        now = timezone.now()
        cls.older = ArticlePageFactory(parent=cls.index, title_en="Older this week")
        cls.newer = ArticlePageFactory(parent=cls.index, title_en="Newer this week")
        cls.last_month = ArticlePageFactory(parent=cls.index, title_en="Last month")
        cls.english_only = ArticlePageFactory(
            parent=cls.index, title_en="Hidden in Chinese", public_zh_hans=False
        )
        cls.scheduled = ArticlePageFactory(parent=cls.index, title_en="Embargoed", live=False)
        for article, days in (
            (cls.older, 3),
            (cls.newer, 1),
            (cls.last_month, 30),
            (cls.english_only, 2),
        ):
            type(article).objects.filter(pk=article.pk).update(
                first_published_at=now - datetime.timedelta(days=days)
            )
        cls.scheduled.go_live_at = now + datetime.timedelta(days=1)
        cls.scheduled.save_revision().publish()  # scheduled: not live until then
        cls.editor = member(EDITORS)
        cls.moderator = member(MODERATORS)
        cls.chief = member(CHIEF_EDITORS, "chief")
        cls.translator = member(TRANSLATORS)
        cls.editor.email = "editor@example.edu"
        cls.editor.save()

    def test_a_new_issue_holds_the_weeks_live_stories_of_its_language_newest_first(self):
        self.client.force_login(self.editor)
        response = self.client.get(ADD + "?language=en")
        self.assertEqual(response.status_code, 200)
        stories = response.context["form"].formsets["stories"].forms
        self.assertEqual(
            [form.instance.article.title_en for form in stories],
            ["Newer this week", "Hidden in Chinese", "Older this week"],
        )
        response = self.client.get(ADD + "?language=zh-hans")
        stories = response.context["form"].formsets["stories"].forms
        self.assertEqual(
            [form.instance.article.title_en for form in stories],
            ["Newer this week", "Older this week"],
        )

    def test_the_list_offers_an_issue_per_language(self):
        self.client.force_login(self.editor)
        response = self.client.get("/admin/snippets/newsletter/newsletterissue/")
        self.assertContains(response, ADD + "?language=en")
        self.assertContains(response, ADD + "?language=zh-hans")

    def test_the_preview_is_the_mail_and_its_plain_text(self):
        self.client.force_login(self.editor)
        issue = issue_of([self.newer, self.older])
        url = f"/admin/snippets/newsletter/newsletterissue/preview/{issue.pk}/"
        data = issue_form(
            **{
                "stories-TOTAL_FORMS": "1",
                "stories-0-article": str(self.older.pk),
                "stories-0-ORDER": "1",
            }
        )
        self.assertEqual(self.client.post(url, data).status_code, 200)
        html = self.client.get(url + "?mode=html")
        self.assertContains(html, "Older this week")
        self.assertContains(html, 'style="')
        text = self.client.get(url + "?mode=text")
        self.assertEqual(text["Content-Type"], "text/plain; charset=utf-8")
        self.assertContains(text, "Older this week")

    def test_an_editor_saves_a_draft_but_cannot_send(self):
        self.client.force_login(self.editor)
        response = self.client.post(ADD, issue_form())
        self.assertEqual(response.status_code, 302)
        issue = NewsletterIssue.objects.get()
        self.assertFalse(issue.live)
        response = self.client.get(edit_url(issue))
        self.assertNotContains(response, 'name="action-publish"')
        self.client.post(edit_url(issue), issue_form(**{"action-publish": "publish"}))
        issue.refresh_from_db()
        self.assertFalse(issue.live)
        self.assertFalse(DBTaskResult.objects.filter(task_path=SEND_TASK).exists())

    def test_a_moderator_and_a_chief_editor_publish_which_sends(self):
        for user in (self.moderator, self.chief):
            self.client.force_login(user)
            issue = issue_of([self.newer], subject=f"From {user.username}")
            self.assertContains(self.client.get(edit_url(issue)), 'name="action-publish"')
            with self.captureOnCommitCallbacks(execute=True):
                self.client.post(
                    edit_url(issue),
                    issue_form(subject=f"From {user.username}", **{"action-publish": "publish"}),
                )
            issue.refresh_from_db()
            self.assertTrue(issue.live)
            sends = DBTaskResult.objects.filter(task_path=SEND_TASK)
            self.assertIn([issue.pk], [task.args_kwargs["args"] for task in sends])

    def test_translators_have_no_access(self):
        self.client.force_login(self.translator)
        issue = issue_of([self.newer])
        for url in (
            "/admin/snippets/newsletter/newsletterissue/",
            ADD,
            edit_url(issue),
            f"/admin/newsletter/issues/{issue.pk}/test/",
        ):
            response = self.client.get(url)
            self.assertIn(response.status_code, (302, 403), url)

    def test_an_editor_sends_a_test_to_their_own_address_by_default(self):
        self.client.force_login(self.editor)
        issue = issue_of([self.newer])
        self.assertContains(
            self.client.get(edit_url(issue)), f"/admin/newsletter/issues/{issue.pk}/test/"
        )
        url = f"/admin/newsletter/issues/{issue.pk}/test/"
        self.assertContains(self.client.get(url), 'value="editor@example.edu"')
        response = self.client.post(url, {"email": "desk@example.edu"})
        self.assertRedirects(response, edit_url(issue))
        [task] = DBTaskResult.objects.filter(task_path=TEST_TASK)
        self.assertEqual(task.args_kwargs["args"], [issue.pk, "desk@example.edu"])

    def test_a_test_to_a_bad_address_says_why(self):
        self.client.force_login(self.editor)
        issue = issue_of([self.newer])
        response = self.client.post(f"/admin/newsletter/issues/{issue.pk}/test/", {"email": "x"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors)
        self.assertFalse(DBTaskResult.objects.filter(task_path=TEST_TASK).exists())
