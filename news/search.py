"""Site search in the visitor's language: index text, query parsing, highlighting.

Wagtail's database backend splits text into words with the database's own tokenizer
(SQLite FTS5, PostgreSQL's text search parser), and both cut Chinese only at punctuation:
a whole clause is one "word", so 合作 is never found. Chinese is therefore indexed as
jieba's words (`jieba.cut_for_search`) and the query is cut the same way.

One article has one index entry holding both languages, and `search(fields=[...])` cannot
pick a language out of it: on SQLite `fields` must name a column of the full-text table
(title, body, autocomplete), on PostgreSQL it bypasses the index and reads model columns.
So every Chinese word is indexed with CHINESE_WORD_PREFIX ("zhhans合作"), and a Chinese
search looks only for prefixed words: English text can never match a Chinese search, and
Chinese text can never match an English one (English words are indexed as written).
"""

import functools
import logging
import os
import re
import stat
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe

CHINESE = "zh-hans"
# No English word or pinyin syllable starts with it; letters only, so that both tokenizers
# keep it joined to the word that follows.
CHINESE_WORD_PREFIX = "zhhans"
MAX_QUERY_LENGTH = 200

# A run of letters and digits: what SQLite's unicode61 tokenizer and PostgreSQL's parser
# both treat as (part of) one word. Punctuation, quotes and operators never reach the backend.
_WORD = re.compile(r"[^\W_]+")


def _private_cache_dir():
    """A directory only this user can write, for jieba's dictionary cache.

    jieba caches its dictionary as a marshal file, by default /tmp/jieba.cache, and loads
    whatever it finds there: on a shared machine another user could plant one.
    """
    path = Path(tempfile.gettempdir()) / f"bitnews-jieba-{os.getuid()}"
    try:
        path.mkdir(mode=0o700, exist_ok=True)
        info = path.lstat()
    except OSError:  # a file or a link someone else put there
        info = None
    private = info and stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
    if private and not info.st_mode & 0o077:
        return path
    return Path(tempfile.mkdtemp(prefix="bitnews-jieba-"))


@functools.cache
def _jieba():
    """jieba with its dictionary loaded: once per process, on the first Chinese cut.

    That is the first Chinese search or the first article saved (indexed). Loading takes
    about a second and 90 MB; at start-up it would weigh on every manage.py command, test
    run and worker, most of which never cut a Chinese word. jieba's own lock makes two
    threads arriving at once load it only once.
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.tmp_dir = str(_private_cache_dir())
    jieba.initialize()
    return jieba


def chinese_words(text):
    """The words of `text` as jieba's search mode cuts them, in order, punctuation dropped.

    Search mode also yields the shorter words inside long ones (北理工 → 理工, 北理工), so a
    visitor finds an article by either.
    """
    text = unicodedata.normalize("NFKC", text)  # full-width ＡＩ２０２３ → AI2023
    return [word for piece in _jieba().cut_for_search(text) for word in _WORD.findall(piece)]


def chinese_index_text(*texts):
    """Chinese text as the search index stores it: prefixed words separated by spaces."""
    return " ".join(
        CHINESE_WORD_PREFIX + word.lower() for text in texts if text for word in chinese_words(text)
    )


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


def _unique(words):
    return tuple(dict.fromkeys(words))


@dataclass(frozen=True)
class SiteSearchQuery:
    """What a visitor searched for, in one language."""

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
        if self.language == CHINESE:
            return _unique(word.lower() for word in chinese_words(self.text))
        words = _WORD.findall(unicodedata.normalize("NFKC", self.text).lower())
        return _unique(word for word in words if not word.startswith(CHINESE_WORD_PREFIX))

    @property
    def backend_query(self):
        """The string given to Wagtail's search (operator "and"): safe words, space-separated."""
        if self.language == CHINESE:
            return " ".join(CHINESE_WORD_PREFIX + word for word in self.words)
        return " ".join(self.words)

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
    """Live, public articles matching every word of `query` in its language, best first.

    Returns Wagtail search results (lazy: a count and a slice are one query each).
    """
    from .models import ArticlePage, listed_articles

    return listed_articles(ArticlePage.objects.all()).search(query.backend_query, operator="and")
