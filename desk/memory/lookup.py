"""The closest earlier translations of a text, from the memory (desk.models.MemorySegment).

Texts are compared normalised (`normalise`: markup dropped, white space collapsed). A score is
0–100: 100 only for the same normalised text (found by its hash, `source_hash`, on every
database), below it difflib's ratio of the two texts, by characters for a language written
without spaces (Chinese: `Language.segmented`), by words otherwise (English). Suggestions under
MIN_SCORE are left out. Only segments of pages still live are offered (the memory removes the
others on unpublish; the join on `page.live` is a second guard).

Fuzzy candidates on PostgreSQL, within FUZZY_TIMEOUT_MS (statement_timeout; past it only
exact matches are offered, so that a lookup stays fast, and a warning is logged:
bench/memory.py counts them):
- A language written with spaces (English, `not Language.segmented`): MinHash bands of the
  text's word pairs (desk/memory/minhash.py: 16 keys a text, written by record.py into
  MemorySegment.bands, a JSON list), a GIN jsonb_path_ops index per direction (migration
  0005). One subquery per key of the query (`bands @> '[key]'`, PER_BAND rows at most),
  UNION ALL; the CANDIDATES rows sharing the most keys are rescored here. A near text
  (score ≥ 75) shares a band with its original almost surely, an unrelated one almost never.
  Why not pg_trgm for English: at 100,000 realistic articles (1.6M rows, bench/memory.py,
  2-core machine) its GIN `%` scan takes 1.3–2.4 s at thresholds 0.5–0.7, 0.5–1 s at 0.9
  (Latin text's trigrams are shared by most rows), a GiST `<->` scan (siglen=256) 2.4–3 s;
  the guard fired on every English fuzzy lookup (recall 2 %). With the bands (same rows):
  English fuzzy p50 7 ms, p99 19 ms, no-match p99 13 ms, recall 100 %, guard never fired.
- A language written without spaces (Chinese): pg_trgm's `%` operator through a GIN trigram
  index (migration 0002; 0005 drops the English ones), with pg_trgm.similarity_threshold raised to
  TRIGRAM_THRESHOLD for the query (fewer rows to recheck; a near text with a trigram
  similarity under it is missed), the CANDIDATES most similar, rescored here. CJK trigrams
  are rare: p50 8 ms, p99 13 ms, recall 100 % at 100,000 articles.
- A text with an exact match gets its exact matches only: the fuzzy query is skipped (a
  100 % match is what the translator uses; the fuzzy query would cost a lookup up to the
  guard for near variants of it).
- SQLite (development, tests): no band or trigram index (the bands are written all the
  same); the fallback compares the text with the newest FALLBACK_WINDOW segments of the
  direction only, so an older translation is found only by an exact match there.

A text that is empty after normalising, or longer than MAX_LENGTH characters (MAX_RAW before),
is refused (`BadQuery`, a 400 for the JSON view), as are unknown or equal languages.
"""

import difflib
import hashlib
import json
import logging
import re

from django.db import OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desk.models import MemorySegment
from news import languages, paragraphs

from . import minhash

MIN_SCORE = 60  # a suggestion is at least this close (0–100)
MAX_RAW = 20_000  # characters of the text as sent, markup included
MAX_LENGTH = 2_000  # characters of the normalised text: a long paragraph
CANDIDATES = 30  # PostgreSQL: the indexes' best candidates, rescored
TRIGRAM_THRESHOLD = 0.5  # PostgreSQL: pg_trgm similarity a candidate needs (the index prunes)
PER_BAND = 50  # PostgreSQL: rows a band key brings at most
PG_TRGM_DEFAULT = "0.3"
FUZZY_TIMEOUT_MS = 40  # PostgreSQL: the fuzzy query's time at most (then exact matches only)
FALLBACK_WINDOW = 2_000  # SQLite: fuzzy matching among the newest segments of a direction
DEFAULT_LIMIT = 5

logger = logging.getLogger(__name__)

WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)
# Control characters (NUL, which PostgreSQL's text refuses, and the like): dropped.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class BadQuery(ValueError):
    """A lookup the memory does not answer; its message says why (shown to the translator)."""


def normalise(text):
    """`text` (plain or with markup) as the memory compares it: markup and entities dropped,
    control characters dropped, white space collapsed."""
    return paragraphs.clean(" ".join(paragraphs.rich_text(CONTROL.sub("", text or ""))))


def text_hash(normalised_text):
    return hashlib.sha256(normalised_text.encode()).hexdigest()


def checked(text, source, target):
    """The normalised `text`, or BadQuery for what the memory does not answer."""
    if source not in languages.CODES or target not in languages.CODES:
        raise BadQuery(_("Unknown language."))
    if source == target:
        raise BadQuery(_("The source and target languages must differ."))
    if len(text or "") > MAX_RAW:
        raise BadQuery(_("The text is too long to look up."))
    normalised = normalise(text)
    if not normalised:
        raise BadQuery(_("There is no text to look up."))
    if len(normalised) > MAX_LENGTH:
        raise BadQuery(_("The text is too long to look up."))
    return normalised


def _units(text, source):
    """What difflib compares: characters (Chinese) or words and punctuation (English)."""
    if languages.get(source).segmented:
        return list(text)
    return WORD.findall(text.lower())


class Scorer:
    """Scores candidates against one query; difflib's index of the query is built once."""

    def __init__(self, query, source):
        self.query, self.source = query, source
        self.matcher = difflib.SequenceMatcher(None)
        self.matcher.set_seq2(_units(query, source))

    def __call__(self, candidate):
        """0–100; 100 only when the normalised texts are equal."""
        if candidate == self.query:
            return 100
        matcher = self.matcher
        matcher.set_seq1(_units(candidate, self.source))
        if matcher.real_quick_ratio() * 100 < MIN_SCORE or matcher.quick_ratio() * 100 < MIN_SCORE:
            return 0
        return min(99, round(matcher.ratio() * 100))


def _segments(source, target):
    return MemorySegment.objects.filter(
        source_language=source, target_language=target, page__live=True
    )


def _rows(queryset, source):
    title = "page__" + languages.get(source).field("title")
    return queryset.values("source_text", "target_text", "page_id", "date", title=F(title))


def trigram_candidates(normalised, source, target):
    """PostgreSQL: the segments of the direction similar to `normalised` by pg_trgm's `%`
    (its trigram index), most similar first."""
    return (
        _segments(source, target)
        .extra(
            where=["desk_memorysegment.source_text %% %s"],
            select={"similarity": "similarity(desk_memorysegment.source_text, %s)"},
            select_params=[normalised],
            params=[normalised],
        )
        .order_by("-similarity")
    )


def band_query(normalised, source, target):
    """PostgreSQL: (SQL, parameters) of the ids of the segments of the direction sharing the
    most band keys with `normalised` (at most PER_BAND rows a key, from its GIN index), the
    CANDIDATES first; None when the text has no key."""
    keys = minhash.keys(normalised)
    if not keys:
        return None
    table = MemorySegment._meta.db_table
    per_key = " UNION ALL ".join(
        f"(SELECT id FROM {table} WHERE source_language = %s AND target_language = %s "  # noqa: S608 (constants)
        f"AND bands @> %s::jsonb LIMIT {PER_BAND})"
        for _ in keys
    )
    sql = (
        f"SELECT id FROM ({per_key}) hits "  # noqa: S608 (constants)
        f"GROUP BY id ORDER BY count(*) DESC, id DESC LIMIT {CANDIDATES}"
    )
    params = [value for key in keys for value in (source, target, json.dumps([key]))]
    return sql, params


def _band_rows(cursor, normalised, source, target):
    query = band_query(normalised, source, target)
    if query is None:
        return []
    cursor.execute(*query)
    ids = [pk for (pk,) in cursor.fetchall()]
    return list(_rows(_segments(source, target).filter(pk__in=ids), source)) if ids else []


def _trigram_rows(cursor, normalised, source, target):
    return list(_rows(trigram_candidates(normalised, source, target), source)[:CANDIDATES])


def _guarded_rows(normalised, source, target):
    """PostgreSQL's candidates (bands, or trigrams for a language written without spaces),
    within FUZZY_TIMEOUT_MS: none when it runs out (the exact matches are still offered)."""
    candidates = _band_rows if minhash.banded(source) else _trigram_rows
    settings = ("pg_trgm.similarity_threshold", "statement_timeout")
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # Set for this query only: restored after it (a timeout rolls them back); within
            # an outer transaction set_config(..., true) would outlive the savepoint.
            cursor.execute(
                "SELECT current_setting(%s, true), current_setting(%s, true), "
                "set_config(%s, %s, true), set_config(%s, %s, true)",
                [
                    *settings,
                    settings[0],
                    str(TRIGRAM_THRESHOLD),
                    settings[1],
                    str(FUZZY_TIMEOUT_MS),
                ],
            )
            before = cursor.fetchone()[:2]  # None: pg_trgm not loaded yet, its default
            before = (before[0] or PG_TRGM_DEFAULT, before[1])
            rows = candidates(cursor, normalised, source, target)
            cursor.execute(
                "SELECT set_config(%s, %s, true), set_config(%s, %s, true)",
                [settings[0], before[0], settings[1], before[1]],
            )
            return rows
    except OperationalError:  # the statement timeout
        logger.warning("translation memory: fuzzy lookup stopped after %s ms", FUZZY_TIMEOUT_MS)
        return []


def _candidates(normalised, source, target):
    """Rows that may be fuzzy matches (see the module)."""
    if connection.vendor == "postgresql":
        return _guarded_rows(normalised, source, target)
    newest = _segments(source, target).order_by("-date", "-pk")
    return list(_rows(newest, source)[:FALLBACK_WINDOW])


def suggest(text, source, target, limit=DEFAULT_LIMIT):
    """[{"source", "target", "score", "page_id", "title", "date"}], best first (then newest),
    score ≥ MIN_SCORE; one suggestion per distinct (source, target) text. BadQuery for a text
    or languages the memory does not answer."""
    normalised = checked(text, source, target)
    exact = _segments(source, target).filter(source_hash=text_hash(normalised))
    rows = [(100, row) for row in _rows(exact.order_by("-date"), source)[:limit]]
    # An exact match answers the lookup: no fuzzy query (see the module).
    fuzzy = [] if rows else _candidates(normalised, source, target)
    score = Scorer(normalised, source)
    for row in fuzzy:
        value = score(row["source_text"])  # stored normalised (record.py)
        if value >= MIN_SCORE:
            rows.append((value, row))
    rows.sort(key=lambda item: (item[0], item[1]["date"]), reverse=True)
    suggestions, seen = [], set()
    for value, row in rows:
        key = (row["source_text"], row["target_text"])
        if key in seen:
            continue
        seen.add(key)
        suggestions.append(
            {
                "source": row["source_text"],
                "target": row["target_text"],
                "score": value,
                "page_id": row["page_id"],
                "title": row["title"] or "",
                "date": timezone.localdate(row["date"]).isoformat(),
            }
        )
        if len(suggestions) == limit:
            break
    return suggestions


def exact_many(texts, source, target):
    """{text: the newest translation of its exact match} for those of `texts` the memory has
    (in one query); texts it refuses or lacks are left out."""
    by_hash = {}
    for text in texts:
        try:
            by_hash.setdefault(text_hash(checked(text, source, target)), []).append(text)
        except BadQuery:
            continue
    if not by_hash:
        return {}
    found = {}
    rows = (
        _segments(source, target)
        .filter(source_hash__in=list(by_hash))
        .order_by("-date", "-pk")
        .values_list("source_hash", "target_text")
    )
    for digest, target_text in rows:
        for text in by_hash[digest]:
            found.setdefault(text, target_text)
    return found
