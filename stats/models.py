"""How often each page was read, one row per page and day."""

from django.db import IntegrityError, models, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PageViewCount(models.Model):
    """Views of one page on one day, counted by a beacon the page sends after loading.

    Counting happens in a separate POST, so the article's HTML stays identical for
    every visitor and can be cached; no cookie is read or set.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page view count")
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="one_count_per_day")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.views}"

    @classmethod
    def record(cls, page_id):
        """Add one view to today's row, creating it on the first view of the day."""
        day = timezone.localdate()
        if cls.objects.filter(page_id=page_id, day=day).update(views=F("views") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(page_id=page_id, day=day, views=1)
        except IntegrityError:  # another request created today's row first
            cls.objects.filter(page_id=page_id, day=day).update(views=F("views") + 1)

    @classmethod
    def total_for(cls, page_id):
        return cls.objects.filter(page_id=page_id).aggregate(total=Sum("views"))["total"] or 0
