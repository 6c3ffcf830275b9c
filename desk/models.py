"""What the translators' desk keeps: the memory's aligned segments, the glossary, and claims."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from news import languages

LANGUAGE_CHOICES = [(language.code, language.name) for language in languages.LANGUAGES]


class MemorySegment(models.Model):
    """One aligned pair of a published page's text: a title, a summary, a paragraph or a
    sentence in one language and its translation in the other. Kept in both directions (a
    row with English as source, one with Chinese), rewritten when the page is published and
    removed when it stops being public; the editor offers them as suggestions."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    field = models.CharField(_("field"), max_length=40)
    position = models.PositiveIntegerField(_("position"), default=0)
    source_language = models.CharField(
        _("source language"), max_length=10, choices=LANGUAGE_CHOICES
    )
    target_language = models.CharField(
        _("target language"), max_length=10, choices=LANGUAGE_CHOICES
    )
    source_text = models.TextField(_("source text"))
    target_text = models.TextField(_("target text"))
    # sha256 of the normalised source text: exact matches by an index on every database.
    source_hash = models.CharField(max_length=64)
    date = models.DateTimeField(_("date"))
    # The MinHash band keys of the source text (desk/memory/minhash.py), [] for a language
    # written without spaces: the fuzzy lookups' index on PostgreSQL (migration 0005).
    bands = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        verbose_name = _("translation memory segment")
        verbose_name_plural = _("translation memory segments")
        indexes = [
            # The hash first: an index by direction alone would tempt PostgreSQL's planner away
            # from the trigram indexes (migration 0002) on a small table.
            models.Index(
                fields=["source_hash", "source_language", "target_language"],
                name="desk_memory_exact",
            ),
            models.Index(fields=["page"], name="desk_memory_page"),
        ]

    def __str__(self):
        return f"{self.source_language}→{self.target_language} {self.source_text[:40]}"


class GlossaryTerm(models.Model):
    """An approved term pair (the university, a school, an office, an official's title): the
    editor highlights it in the source text, and before publishing the newsroom is warned
    when a translation lacks the approved form or uses a forbidden variant. `term` and
    `forbidden` are translated fields (desk/translation.py): one column per language."""

    term = models.CharField(_("term"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    do_not_translate = models.BooleanField(
        _("do not translate"),
        default=False,
        help_text=_("Written the same in every language (a name, an abbreviation)."),
    )
    forbidden = models.TextField(
        _("forbidden variants"),
        blank=True,
        help_text=_("Wrong forms seen in translations, one per line."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["term"]

    def __str__(self):
        return self.term


class TranslationClaim(models.Model):
    """A translator's "I am on it" for one language of a page: others see who has it."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("translator"),
    )
    claimed_at = models.DateTimeField(_("claimed"), auto_now_add=True)

    class Meta:
        verbose_name = _("translation claim")
        verbose_name_plural = _("translation claims")
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="desk_one_claim")]

    def __str__(self):
        return f"{self.page_id} {self.language} {self.user_id}"


class TranslationWork(models.Model):
    """How much of one language of an article is left to translate or revise, counted when its
    translation status is recorded (desk/queue/): the translator's queue lists and sorts it."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    # Words of the new and changed source segments, memory matches deducted (Chinese counted
    # by characters, as translators count it), and the segments and words the memory covers.
    words = models.PositiveIntegerField(_("words"), default=0)
    segments = models.PositiveIntegerField(_("segments"), default=0)
    matched_words = models.PositiveIntegerField(_("words matched by the memory"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("translation work")
        verbose_name_plural = _("translation work")
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="desk_one_work")]

    def __str__(self):
        return f"{self.page_id} {self.language} {self.words}"
