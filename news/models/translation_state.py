"""Translation status of each article in each language, from recorded field fingerprints.

For every article and language L (the other language is O) one ArticleTranslationState row keeps:
- `own`: a hash of each of L's translated fields (TRACKED_FIELDS) as last recorded, which
  tells whether a save changed L's text;
- `source`: a hash of each of O's fields as they were when L's version of that field was last
  edited or reviewed;
- `source_revisions`: for each field, the id of the Wagtail Revision that held O's text then
  (None when no revision held it; absent in rows recorded before it was kept), from which
  "what changed since the last translation" is shown (news/newsroom/translation_changes.py).

A field of L is outdated when O's text now hashes differently from `source`. Status:
*missing* (a required field of L is empty), *outdated* (fields listed in `outdated_fields`),
*current* (up to date). Status and fields are stored, so the dashboard is one query.

The same rows keep which images of each language version need alt text (news/alt_text.py),
for the dashboard's "Needs alt text" filter and the admin home's count.

Recording (on every save and new revision of an article) is the newsroom's:
news/newsroom/translation_status.py. A StreamField is hashed as normalised JSON without
block ids or rich text block keys.
"""

import hashlib
import json
import re

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import languages

TRACKED_FIELDS = ("title", "summary", "body")
FIELD_LABELS = {"title": _("title"), "summary": _("summary"), "body": _("body")}
BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')


class Status(models.TextChoices):
    MISSING = "missing", _("missing")
    OUTDATED = "outdated", _("outdated")
    CURRENT = "current", _("up to date")


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
    value = getattr(page, languages.get(code).field(field), None)
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
    """How up to date one language of an article is; what the translators' dashboard lists."""

    page = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="translation_states",
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=[(language.code, language.name) for language in languages.LANGUAGES],
    )
    own = models.JSONField(default=dict)
    source = models.JSONField(default=dict)
    # {field: id of the Revision holding the other language's text that `source` hashes}.
    source_revisions = models.JSONField(default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    outdated_fields = models.JSONField(default=list)
    since = models.DateTimeField(_("since"), default=timezone.now)
    # The images of this language version with no real alt text (news/alt_text.py):
    # [{"where": "lead" | "body", "file": "1.png"}]; "needs alt text" while not empty.
    images_lacking_alt = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="unique_translation_state")
        ]
        indexes = [
            models.Index(fields=["status", "language", "since"]),
            # The dashboard's order with no filter: a page of the oldest without sorting them all.
            models.Index(fields=["since", "id"], name="translation_state_since"),
        ]

    def __str__(self):
        return f"{self.page_id} {self.language} {self.status}"

    def outdated_field_labels(self):
        return [FIELD_LABELS[field] for field in self.outdated_fields]

    def language_name(self):
        return languages.get(self.language).name

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
