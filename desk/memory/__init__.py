"""The translation memory: every published bilingual page's text aligned into segments, in
both directions, and the closest earlier translations of a text.

- align.py: what a translator translates (`source_segments`) and which texts of a page are
  translations of each other (`pairs`); it never guesses an alignment.
- record.py: the memory's rows of a page, rewritten from its live content on publish and
  removed when it stops being public in both languages (signals connected in desk/apps.py).
- lookup.py: `suggest` (exact and fuzzy matches, best first), `exact_many` (for "copy English
  body"); on PostgreSQL served by a pg_trgm index, on SQLite by a documented fallback.
- views.py: the same lookup as JSON for the editor.
"""
