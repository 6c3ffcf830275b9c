"""Keeping the archive's month counts (ArchiveMonth) up to date.

A section's rows are recomputed from the articles as every listing shows them (live, public,
public in that language) whenever something that changes those counts happens: an article
saved with anything but Wagtail's revision bookkeeping (publishing, unpublishing, a new date or
visibility), moved or deleted, or a view restriction added or removed. The receivers are
connected in news/apps.py; `refresh` is also what a bulk import calls once at the end.
"""

from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import translation

from . import languages
from .generation import BOOKKEEPING
from .models import ArchiveMonth, ArticlePage, NewsIndexPage
from .models.base import listed_articles


def month_counts(index_path, index_depth, language):
    """[(first day of month, number)] of the section's articles listed in `language`."""
    with translation.override(language):
        articles = listed_articles(
            ArticlePage.objects.filter(path__startswith=index_path, depth=index_depth + 1)
        )
        rows = (
            articles.order_by()
            .select_related(None)
            .prefetch_related(None)
            .annotate(month=TruncMonth("news_date"))
            .values("month")
            .annotate(count=Count("pk"))
        )
        return [(row["month"], row["count"]) for row in rows]


def refresh(index_id, index_path, index_depth):
    """Recompute one section's rows, in every language."""
    rows = [
        ArchiveMonth(index_id=index_id, language=code, month=month, count=count)
        for code in languages.CODES
        for month, count in month_counts(index_path, index_depth, code)
    ]
    with transaction.atomic():
        ArchiveMonth.objects.filter(index_id=index_id).delete()
        ArchiveMonth.objects.bulk_create(rows)


def sections(**filters):
    """(pk, path, depth) of the News&Events pages matching `filters`, without the translated
    columns (so this runs after `migrate` before wagtail-modeltranslation has added them)."""
    return NewsIndexPage.objects.filter(**filters).values_list("pk", "path", "depth")


def refresh_parent_of(page):
    for section in sections(path=page.path[: -page.steplen]):
        refresh(*section)


def refresh_all():
    for section in sections():
        refresh(*section)


# Receivers (news/apps.py).


def article_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and set(update_fields) <= BOOKKEEPING):
        return
    refresh_parent_of(instance)


def article_deleted(sender, instance, **kwargs):
    refresh_parent_of(instance)


def page_moved(sender, instance, **kwargs):
    """A page moved (rare): every section, since articles may have left or joined one."""
    refresh_all()


def restrictions_changed(sender, **kwargs):
    refresh_all()


def fill_after_migrate(sender, **kwargs):
    """Sections that have articles but no rows yet (a database from before ArchiveMonth)."""
    if sender.name == "news" and not ArchiveMonth.objects.exists():
        refresh_all()
