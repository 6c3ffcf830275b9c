"""Translation status of each article in each language, from recorded field fingerprints.

For every article and language L (the other language is O) one ArticleTranslationState row keeps:
- `own`: a hash of each of L's translated fields (TRACKED_FIELDS) as last recorded, which
  tells whether a save changed L's text;
- `source`: a hash of each of O's fields as they were when L's version of that field was last
  edited or reviewed.

A field of L is outdated when O's text now hashes differently from `source`. Status:
*missing* (a required field of L is empty), *outdated* (fields listed in `outdated_fields`),
*current* (up to date). Status and fields are stored, so the dashboard is one query.

Updated on every save of an article (post_save: factories, load_demo, publishing) and every new
revision (drafts saved in the admin: their text is only in the revision), from that version's
text. A StreamField is hashed as normalised JSON without block ids or rich text block keys.
"""

import hashlib
import json
import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Revision

TRACKED_FIELDS = ("title", "summary", "body")
REVIEW_ACTION = "news.translation_reviewed"


class Status(models.TextChoices):
    MISSING = "missing", _("missing")
    OUTDATED = "outdated", _("outdated")
    CURRENT = "current", _("up to date")


def languages():
    return [code for code, _name in settings.LANGUAGES]


def other_language(code):
    return next(other for other in languages() if other != code)


def language_name(code):
    return dict(settings.LANGUAGES)[code]


def field_label(field):
    labels = {"title": _("title"), "summary": _("summary"), "body": _("body")}
    return labels[field]


BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')


def _strip_ids(data):
    """Stream data without what changes on every save: block ids and the rich text
    editor's paragraph keys (`<p data-block-key="…">`)."""
    if isinstance(data, dict):
        return {key: _strip_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_strip_ids(item) for item in data]
    if isinstance(data, str):
        return BLOCK_KEY.sub("", data)
    return data


def normalised(page, field, code):
    """The text of `field` in language `code` as a string; "" when empty."""
    value = getattr(page, build_localized_fieldname(field, code), None)
    if value is None:
        return ""
    if field == "body":
        raw = value.get_prep_value() if hasattr(value, "get_prep_value") else value
        if isinstance(raw, str):
            raw = json.loads(raw) if raw.strip() else []
        raw = _strip_ids(list(raw or []))
        return json.dumps(raw, sort_keys=True, ensure_ascii=False) if raw else ""
    return str(value).strip()


def fingerprints(page, code):
    """{field: sha256 of its normalised text, or "" when empty} for language `code`."""
    result = {}
    for field in TRACKED_FIELDS:
        text = normalised(page, field, code)
        result[field] = hashlib.sha256(text.encode()).hexdigest() if text else ""
    return result


class ArticleTranslationState(models.Model):
    page = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="translation_states",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    own = models.JSONField(default=dict)
    source = models.JSONField(default=dict)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    outdated_fields = models.JSONField(default=list)
    since = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="unique_translation_state")
        ]
        indexes = [models.Index(fields=["status", "language", "since"])]

    def __str__(self):
        return f"{self.page_id} {self.language} {self.status}"

    def outdated_field_labels(self):
        return [field_label(field) for field in self.outdated_fields]

    def language_name(self):
        return language_name(self.language)

    def is_public(self):
        """Whether visitors see this language's version (a moderator may hide it; it is
        still listed here, since translators may keep working on it)."""
        return self.page.is_public_in(self.language)

    def evaluate(self, now_own, now_other):
        """Set status and outdated_fields from the current fingerprints."""
        if any(not now_own[field] for field in TRACKED_FIELDS):
            status, outdated = Status.MISSING, []
        else:
            outdated = [f for f in TRACKED_FIELDS if self.source.get(f) != now_other[f]]
            status = Status.OUTDATED if outdated else Status.CURRENT
        if (status, outdated) != (self.status, self.outdated_fields):
            self.since = timezone.now()
        self.status, self.outdated_fields = status, outdated


def record(page, reviewed_language=None):
    """Update both languages' states from `page` (an ArticlePage with the text to record).

    A field edited in language L takes the other language's current fingerprint as its
    source; `reviewed_language` takes all of them (a translator checked the whole version).
    """
    prints = {code: fingerprints(page, code) for code in languages()}
    existing = {s.language: s for s in ArticleTranslationState.objects.filter(page_id=page.pk)}
    with transaction.atomic():
        for code in languages():
            now_own, now_other = prints[code], prints[other_language(code)]
            state = existing.get(code)
            if state is None:
                # First record (new article, or one saved before this feature): no history
                # to compare with, so its present text counts as translated from the other.
                state = ArticleTranslationState(page_id=page.pk, language=code)
                state.source = dict(now_other)
            elif code == reviewed_language:
                state.source = dict(now_other)
            else:
                for field in TRACKED_FIELDS:
                    if state.own.get(field) != now_own[field]:
                        state.source[field] = now_other[field]
            state.own = dict(now_own)
            state.evaluate(now_own, now_other)
            state.save()
    return existing


def mark_copied(page, language, field):
    """`field` of `language` was just filled with a copy of the other language's text (a
    starting point, not a translation): outdated until someone edits it in `language` or
    marks that language reviewed. `page` holds the text as saved (the latest revision)."""
    state = ArticleTranslationState.objects.filter(page_id=page.pk, language=language).first()
    if state is None:
        return
    state.source[field] = ""
    state.evaluate(fingerprints(page, language), fingerprints(page, other_language(language)))
    state.save()


def ensure_states():
    """Create the states of articles that have none yet (saved before this feature existed,
    or changed by QuerySet.update()). Runs after `migrate` and before the dashboard lists.

    One query (of primary keys only, so it runs before wagtail-modeltranslation has added its
    columns to a fresh database) when every article has its states.
    """
    from .models import ArticlePage

    lacking = list(
        ArticlePage.objects.values("pk")
        .annotate(n=models.Count("translation_states"))
        .filter(n__lt=len(languages()))
        .values_list("pk", flat=True)
    )
    if lacking:
        for article in ArticlePage.objects.filter(pk__in=lacking):
            record(article.get_latest_revision_as_object())


def counts():
    """{language: {status: number}} over all articles; one query."""
    result = {code: dict.fromkeys(Status.values, 0) for code in languages()}
    rows = ArticleTranslationState.objects.values("language", "status").annotate(
        n=models.Count("pk")
    )
    for row in rows:
        result.setdefault(row["language"], {})[row["status"]] = row["n"]
    return result


@receiver(post_migrate)
def record_existing_articles(sender, **kwargs):
    if sender.name == "news":
        ensure_states()


@receiver(post_save)
def record_saved_article(sender, instance, raw=False, update_fields=None, **kwargs):
    from .models import ArticlePage

    if raw or not isinstance(instance, ArticlePage):
        return
    if update_fields is not None:
        # Wagtail's save_revision() saves only bookkeeping columns: the draft's text is
        # recorded from the revision (below).
        tracked = {
            build_localized_fieldname(f, code) for f in TRACKED_FIELDS for code in languages()
        }
        if not tracked.intersection(update_fields):
            return
    record(instance)


@receiver(post_save, sender=Revision)
def record_new_revision(sender, instance, created=False, raw=False, **kwargs):
    from .models import ArticlePage

    if raw or not created:
        return
    if ContentType.objects.get_for_id(instance.content_type_id).model_class() is not ArticlePage:
        return
    record(instance.as_object())
