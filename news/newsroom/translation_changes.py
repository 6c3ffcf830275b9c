"""What changed in the source text since a translation was last marked current.

For an outdated language L of an article (news/models/translation_state.py), each outdated
field's text in the other language O is compared, paragraph by paragraph (news/paragraphs.py),
between the Revision recorded when L's field last took its source (`source_revisions`:
edited in L, first recorded, or reviewed) and the latest revision: paragraphs unchanged
(collapsed), added, removed, or changed with the changed words marked (O's words: jieba's
for Chinese, news/segmentation.py). No guess is made when that revision is not known: rows
recorded before it was kept, a field filled with a copy, a revision since deleted or saved
over (the editor's autosave writes over its own latest revision).

`changes()` gives dataclasses for templates (templates/newsroom/includes/translation_changes.html),
`as_data()` the same as plain JSON-able dicts (for the translators' desk).
"""

import difflib
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from news import languages, paragraphs, segmentation
from news.models import ArticleTranslationState
from news.models.translation_state import FIELD_LABELS, Status, fingerprints

# Why there is no comparison for a field (FieldChange.missing) and what to tell the reader.
MISSING = {
    "none": _("No earlier revision recorded: see the page's history."),
    "deleted": _(
        "The revision recorded at the last translation no longer exists: see the page's history."
    ),
    "overwritten": _(
        "The revision recorded at the last translation was saved over since: see the page's history."
    ),
}
# Two paragraphs of one step are shown as one changed paragraph when at least this share of
# their words is common; otherwise as one removed and one added.
SIMILAR = 0.5


@dataclass(frozen=True)
class Piece:
    """A run of a changed paragraph's words: "equal", "insert" or "delete"."""

    op: str
    text: str


@dataclass(frozen=True)
class Step:
    """One step of a field's comparison, in reading order.

    op "unchanged": `paragraphs` (one or more, shown collapsed); "added" or "removed":
    `paragraphs` (one); "changed": `pieces`, the old paragraph's words and the new one's
    with what was deleted and inserted marked.
    """

    op: str
    paragraphs: tuple = ()
    pieces: tuple = ()

    @property
    def count(self):
        return len(self.paragraphs)

    @property
    def kind(self):
        return self.paragraphs[0].kind if self.paragraphs else ""


@dataclass(frozen=True)
class RecordedRevision:
    id: int
    created_at: object  # datetime
    user: str  # the user's full name or user name; "" when unknown


@dataclass(frozen=True)
class FieldChange:
    """One outdated field of a language version and how its source text changed."""

    field: str  # "title", "summary", "body"
    label: object  # its name, translated
    source_language: languages.Language  # the language whose text changed
    revision: RecordedRevision | None  # the revision recorded at the last translation
    missing: str = ""  # why there is no comparison: a key of MISSING, else ""
    steps: list = field(default_factory=list)

    @property
    def text_unchanged(self):
        """Compared, and every paragraph reads the same (markup, a link or an image changed)."""
        return not self.missing and all(step.op == "unchanged" for step in self.steps)

    @property
    def message(self):
        return MISSING.get(self.missing, "")


def _words(language, old, new):
    """Pieces marking what changed between two paragraphs; a space alone between two changes
    is part of the change, so that a rewritten phrase reads as one deletion and one insertion."""
    a, b = segmentation.tokens(language, old), segmentation.tokens(language, new)
    codes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    pieces = []
    for n, (op, i1, i2, j1, j2) in enumerate(codes):
        between = 0 < n < len(codes) - 1 and not "".join(a[i1:i2]).strip()
        if op == "equal" and not between:
            pieces.append(Piece("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("delete", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("insert", "".join(b[j1:j2])))
    merged, run = [], []  # each run of changes as its deletion, then its insertion
    for piece in [*pieces, Piece("equal", "")]:
        if piece.op != "equal":
            run.append(piece)
            continue
        for op in ("delete", "insert"):
            text = "".join(p.text for p in run if p.op == op)
            if text:
                merged.append(Piece(op, text))
        run = []
        if piece.text:
            merged.append(piece)
    return tuple(merged)


def _similarity(language, old, new):
    a, b = segmentation.tokens(language, old), segmentation.tokens(language, new)
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def compare(language, old, new):
    """Steps from paragraph list `old` to `new` (lists of news.paragraphs.Paragraph)."""
    steps = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            steps.append(Step("unchanged", tuple(old[i1:i2])))
            continue
        removed, added = list(old[i1:i2]), list(new[j1:j2])
        if len(removed) == len(added) == 1:  # the paragraph at this place rewritten
            steps.append(
                Step("changed", tuple(added), _words(language, old[i1].text, new[j1].text))
            )
            continue
        while removed and added:
            before, after = removed[0], added[0]
            if _similarity(language, before.text, after.text) >= SIMILAR:
                pieces = _words(language, before.text, after.text)
                steps.append(Step("changed", (after,), pieces))
                removed.pop(0), added.pop(0)
            elif len(removed) >= len(added):
                steps.append(Step("removed", (removed.pop(0),)))
            else:
                steps.append(Step("added", (added.pop(0),)))
        steps += [Step("removed", (p,)) for p in removed]
        steps += [Step("added", (p,)) for p in added]
    return steps


def _user_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def changes(page, code, state=None, now=None):
    """[FieldChange] for each outdated field of `page`'s version in language `code`
    (an ArticlePage; a code of news.languages); [] when that version is not outdated.
    `state`: its ArticleTranslationState when the caller has it; `now`: the text to compare
    with when the caller holds it (a version being recorded), else the latest revision's.
    Queries: the state, the recorded revisions, the latest, and a few to read each distinct
    revision's text."""
    if state is None:
        state = ArticleTranslationState.objects.filter(page_id=page.pk, language=code).first()
    if state is None or state.status != Status.OUTDATED:
        return []
    source = languages.other(code)
    recorded = state.source_revisions or {}
    ids = {recorded.get(name) for name in state.outdated_fields} - {None}
    revisions = {r.pk: r for r in Revision.objects.filter(pk__in=ids).select_related("user")}
    latest = page.latest_revision  # its text; the page's own when it has none (a factory's)
    texts = {}  # revision id: the page as that revision holds it, read once

    def text_of(revision):
        if revision.pk not in texts:
            texts[revision.pk] = page.with_content_json(revision.content)
        return texts[revision.pk]

    if now is None:
        now = text_of(latest) if latest else page
    result = []
    for name in state.outdated_fields:
        entry = {"field": name, "label": FIELD_LABELS[name], "source_language": source}
        revision = revisions.get(recorded.get(name))
        if revision is None:
            missing = "deleted" if recorded.get(name) else "none"
            result.append(FieldChange(**entry, revision=None, missing=missing))
            continue
        kept = RecordedRevision(revision.pk, revision.created_at, _user_name(revision.user))
        before = text_of(revision)
        if fingerprints(before, source.code)[name] != state.source.get(name):
            result.append(FieldChange(**entry, revision=kept, missing="overwritten"))
            continue
        steps = compare(
            source,
            paragraphs.of_field(before, name, source.code),
            paragraphs.of_field(now, name, source.code),
        )
        result.append(FieldChange(**entry, revision=kept, steps=steps))
    return result


def as_data(field_changes):
    """`changes()` as plain dicts (JSON-able: strings, numbers, None, lists)."""
    return [
        {
            "field": change.field,
            "label": str(change.label),
            "source_language": change.source_language.code,
            "revision": change.revision
            and {
                "id": change.revision.id,
                "created_at": change.revision.created_at.isoformat(),
                "user": change.revision.user,
            },
            "missing": change.missing,
            "message": str(change.message),
            "steps": [
                {
                    "op": step.op,
                    "paragraphs": [{"kind": p.kind, "text": p.text} for p in step.paragraphs],
                    "pieces": [{"op": p.op, "text": p.text} for p in step.pieces],
                }
                for step in change.steps
            ],
        }
        for change in field_changes
    ]
