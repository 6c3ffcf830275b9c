"""Rendering the issue's two parts and building the message, with its headers."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext, pgettext
from wagtail.models import Site

from news import languages
from news.models import SiteSettings

from ..addresses import absolute
from ..tokens import unsubscribe_token
from .content import IMAGE_WIDTH, chosen, stories_of

# Rendered in its place, then replaced by each recipient's own address.
PLACEHOLDER = "NEWSLETTERUNSUBSCRIBEADDRESSPLACEHOLDER"


def site_name():
    """The site's name in the active language (Settings › Site settings)."""
    site = Site.objects.filter(is_default_site=True).first()
    found = site and SiteSettings.for_site(site).site_name
    return found or settings.WAGTAIL_SITE_NAME


def unsubscribe_url(issue_language, subscriber_id):
    """The subscriber's unsubscribe address, in the language of the mail."""
    with translation.override(issue_language):
        return absolute(reverse("newsletter_unsubscribe", args=[unsubscribe_token(subscriber_id)]))


def archive_url(issue):
    with translation.override(issue.language):
        return absolute(reverse("newsletter_issue", args=[issue.pk]))


class Composer:
    """The mails of one issue: its stories read once, each choice of stories rendered once."""

    def __init__(self, issue):
        self.issue = issue
        self.stories = stories_of(issue)
        with translation.override(issue.language):
            self.site_name = site_name()
        self._rendered = {}

    def parts(self, column_ids=()):
        """(text, html) for a recipient who chose `column_ids`, with PLACEHOLDER where their
        unsubscribe address goes; None when none of the issue's stories is theirs."""
        stories = chosen(self.stories, set(column_ids))
        if not stories:
            return None
        key = tuple(story.id for story in stories)
        if key not in self._rendered:
            self._rendered[key] = self._render(stories)
        return self._rendered[key]

    def _render(self, stories):
        issue = self.issue
        context = {
            "issue": issue,
            "subject": issue.subject,
            "introduction": issue.introduction,
            "stories": stories,
            "site_name": self.site_name,
            "language_tag": languages.get(issue.language).tag,
            "image_width": IMAGE_WIDTH,
            "unsubscribe_url": PLACEHOLDER,
            "archive_url": archive_url(issue) if issue.pk else "",
            "home_url": absolute(f"/{issue.language}/"),
        }
        with translation.override(issue.language):
            text = render_to_string("newsletter/mail/issue.txt", context)
            html = render_to_string("newsletter/mail/issue.html", context)
        return text, html

    def message(self, email, subscriber_id, column_ids=(), subject_prefix=""):
        """The mail to `email` (EmailMultiAlternatives), or None when nothing is theirs."""
        parts = self.parts(column_ids)
        if parts is None:
            return None
        text, html = parts
        address = unsubscribe_url(self.issue.language, subscriber_id)
        message = EmailMultiAlternatives(
            subject=subject_prefix + self.issue.subject,
            body=text.replace(PLACEHOLDER, address),
            to=[email],
            headers={
                "List-Unsubscribe": f"<{address}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Content-Language": languages.get(self.issue.language).tag,
            },
        )
        message.attach_alternative(html.replace(PLACEHOLDER, escape(address)), "text/html")
        return message


def test_message(issue, email):
    """The mail as a subscriber of every column would get it, to `email`, its subject marked
    "[Test]"; its unsubscribe link names no subscriber (it answers 404)."""
    with translation.override(issue.language):
        label = pgettext("newsletter test mail", "Test")
    prefix = f"[{label}] "
    return Composer(issue).message(email, 0, subject_prefix=prefix)


def preview(issue, mode_name):
    """The admin's preview: the mail's HTML, or its plain text."""
    parts = Composer(issue).parts()
    if parts is None:
        with translation.override(issue.language):
            text = gettext("This issue has no stories yet.")
        return HttpResponse(text, content_type="text/plain; charset=utf-8")
    address = unsubscribe_url(issue.language, 0)
    text, html = parts
    if mode_name == "text":
        return HttpResponse(
            text.replace(PLACEHOLDER, address), content_type="text/plain; charset=utf-8"
        )
    return HttpResponse(html.replace(PLACEHOLDER, escape(address)))
