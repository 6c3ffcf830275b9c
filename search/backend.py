"""Wagtail's database search backend (PostgreSQL or SQLite, whichever the site runs on),
stemming English, without the one chore it does on every save that grew with the archive.

English words are indexed and searched by their stem, so that "cooperate" finds
"cooperation" and "robot" "robots": on PostgreSQL with its English text-search configuration
(`TEXT_SEARCH_CONFIG`, named here rather than left to the database's default, which initdb
sets from the locale: "simple", no stemming, under zh_CN.UTF-8); on SQLite with FTS5's porter
tokenizer (search/migrations/0001). Chinese is indexed as prefixed jieba words
(news/segmentation.py), which neither stems nor takes for English stop words: "zhhans合作"
stays as it is, and a Latin word in Chinese text is stemmed alike in the index and the query.

Each time it indexes a page, Wagtail recomputes `title_norm` (the average title length over
the length of this title) for its relevance ranking: an average over every index entry and
an update scanning them all, twice a publish (350 ms of a publish at 100,000 articles on
PostgreSQL). search/ranking.py ranks by title match and date and never reads it.
"""

from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

TEXT_SEARCH_CONFIG = "english"


def without_title_norms(index_class):
    class ArchiveIndex(index_class):
        def _refresh_title_norms(self, full=False):
            """Not kept: nothing here ranks by it."""

    ArchiveIndex.__name__ = f"Archive{index_class.__name__}"
    return ArchiveIndex


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = DatabaseSearchBackend({"SEARCH_CONFIG": TEXT_SEARCH_CONFIG, **params})
    backend.index_class = without_title_norms(backend.index_class)
    return backend
