"""A prototype, not the product: MinHash bands as the index of the English fuzzy lookups,
measured on the rows that `python -m bench.memory --articles 100000 --keep` leaves (PostgreSQL).

Why: at 100,000 realistic articles pg_trgm cannot serve English (bench/memory.py's figures: the
GIN `%` scan takes 0.5–2.4 s at similarity thresholds 0.5–0.9, GiST `<->` with siglen=256
2.4–3 s; Latin text's trigrams are shared by most rows), while Chinese is served in ~10 ms.

Sketch of a segment: its word bigrams hashed once each (crc32, mixed), one-permutation MinHash
into BINS bins (an empty bin borrows its right neighbour's value, "densification"), cut into
bands of ROWS bins; a band's hash is an index key. A band made of one copied shingle carries
no information and is left out. Two texts collide in a band with probability ≈ J^ROWS (J: the
Jaccard similarity of their bigrams), so a near text (difflib score ≥ 75) shares a band with
its original almost surely, an unrelated one almost never. Lookup: for each band of the query,
at most PER_BAND rows having it (GIN on int[]), ranked by the number of bands shared; the
CANDIDATES first are rescored by desk.memory.lookup.Scorer.

Figures at 100,000 articles (800,000 English rows, this 2-core machine, other jobs running):
sketch 102 µs a row (81 s), GIN build 28 s, 291 MB; fuzzy p50 2.0–2.5 ms, p99 8–12 ms,
no-match p99 7–10 ms, recall of near matches (score ≥ 75) 98.7–100 % (150 lookups, twice).

`python -m bench.memory_minhash build`, then `python -m bench.memory_minhash measure`;
`drop` removes its table.
"""

import io
import re
import statistics
import sys
import time
import zlib

import django

BINS, ROWS = 64, 4
PER_BAND, CANDIDATES = 50, 30
LOOKUPS = 150
TABLE = "bench_memory_bands"
WORD = re.compile(r"\w+")
MERSENNE = (1 << 61) - 1


def sketch(text):
    """The band keys (int32) of `text`."""
    words = WORD.findall(text.lower())
    mins = {}
    for i in range(max(1, len(words) - 1)):
        mixed = zlib.crc32(" ".join(words[i : i + 2]).encode()) * 0x9E3779B97F4A7C15 % MERSENNE
        slot, value = mixed % BINS, mixed // BINS
        if value < mins.get(slot, MERSENNE):
            mins[slot] = value
    if not mins:
        return []
    full = []
    for j in range(BINS):
        k = j
        while k % BINS not in mins:
            k += 1
        full.append((mins[k % BINS], k - j))
    bands = []
    for i in range(0, BINS, ROWS):
        part = full[i : i + ROWS]
        if all(distance for _, distance in part[1:]) and len({v for v, _ in part}) == 1:
            continue
        bands.append(zlib.crc32(repr((i, part)).encode()) - (1 << 31))
    return bands


def build(cursor, english):
    out = io.StringIO()
    cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
    cursor.execute(f"CREATE TABLE {TABLE} (id integer PRIMARY KEY, bands integer[])")
    cursor.cursor.copy_expert(
        "COPY (SELECT id, source_text FROM desk_memorysegment "  # noqa: S608 (constants)
        f"WHERE source_language = '{english}') TO STDOUT",
        out,
    )
    started, rows = time.monotonic(), io.StringIO()
    for line in out.getvalue().splitlines():
        pk, text = line.split("\t", 1)
        rows.write(f"{pk}\t{{{','.join(map(str, sketch(text)))}}}\n")
    print("sketch s", round(time.monotonic() - started, 1))
    rows.seek(0)
    cursor.cursor.copy_expert(f"COPY {TABLE} FROM STDIN", rows)
    started = time.monotonic()
    cursor.execute(f"CREATE INDEX {TABLE}_gin ON {TABLE} USING gin (bands)")
    cursor.execute(f"ANALYZE {TABLE}")
    print("gin s", round(time.monotonic() - started, 1))


def lookup(cursor, text, score):
    """[(score, source text)]: the best CANDIDATES by shared bands, rescored."""
    bands = sketch(text)
    if not bands:
        return []
    per_band = " UNION ALL ".join(
        f"(SELECT id FROM {TABLE} WHERE bands @> ARRAY[%s] LIMIT {PER_BAND})"  # noqa: S608
        for _ in bands
    )
    cursor.execute(
        f"SELECT s.source_text FROM (SELECT id, count(*) shared FROM ({per_band}) x "  # noqa: S608 (constants)
        f"GROUP BY id ORDER BY shared DESC LIMIT {CANDIDATES}) k "
        "JOIN desk_memorysegment s ON s.id = k.id",
        bands,
    )
    return sorted(((score(row), row) for (row,) in cursor.fetchall()), reverse=True)[:5]


def measure(cursor, english):
    from bench.memory_text import Writer
    from desk.memory.lookup import MIN_SCORE, Scorer

    cursor.execute(
        "SELECT source_text FROM desk_memorysegment WHERE source_language = %s "
        "AND field LIKE 'bench%%' ORDER BY random() LIMIT %s",
        [english, LOOKUPS],
    )
    writer, times, near, found = Writer(99), {"fuzzy": [], "none": []}, 0, 0
    for (original,) in cursor.fetchall():
        edits = writer.rng.randint(1, max(1, len(original.split()) // 6))
        text = writer.near(original, False, edits)
        score = Scorer(text, english)
        began = time.perf_counter()
        got = lookup(cursor, text, score)
        times["fuzzy"].append(1000 * (time.perf_counter() - began))
        if score(original) >= 75:
            near += 1
            found += any(row == original and value >= MIN_SCORE for value, row in got)
        other = writer.paragraph()[0]
        began = time.perf_counter()
        lookup(cursor, other, Scorer(other, english))
        times["none"].append(1000 * (time.perf_counter() - began))
    for kind, values in times.items():
        values.sort()
        print(kind, "p50", round(statistics.median(values), 2), "p99", round(values[-2], 2))
    print("recall", found, "/", near)


def main():
    django.setup()
    from django.db import connection

    from news import languages

    english = languages.DEFAULT.code
    with connection.cursor() as cursor:
        if sys.argv[1] == "build":
            build(cursor, english)
        elif sys.argv[1] == "measure":
            measure(cursor, english)
        else:
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


if __name__ == "__main__":
    main()
