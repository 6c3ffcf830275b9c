"""How often each page was read, one row per page, day and language."""

from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _


class PageViewCount(models.Model):
    """Views of one page on one day, counted by a beacon the page sends after loading.

    Counting happens in a separate POST, so the article's HTML stays identical for
    every visitor and can be cached; no cookie is read or set. The rows are written in
    batches from counters in the cache (stats/counting.py), not one write per view.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    day = models.DateField(_("day"))
    # The site's language the page was read in ("" for counts made before languages were
    # counted apart).
    language = models.CharField(_("language"), max_length=10, blank=True, default="")
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page view count")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "day", "language"], name="one_count_per_day_and_language"
            )
        ]
        indexes = [  # "most read this week" in one language
            models.Index(fields=["language", "day"], name="views_by_language_and_day")
        ]

    def __str__(self):
        return f"{self.page_id} {self.day} {self.language}: {self.views}"

    @classmethod
    def total_for(cls, page_id):
        return cls.objects.filter(page_id=page_id).aggregate(total=Sum("views"))["total"] or 0
