"""The spelling vocabulary and its trigram index.

PostgreSQL: a GIN index with ``gin_trgm_ops`` on the word (``pg_trgm``, also created by roadmap
migration 0010). SQLite: an FTS5 table with the ``trigram`` tokenizer over the word, its content
read from the vocabulary table and kept by two triggers (a word's text never changes; only its
count does, so there is no update trigger). Neither is part of the model's state.
"""

from django.db import migrations, models


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_word_trgm ON search_searchword USING gin (word gin_trgm_ops)"
        )
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_word_trigram USING fts5("
            "word, content='search_searchword', content_rowid='id', tokenize='trigram')"
        )
        schema_editor.execute(
            "CREATE TRIGGER IF NOT EXISTS search_word_trigram_insert AFTER INSERT ON search_searchword BEGIN "
            "INSERT INTO search_word_trigram (rowid, word) VALUES (new.id, new.word); END"
        )
        schema_editor.execute(
            "CREATE TRIGGER IF NOT EXISTS search_word_trigram_delete AFTER DELETE ON search_searchword BEGIN "
            "INSERT INTO search_word_trigram (search_word_trigram, rowid, word) VALUES ('delete', old.id, old.word); END"
        )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_word_trgm")
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS search_word_trigram_insert")
        schema_editor.execute("DROP TRIGGER IF EXISTS search_word_trigram_delete")
        schema_editor.execute("DROP TABLE IF EXISTS search_word_trigram")


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=40)),
                ("word", models.CharField(max_length=60)),
                ("documents", models.IntegerField(default=0)),
            ],
            options={
                "verbose_name": "search word",
                "verbose_name_plural": "search words",
                "constraints": [models.UniqueConstraint(fields=("kind", "word"), name="search_word_unique_per_kind")],
            },
        ),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
