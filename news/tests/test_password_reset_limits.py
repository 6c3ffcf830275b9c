"""The admin's "Forgot password?" (news/newsroom/password_reset.py): one e-mail address gets at
most PASSWORD_RESET_PER_EMAIL mails an hour however many requests arrive, from however many
addresses, and the page says the same either way; one visitor address gets
PASSWORD_RESET_PER_CLIENT requests a minute, then 429 with the form and a message."""

from django.core import mail
from django.core.cache import cache
from django.test import TestCase, override_settings

from news.newsroom.roles import EDITORS
from news.tests.utils import build_site, member

RESET = "/admin/password_reset/"


@override_settings(PASSWORD_RESET_PER_EMAIL=3, PASSWORD_RESET_PER_CLIENT=5)
class PasswordResetLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.editor = member(EDITORS, "editor")
        cls.editor.email = "editor@example.edu.cn"
        cls.editor.save()

    def setUp(self):
        cache.clear()

    def ask(self, email="editor@example.edu.cn", address="203.0.113.7"):
        return self.client.post(RESET, {"email": email}, REMOTE_ADDR=address)

    def test_twenty_requests_for_one_address_send_three_mails(self):
        answers = [self.ask(address=f"198.51.100.{n}") for n in range(20)]  # 20 networks
        self.assertEqual({answer.status_code for answer in answers}, {302})
        self.assertEqual(
            {answer["Location"] for answer in answers}, {"/admin/password_reset/done/"}
        )
        self.assertEqual(len(mail.outbox), 3)
        self.assertEqual(
            {tuple(message.to) for message in mail.outbox}, {("editor@example.edu.cn",)}
        )

    def test_the_limit_is_per_e_mail_address(self):
        other = member(EDITORS, "other")
        other.email = "other@example.edu.cn"
        other.save()
        for n in range(4):
            self.ask(address=f"198.51.100.{n}")
        self.ask(email="OTHER@example.edu.cn", address="198.51.100.99")
        self.assertEqual([message.to for message in mail.outbox][-1], ["other@example.edu.cn"])
        self.assertEqual(len(mail.outbox), 4)

    def test_the_sixth_request_in_a_minute_from_one_address_is_refused(self):
        answers = [self.ask(email=f"nobody{n}@example.com").status_code for n in range(5)]
        self.assertEqual(answers, [302] * 5)
        refused = self.ask()
        self.assertEqual(refused.status_code, 429)
        self.assertEqual(refused["Retry-After"], "60")
        self.assertContains(refused, "Too many password reset requests", status_code=429)
        self.assertEqual(mail.outbox, [])  # nothing sent for the refused one
        self.assertEqual(self.ask(address="198.51.100.4").status_code, 302)  # another address
        self.assertEqual(len(mail.outbox), 1)

    def test_the_refusal_speaks_the_visitors_language(self):
        for n in range(5):
            self.ask(email=f"nobody{n}@example.com")
        refused = self.client.post(
            RESET,
            {"email": "editor@example.edu.cn"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_ACCEPT_LANGUAGE="zh-hans",
        )
        self.assertContains(refused, "密码重置请求过多", status_code=429)
