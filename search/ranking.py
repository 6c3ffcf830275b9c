"""Which articles match a search, and in which order, fast at 100,000 articles.

The match reads Wagtail's own search index (one entry per article, both languages; words as
news/segmentation.py cuts them) through each database's full-text index: PostgreSQL's
`(title || body) @@ to_tsquery(…)` with the GIN index of news migration 0012, SQLite's FTS5
table with a column filter. The entry's `title` column holds every language's title
(news/models/article.py, IndexedTitles).

Two plans, chosen by how many entries match (one query, stopping at CANDIDATES + 1):
- **Up to CANDIDATES** (nearly every real search): title matches first, then the others,
  newest first in each. The listed articles among the candidates are counted and sorted by
  the database: a few thousand rows at most, 5–20 ms.
- **More** (a word in one story of twenty or more): newest first, walking the listing index
  and probing each article's entry until the page is full (a few hundred probes), and
  "more than MAX_RESULTS" without counting. Ranking every match, as Wagtail's search did,
  cost 50–280 ms at 100,000 articles for such a word, and seconds on SQLite.
Either way no more than MAX_RESULTS are listed: past that, a visitor is asked to add a word.

What a search found is kept until a write of what it shows (news/cache/) when the caller
names it (`remember_as`): the same words searched again, until the next publish, ask only for
the page's ten articles.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import BooleanField, Case, CharField, Exists, F, OuterRef, Q, Value, When
from django.db.models.expressions import CombinedExpression, ExpressionWrapper, RawSQL
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from wagtail.search import models as search_models

from news.cache import fragments

MAX_RESULTS = 300
CANDIDATES = 2000
# How long a search's results are kept at most (the next publish ends them sooner): a popular
# search is asked once, the endless others do not fill the cache.
KEPT_FOR = 10 * 60


def _tsquery(words):
    # The words are letters and digits only (segmentation.WORD): nothing to escape.
    return SearchQuery(" & ".join(f"'{word}'" for word in words), search_type="raw")


def _fts_match(words, columns):
    """SQL selecting the rowids of the FTS5 entries whose `columns` hold every word."""
    fts = search_models.SQLiteFTSIndexEntry._meta.db_table
    fields, all_words = " ".join(columns), " AND ".join(f'"{word}"' for word in words)
    match = f"{{{fields}}}: ({all_words})"  # FTS5: {title body}: ("a" AND "b")
    return f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [match]  # noqa: S608


def entries_matching(model, words, columns):
    """Wagtail's index entries of `model` whose `columns` ("title", "body") hold every word."""
    entries = search_models.IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model)
    )
    if connection.vendor == "postgresql":
        vector = F(columns[0])
        for column in columns[1:]:
            vector = CombinedExpression(vector, "||", F(column), output_field=SearchVectorField())
        return entries.annotate(_vector_=vector).filter(_vector_=_tsquery(words))
    # The words travel as a parameter; only table names are in the SQL.
    return entries.filter(pk__in=RawSQL(*_fts_match(words, columns)))  # noqa: S611


def title_match(words):
    """For an entry of entries_matching: whether its title holds every word."""
    if connection.vendor == "postgresql":
        return ExpressionWrapper(Q(title=_tsquery(words)), output_field=BooleanField())
    sql, params = _fts_match(words, ["title"])
    table = search_models.IndexEntry._meta.db_table
    return RawSQL(f"{table}.id IN ({sql})", params, output_field=BooleanField())  # noqa: S611


def pk_in(model, ids):
    """`pk IN ids`; on PostgreSQL one array parameter (`= ANY(%s)`): Django's `__in` makes a
    placeholder and a lookup object per id, 10 ms of CPU for 2,000 ids."""
    if connection.vendor == "postgresql":
        column = f'"{model._meta.db_table}"."{model._meta.pk.column}"'
        return RawSQL(f"{column} = ANY(%s)", [ids], output_field=BooleanField())  # noqa: S611
    return Q(pk__in=ids)


class SearchResults:
    """The articles among `articles()` (a listing's queryset) with every word, for Django's
    Paginator: `count()` is at most `limit`, `more` says whether there were others, and a
    slice is one query. With `remember_as` (the parts of a fragment key that say which
    articles were searched, e.g. the language), the total and each page's rows are kept until
    a story changes, and the queryset is not even built when they are."""

    def __init__(self, articles, words, limit=None, remember_as=None):
        self.make_articles = articles
        self.words = words
        self.limit = MAX_RESULTS if limit is None else limit
        self.remember_as = remember_as

    @cached_property
    def articles(self):
        return self.make_articles()

    def _kept(self, build, *parts, keep=fragments.fragment):
        if self.remember_as is None:
            return build()
        # a digest: a search may hold up to a few hundred words
        words = hashlib.sha256("\x1f".join(self.words).encode()).hexdigest()[:24]
        parts = ("search", *self.remember_as, words, *parts)
        return keep(None, parts, build, timeout=KEPT_FOR)

    @cached_property
    def candidates(self):
        """{article id: title matches} of the matching entries, or None past CANDIDATES."""
        entries = entries_matching(self.articles.model, self.words, ["title", "body"])
        rows = entries.annotate(in_title=title_match(self.words)).values_list(
            "object_id", "in_title"
        )[: CANDIDATES + 1]
        found = {int(object_id): bool(in_title) for object_id, in_title in rows}
        return None if len(found) > CANDIDATES else found

    @cached_property
    def ranked(self):
        """The results in their order (a queryset, not yet run)."""
        if self.candidates is None:  # a common word: newest first, found by walking
            own_entry = entries_matching(self.articles.model, self.words, ["title", "body"])
            own_entry = own_entry.filter(object_id=Cast(OuterRef("pk"), CharField(max_length=50)))
            return self.articles.filter(Exists(own_entry))
        model = self.articles.model
        in_title = [pk for pk, title in self.candidates.items() if title]
        tier = Case(When(pk_in(model, in_title), then=Value(0)), default=Value(1))
        return (
            self.articles.filter(pk_in(model, list(self.candidates)))
            .annotate(search_tier=tier)
            .order_by("search_tier", *self.articles.query.order_by)
        )

    @cached_property
    def total(self):
        """How many results there are, as far as one past the limit."""

        def count():
            if self.candidates is None:
                return self.limit + 1  # more than CANDIDATES entries: not counted
            return self.ranked.order_by()[: self.limit + 1].count()

        return self._kept(count, "total")

    @property
    def more(self):
        return self.total > self.limit

    def count(self):
        return min(self.total, self.limit)

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step is not None:
            raise TypeError("SearchResults takes slices only")
        start = key.start or 0
        stop = self.count() if key.stop is None else min(key.stop, self.count())
        if start >= stop:
            return []
        return self._kept(lambda: self.rows(start, stop), start, stop, keep=fragments.fragment_copy)

    def rows(self, start, stop):
        # Sorting up to CANDIDATES full rows to show ten cost ~20 ms at 100,000 articles: the
        # ids are sorted, and the page's ten loaded by them.
        ids = list(self.ranked.values_list("pk", flat=True)[start:stop])
        found = {
            article.pk: article for article in self.articles.filter(pk_in(self.articles.model, ids))
        }
        return [found[pk] for pk in ids if pk in found]
