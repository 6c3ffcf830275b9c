"""Mail leaves through the SMTP server the environment names (EMAIL_* settings): a workflow
notification reaches a real SMTP server (aiosmtpd, on a loopback port) addressed to the
moderators, and without EMAIL_HOST `check --deploy` warns."""

from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import TestCase, override_settings

from news.newsroom.roles import EDITORS, MODERATORS
from news.tests.utils import Inbox, build_site, member, submit_new_article


class WorkflowMailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _home, cls.index, _ = build_site()
        cls.editor = member(EDITORS, "editor")
        cls.moderator = member(MODERATORS, "moderator")
        cls.moderator.email = "moderator@example.edu.cn"
        cls.moderator.save()

    def test_a_submitted_article_is_mailed_to_the_moderators_through_smtp(self):
        inbox = Inbox().start(self)
        with override_settings(**inbox.settings), self.captureOnCommitCallbacks(execute=True):
            submit_new_article(self.client, self.editor, self.index)
        inbox.wait()
        self.assertEqual(len(inbox.envelopes), 1)
        envelope = inbox.envelopes[0]
        self.assertEqual(envelope.rcpt_tos, ["moderator@example.edu.cn"])
        self.assertEqual(envelope.mail_from, "news@example.edu.cn")
        self.assertIn("New lab opens", envelope.content.decode())

    @override_settings(EMAIL_HOST="")
    def test_check_deploy_warns_without_a_mail_server(self):
        with self.assertRaises(SystemCheckError) as raised:
            call_command("check", deploy=True, fail_level="WARNING", tags=["security"])
        self.assertIn("newsroom.W001", str(raised.exception))
