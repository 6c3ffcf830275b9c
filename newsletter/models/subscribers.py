"""Who receives the newsletter: one row per address, in the language they chose, with the
columns they asked for (none: every column)."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from news import languages


class Subscriber(models.Model):
    """An address that signed up for the newsletter. Nothing is sent to it before it is
    confirmed (double opt-in); an unsubscribed or paused address receives nothing; deleting
    the row is what "delete my data" does."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("subscriber status", "Waiting for confirmation")
        ACTIVE = "active", pgettext_lazy("subscriber status", "Subscribed")
        PAUSED = "paused", pgettext_lazy("subscriber status", "Paused (mail failing)")
        UNSUBSCRIBED = "unsubscribed", pgettext_lazy("subscriber status", "Unsubscribed")

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=[(language.code, language.name) for language in languages.LANGUAGES],
        default=languages.DEFAULT.code,
    )
    columns = models.ManyToManyField(
        "news.Column",
        blank=True,
        related_name="+",
        verbose_name=_("columns"),
        help_text=_("The columns whose stories they asked for; none means every column."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation last sent"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    failures = models.PositiveIntegerField(
        _("failed deliveries in a row"),
        default=0,
        help_text=_("Reset by a delivery that succeeds."),
    )

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "language"])]
        # one row per mailbox: "Ann@x.org" and "ann@x.org" are one (no second confirmation mail
        # by changing the case, newsletter/subscribers/signup.py)
        constraints = [
            models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_email_any_case")
        ]

    def __str__(self):
        return self.email

    def column_names(self):
        """The columns asked for, by name, for the admin's export; "" for every column."""
        return ", ".join(str(column) for column in self.columns.all())
