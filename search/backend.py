"""Wagtail's database search backend (PostgreSQL or SQLite, whichever the site runs on),
without the one chore it does on every save that grew with the archive.

Each time it indexes a page, Wagtail recomputes `title_norm` (the average title length over
the length of this title) for its relevance ranking: an average over every index entry and
an update scanning them all, twice a publish (350 ms of a publish at 100,000 articles on
PostgreSQL). search/ranking.py ranks by title match and date and never reads it.
"""

from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend


def without_title_norms(index_class):
    class ArchiveIndex(index_class):
        def _refresh_title_norms(self, full=False):
            """Not kept: nothing here ranks by it."""

    ArchiveIndex.__name__ = f"Archive{index_class.__name__}"
    return ArchiveIndex


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = DatabaseSearchBackend(params)
    backend.index_class = without_title_norms(backend.index_class)
    return backend
