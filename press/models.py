"""The press room's own records: the media contacts on the press page, and the embargoed
preview links a moderator gives journalists (with each time one was opened).

A press release itself is a news story (`ArticlePage.press_release`, news/models/release.py).
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel

from news import languages
from news.cache.tags import ListedQuerySet
from news.panels import BilingualRowPanel

# What the press page records when it lists the contacts, and a contact written invalidates
# (press/apps.py), so that a first contact added shows too.
CONTACTS_LIST = "list:media-contacts"


class MediaContact(models.Model):
    """A person journalists may call or write to, listed on the press page in the order an
    editor gives. `name` and `role` are translated (press/translation.py), both languages
    required."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"), max_length=200, help_text=_("e.g. Press officer, News Office")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    panels = [
        BilingualRowPanel([FieldPanel("name")]),
        BilingualRowPanel([FieldPanel("role")]),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("sort_order"),
    ]

    cache_list_tags = (CONTACTS_LIST,)
    objects = ListedQuerySet.as_manager()

    class Meta:
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name


def token_digest(token):
    """What is stored of a link's token: its SHA-256, never the token itself."""
    return hashlib.sha256(token.encode()).hexdigest()


class PreviewLinkQuerySet(models.QuerySet):
    def usable(self, now=None):
        """Links that still open: not revoked, not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class PreviewLink(models.Model):
    """A link that shows one press release before its embargo, to the journalist or outlet it
    is named for, without signing in. Only the SHA-256 of its random token is kept: the link
    is shown once, when it is made (press/links.py)."""

    page = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="press_preview_links",
    )
    name = models.CharField(
        _("for"),
        max_length=200,
        help_text=_("The journalist or outlet this link is given to."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made"), auto_now_add=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("embargoed preview link")
        verbose_name_plural = _("embargoed preview links")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.name

    def state(self, now=None):
        """Revoked, Expired or Open, as the list of links names it."""
        if self.revoked_at:
            return pgettext_lazy("preview link state", "Revoked")
        if self.expires_at <= (now or timezone.now()):
            return pgettext_lazy("preview link state", "Expired")
        return pgettext_lazy("preview link state", "Open")

    @property
    def usable(self):
        return self.revoked_at is None and self.expires_at > timezone.now()


class PreviewOpening(models.Model):
    """One time a preview link was opened: when, nothing about who (no address kept)."""

    link = models.ForeignKey(PreviewLink, on_delete=models.CASCADE, related_name="openings")
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True, db_index=True)
    # the language of the address opened
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=[(language.code, language.name) for language in languages.LANGUAGES],
    )

    class Meta:
        verbose_name = _("preview link opening")
        verbose_name_plural = _("preview link openings")
        ordering = ["-opened_at", "-pk"]

    def __str__(self):
        return f"{self.link} {self.opened_at:%Y-%m-%d %H:%M}"
