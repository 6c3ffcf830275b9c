"""Recording each article's translation status (the model: news/models/translation_state.py).

Updated on every save of an article (post_save: factories, load_demo, publishing) and every new
revision (drafts saved in the admin: their text is only in the revision), from that version's
text. The receivers are connected in `NewsroomConfig.ready()`.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.dispatch import Signal
from wagtail.models import Revision

from news import alt_text, languages
from news.models import ArticlePage, ArticleTranslationState
from news.models.translation_state import TRACKED_FIELDS, Status, fingerprints

REVIEW_ACTION = "news.translation_reviewed"
# Sent after an article's states are recorded, with `page` (the version recorded) and
# `states` ({language: its ArticleTranslationState}): what other apps keep beside the status
# (the translators' desk's queue) follows it without news knowing them.
recorded = Signal()
# The columns whose change means the text changed: `title_en`, `body_zh_hans`…
TRACKED_COLUMNS = frozenset(
    language.field(name) for name in TRACKED_FIELDS for language in languages.LANGUAGES
)
# …and those whose change may change which images need alt text (news/alt_text.py).
RECORDED_COLUMNS = TRACKED_COLUMNS.union(
    {"lead_image", "lead_image_id"},
    (language.field("lead_image_alt") for language in languages.LANGUAGES),
)


def first_states(page):
    """The unsaved states of an article recorded for the first time (new, or saved before this
    feature): with no history to compare with, its present text counts as translated from
    the other language's."""
    prints = {code: fingerprints(page, code) for code in languages.CODES}
    states = []
    for code in languages.CODES:
        now_own, now_other = prints[code], prints[languages.other(code).code]
        state = ArticleTranslationState(page_id=page.pk, language=code)
        state.source, state.own = dict(now_other), dict(now_own)
        state.source_revisions = dict.fromkeys(TRACKED_FIELDS)  # new: no revision yet
        state.evaluate(now_own, now_other)
        state.images_lacking_alt = alt_text.lacking(page, code)
        states.append(state)
    return states


def record_new(pages):
    """The states of many new articles, in one query (an import, the bench's archive)."""
    ArticleTranslationState.objects.bulk_create(
        [state for page in pages for state in first_states(page)]
    )


class SourceRevisions:
    """Which Revision holds the text of `page` that a field takes as its source.

    `revision_id` is the revision `page` was made from, when the caller knows it (a new
    revision, the review of the latest). Otherwise (a post_save of the page: publishing,
    factories, scripts) the page's latest and live revisions are candidates, each taken
    for a field only when it holds that field's text as saved: publishing an older revision
    leaves `latest_revision` pointing at a newer one, and a page saved without a revision
    holds text no revision has. Read lazily: one query, only when a field takes a source.
    """

    def __init__(self, page, revision_id=None):
        self.page, self.revision_id = page, revision_id
        self._candidates = None

    def candidates(self):
        if self._candidates is None:
            ids = [self.page.latest_revision_id, self.page.live_revision_id]
            ids = list(dict.fromkeys(pk for pk in ids if pk))
            revisions = {r.pk: r for r in Revision.objects.filter(pk__in=ids)}
            self._candidates = [
                (
                    pk,
                    {
                        code: fingerprints(self.page.with_content_json(revisions[pk].content), code)
                        for code in languages.CODES
                    },
                )
                for pk in ids
                if pk in revisions
            ]
        return self._candidates

    def holding(self, code, field, fingerprint):
        """The id of the revision whose `field` in language `code` has `fingerprint`, or None."""
        if self.revision_id is not None:
            return self.revision_id
        for pk, prints in self.candidates():
            if prints[code][field] == fingerprint:
                return pk
        return None


def translated_fields(states, prints):
    """{language: the fields this save changed in it while they were missing or outdated}: an
    edit that brings a field up to the other language's is a translation, which leaves the
    other language up to date; an edit of a field already up to date is a change, which the
    other language must follow."""
    result = {code: set() for code in languages.CODES}
    for code, state in states.items():
        other = states.get(languages.other(code).code)
        if other is None:
            continue
        for field in TRACKED_FIELDS:
            before = state.own.get(field, "")
            was_current = before and state.source.get(field) == other.own.get(field)
            if prints[code][field] and prints[code][field] != before and not was_current:
                result[code].add(field)
    return result


def record(page, reviewed_language=None, revision_id=None):
    """Update both languages' states from `page` (an ArticlePage with the text to record).

    A field edited in language L takes the other language's current fingerprint as its
    source, and the id of the revision holding that text (`SourceRevisions`; `revision_id`:
    the revision `page` was made from, when known); `reviewed_language` takes all of them (a
    translator checked the whole version).
    """
    prints = {code: fingerprints(page, code) for code in languages.CODES}
    holders = SourceRevisions(page, revision_id)
    existing = {s.language: s for s in ArticleTranslationState.objects.filter(page_id=page.pk)}
    translations = translated_fields(existing, prints)
    with transaction.atomic():
        for code in languages.CODES:
            other = languages.other(code).code
            now_own, now_other = prints[code], prints[other]
            state = existing.get(code)
            if state is None:
                # First record (new article, or one saved before this feature): no history
                # to compare with, so its present text counts as translated from the other.
                state = ArticleTranslationState(page_id=page.pk, language=code)
                taken = TRACKED_FIELDS
            elif code == reviewed_language:
                taken = TRACKED_FIELDS
            else:
                taken = [f for f in TRACKED_FIELDS if state.own.get(f) != now_own[f]]
            for field in taken:
                state.source[field] = now_other[field]
                state.source_revisions[field] = holders.holding(other, field, now_other[field])
            for field in translations[other].difference(taken):
                # The other language caught up with this one: its new text is a
                # translation of ours, not a change for us to follow.
                state.source[field] = now_other[field]
                state.source_revisions[field] = holders.holding(other, field, now_other[field])
            state.own = dict(now_own)
            state.evaluate(now_own, now_other)
            state.images_lacking_alt = alt_text.lacking(page, code)
            state.save()
            existing[code] = state
    recorded.send(sender=ArticleTranslationState, page=page, states=existing)
    return existing


def mark_copied(page, language, field):
    """`field` of `language` was just filled with a copy of the other language's text (a
    starting point, not a translation): outdated until someone edits it in `language` or
    marks that language reviewed. `page` holds the text as saved (the latest revision)."""
    state = ArticleTranslationState.objects.filter(page_id=page.pk, language=language).first()
    if state is None:
        return
    state.source[field] = ""
    state.source_revisions[field] = None  # a copy: no translated source to compare with
    other = languages.other(language).code
    state.evaluate(fingerprints(page, language), fingerprints(page, other))
    state.save()
    recorded.send(sender=ArticleTranslationState, page=page, states={language: state})


def ensure_states():
    """Create the states of articles that have none yet (saved before this feature existed,
    or changed by QuerySet.update()). Runs after `migrate` and before the dashboard lists.

    Two counts when every article has its states (one state per article and language: the
    unique constraint, and deleting an article deletes its states); only otherwise the query
    looking for the articles lacking one (of primary keys only, so it runs before
    wagtail-modeltranslation has added its columns to a fresh database): 270 ms at 100,000.
    """
    expected = ArticlePage.objects.count() * len(languages.LANGUAGES)
    if ArticleTranslationState.objects.count() == expected:
        return
    lacking = list(
        ArticlePage.objects.values("pk")
        .annotate(n=models.Count("translation_states"))
        .filter(n__lt=len(languages.LANGUAGES))
        .values_list("pk", flat=True)
    )
    if lacking:
        for article in ArticlePage.objects.filter(pk__in=lacking):
            record(article.get_latest_revision_as_object(), revision_id=article.latest_revision_id)


def counts():
    """{language: {status: number}} over all articles; one query."""
    result = {code: dict.fromkeys(Status.values, 0) for code in languages.CODES}
    rows = ArticleTranslationState.objects.values("language", "status").annotate(
        n=models.Count("pk")
    )
    for row in rows:
        result.setdefault(row["language"], {})[row["status"]] = row["n"]
    return result


def needing_alt_text(states):
    """The states among `states` with images lacking alt text (news/alt_text.py)."""
    return states.exclude(images_lacking_alt=[])


def alt_text_counts():
    """{language: number of articles with images needing alt text in it}; one query."""
    result = dict.fromkeys(languages.CODES, 0)
    rows = needing_alt_text(ArticleTranslationState.objects.all()).values("language")
    for row in rows.annotate(n=models.Count("pk")):
        result[row["language"]] = row["n"]
    return result


# Signal receivers (connected in apps.py).


def record_existing_articles(sender, **kwargs):
    """post_migrate: articles saved before this feature (or by QuerySet.update) get states."""
    if sender.name == "news":
        ensure_states()


def record_saved_article(sender, instance, raw=False, update_fields=None, **kwargs):
    """post_save of an ArticlePage."""
    if raw:
        return
    # Wagtail's save_revision() saves only bookkeeping columns: the draft's text is recorded
    # from the revision (below).
    if update_fields is not None and not RECORDED_COLUMNS.intersection(update_fields):
        return
    record(instance)


def record_new_revision(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """post_save of a Revision: an article's draft saved in the admin, or the editor's
    autosave writing over its own latest revision (a full save of an existing one)."""
    if raw or (not created and update_fields is not None):
        return
    model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
    if model is None or not issubclass(model, ArticlePage):  # articles and events
        return
    record(instance.as_object(), revision_id=instance.pk)
