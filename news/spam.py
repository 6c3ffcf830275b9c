"""A public form's defences against robots, without any third-party service: the contact form
(news/models/site_pages.py) and the apps' forms (the newsletter's sign-up) use the same ones.

- The honeypot (`HONEYPOT`, `honeypot_field()`): a field people do not see (hidden by CSS,
  `.contact-form__trap`, skipped by the keyboard and screen readers) that a robot filling every
  field fills. Filled: the form answers 400 with a message, nothing kept or sent.
- A rate per visitor address (`posting_too_fast`): more than `limit` posts of one form a
  minute from one address (`client_ip`, counted in the cache by news/limits.py) → 429 with
  `Retry-After: RETRY_AFTER`.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import limits
from .visitor import client_ip

HONEYPOT = "homepage_url"
RETRY_AFTER = 60  # seconds: the window the rate counts in


def honeypot_field():
    """The honeypot's form field (name it `HONEYPOT`); never stored or sent."""
    return forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


def posting_too_fast(request, action, limit):
    """Whether this visitor address has posted form `action` more than `limit` times in the
    last RETRY_AFTER seconds (this post counted)."""
    return limits.exceeded(action, client_ip(request), limit, RETRY_AFTER)
