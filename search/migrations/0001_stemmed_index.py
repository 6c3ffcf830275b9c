"""The search index stems English (search/backend.py) and holds events' venues, speakers and
organisers and the site's own pages (news/models/searchable.py).

On SQLite, Wagtail's full-text table is made again with FTS5's porter tokenizer and filled
from the index entries, whose text it copies (the unicode61 tokenizer it had is what porter
stems the words of). On PostgreSQL the schema stays: the entries' vectors are made again in
English by the rebuild. `rebuilds_search_index`: news's `migrate` rebuilds the whole index
(`update_index`) once the migrations are done, when this one was applied among them
(news/management/commands/migrate.py).
"""

from django.db import migrations

ENTRIES = "wagtailsearch_indexentry"
FTS = f"{ENTRIES}_fts"
PORTER = ", tokenize='porter unicode61'"


def remake_fts_table(tokenize):
    def remake(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "sqlite":
            return
        with connection.cursor() as cursor:
            if FTS not in connection.introspection.table_names(cursor):
                return  # an SQLite without FTS5: Wagtail's fallback search, nothing stemmed
            cursor.execute(f"DROP TABLE {FTS}")
            cursor.execute(
                f"CREATE VIRTUAL TABLE {FTS} USING fts5(autocomplete, body, title{tokenize})"
            )
            cursor.execute(
                f"INSERT INTO {FTS} (rowid, autocomplete, body, title)"  # noqa: S608 - names only
                f" SELECT id, autocomplete, body, title FROM {ENTRIES}"
            )

    return remake


class Migration(migrations.Migration):
    rebuilds_search_index = True

    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(remake_fts_table(PORTER), remake_fts_table(""))]
