"""The memory's rows of one page: rewritten from its live content, or removed.

A page is in the memory (both directions) while it is live, no view restriction applies to it
(on it or an ancestor), it is one of the page types a translator translates (MEMORY_TYPES)
and both its language versions are public (`is_public_in`). Of an article (or event), a field
that its translation status lists as outdated in either language is left out: a stale
translation is not a translation. A page that stops meeting these is forgotten.

Called on publish, unpublish and every change of a view restriction (desk/apps.py), by
`manage.py build_translation_memory` (every live page), and after `migrate` when the memory is
empty and live pages exist.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from desk.models import MemorySegment
from news import languages
from news.models import ArticlePage, ArticleTranslationState, ContactPage, StandardPage
from news.models.translation_state import TRACKED_FIELDS, Status, fingerprints

from . import minhash
from .align import SENTENCE_SUFFIX, pairs
from .lookup import normalise, text_hash

# The page types whose text a translator translates (EventPage is an ArticlePage).
MEMORY_TYPES = (ArticlePage, StandardPage, ContactPage)


def forget(page):
    """Remove the page's segments (both directions)."""
    MemorySegment.objects.filter(page_id=page.pk).delete()


def _restricted(page):
    ancestors = Page.objects.ancestor_of(page, inclusive=True)
    return PageViewRestriction.objects.filter(page__in=ancestors).exists()


def recordable(page):
    """Whether `page` (specific, as live) belongs in the memory (see the module)."""
    return (
        isinstance(page, MEMORY_TYPES)
        and page.live
        and all(page.is_public_in(code) for code in languages.CODES)
        and not _restricted(page)
    )


def stale_fields(page):
    """The fields of an article whose translation is not current in some language: listed as
    outdated, or (a version whose status is "missing", which lists none) whose other language
    changed since it was last translated."""
    if not isinstance(page, ArticlePage):
        return set()
    stale = set()
    for state in ArticleTranslationState.objects.filter(page_id=page.pk):
        stale.update(state.outdated_fields)
        if state.status == Status.MISSING:
            other = fingerprints(page, languages.other(state.language).code)
            stale.update(f for f in TRACKED_FIELDS if state.source.get(f) != other[f])
    return stale


def _date(page):
    """The article's date (its news date, at midnight), else when the page was published."""
    if isinstance(page, ArticlePage) and page.news_date:
        return timezone.make_aware(datetime.datetime.combine(page.news_date, datetime.time()))
    return page.last_published_at or page.first_published_at or timezone.now()


def segments_of(page):
    """The unsaved MemorySegment rows of `page` (specific, live content), both directions."""
    stale = stale_fields(page)
    date = _date(page)
    rows = []
    for source in languages.CODES:
        for target in languages.CODES:
            if source == target:
                continue
            for pair in pairs(page, source, target):
                if pair.field.removesuffix(SENTENCE_SUFFIX) in stale:
                    continue
                source_text = normalise(pair.source_text)
                rows.append(
                    MemorySegment(
                        page_id=page.pk,
                        field=pair.field,
                        position=pair.position,
                        source_language=source,
                        target_language=target,
                        source_text=source_text,
                        target_text=pair.target_text,
                        source_hash=text_hash(source_text),
                        bands=minhash.keys_for(source_text, source),
                        date=date,
                    )
                )
    return rows


def record(page):
    """Rewrite `page`'s segments from its live content (forget it when it does not belong in
    the memory); returns how many rows it has now."""
    live = Page.objects.filter(pk=page.pk).specific().first()
    if live is None or not recordable(live):
        forget(page)
        return 0
    rows = [row for row in segments_of(live) if row.source_text]
    with transaction.atomic():
        forget(live)
        MemorySegment.objects.bulk_create(rows)
    return len(rows)


def record_with_descendants(page):
    """Re-record `page` and every page below it (a view restriction changed there)."""
    for pk in Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True):
        record(Page(pk=pk))


def build():
    """Rewrite the whole memory from the live pages; returns the number of segments."""
    total = 0
    for model in MEMORY_TYPES:
        for pk in model.objects.live().values_list("pk", flat=True).order_by("pk"):
            total += record(Page(pk=pk))
    return total


def memory_needs_building():
    """The memory is empty while live pages it would hold exist (a new install, or before
    this feature)."""
    if MemorySegment.objects.exists():
        return False
    return any(model.objects.live().exists() for model in MEMORY_TYPES)
