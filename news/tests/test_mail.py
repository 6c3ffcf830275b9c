"""Mail leaves through the SMTP server the environment names (EMAIL_* settings): a workflow
notification reaches a real SMTP server (aiosmtpd, on a loopback port) addressed to the
moderators, and without EMAIL_HOST `check --deploy` warns."""

import socket
import time

from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import TestCase, override_settings

from news.newsroom.roles import EDITORS, MODERATORS
from news.tests.utils import build_site, member, submit_new_article


class Inbox:
    """An aiosmtpd handler keeping every message it is given."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class WorkflowMailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _home, cls.index, _ = build_site()
        cls.editor = member(EDITORS, "editor")
        cls.moderator = member(MODERATORS, "moderator")
        cls.moderator.email = "moderator@example.edu.cn"
        cls.moderator.save()

    def test_a_submitted_article_is_mailed_to_the_moderators_through_smtp(self):
        inbox, port = Inbox(), free_port()
        server = Controller(inbox, hostname="127.0.0.1", port=port)
        server.start()
        self.addCleanup(server.stop)
        smtp = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": port,
            "EMAIL_USE_TLS": False,
            "EMAIL_USE_SSL": False,
            "DEFAULT_FROM_EMAIL": "BIT News <news@example.edu.cn>",
            "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL": "BIT News <news@example.edu.cn>",
        }
        with override_settings(**smtp), self.captureOnCommitCallbacks(execute=True):
            submit_new_article(self.client, self.editor, self.index)
        deadline = time.monotonic() + 5
        while not inbox.envelopes and time.monotonic() < deadline:
            time.sleep(0.05)
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
