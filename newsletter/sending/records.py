"""The deliveries' records: fixing the recipients, claiming a mail, recording what SMTP said."""

import smtplib

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from ..models import Delivery, Subscriber
from . import settings

Status = Delivery.Status


def fix_recipients(issue):
    """A queued delivery for every active subscriber of the issue's language, the first time
    it is sent; later sends (a correction published) add nobody. How many it has."""
    with transaction.atomic():
        if not Delivery.objects.filter(issue=issue).exists():
            subscribers = Subscriber.objects.filter(
                status=Subscriber.Status.ACTIVE, language=issue.language
            ).values_list("pk", flat=True)
            Delivery.objects.bulk_create(
                [Delivery(issue=issue, subscriber_id=pk) for pk in subscribers.iterator()],
                batch_size=1000,
                ignore_conflicts=True,
            )
    return Delivery.objects.filter(issue=issue).count()


def mark_uncertain(issue):
    """Mails left "sending" longer than a run lasts before the next is due: their worker
    died while sending them. Maybe sent, never sent again."""
    stale = timezone.now() - settings.resume_after()
    return Delivery.objects.filter(issue=issue, status=Status.SENDING, claimed_at__lt=stale).update(
        status=Status.UNCERTAIN, error="The worker stopped while sending it."
    )


def ready(issue):
    """The deliveries that may be sent now."""
    return Delivery.objects.filter(issue=issue, status=Status.QUEUED).filter(
        Q(retry_after__isnull=True) | Q(retry_after__lte=timezone.now())
    )


def unfinished(issue):
    """Whether anything is still to send (now or later) or in flight."""
    return Delivery.objects.filter(issue=issue, status__in=(Status.QUEUED, Status.SENDING)).exists()


def next_batch(issue):
    """The next deliveries to send, with their subscribers and the columns they chose; those
    whose subscriber is no longer active are skipped on the way."""
    batch = list(
        ready(issue)
        .select_related("subscriber")
        .prefetch_related("subscriber__columns")
        .order_by("pk")[: settings.BATCH]
    )
    gone = [d.pk for d in batch if d.subscriber.status != Subscriber.Status.ACTIVE]
    if gone:
        Delivery.objects.filter(pk__in=gone, status=Status.QUEUED).update(
            status=Status.SKIPPED, error="Not subscribed any more."
        )
    return [d for d in batch if d.pk not in gone]


def claim(delivery, recording=()):
    """Take `delivery` for this run (committed before SMTP hears of it); False when another
    run took it first. `recording`: what the mails before it came to (functions that record
    it), written in the same transaction: one commit a mail."""
    with transaction.atomic():
        for record in recording:
            record()
        taken = Delivery.objects.filter(pk=delivery.pk, status=Status.QUEUED).update(
            status=Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
        )
    return taken == 1


def write(recording):
    """What the last mails came to, when no claim follows."""
    with transaction.atomic():
        for record in recording:
            record()


def skipped(delivery):
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Status.SKIPPED, error="None of the issue's stories is in their columns."
    )


def sent(delivery):
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Status.SENT, sent_at=timezone.now(), error=""
    )
    if delivery.subscriber.failures:  # as loaded with the batch: most have none to reset
        Subscriber.objects.filter(pk=delivery.subscriber_id).update(failures=0)


def refusal(error):
    """(code, text) of an SMTP refusal of one mail, or None when it is no refusal (the server
    away, the connection lost: nobody's fault but ours, the mail waits)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()))
        return code, text
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code, error.smtp_error
    return None


def failed(delivery, code, text):
    """A refusal: 4xx tried again later (MAX_ATTEMPTS in all), 5xx final; either counts on the
    subscriber, who is paused after PAUSE_AFTER in a row."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    error = f"{code} {text}"[:1000]
    attempts = delivery.attempts + 1  # the claim's increment, not on this copy
    with transaction.atomic():
        if 400 <= code < 500 and attempts < settings.MAX_ATTEMPTS:
            Delivery.objects.filter(pk=delivery.pk).update(
                status=Status.QUEUED,
                error=error,
                retry_after=timezone.now() + settings.retry_after(attempts),
            )
        else:
            Delivery.objects.filter(pk=delivery.pk).update(status=Status.FAILED, error=error)
        subscribers = Subscriber.objects.filter(pk=delivery.subscriber_id)
        subscribers.update(failures=F("failures") + 1)
        subscribers.filter(
            failures__gte=settings.PAUSE_AFTER, status=Subscriber.Status.ACTIVE
        ).update(status=Subscriber.Status.PAUSED)


def put_back(delivery, error):
    """The connection failed, not the address: the mail waits for the next run."""
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Status.QUEUED,
        attempts=F("attempts") - 1,
        error=str(error)[:1000],
        retry_after=timezone.now() + settings.retry_after(1),
    )
