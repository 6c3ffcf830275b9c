"""The memory's MinHash band keys (desk/memory/minhash.py): a JSON list on every database,
filled here for the rows written before; on PostgreSQL a GIN index (jsonb_path_ops) per
direction whose source language is written with spaces (English), partial like 0002's, for
desk/memory/lookup.py's `bands @> '[key]'` queries. Nothing more on other databases (SQLite:
lookup.py's fallback). Those directions' trigram indexes (0002) serve no query any more:
dropped (302 MB at 100,000 articles), rebuilt if this migration is reversed."""

from django.db import migrations, models

from desk.memory import minhash
from news import languages

BATCH = 2_000


def _directions():
    return [
        (s, t) for s in languages.CODES for t in languages.CODES if s != t and minhash.banded(s)
    ]


def _name(source, target, kind="bands"):
    return f"desk_memory_{kind}_{source}_{target}".replace("-", "_")


def fill(apps, schema_editor):
    """The keys of the rows written before this migration (their source text is stored
    normalised)."""
    segment = apps.get_model("desk", "MemorySegment")
    codes = [code for code in languages.CODES if minhash.banded(code)]
    rows = segment.objects.filter(source_language__in=codes).only("pk", "source_text")
    batch = []
    for row in rows.iterator(chunk_size=BATCH):
        row.bands = minhash.keys(row.source_text)
        batch.append(row)
        if len(batch) == BATCH:
            segment.objects.bulk_update(batch, ["bands"])
            batch = []
    segment.objects.bulk_update(batch, ["bands"])


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for source, target in _directions():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {_name(source, target)} ON desk_memorysegment "
            "USING gin (bands jsonb_path_ops) "
            f"WHERE source_language = {schema_editor.quote_value(source)} "
            f"AND target_language = {schema_editor.quote_value(target)}"
        )
        schema_editor.execute(f"DROP INDEX IF EXISTS {_name(source, target, 'trgm')}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for source, target in _directions():
        schema_editor.execute(f"DROP INDEX IF EXISTS {_name(source, target)}")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {_name(source, target, 'trgm')} ON desk_memorysegment "
            "USING gin (source_text gin_trgm_ops) "
            f"WHERE source_language = {schema_editor.quote_value(source)} "
            f"AND target_language = {schema_editor.quote_value(target)}"
        )


class Migration(migrations.Migration):
    dependencies = [("desk", "0004_translation_work")]

    operations = [
        migrations.AddField(
            model_name="memorysegment",
            name="bands",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(create, drop),
    ]
