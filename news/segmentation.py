"""How the search index and the search query cut text into words, per language.

A leaf module: the page models use it to build their index text (news/models/searchable.py),
the search app to read a visitor's query, so both cut words the same way.

Wagtail's database backend splits text into words with the database's own tokenizer
(SQLite FTS5, PostgreSQL's text search parser), and both cut Chinese only at punctuation:
a whole clause is one "word", so 合作 is never found. A language marked `segmented` in
news/languages.py (Chinese) is therefore indexed as jieba's words (`jieba.cut_for_search`)
and its queries are cut the same way.

One page has one index entry holding both languages, and `search(fields=[...])` cannot
pick a language out of it: on SQLite `fields` must name a column of the full-text table
(title, body, autocomplete), on PostgreSQL it bypasses the index and reads model columns.
So every word of a segmented language is indexed with its `index_prefix` ("zhhans合作"),
and a search in that language looks only for prefixed words: English text can never match a
Chinese search, and Chinese text can never match an English one (English words are indexed
as written). No English word or pinyin syllable starts with "zhhans"; the prefix is letters
only, so that both tokenizers keep it joined to the word that follows.
"""

import functools
import logging
import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path

from .languages import LANGUAGES

# A run of letters and digits: what SQLite's unicode61 tokenizer and PostgreSQL's parser
# both treat as (part of) one word. Punctuation, quotes and operators never reach the backend.
WORD = re.compile(r"[^\W_]+")
_INDEX_PREFIXES = tuple(language.index_prefix for language in LANGUAGES if language.index_prefix)


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
    return [word for piece in _jieba().cut_for_search(text) for word in WORD.findall(piece)]


# English (an unsegmented language) compared word by word: words, runs of space, each sign.
TOKEN = re.compile(r"[^\W_]+|\s+|.", re.DOTALL)


def tokens(language, text):
    """`text` cut into the units a comparison marks (news/newsroom/translation_changes.py):
    jieba's words for a segmented language (its precise mode: no overlaps), else words,
    spaces and signs. Joined, they give `text` back."""
    if language.segmented:
        return list(_jieba().cut(text))
    return TOKEN.findall(text)


def index_text(language, *texts):
    """`texts` in `language` as the search index stores them: for a segmented language,
    prefixed words separated by spaces."""
    if not language.segmented:
        return " ".join(text for text in texts if text)
    return " ".join(
        language.index_prefix + word.lower()
        for text in texts
        if text
        for word in chinese_words(text)
    )


def query_words(language, text):
    """The words of a visitor's query in `language`, lower case, each once, in order."""
    return _query_words(language.code, text)


@functools.lru_cache(maxsize=1024)  # the same searches come again and again
def _query_words(code, text):
    language = next(language for language in LANGUAGES if language.code == code)
    if language.segmented:
        words = (word.lower() for word in chinese_words(text))
    else:
        words = WORD.findall(unicodedata.normalize("NFKC", text).lower())
        words = (word for word in words if not word.startswith(_INDEX_PREFIXES))
    return tuple(dict.fromkeys(words))


def backend_query(language, words):
    """The string given to Wagtail's search (operator "and") for `words` in `language`."""
    return " ".join(language.index_prefix + word for word in words)
