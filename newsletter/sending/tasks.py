"""The worker's tasks: sending an issue to its subscribers, and one test mail."""

import functools
import logging
import time

from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from ..mail import Composer, test_message
from ..models import NewsletterIssue
from . import records, settings

logger = logging.getLogger("newsletter")


class ConnectionTrouble(Exception):
    """SMTP failed for a reason that is no refusal of a mail: this run stops."""


class Pace:
    """Keeps the sending at `rate` mails a second (0: unlimited)."""

    def __init__(self, rate):
        self.interval = 1 / rate if rate > 0 else 0
        self.next = time.monotonic()

    def wait(self):
        if self.interval:
            now = time.monotonic()
            if self.next > now:
                time.sleep(self.next - now)
            self.next = max(self.next, now) + self.interval


@task(backend=settings.BACKEND)
def send_issue(issue_id):
    """Send issue `issue_id` to every recipient not sent it yet; what was done."""
    issue = NewsletterIssue.objects.filter(pk=issue_id, live=True).first()
    if issue is None:
        return "not published"
    records.fix_recipients(issue)
    records.mark_uncertain(issue)
    if records.unfinished(issue):
        resume_later(issue_id)
    composer = Composer(issue)
    pace = Pace(settings.rate())
    counts = {"sent": 0, "failed": 0, "skipped": 0}
    try:
        while batch := records.next_batch(issue):
            send_batch(composer, batch, pace, counts)
    except ConnectionTrouble as error:
        logger.warning("newsletter %s: sending stopped, resumed later: %s", issue_id, error)
    logger.info("newsletter %s: %s", issue_id, counts)
    return counts


def send_batch(composer, batch, pace, counts):
    """Send `batch` through one SMTP connection, each mail claimed before it is sent; what it
    came to is written with the next claim (a worker killed in between leaves that mail
    "sending": uncertain, never sent again)."""
    connection = get_connection(fail_silently=False)
    recording = []
    try:
        for delivery in batch:
            subscriber = delivery.subscriber
            message = composer.message(
                subscriber.email,
                subscriber.pk,
                column_ids=[column.pk for column in subscriber.columns.all()],
            )
            if message is None:
                recording.append(functools.partial(records.skipped, delivery))
                counts["skipped"] += 1
                continue
            claimed = records.claim(delivery, recording)
            recording = []
            if not claimed:
                continue
            pace.wait()
            message.connection = connection
            try:
                message.send()
            except Exception as error:
                refused = records.refusal(error)
                if refused is None:
                    records.put_back(delivery, error)
                    raise ConnectionTrouble(error) from error
                records.failed(delivery, *refused)
                counts["failed"] += 1
            else:
                recording.append(functools.partial(records.sent, delivery))
                counts["sent"] += 1
    finally:
        records.write(recording)
        try:
            connection.close()
        except Exception:  # noqa: BLE001 - a connection already lost
            logger.debug("newsletter: closing the SMTP connection failed", exc_info=True)


def resume_later(issue_id):
    """The next run of this send, due when this one should be long done: it resumes a run that
    was killed, and tries again the mails refused for now."""
    later = send_issue
    if later.get_backend().supports_defer:
        later = later.using(run_after=timezone.now() + settings.resume_after())
        later.enqueue(issue_id)


@task(backend=settings.BACKEND)
def send_test(issue_id, email):
    """The issue as it is being edited (its latest revision) to `email` alone, subject marked
    "[Test]"; nothing recorded per subscriber."""
    issue = NewsletterIssue.objects.filter(pk=issue_id).first()
    if issue is None:
        return "deleted"
    issue = issue.get_latest_revision_as_object()
    message = test_message(issue, email)
    if message is None:
        return "no stories"
    message.send()
    return "sent"


def enqueue_send(issue):
    """Ask the worker to send `issue` once the transaction that published it commits."""
    issue_id = issue.pk
    transaction.on_commit(lambda: send_issue.enqueue(issue_id), robust=True)


def issue_published(sender, instance, **kwargs):
    """Wagtail's `published` signal for an issue (at once, or by `publish_scheduled`)."""
    enqueue_send(instance)
