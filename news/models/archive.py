"""The archive's month counts, kept as rows so that no page view counts the whole archive."""

import datetime

from django.db import models
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import languages
from ..cache.tags import ListedQuerySet


def change_dates():
    """The aggregates `newest()` reads over articles: the latest publication, and the latest
    news date of articles never published in the admin (imported)."""
    return {
        "published": Max(Coalesce("last_published_at", "first_published_at")),
        "undated": Max(
            "news_date", filter=Q(last_published_at__isnull=True, first_published_at__isnull=True)
        ),
    }


def newest(dates):
    """The latest change from the `change_dates()` aggregates, or None."""
    undated = dates["undated"]
    if undated is not None:
        undated = timezone.make_aware(datetime.datetime.combine(undated, datetime.time()))
    moments = [moment for moment in (dates["published"], undated) if moment is not None]
    return max(moments, default=None)


class ArchiveMonth(models.Model):
    """How many stories a News&Events section lists in one month, in one language: in all
    (`column` empty), and in each column (a row per column with stories that month).

    The archive navigation's counts, the columns' counts, the listings' totals and the
    sitemaps' counts and dates read these rows (one small indexed query); news/archive.py recomputes a section's rows whenever one
    of its articles is saved, moved or deleted, or a view restriction changes: once per
    publish, not per view. Editors never see or edit them.
    """

    index = models.ForeignKey("news.NewsIndexPage", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(
        max_length=10, choices=[(language.code, language.name) for language in languages.LANGUAGES]
    )
    month = models.DateField(help_text="The first day of the month.")
    column = models.ForeignKey(
        "news.Column", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    count = models.PositiveIntegerField()
    changed = models.DateTimeField(
        null=True, help_text="When the newest change to one of its stories was published."
    )

    # Rewritten with every story's write: reading them is reading the list of stories.
    cache_list_tags = ("list:articles",)
    objects = ListedQuerySet.as_manager()

    class Meta:
        verbose_name = _("archive month")
        constraints = [
            models.UniqueConstraint(
                fields=["index", "language", "month"],
                condition=models.Q(column__isnull=True),
                name="one_row_per_month",
            ),
            models.UniqueConstraint(
                fields=["index", "language", "column", "month"],
                condition=models.Q(column__isnull=False),
                name="one_row_per_column_month",
            ),
        ]

    def __str__(self):
        column = f" column {self.column_id}" if self.column_id else ""
        return f"{self.index_id} {self.language} {self.month:%Y-%m}{column}: {self.count}"
