"""The confirmation mail, sent by the background worker (django-tasks, the "background"
backend, as news/pictures/tasks.py): plain text and a simple HTML part, in the language chosen
at sign-up, with the signed link (tokens.py) at its absolute address (newsletter/addresses.py).

The HTML part has its styles inline (a mail client keeps no stylesheet): it is a mail, never a
page served under the site's Content-Security-Policy. Everything in it is escaped by the
template engine; the only value from the visitor is the address, which the mail does not show.
"""

import logging

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task
from wagtail.models import Site

from news.models import SiteSettings

from .. import addresses
from ..models import Subscriber
from . import tokens

logger = logging.getLogger("newsletter")

BACKEND = "background"  # settings.TASKS


def site_name():
    """The site's name in the active language (the default Site's settings)."""
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).site_name if site else addresses.base_url()


def confirmation_link(email, language, column_ids):
    with translation.override(language):
        path = reverse("newsletter_confirm", args=[tokens.make(email, language, column_ids)])
    return addresses.absolute(path)


def message(subscriber, language, column_ids):
    """The confirmation mail to `subscriber`, in `language`."""
    with translation.override(language):
        context = {
            "site_name": site_name(),
            "link": confirmation_link(subscriber.email, language, column_ids),
            "valid_days": tokens.VALID_FOR.days,
            "signup_url": addresses.absolute(reverse("newsletter")),
            "language_code": language,
        }
        subject = gettext("Confirm your subscription to the %(site)s newsletter") % {
            "site": context["site_name"]
        }
        text = render_to_string("newsletter/confirmation_mail.txt", context)
        html = render_to_string("newsletter/confirmation_mail.html", context)
    mail = EmailMultiAlternatives(subject, text, to=[subscriber.email])
    mail.attach_alternative(html, "text/html")
    return mail


@task(backend=BACKEND)
def send_confirmation(subscriber_id, language, column_ids):
    """Mail subscriber `subscriber_id` the link that confirms `language` and `column_ids`.
    A subscriber deleted meanwhile is sent nothing."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return "deleted"
    message(subscriber, language, column_ids).send()
    return "sent"


def enqueue_after_commit(subscriber_id, language, column_ids):
    """Ask the worker for the mail once the sign-up is committed; a failure to ask is logged,
    never shown to the visitor (who sees the same page whatever happens)."""

    def enqueue():
        try:
            send_confirmation.enqueue(subscriber_id, language, column_ids)
        except Exception:
            logger.exception(
                "subscriber %s: could not ask for the confirmation mail", subscriber_id
            )

    transaction.on_commit(enqueue, robust=True)
