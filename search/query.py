"""A visitor's search: the query cleaned, cut into words like the index, and highlighted.

How text becomes words (jieba for Chinese, a prefix per language) is news/segmentation.py,
shared with the article model that builds the index.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe

from news import languages, segmentation
from news.models import ArticlePage, card_rows, listed_articles

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
    def _pattern(self):
        if not self.words:
            return None
        alternatives = []
        for word in sorted(self.words, key=len, reverse=True):  # 北理工 before 理工
            if word.isascii():
                # Latin words are matched from the start of a word: "project" marks "Projects".
                alternatives.append(rf"(?<![^\W_]){re.escape(word)}[^\W_]*")
            else:
                alternatives.append(re.escape(word))
        return re.compile("|".join(alternatives), re.IGNORECASE)

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
            parts.append(escape(text[end : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            end = match.end()
        parts.append(escape(text[end:]))
        return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def search_articles(query):
    """Live, public articles with every word of `query` in its language: title matches first,
    then the others, newest first in each (search/ranking.py); lazy, sliced by the paginator."""

    def articles():
        return card_rows(listed_articles(ArticlePage.objects.all()))

    words = query.backend_query.split()
    return ranking.SearchResults(articles, words, remember_as=(query.language,))
