"""Readers of the old site's exports, one module per format. Each `read(path, context)` yields
`Item`s and `Failure`s (importer/items.py) and writes nothing."""
