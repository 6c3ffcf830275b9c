"""Where a text names a glossary term, or uses one of its forbidden variants.

A term is matched literally (its regex characters escaped). In a language written with
spaces (English) a term is a whole word or phrase, case-insensitive: "BIT" is not found in
"orbit". In a language written without them (Chinese) a term is a substring, except that a
term beginning or ending with a Latin letter or digit does not match inside a Latin word.
Where two matches overlap, the longest wins (北京理工大学 over 北理工).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from news import languages

from ..models import GlossaryTerm

LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Match:
    term: GlossaryTerm
    start: int
    end: int
    found: str  # the term's form (or the forbidden variant) in the text's language
    expected: str  # its approved form in the other language (for a variant: in this one)


def load_terms():
    """Every glossary term, in one query."""
    return list(GlossaryTerm.objects.all())


def form(term, code):
    """The term's approved form in language `code`: its own column, or for a term written
    the same in every language (do not translate), the default language's."""
    own = (getattr(term, languages.get(code).field("term"), "") or "").strip()
    if own:
        return own
    if term.do_not_translate:
        return (getattr(term, languages.DEFAULT.field("term"), "") or "").strip()
    return ""


def expected_form(term, code):
    """The approved form, in the other language, of the term as written in `code`."""
    if term.do_not_translate:
        return form(term, code)
    return form(term, languages.other(code).code)


def variants(term, code):
    """The term's forbidden variants in language `code`, one per line."""
    text = getattr(term, languages.get(code).field("forbidden"), "") or ""
    return [line.strip() for line in text.splitlines() if line.strip()]


@lru_cache(maxsize=4096)
def pattern(phrase, code):
    """The compiled literal pattern of `phrase` as written in language `code`."""
    body = re.escape(phrase)
    if not languages.get(code).segmented:
        return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)
    if LATIN.match(phrase[0]):
        body = rf"(?<![A-Za-z0-9]){body}"
    if LATIN.match(phrase[-1]):
        body = rf"{body}(?![A-Za-z0-9])"
    return re.compile(body, re.IGNORECASE)


def contains(text, phrase, code):
    """Whether `text` (in language `code`) has `phrase`, by the same rules."""
    return bool(phrase) and pattern(phrase, code).search(text or "") is not None


def _longest_first(matches):
    """The matches that do not overlap a longer one (the earlier one between equals), in
    the order of the text."""
    kept = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if all(match.end <= other.start or match.start >= other.end for other in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


def _find(text, code, candidates):
    matches = [
        Match(term, hit.start(), hit.end(), found, expected)
        for term, found, expected in candidates
        if found
        for hit in pattern(found, code).finditer(text)
    ]
    return _longest_first(matches)


def find_terms(text, code, terms=None):
    """The glossary terms `text` (in language `code`) names, as Matches in the order of the
    text: `found` is the term's form in `code`, `expected` its approved form in the other
    language (the same form for a term not translated). `terms`: the glossary, if loaded."""
    if not text:
        return []
    terms = load_terms() if terms is None else terms
    return _find(
        text, code, ((term, form(term, code), expected_form(term, code)) for term in terms)
    )


def forbidden_in(text, code, terms=None):
    """The forbidden variants `text` (in language `code`) uses, as Matches: `found` is the
    variant, `expected` the term's approved form in `code`."""
    if not text:
        return []
    terms = load_terms() if terms is None else terms
    candidates = (
        (term, variant, form(term, code)) for term in terms for variant in variants(term, code)
    )
    return _find(text, code, candidates)
