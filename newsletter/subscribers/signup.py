"""What a sign-up and a confirmation write (the views call these; the visitor is told nothing
of the address's state).

A sign-up: a new address gets a row, waiting for confirmation, with the language and columns
chosen; an existing row is left as it is (an unsubscribed or waiting address stays so until
its owner confirms: someone else's sign-up changes nothing of theirs). Unless the address is
already subscribed, one confirmation mail is asked for, at most one an hour per address: the
row's `confirmation_sent_at` is claimed by a single UPDATE, so of a flood of simultaneous
sign-ups one wins. A confirmation: the address becomes subscribed with the language and
columns its link carries."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from news.models import Column

from ..models import Subscriber
from . import confirmation

RESEND_AFTER = datetime.timedelta(hours=1)


def sign_up(email, language, columns):
    """Record the sign-up of `email` (accepted by validation.py) and ask for its
    confirmation mail when one may be sent; whether a mail was asked for."""
    column_ids = sorted(column.pk for column in columns)
    with transaction.atomic():
        subscriber, created = Subscriber.objects.get_or_create(
            email__iexact=email, defaults={"email": email, "language": language}
        )
        if created:
            subscriber.columns.set(column_ids)
        if subscriber.status == Subscriber.Status.ACTIVE:
            return False
        now = timezone.now()
        unclaimed = Q(confirmation_sent_at__isnull=True) | Q(
            confirmation_sent_at__lte=now - RESEND_AFTER
        )
        claimed = Subscriber.objects.filter(unclaimed, pk=subscriber.pk).update(
            confirmation_sent_at=now
        )
        if claimed:
            confirmation.enqueue_after_commit(subscriber.pk, language, column_ids)
        return bool(claimed)


def confirm(choice):
    """Subscribe the address of `choice` (a read token) with its language and columns; the
    subscriber, or None when the address has no row (its data deleted since)."""
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update().filter(email__iexact=choice["email"]).first()
        )
        if subscriber is None:
            return None
        if subscriber.status != Subscriber.Status.ACTIVE:
            subscriber.status = Subscriber.Status.ACTIVE
            subscriber.confirmed_at = timezone.now()
        subscriber.language = choice["language"]
        subscriber.failures = 0
        subscriber.save()
        subscriber.columns.set(Column.objects.filter(pk__in=choice["columns"]))
    return subscriber
