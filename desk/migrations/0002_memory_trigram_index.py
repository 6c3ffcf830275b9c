"""PostgreSQL: the memory's fuzzy matches by a trigram index (pg_trgm), one per direction
(a partial GIN index on source_text). Nothing on other databases (SQLite: desk/memory/lookup.py's
fallback).
The exact-match index is rebuilt with the hash first (desk/models.py says why)."""

from django.db import migrations, models

from news import languages


def _directions():
    return [(s, t) for s in languages.CODES for t in languages.CODES if s != t]


def _name(source, target):
    return f"desk_memory_trgm_{source}_{target}".replace("-", "_")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for source, target in _directions():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {_name(source, target)} ON desk_memorysegment "
            "USING gin (source_text gin_trgm_ops) "
            f"WHERE source_language = {schema_editor.quote_value(source)} "
            f"AND target_language = {schema_editor.quote_value(target)}"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for source, target in _directions():
        schema_editor.execute(f"DROP INDEX IF EXISTS {_name(source, target)}")


class Migration(migrations.Migration):
    dependencies = [("desk", "0001_initial")]

    operations = [
        migrations.RemoveIndex(model_name="memorysegment", name="desk_memory_exact"),
        migrations.AddIndex(
            model_name="memorysegment",
            index=models.Index(
                fields=["source_hash", "source_language", "target_language"],
                name="desk_memory_exact",
            ),
        ),
        migrations.RunPython(create, drop),
    ]
