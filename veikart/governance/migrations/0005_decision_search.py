"""The decisions' search texts: a table with PostgreSQL vectors (GIN-indexed), and on SQLite an FTS5
table of Snowball stems. Existing decisions are indexed after ``migrate`` (``decision_search``'s
``post_migrate`` receiver)."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


def create_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in ("vector", "public_vector"):
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS governance_decision_{column}_gin "
                f"ON governance_decisionsearch USING gin ({column})"
            )
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS governance_decision_fts USING fts5("
            "title, body, public_title, public_body, tokenize = 'unicode61 remove_diacritics 0')"
        )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in ("vector", "public_vector"):
            schema_editor.execute(f"DROP INDEX IF EXISTS governance_decision_{column}_gin")
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS governance_decision_fts")


class Migration(migrations.Migration):

    dependencies = [
        ('governance', '0004_meeting_document'),
    ]

    operations = [
        migrations.CreateModel(
            name='DecisionSearch',
            fields=[
                ('decision', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search', serialize=False, to='governance.decision')),
                ('document', models.TextField(blank=True, default='')),
                ('public_document', models.TextField(blank=True, default='')),
                ('vector', django.contrib.postgres.search.SearchVectorField(null=True)),
                ('public_vector', django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
            options={
                'verbose_name': 'decision search text',
                'verbose_name_plural': 'decision search texts',
            },
        ),
        migrations.RunPython(create_search_index, drop_search_index),
    ]
