"""Keeping the archive's month counts (ArchiveMonth) up to date.

A section's rows are recomputed from the articles as every listing shows them (live, public,
public in that language) whenever something that changes those counts happens: an article
saved with anything but Wagtail's revision bookkeeping (publishing, unpublishing, a new date or
visibility: its month, and its old month when the date changed), deleted (its month), moved,
or a view restriction added or removed (every month: rare). The receivers are
connected in news/apps.py; `refresh` is also what a bulk import calls once at the end.
"""

import calendar
from collections import Counter

from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import translation

from . import languages
from .cache.invalidation import BOOKKEEPING
from .models import ArchiveMonth, ArticlePage, NewsIndexPage
from .models.archive import change_dates, newest
from .models.base import listed_articles


def month_counts(index_path, index_depth, language, months=None):
    """[(first day of month, column id, number, newest change)] of the section's articles
    listed in `language`, per column (None: no column); only in `months` (first days) when
    given, which the listing index reads by date. The newest change is when the last of them
    was published, or for stories imported without publishing dates their newest news date
    (sitemaps.changed)."""
    with translation.override(language):
        articles = listed_articles(
            ArticlePage.objects.filter(path__startswith=index_path, depth=index_depth + 1)
        )
        if months is not None:
            in_months = Q(pk__in=[])
            for first in months:
                last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
                in_months |= Q(news_date__range=(first, last))
            articles = articles.filter(in_months)
        rows = (
            articles.order_by()
            .select_related(None)
            .prefetch_related(None)
            .annotate(month=TruncMonth("news_date"))
            .values("month", "column")
            .annotate(count=Count("pk"), **change_dates())
        )
        return [(row["month"], row["column"], row["count"], newest(row)) for row in rows]


def refresh(index_id, index_path, index_depth, months=None):
    """Recompute one section's rows in every language: all of them, or those of `months`."""
    rows = []
    for code in languages.CODES:
        totals, changes = Counter(), {}
        for month, column, count, changed in month_counts(index_path, index_depth, code, months):
            totals[month] += count
            changes[month] = max(filter(None, (changes.get(month), changed)), default=None)
            if column is not None:
                rows.append(
                    ArchiveMonth(
                        index_id=index_id,
                        language=code,
                        month=month,
                        column_id=column,
                        count=count,
                        changed=changed,
                    )
                )
        rows += [
            ArchiveMonth(
                index_id=index_id, language=code, month=month, count=count, changed=changes[month]
            )
            for month, count in totals.items()
        ]
    with transaction.atomic():
        stale = ArchiveMonth.objects.filter(index_id=index_id)
        if months is not None:
            stale = stale.filter(month__in=months)
        stale.delete()
        ArchiveMonth.objects.bulk_create(rows)


def sections(**filters):
    """(pk, path, depth) of the News&Events pages matching `filters`, without the translated
    columns (so this runs after `migrate` before wagtail-modeltranslation has added them)."""
    return NewsIndexPage.objects.filter(**filters).values_list("pk", "path", "depth")


def refresh_parent_of(page, months=None):
    for section in sections(path=page.path[: -page.steplen]):
        refresh(*section, months=months)


def month_of(day):
    return day.replace(day=1) if day else None


def refresh_all():
    for section in sections():
        refresh(*section)


# Receivers (news/apps.py).


def article_saving(sender, instance, raw=False, **kwargs):
    """pre_save: remember the article's date as stored, so that a new date recounts both
    months (one query by primary key)."""
    if raw or instance.pk is None:
        return
    stored = ArticlePage.objects.filter(pk=instance.pk).values_list("news_date", flat=True)
    instance._archive_stored_date = stored.first()


def article_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """Recount the article's month (and its old month when its date changed): publishing,
    unpublishing, a new date or visibility change no other month."""
    if raw or (update_fields is not None and set(update_fields) <= BOOKKEEPING):
        return
    stored = getattr(instance, "_archive_stored_date", None)
    months = {month for month in (month_of(instance.news_date), month_of(stored)) if month}
    refresh_parent_of(instance, months)


def article_deleted(sender, instance, **kwargs):
    refresh_parent_of(instance, {month_of(instance.news_date)} if instance.news_date else None)


def page_moved(sender, instance, **kwargs):
    """A page moved (rare): every section, since articles may have left or joined one."""
    refresh_all()


def restrictions_changed(sender, **kwargs):
    refresh_all()


def fill_after_migrate(sender, apps=None, **kwargs):
    """Sections that have articles but no rows yet (a database from before ArchiveMonth, or
    whose rows a migration dropped to make them again). Not when migrating back to a schema
    these rows do not fit (`apps`: the models as migrated)."""
    if sender.name != "news":
        return
    try:
        migrated = apps.get_model("news", "ArchiveMonth") if apps is not None else ArchiveMonth
    except LookupError:  # migrated back to before it
        return
    fields = {field.name for field in migrated._meta.get_fields()}
    if fields >= {"column", "changed"} and not ArchiveMonth.objects.exists():
        refresh_all()
