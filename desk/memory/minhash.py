"""The MinHash band keys of a text written with spaces (English): the index of its fuzzy
lookups on PostgreSQL (desk/memory/lookup.py says why, migration 0005 holds them).

Shingles: the normalised text's lower-cased word pairs (a one-word text: the word). Each is
hashed once (crc32, then multiplied by a fixed odd constant modulo a Mersenne prime), and the
text's sketch is its minimum in each of BINS bins ("one-permutation" MinHash: BINS hash values
for the price of one hash a shingle; an empty bin borrows its right neighbour's value,
"densification"). The sketch is cut into BANDS bands of ROWS values; a band's crc32 (signed
32-bit) is a key. Two texts share a band with probability ≈ J^ROWS (J: the Jaccard similarity
of their word pairs): a near text (difflib score ≥ 75) shares one with its original almost
surely, an unrelated text almost never. A band made of one copied value (a very short text)
says nothing and is left out. Everything is fixed (no Python `hash()`, no seed from the
process): the same text has the same keys in every process, on every machine.
"""

import re
import zlib

from news import languages

BINS, ROWS = 64, 4
BANDS = BINS // ROWS  # 16
MIX = 0x9E3779B97F4A7C15  # a fixed odd multiplier (the golden ratio's bits)
MERSENNE = (1 << 61) - 1
WORD = re.compile(r"\w+")


def keys(text):
    """The band keys (ints, signed 32-bit, at most BANDS) of normalised `text`."""
    words = WORD.findall(text.lower())
    mins = {}
    for i in range(max(1, len(words) - 1)):
        mixed = zlib.crc32(" ".join(words[i : i + 2]).encode()) * MIX % MERSENNE
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


def banded(code):
    """Whether the memory indexes texts of language `code` by bands (written with spaces)."""
    return not languages.get(code).segmented


def keys_for(text, source):
    """What MemorySegment.bands holds for normalised `text` in language `source`: its keys,
    or [] for a language written without spaces (Chinese: pg_trgm serves it)."""
    return keys(text) if banded(source) else []
