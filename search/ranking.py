"""Which pages match a search, and in which order, fast at 100,000 articles.

The match reads Wagtail's own search index (one entry per page, both languages; words as
news/segmentation.py cuts them, English stemmed: search/backend.py) through each database's
full-text index: PostgreSQL's `(title || body) @@ to_tsquery('english', …)` with the GIN
index of news migration 0012, SQLite's FTS5 table with a column filter. The entry's `title`
column holds every language's title (news/models/searchable.py, IndexedTitles).

Stories (articles and events, `SearchResults`) are ranked in two plans, chosen by how many
entries match (one query, stopping at CANDIDATES + 1):
- **Up to CANDIDATES** (nearly every real search): title matches first, then the others,
  newest first in each. The listed articles among the candidates are counted and sorted by
  the database: a few thousand rows at most, 5–20 ms.
- **More** (a word in one story of twenty or more): newest first, walking the listing index
  and probing each article's entry until the page is full (a few hundred probes), and
  "more than MAX_RESULTS" without counting. Ranking every match, as Wagtail's search did,
  cost 50–280 ms at 100,000 articles for such a word, and seconds on SQLite.
Either way no more than MAX_RESULTS are listed: past that, a visitor is asked to add a word.

The site's own pages (About, Contact: a few dozen, `matching_pages`) join them by the same
rule (`SiteSearchResults`): those with every word in the title first, before the stories with
them in theirs; those with the words in their text next, before the other stories. They have
no news date: among themselves, in the tree's order.

What a search found is kept until a write of what it shows (news/cache/) when the caller
names it (`remember_as`): the same words searched again, until the next publish, ask only for
the page's ten results. A search for site pages records their list's tag (`list:pages`), so
one published after it is found.
"""

import functools
import hashlib

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import BooleanField, Case, CharField, Exists, F, OuterRef, Q, Value, When
from django.db.models.expressions import CombinedExpression, ExpressionWrapper, RawSQL
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from wagtail.search import models as search_models

from news.cache import fragments
from news.cache import tags as cache_tags
from news.models.base import public_q

from .backend import TEXT_SEARCH_CONFIG

MAX_RESULTS = 300
CANDIDATES = 2000
# How long a search's results are kept at most (the next publish ends them sooner): a popular
# search is asked once, the endless others do not fill the cache.
KEPT_FOR = 10 * 60


def _tsquery(words):
    # The words are letters and digits only (segmentation.WORD): nothing to escape.
    # The English configuration stems the words as it stemmed the index's (search/backend.py).
    query = " & ".join(f"'{word}'" for word in words)
    return SearchQuery(query, search_type="raw", config=TEXT_SEARCH_CONFIG)


def _fts_match(words, columns):
    """SQL selecting the rowids of the FTS5 entries whose `columns` hold every word."""
    fts = search_models.SQLiteFTSIndexEntry._meta.db_table
    fields, all_words = " ".join(columns), " AND ".join(f'"{word}"' for word in words)
    match = f"{{{fields}}}: ({all_words})"  # FTS5: {title body}: ("a" AND "b")
    return f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [match]  # noqa: S608


@functools.cache
def with_subclasses(models):
    """The concrete models among `models` (a tuple) and their subclasses (an article: events
    too, whose index entries are their own content type's)."""
    return tuple(
        model
        for model in apps.get_models()
        if issubclass(model, models) and not model._meta.abstract and not model._meta.proxy
    )


def content_type_ids(models):
    """{model: its content type's id} of `models` and their subclasses (Django keeps them once
    asked: no query after the first)."""
    found = ContentType.objects.get_for_models(*with_subclasses(models))
    return {model: content_type.pk for model, content_type in found.items()}


def entries_matching(models, words, columns):
    """Wagtail's index entries of `models` (a model or a tuple, with their subclasses) whose
    `columns` ("title", "body") hold every word."""
    models = models if isinstance(models, tuple) else (models,)
    entries = search_models.IndexEntry.objects.filter(
        content_type_id__in=sorted(content_type_ids(models).values())
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

    def kept(self, build, *parts, keep=fragments.fragment):
        """`build()`, kept under this search's words and `parts` when it is remembered
        (`remember_as`); with the tags of what it read."""
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

        return self.kept(count, "total")

    @cached_property
    def titled(self):
        """How many of the results listed have every word in the title (they come first)."""

        def count():
            if self.candidates is None:
                return 0  # newest first, untiered
            tiers = self.ranked.order_by("search_tier").values_list("search_tier", flat=True)
            return list(tiers[: self.limit]).count(0)

        return min(self.kept(count, "titled"), self.count())

    @property
    def more(self):
        return self.total > self.limit

    def count(self):
        return min(self.total, self.limit)

    def __getitem__(self, key):
        start, stop = slice_bounds(key, self.count())
        if start >= stop:
            return []
        return self.kept(lambda: self.rows(start, stop), start, stop, keep=fragments.fragment_copy)

    def rows(self, start, stop):
        # Sorting up to CANDIDATES full rows to show ten cost ~20 ms at 100,000 articles: the
        # ids are sorted, and the page's ten loaded by them.
        ids = list(self.ranked.values_list("pk", flat=True)[start:stop])
        found = {
            article.pk: article for article in self.articles.filter(pk_in(self.articles.model, ids))
        }
        return [found[pk] for pk in ids if pk in found]


def slice_bounds(key, count):
    """(start, stop) of a slice of a list of `count` results (the Paginator's slices)."""
    if not isinstance(key, slice) or key.step is not None:
        raise TypeError("search results take slices only")
    start = key.start or 0
    return start, count if key.stop is None else min(key.stop, count)


def matching_pages(models, words):
    """[(page, every word in its title)] of the live, public pages of `models` (a tuple of
    page types: a few dozen pages) with every word: title matches first, then in the tree's
    order. Two queries at most when some match (the entries, each type's pages), one when
    none does; it records the types' list tags (`cache_list_tags`), since it shows a new page
    of them that matches."""
    for model in models:
        cache_tags.record(*model.cache_list_tags)
    entries = entries_matching(models, words, ["title", "body"])
    rows = entries.annotate(in_title=title_match(words)).values_list(
        "content_type_id", "object_id", "in_title"
    )
    found = {}
    for content_type_id, object_id, in_title in rows[:CANDIDATES]:
        found.setdefault(content_type_id, {})[int(object_id)] = bool(in_title)
    pages = []
    for model, content_type_id in content_type_ids(models).items():
        ids = found.get(content_type_id)
        if ids:
            live = model.objects.live().filter(public_q(), pk__in=list(ids)).defer_streamfields()
            pages += [(page, ids[page.pk]) for page in live]
    return sorted(pages, key=lambda found: (not found[1], found[0].path))


class SiteSearchResults:
    """Stories (`SearchResults`) and the site's pages (`matching_pages`) in one list for
    Django's Paginator: pages with every word in the title, stories with every word in the
    title, the other pages, the other stories. `count()` is at most the stories' limit."""

    def __init__(self, stories, page_types):
        self.stories = stories
        self.page_types = page_types

    @cached_property
    def pages(self):
        def find():
            return matching_pages(self.page_types, self.stories.words)

        return self.stories.kept(find, "pages", keep=fragments.fragment_copy)

    @cached_property
    def total(self):
        return len(self.pages) + self.stories.total

    @property
    def more(self):
        return self.total > self.stories.limit

    def count(self):
        return min(self.total, self.stories.limit)

    def __getitem__(self, key):
        start, stop = slice_bounds(key, self.count())
        if start >= stop:
            return []
        head = [page for page, in_title in self.pages if in_title]
        tail = [page for page, in_title in self.pages if not in_title]
        titled = self.stories.titled if tail else 0

        def at(position):  # a page, or a story's position among the stories
            if position < len(head):
                return head[position]
            position -= len(head)
            if position < titled:
                return position
            position -= titled
            if position < len(tail):
                return tail[position]
            return titled + position - len(tail)

        shown = [at(position) for position in range(start, stop)]
        positions = [item for item in shown if isinstance(item, int)]
        if positions:
            rows = self.stories[positions[0] : positions[-1] + 1]
            found = dict(enumerate(rows, start=positions[0]))
            shown = [found.get(item) if isinstance(item, int) else item for item in shown]
        return [item for item in shown if item is not None]
