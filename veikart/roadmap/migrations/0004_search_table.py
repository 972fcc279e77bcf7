"""Move the search text out of the item table into ``RoadmapItemSearch``, keeping what was indexed.

Item rows become narrow (lists scan them); PostgreSQL's GIN index moves to the new table.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


def copy_search_text(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(
            "INSERT INTO roadmap_roadmapitemsearch (item_id, document, vector) "
            "SELECT id, search_document, search_vector FROM roadmap_roadmapitem"
        )
    else:
        schema_editor.execute(
            "INSERT INTO roadmap_roadmapitemsearch (item_id, document) SELECT id, search_document FROM roadmap_roadmapitem"
        )


def create_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS roadmap_item_search_vector_gin ON roadmap_roadmapitemsearch USING gin (vector)"
        )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS roadmap_item_search_vector_gin")


class Migration(migrations.Migration):

    dependencies = [
        ('roadmap', '0003_list_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='RoadmapItemSearch',
            fields=[
                ('item', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search', serialize=False, to='roadmap.roadmapitem')),
                ('document', models.TextField(blank=True, default='')),
                ('vector', django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
            options={
                'verbose_name': 'search text',
                'verbose_name_plural': 'search texts',
            },
        ),
        migrations.RunPython(copy_search_text, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='roadmapitem',
            name='search_document',
        ),
        migrations.RemoveField(
            model_name='roadmapitem',
            name='search_vector',
        ),
        migrations.RunPython(create_search_index, drop_search_index),
    ]
