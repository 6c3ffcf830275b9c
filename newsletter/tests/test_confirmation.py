"""Double opt-in, through a real SMTP server (aiosmtpd): the confirmation mail arrives in the language chosen, its link opens a page whose button
subscribes; nothing but that mail is sent before; a flood of sign-ups sends one mail an hour;
a forged, altered or expired link, or one whose address was deleted, is refused with a page in
the visitor's language.

The mail is the background worker's task: most tests run it at once when the sign-up commits
(the immediate backend, as news/tests/test_pictures.py does); `WorkerTests` runs the database
backend and its worker command, as in production."""

import datetime
import html
import re
import time
from urllib.parse import urlsplit

from django.core import signing
from django.core.cache import cache
from django.test import TestCase, TransactionTestCase, override_settings
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from news.tests.utils import Inbox, build_site, make_column, research_column, run_worker
from newsletter.models import Subscriber
from newsletter.subscribers import confirmation, tokens

FORM = {"en": "/en/newsletter/", "zh-hans": "/zh-hans/newsletter/"}
IMMEDIATE = {
    name: {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    for name in ("default", "background")
}


def text_in(language, message):
    with translation.override(language):
        return translation.gettext(message)


def h1(response):
    return html.unescape(
        re.search(r'<h1 class="page-title">(.*?)</h1>', response.content.decode()).group(1)
    )


def part(message, kind):
    """The text of `message`'s part of content type `kind` ("text/plain", "text/html")."""
    return next(p for p in message.walk() if p.get_content_type() == kind).get_content()


def link_in(message):
    """The confirmation link of the plain-text part, as a path."""
    url = re.search(r"https?://\S+", part(message, "text/plain")).group(0)
    return url, urlsplit(url).path


class InboxMixin:
    def start_inbox(self, **settings):
        cache.clear()  # the sign-up's rate limit
        self.inbox = Inbox().start(self)
        smtp = override_settings(**self.inbox.settings, **settings)
        smtp.enable()
        self.addCleanup(smtp.disable)

    def mails(self, count=1):
        """The messages received, waiting for `count` (and a moment for any more)."""
        self.inbox.wait(count)
        time.sleep(0.2)
        return self.inbox.messages()


class ConfirmationTestCase(InboxMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.research = research_column()
        cls.campus = make_column("Campus", "校园", "campus", "xiaoyuan")

    def setUp(self):
        self.start_inbox(TASKS=IMMEDIATE)

    def sign_up(self, page="en", address="reader@example.org", ip="192.0.2.1", **fields):
        """A sign-up committed (the worker's task run at once)."""
        data = {"email": address, "language": page, **fields}
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(FORM[page], data, REMOTE_ADDR=ip)
        return response


class DoubleOptInTests(ConfirmationTestCase):
    def test_the_mail_in_chinese_confirms_chinese_and_the_columns_chosen(self):
        response = self.sign_up(
            "en", "Reader@Example.org", language="zh-hans", columns=[self.research.pk]
        )
        self.assertEqual(response.status_code, 200)
        (message,) = self.mails()
        self.assertEqual(message["To"], "Reader@example.org")
        self.assertEqual(message["From"], Inbox.FROM)
        self.assertEqual(
            message["Subject"].strip(),  # Django folds a long encoded subject
            text_in("zh-hans", "Confirm your subscription to the %(site)s newsletter")
            % {"site": "北理工新闻"},
        )
        url, path = link_in(message)
        self.assertTrue(url.startswith("http://testserver/zh-hans/newsletter/confirm/"), url)
        self.assertIn(f'href="{url}"', part(message, "text/html"))
        self.assertIn('lang="zh-hans"', part(message, "text/html"))
        self.assertIn(
            text_in("zh-hans", "To confirm, open this link and press “Confirm”:"),
            part(message, "text/plain"),
        )

        # A mail scanner following the link subscribes nobody: the page asks for the button.
        page = self.client.get(path)
        self.assertEqual(page.status_code, 200)
        self.assertIn('<html lang="zh-hans">', page.content.decode())
        self.assertEqual(h1(page), text_in("zh-hans", "Confirm your subscription"))
        self.assertContains(page, f'action="{path}" method="post"')
        self.assertIn("no-store", page["Cache-Control"])
        self.assertEqual(Subscriber.objects.get().status, Subscriber.Status.PENDING)

        confirmed = self.client.post(path)
        self.assertEqual(confirmed.status_code, 200)
        self.assertEqual(h1(confirmed), text_in("zh-hans", "You're subscribed"))
        subscriber = Subscriber.objects.get()
        self.assertEqual(subscriber.status, Subscriber.Status.ACTIVE)
        self.assertEqual(subscriber.language, "zh-hans")
        self.assertEqual(list(subscriber.columns.all()), [self.research])
        self.assertIsNotNone(subscriber.confirmed_at)
        self.assertEqual(len(self.mails()), 1)  # nothing but the confirmation was sent

    def test_the_mail_in_english_has_an_english_subject_and_link(self):
        self.sign_up("zh-hans", language="en")
        (message,) = self.mails()
        self.assertEqual(
            message["Subject"].strip(), "Confirm your subscription to the BIT News newsletter"
        )
        url, path = link_in(message)
        self.assertTrue(path.startswith("/en/newsletter/confirm/"), url)
        self.assertIn("Someone, probably you, asked", part(message, "text/plain"))
        self.assertEqual(self.client.post(path).status_code, 200)
        self.assertEqual(Subscriber.objects.get().language, "en")

    def test_a_flood_of_sign_ups_for_one_address_sends_one_mail_an_hour(self):
        for n in range(12):  # from many visitor addresses, in any case
            address = "reader@example.org" if n % 2 else "READER@Example.ORG"
            response = self.sign_up("en", address, ip=f"192.0.2.{n + 1}")
            self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self.mails()), 1)
        self.assertEqual(Subscriber.objects.count(), 1)
        # an hour later, one more
        Subscriber.objects.update(
            confirmation_sent_at=timezone.now() - datetime.timedelta(minutes=61)
        )
        self.sign_up("en", ip="192.0.2.100")
        self.sign_up("en", ip="192.0.2.101")
        self.assertEqual(len(self.mails(2)), 2)

    def test_an_address_already_subscribed_is_sent_nothing(self):
        Subscriber.objects.create(email="reader@example.org", status=Subscriber.Status.ACTIVE)
        response = self.sign_up("en")
        self.assertEqual(h1(response), "Check your inbox")
        self.assertEqual(self.mails(0), [])

    def test_an_unsubscribed_address_signs_up_again_through_confirmation(self):
        gone = Subscriber.objects.create(
            email="reader@example.org",
            status=Subscriber.Status.UNSUBSCRIBED,
            unsubscribed_at=timezone.now(),
        )
        gone.columns.set([self.research])
        self.sign_up("en", language="zh-hans", columns=[self.campus.pk])
        gone.refresh_from_db()
        self.assertEqual(gone.status, Subscriber.Status.UNSUBSCRIBED)  # until confirmed
        (message,) = self.mails()
        self.client.post(link_in(message)[1])
        gone.refresh_from_db()
        self.assertEqual((gone.status, gone.language), (Subscriber.Status.ACTIVE, "zh-hans"))
        self.assertEqual(list(gone.columns.all()), [self.campus])

    def test_a_subscriber_deleted_before_the_worker_runs_is_sent_nothing(self):
        deleted = Subscriber.objects.create(email="reader@example.org")
        deleted.delete()
        self.assertEqual(confirmation.send_confirmation.call(deleted.pk, "en", []), "deleted")
        self.assertEqual(self.mails(0), [])


class InvalidLinkTests(ConfirmationTestCase):
    def setUp(self):
        super().setUp()
        self.subscriber = Subscriber.objects.create(email="reader@example.org")

    def assert_invalid(self, path, language):
        for method in (self.client.get, self.client.post):
            response = method(path)
            self.assertEqual(response.status_code, 400)
            html = response.content.decode()
            self.assertIn(f'<html lang="{language}">', html)
            self.assertEqual(h1(response), text_in(language, "This link is invalid or has expired"))
            self.assertIn(f'href="{FORM[language]}"', html)  # sign up again
            self.assertIn("no-store", response["Cache-Control"])
        self.subscriber.refresh_from_db()
        self.assertEqual(self.subscriber.status, Subscriber.Status.PENDING)

    def test_a_forged_or_altered_link_is_refused_in_each_language(self):
        token = tokens.make("reader@example.org", "en", [])
        forged = signing.TimestampSigner(salt="another").sign_object(
            {"email": "reader@example.org", "language": "en", "columns": []}
        )
        for language in FORM:
            for bad in (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), forged, "x"):
                self.assert_invalid(f"{FORM[language]}confirm/{bad}/", language)

    def test_an_expired_link_is_refused_in_each_language(self):
        class EightDaysAgo(signing.TimestampSigner):
            def timestamp(self):
                return signing.b62_encode(int(time.time()) - 8 * 24 * 3600)

        old = EightDaysAgo(salt=tokens.SALT).sign_object(
            {"email": "reader@example.org", "language": "en", "columns": []}
        )
        for language in FORM:
            self.assert_invalid(f"{FORM[language]}confirm/{old}/", language)

    def test_a_link_still_works_on_its_seventh_day(self):
        class SixDaysAgo(signing.TimestampSigner):
            def timestamp(self):
                return signing.b62_encode(int(time.time()) - 6 * 24 * 3600)

        token = SixDaysAgo(salt=tokens.SALT).sign_object(
            {"email": "reader@example.org", "language": "en", "columns": []}
        )
        self.assertEqual(self.client.post(f"{FORM['en']}confirm/{token}/").status_code, 200)

    def test_the_link_of_an_address_deleted_since_subscribes_nobody(self):
        token = tokens.make("reader@example.org", "en", [])
        self.subscriber.delete()
        self.subscriber = Subscriber.objects.create(email="someone@example.org")
        self.assert_invalid(f"{FORM['en']}confirm/{token}/", "en")
        self.assertFalse(Subscriber.objects.filter(email="reader@example.org").exists())


class WorkerTests(InboxMixin, TransactionTestCase):
    """The database backend and its worker command, as in production: the sign-up commits and
    enqueues for real; the visitor's request sends nothing itself."""

    serialized_rollback = True

    def setUp(self):
        build_site()
        self.start_inbox()

    def test_the_visitors_request_sends_nothing_the_worker_sends_the_confirmation(self):
        response = self.client.post(
            FORM["zh-hans"], {"email": "reader@example.org", "language": "zh-hans"}
        )
        self.assertEqual(response.status_code, 200)
        time.sleep(0.2)
        self.assertEqual(self.inbox.envelopes, [])
        self.assertEqual(DBTaskResult.objects.filter(status="READY").count(), 1)
        run_worker()
        (message,) = self.mails()
        self.assertEqual(self.inbox.envelopes[0].rcpt_tos, ["reader@example.org"])
        path = link_in(message)[1]
        self.assertTrue(path.startswith("/zh-hans/newsletter/confirm/"), path)
        self.assertEqual(self.client.post(path).status_code, 200)
        self.assertEqual(Subscriber.objects.get().status, Subscriber.Status.ACTIVE)
