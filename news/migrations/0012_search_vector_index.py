"""Two indexes on expressions of Wagtail's database search backend's query on PostgreSQL.

It filters index entries by `(title || body) @@ to_tsquery(...)`: the GIN indexes Wagtail
creates on `title` and on `body` cannot serve the concatenation, so every search read every
entry (about 700 ms at 100,000 articles). The first index is on that very expression.
It then joins the entries to the articles on `object_id = page_ptr_id::varchar(50)`: without
the second index, a hash join over every article.
SQLite's backend uses FTS5, which is already an index: nothing to do there.
"""

from django.db import migrations

INDEXES = {
    "news_search_title_body_gin": "wagtailsearch_indexentry USING gin ((title || body))",
    "news_article_object_id": "news_articlepage ((page_ptr_id::varchar(50)))",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0011_article_focus_order"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
