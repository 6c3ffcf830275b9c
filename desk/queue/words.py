"""Counting a language's work: words of what is left to translate, memory matches deducted."""

import re

from news import languages
from news.models.translation_state import Status
from news.newsroom import translation_changes

from ..memory import align, lookup
from ..models import TranslationWork

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"\w+")


def count(text):
    """Words as translators count them: each Chinese character, each other word."""
    return len(CJK.findall(text)) + len(WORD.findall(CJK.sub(" ", text)))


def left_to_translate(page, state):
    """The source texts `state`'s language still needs, as of `page` (the version saved): a
    missing field's every segment, or an outdated version's new and changed paragraphs."""
    source = languages.other(state.language).code
    if state.status == Status.MISSING:
        present = {segment.field for segment in align.source_segments(page, state.language)}
        return [
            segment.text
            for segment in align.source_segments(page, source)
            if segment.field not in present
        ]
    if state.status == Status.OUTDATED:
        texts = []
        for change in translation_changes.changes(page, state.language, state, now=page):
            if change.missing:  # nothing to compare with: the whole field is to revise
                texts += [
                    segment.text
                    for segment in align.source_segments(page, source)
                    if segment.field == change.field
                ]
            for step in change.steps:
                if step.op in ("added", "changed"):
                    texts += [paragraph.text for paragraph in step.paragraphs]
        return texts
    return []


def recount(page, state):
    """Store (or clear) the work left in `state`'s language of `page`."""
    if state.status == Status.CURRENT:
        TranslationWork.objects.filter(page_id=page.pk, language=state.language).delete()
        return None
    texts = [text for text in left_to_translate(page, state) if text]
    source = languages.other(state.language).code
    matched = lookup.exact_many(texts, source, state.language) if texts else {}
    left = [text for text in texts if text not in matched]
    work, _ = TranslationWork.objects.update_or_create(
        page_id=page.pk,
        language=state.language,
        defaults={
            "words": sum(count(text) for text in left),
            "segments": len(left),
            "matched_words": sum(count(text) for text in matched),
        },
    )
    return work
