"""Which texts of a page a translator translates, and which are translations of each other.

`source_segments(page, code)`: the title, the summary or introduction where the page type has
one, then each body paragraph (news/paragraphs.py), of language `code`.

`pairs(page, source, target)`: the aligned (source text, target text) of a page, never guessed:
- title, summary, introduction: one pair each when both sides have text;
- the body: paragraph i with paragraph i, only when both sides have the same sequence of block
  kinds (paragraph, quote, image caption…); otherwise no body pair at all;
- within each paired paragraph (or summary, introduction), sentence j with sentence j when
  both split into the same number (more than one) of sentences. A sentence ends after
  `。！？`, or after `.!?` followed by white space (`SENTENCE_END`), in either language: a
  decimal point or an abbreviation without a space after it never splits.
A pair whose two sides are equal (an untranslated copy) or that has no letter (digits,
punctuation) is left out.
"""

import re
from dataclasses import dataclass

from modeltranslation.translator import NotRegistered, translator

from news import paragraphs

# The fields a translator translates, in reading order; a page type has those among them that
# it translates (ArticlePage, EventPage: title, summary, body; StandardPage: title, intro,
# body; ContactPage: title, intro).
FIELDS = ("title", "summary", "intro", "body")
BODY = "body"
SENTENCE_SUFFIX = "-sentence"  # the field of a sentence pair: "body-sentence"
SENTENCE_END = re.compile(r"(?<=[。！？])|(?<=[.!?])\s+")


@dataclass(frozen=True)
class Segment:
    field: str
    position: int
    text: str


@dataclass(frozen=True)
class Pair:
    field: str
    position: int
    source_text: str
    target_text: str


def fields_of(page):
    """The fields of FIELDS that `page`'s type translates, in reading order."""
    try:
        translated = translator.get_options_for_model(type(page)).all_fields
    except NotRegistered:
        return ()
    return tuple(field for field in FIELDS if field in translated)


def source_segments(page, code):
    """[Segment] of language `code` of `page` (any page object, e.g. a revision's
    `as_object()`): what a translator translates from, in reading order."""
    segments = []
    for field in fields_of(page):
        for position, paragraph in enumerate(paragraphs.of_field(page, field, code)):
            segments.append(Segment(field, position, paragraph.text))
    return segments


def sentences(text):
    """`text` cut into sentences (SENTENCE_END)."""
    return [part.strip() for part in SENTENCE_END.split(text) if part and part.strip()]


def worth_keeping(source_text, target_text):
    """Not an untranslated copy, and some letter (Latin, CJK…) on both sides."""
    return (
        source_text != target_text
        and any(ch.isalpha() for ch in source_text)
        and any(ch.isalpha() for ch in target_text)
    )


def _with_sentences(field, position, source_text, target_text, counter):
    found = [Pair(field, position, source_text, target_text)]
    source_parts, target_parts = sentences(source_text), sentences(target_text)
    if len(source_parts) > 1 and len(source_parts) == len(target_parts):
        for source_part, target_part in zip(source_parts, target_parts, strict=True):
            found.append(Pair(field + SENTENCE_SUFFIX, counter[0], source_part, target_part))
            counter[0] += 1
    return found


def pairs(page, source, target):
    """[Pair] of `page` from language `source` to language `target` (see the module)."""
    found = []
    for field in fields_of(page):
        counter = [0]  # the position of the field's sentence pairs
        source_paragraphs = paragraphs.of_field(page, field, source)
        target_paragraphs = paragraphs.of_field(page, field, target)
        if field == BODY:
            if [p.kind for p in source_paragraphs] != [p.kind for p in target_paragraphs]:
                continue  # never guess which paragraph translates which
        elif not (source_paragraphs and target_paragraphs):
            continue
        for position, (left, right) in enumerate(
            zip(source_paragraphs, target_paragraphs, strict=False)
        ):
            if field == "title":
                found.append(Pair(field, position, left.text, right.text))
            else:
                found += _with_sentences(field, position, left.text, right.text, counter)
    return [pair for pair in found if worth_keeping(pair.source_text, pair.target_text)]
