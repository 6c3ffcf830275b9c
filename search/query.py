"""A visitor's search: the query cleaned, cut into words like the index, and highlighted.

How text becomes words (jieba for Chinese, a prefix per language) is news/segmentation.py,
shared with the page models that build the index. The database matches English words by
their stem (search/backend.py); the marks in the results do the same with the Snowball
English stemmer (the algorithm of PostgreSQL's English configuration), so that "cooperate"
marks the "cooperation" it found.
"""

import functools
import os
import re
import threading
import unicodedata
from dataclasses import dataclass

import snowballstemmer
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import get_page_models

from news import languages, segmentation
from news.models import ArticlePage, SearchableText, card_rows, listed_articles

from . import ranking

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The visitor's query without control characters (NUL…) and with single spaces.

    Returns (text, shortened): the text is cut to MAX_QUERY_LENGTH characters.
    """
    if not isinstance(raw, str):
        return "", False
    printable = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in raw)
    text = " ".join(printable.split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    return text[:MAX_QUERY_LENGTH].rstrip(), True


_stemmers = threading.local()  # a stemmer keeps the word it works on: one per thread


@functools.lru_cache(maxsize=4096)
def stem(word):
    """The stem of a lower-case English word: "cooperation" → "cooper"."""
    if not hasattr(_stemmers, "english"):
        _stemmers.english = snowballstemmer.stemmer("english")
    return _stemmers.english.stemWord(word)


@dataclass(frozen=True)
class SiteSearchQuery:
    """What a visitor searched for, in one language (its code)."""

    text: str
    language: str
    shortened: bool = False

    @classmethod
    def from_raw(cls, raw, language):
        text, shortened = clean_query(raw)
        return cls(text=text, language=language, shortened=shortened)

    @cached_property
    def words(self):
        """The words looked up in the index, as the visitor would recognise them."""
        return segmentation.query_words(languages.get(self.language), self.text)

    @property
    def backend_query(self):
        """The string given to Wagtail's search (operator "and"): safe words, space-separated."""
        return segmentation.backend_query(languages.get(self.language), self.words)

    @cached_property
    def _stems(self):
        return {stem(word) for word in self.words if word.isascii()}

    @cached_property
    def _pattern(self):
        if not self.words:
            return None
        alternatives = []
        for word in sorted(self.words, key=len, reverse=True):  # 北理工 before 理工
            if word.isascii():
                # A Latin word is matched from the start of a word, in any of its forms
                # (`_marks`): "project" marks "Projects", "cooperate" "cooperation".
                start = os.path.commonprefix([word, stem(word)])
                alternatives.append(rf"(?<![^\W_]){re.escape(start)}[^\W_]*")
            else:
                alternatives.append(re.escape(word))
        return re.compile("|".join(alternatives), re.IGNORECASE)

    def _marks(self, found):
        """Whether `found` (a match of `_pattern`) is a searched word: a Chinese word, or a
        Latin word starting with a searched one or of the same stem."""
        if not found.isascii():
            return True
        found = found.lower()
        return found.startswith(tuple(self.words)) or stem(found) in self._stems

    def highlight(self, text):
        """`text` as safe HTML, each searched word in it wrapped in <mark>.

        Matches are found in the raw text and every piece is escaped on its own, so a mark
        never lands inside an entity or a tag, and nothing in `text` is left unescaped.
        """
        text = "" if text is None else str(text)
        if self._pattern is None:
            return escape(text)
        parts = []
        end = 0
        for match in self._pattern.finditer(text):
            if not self._marks(match.group()):
                continue
            parts.append(escape(text[end : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            end = match.end()
        parts.append(escape(text[end:]))
        return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


@functools.cache
def site_page_types():
    """The page types the search finds besides stories: the site's own pages."""
    return tuple(
        model
        for model in get_page_models()
        if issubclass(model, SearchableText) and not issubclass(model, ArticlePage)
    )


def search_pages(query):
    """Live, public pages with every word of `query` in its language: articles and events
    (their cards' rows) and the site's own pages; those with every word in the title first,
    then the others, stories newest first (search/ranking.py); lazy, sliced by the
    paginator."""

    def articles():  # events too: an event is an article (news/models/events.py)
        return card_rows(listed_articles(ArticlePage.objects.all()))

    words = query.backend_query.split()
    stories = ranking.SearchResults(articles, words, remember_as=(query.language,))
    return ranking.SiteSearchResults(stories, site_page_types())
