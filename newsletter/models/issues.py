"""An issue of the newsletter: what editors compose from the week's stories in one language,
preview as the mail, send to a test address, then publish, which sends it (newsletter/sending/).
Its deliveries are one row per recipient, fixed at the first send: what makes a send resumable
and what says who got it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
)

from news import languages

from .subscribers import Subscriber


class NewsletterIssue(
    PreviewableMixin, LockableMixin, DraftStateMixin, RevisionMixin, ClusterableModel
):
    """One issue in one language: a subject, an introduction and the stories in the order the
    editor set. Publishing it (at once, or at its go-live date) sends it to the subscribers of
    its language; after that, its page in the newsletter's archive shows it."""

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=[(language.code, language.name) for language in languages.LANGUAGES],
        default=languages.DEFAULT.code,
        help_text=_("Sent to the subscribers who chose this language."),
    )
    subject = models.CharField(_("subject"), max_length=200)
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A few sentences at the top of the mail, before the stories."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("language"),
        FieldPanel("subject"),
        FieldPanel("introduction"),
        InlinePanel("stories", label=_("Stories"), heading=_("Stories, in the mail's order")),
    ]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    @property
    def preview_modes(self):
        return [
            ("html", pgettext_lazy("newsletter preview", "Mail (HTML)")),
            ("text", pgettext_lazy("newsletter preview", "Mail (plain text)")),
        ]

    def serve_preview(self, request, mode_name):
        from ..mail import preview  # the mail renders issues: imported where it is used

        return preview(self, mode_name)

    def delivery_counts(self):
        """{"total", "sent", "failed", ...}: the issue's deliveries by status (the admin list)."""
        counts = dict.fromkeys(Delivery.Status.values, 0)
        for row in self.deliveries.values("status").annotate(n=models.Count("pk")):
            counts[row["status"]] = row["n"]
        counts["total"] = sum(counts.values())
        return counts

    def ordered_stories(self):
        """The stories (ArticlePage) in the editor's order, unsaved inline rows included."""
        return [row.article for row in self.stories.all() if row.article_id is not None]


class IssueStory(Orderable):
    """A story in an issue, at its place in the editor's order."""

    issue = ParentalKey(NewsletterIssue, on_delete=models.CASCADE, related_name="stories")
    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("article", "news.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("story")
        verbose_name_plural = _("stories")


class Delivery(models.Model):
    """An issue for one subscriber: made for every active subscriber of the issue's language
    when it is first sent, then claimed, sent and recorded by the worker. Deleting the
    subscriber deletes their deliveries."""

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("delivery status", "Waiting")
        SENDING = "sending", pgettext_lazy("delivery status", "Being sent")
        SENT = "sent", pgettext_lazy("delivery status", "Sent")
        FAILED = "failed", pgettext_lazy("delivery status", "Failed")
        SKIPPED = "skipped", pgettext_lazy("delivery status", "Nothing for them")
        UNCERTAIN = "uncertain", pgettext_lazy("delivery status", "Maybe sent (worker stopped)")

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # when the worker took it (status "sending"), and when a refusal for now may be tried again
    claimed_at = models.DateTimeField(null=True, blank=True)
    retry_after = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="one_delivery_per_issue")
        ]
        indexes = [models.Index(fields=["issue", "status"])]

    def __str__(self):
        return f"{self.issue_id} → {self.subscriber_id}: {self.status}"
