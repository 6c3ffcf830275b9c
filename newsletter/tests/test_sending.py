"""Publishing an issue sends it, by the worker, through a real SMTP server (aiosmtpd): what
arrived, to whom, and what was recorded."""

import datetime
import io
import re
import time

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import Revision

from news.factories import ArticlePageFactory
from news.tests.utils import build_site, make_column, new_image, url_in
from newsletter.models import Delivery, Subscriber
from newsletter.sending import settings as sending
from newsletter.sending.tasks import send_issue, send_test

from .utils import Mailbox, SMTPServer, issue_of, parts, publish, subscriber

Status = Delivery.Status
# The tasks run where they are enqueued (the worker's database backend closes the test's
# connection on PostgreSQL); the real worker, in its own process: test_resume.py.
IMMEDIATE = {
    name: {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    for name in ("default", "background")
}


@override_settings(
    WAGTAILADMIN_BASE_URL="https://news.example.edu", NEWSLETTER_RATE=0, TASKS=IMMEDIATE
)
class SendingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.research = make_column("Research", "科研进展", "research", "keyan")
        cls.campus = make_column("Campus", "校园", "campus", "xiaoyuan")
        cls.photo = new_image(title="lab")
        cls.first = ArticlePageFactory(
            parent=cls.index, column=cls.research, lead_image=cls.photo, lead_image_alt_en="A lab"
        )
        cls.second = ArticlePageFactory(parent=cls.index, column=cls.campus)

    def send(self, issue, mailbox=None):
        with SMTPServer(mailbox) as arrived, self.captureOnCommitCallbacks(execute=True):
            publish(issue)  # its send enqueued, and run, after the commit
        return arrived

    def test_a_subscriber_gets_the_issue_with_both_parts_and_absolute_links(self):
        subscriber("reader@example.org")
        arrived = self.send(issue_of([self.first, self.second]))
        [message] = arrived.to("reader@example.org")
        self.assertEqual(message["Subject"], "This week")
        text, html = parts(message)
        self.assertIn("Hello readers.", text)
        self.assertIn(self.first.title, text)
        story = f"https://news.example.edu{url_in(self.first)}"
        self.assertIn(story, text)
        self.assertIn('<html lang="en">', html)
        self.assertIn(f'<a href="{story}" style=', html)
        self.assertIn("BIT News", html)
        # the lead image by absolute address on the site, nothing from any other host
        images = re.findall(r'<img src="([^"]+)"', html)
        self.assertEqual(len(images), 1)
        self.assertTrue(images[0].startswith("https://news.example.edu/media/images/"))
        hosts = set(re.findall(r'(?:src|href)="https?://([^/"]+)', html))
        self.assertEqual(hosts, {"news.example.edu"})
        self.assertNotIn("<link", html)  # no external style sheet
        self.assertNotIn("<script", html)

    def test_the_headers_offer_one_click_unsubscribe(self):
        reader = subscriber("reader@example.org")
        arrived = self.send(issue_of([self.first]))
        [message] = arrived.to("reader@example.org")
        link = message["List-Unsubscribe"].strip()  # folded: a long line
        self.assertRegex(link, r"^<https://news\.example\.edu/en/newsletter/unsubscribe/[^>]+/>$")
        self.assertEqual(message["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        text, html = parts(message)
        self.assertIn(link[1:-1], text)
        self.assertIn(f'href="{link[1:-1]}"', html)
        # the mail client's one-click POST, with no cookie and no CSRF token
        path = link[1:-1].removeprefix("https://news.example.edu")
        client = self.client_class(enforce_csrf_checks=True)
        response = client.post(
            path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        self.assertEqual(response.status_code, 200)
        reader.refresh_from_db()
        self.assertEqual(reader.status, Subscriber.Status.UNSUBSCRIBED)

    def test_chinese_subscribers_get_the_chinese_issue_in_chinese(self):
        subscriber("duzhe@example.cn", language="zh-hans")
        subscriber("reader@example.org")
        arrived = self.send(issue_of([self.first], language="zh-hans", subject="本周新闻"))
        self.assertEqual(arrived.to("reader@example.org"), [])
        [message] = arrived.to("duzhe@example.cn")
        self.assertEqual(message["Subject"], "本周新闻")
        text, html = parts(message)
        self.assertIn('<html lang="zh-Hans">', html)
        self.assertIn(self.first.title_zh_hans, html)
        self.assertIn(f"https://news.example.edu{url_in(self.first, 'zh-hans')}", text)
        self.assertIn("北理工新闻", html)  # the site's name in Chinese
        self.assertIn("/zh-hans/newsletter/unsubscribe/", message["List-Unsubscribe"])

    def test_nothing_is_sent_to_unconfirmed_paused_or_unsubscribed_addresses(self):
        subscriber("pending@example.org", status=Subscriber.Status.PENDING)
        subscriber("paused@example.org", status=Subscriber.Status.PAUSED)
        subscriber("gone@example.org", status=Subscriber.Status.UNSUBSCRIBED)
        subscriber("reader@example.org")
        arrived = self.send(issue_of([self.first]))
        self.assertEqual([rcpt for rcpt, _m in arrived.messages], [["reader@example.org"]])
        self.assertEqual(Delivery.objects.count(), 1)

    def test_a_subscriber_of_some_columns_gets_only_their_stories_or_nothing(self):
        subscriber("research@example.org", columns=[self.research])
        subscriber("sport@example.org", columns=[make_column("Sport", "体育", "sport", "tiyu")])
        arrived = self.send(issue_of([self.first, self.second]))
        [message] = arrived.to("research@example.org")
        text, _html = parts(message)
        self.assertIn(self.first.title, text)
        self.assertNotIn(self.second.title, text)
        self.assertEqual(arrived.to("sport@example.org"), [])
        self.assertEqual(
            Delivery.objects.get(subscriber__email="sport@example.org").status, Status.SKIPPED
        )

    def test_publishing_again_sends_nobody_a_second_copy(self):
        subscriber("reader@example.org")
        issue = issue_of([self.first])
        arrived = self.send(issue)
        subscriber("late@example.org")  # signed up after the issue went out
        issue.subject = "This week (corrected)"
        self.send(issue, arrived)
        self.assertEqual(len(arrived.to("reader@example.org")), 1)
        self.assertEqual(arrived.to("late@example.org"), [])

    def test_refusals_are_recorded_and_three_in_a_row_pause_the_subscriber(self):
        bad = subscriber("nobody@example.org")
        good = subscriber("reader@example.org")
        mailbox = Mailbox(refuse={"nobody@example.org": "550 5.1.1 No such user"})
        for week in range(sending.PAUSE_AFTER):
            bad.refresh_from_db()
            self.assertEqual(bad.status, Subscriber.Status.ACTIVE)
            self.send(issue_of([self.first], subject=f"Week {week}"), mailbox)
        failed = Delivery.objects.filter(subscriber=bad)
        self.assertEqual({d.status for d in failed}, {Status.FAILED})
        self.assertIn("550 5.1.1 No such user", failed.first().error)
        bad.refresh_from_db()
        self.assertEqual((bad.status, bad.failures), (Subscriber.Status.PAUSED, 3))
        good.refresh_from_db()
        self.assertEqual(good.failures, 0)
        self.assertEqual(len(mailbox.to("reader@example.org")), 3)
        # the paused address gets nothing more
        self.send(issue_of([self.first], subject="Week 4"), mailbox)
        self.assertEqual(failed.count(), 3)

    def test_a_refusal_for_now_is_tried_again_a_bounded_number_of_times(self):
        reader = subscriber("busy@example.org")
        mailbox = Mailbox(refuse={"busy@example.org": "451 4.3.0 Try again later"})
        issue = issue_of([self.first])
        self.send(issue, mailbox)
        delivery = Delivery.objects.get(subscriber=reader)
        self.assertEqual((delivery.status, delivery.attempts), (Status.QUEUED, 1))
        self.assertIsNotNone(delivery.retry_after)  # later, not in this run
        for _later in range(sending.MAX_ATTEMPTS):  # one more than it takes
            Delivery.objects.update(retry_after=None)  # due now
            with SMTPServer(mailbox):
                send_issue.call(issue.pk)  # the run enqueued for later
        delivery.refresh_from_db()
        self.assertEqual((delivery.status, delivery.attempts), (Status.FAILED, 3))
        self.assertIn("451 4.3.0 Try again later", delivery.error)

    def test_a_success_resets_the_count_of_failures(self):
        reader = subscriber("reader@example.org")
        Subscriber.objects.filter(pk=reader.pk).update(failures=2)
        self.send(issue_of([self.first]))
        reader.refresh_from_db()
        self.assertEqual(reader.failures, 0)

    @override_settings(NEWSLETTER_RATE=20)
    def test_the_rate_is_kept(self):
        for n in range(11):
            subscriber(f"reader{n}@example.org")
        started = time.monotonic()
        arrived = self.send(issue_of([self.second]))
        self.assertEqual(len(arrived.messages), 11)
        self.assertGreaterEqual(time.monotonic() - started, 10 / 20)

    def test_a_test_mail_goes_to_one_address_and_records_nothing(self):
        subscriber("reader@example.org")
        issue = issue_of([self.first], subject="Draft issue")
        with SMTPServer() as arrived:
            send_test.enqueue(issue.pk, "editor@example.edu")
        [(rcpt, message)] = arrived.messages
        self.assertEqual(rcpt, ["editor@example.edu"])
        self.assertEqual(message["Subject"], "[Test] Draft issue")
        self.assertFalse(Delivery.objects.exists())
        issue.refresh_from_db()
        self.assertFalse(issue.live)

    def test_an_issue_scheduled_is_sent_when_its_time_comes(self):
        subscriber("reader@example.org")
        issue = issue_of([self.first])
        issue.go_live_at = timezone.now() + datetime.timedelta(hours=1)
        with SMTPServer() as arrived:
            with self.captureOnCommitCallbacks(execute=True):
                issue.save_revision().publish()  # scheduled: nothing sent yet
            self.assertEqual(arrived.messages, [])
            self.assertFalse(Delivery.objects.exists())
            # an hour later
            past = timezone.now() - datetime.timedelta(minutes=1)
            revision = Revision.objects.get(pk=issue.latest_revision_id)
            revision.content["go_live_at"] = past.isoformat()
            revision.approved_go_live_at = past
            revision.save()
            with self.captureOnCommitCallbacks(execute=True):
                call_command("publish_scheduled", stdout=io.StringIO())
        self.assertEqual(len(arrived.to("reader@example.org")), 1)

    def test_deleting_a_subscriber_deletes_their_deliveries(self):
        reader = subscriber("reader@example.org")
        self.send(issue_of([self.first]))
        self.assertEqual(Delivery.objects.filter(subscriber=reader).count(), 1)
        reader.delete()
        self.assertFalse(Delivery.objects.exists())
