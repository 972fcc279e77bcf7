"""An index for the workspace list filtered by publication and sorted by sub-goal, and, on
PostgreSQL, a trigram index for the name filter.

Django's ``icontains`` is ``UPPER(title) LIKE UPPER('%…%')`` on PostgreSQL; a GIN index with
``gin_trgm_ops`` on that same expression answers it without reading every title. SQLite has no
such index (its ``LIKE`` reads the narrow ``(title, id)`` index instead), so the trigram index is
created on PostgreSQL only and is not part of the model's state.
"""

from django.db import migrations, models


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS roadmap_item_title_trgm "
            "ON roadmap_roadmapitem USING gin (UPPER(title) gin_trgm_ops)"
        )


def drop_trigram_index(apps, schema_editor):
    # The extension stays: other objects may have come to use it.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS roadmap_item_title_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("roadmap", "0009_workspace_list_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="roadmapitem",
            index=models.Index(fields=["is_published", "sub_goal", "title", "id"], name="roadmap_item_pub_subgoal_title"),
        ),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
