"""Seed the five phases of the official roadmap export and create the engine's search index.

PostgreSQL gets a GIN index on the ``tsvector`` column; SQLite gets the FTS5
table that ``veikart.roadmap.search`` feeds with Norwegian stems.
"""

from django.db import migrations

PHASES = [
    # (order, name, slug, colour, is_rollout, description)
    (1, "Utvikling og begrenset utprøving", "utvikling-og-begrenset-utproving", "#6b3fa0", False,
     "Løsningen utvikles og prøves ut i begrenset omfang."),
    (2, "Utvikling - tilpasning - innføring", "utvikling-tilpasning-innforing", "#1f5f99", False,
     "Løsningen utvikles videre samtidig som den tilpasses og tas i bruk."),
    (3, "Tilpasning - innføring", "tilpasning-innforing", "#8a4500", True,
     "Løsningen finnes og tilpasses før den innføres."),
    (4, "Innføring", "innforing", "#0f6b5c", True, "Løsningen tas i bruk hos flere aktører."),
    (5, "I bruk", "i-bruk", "#2e6b1f", True, "Løsningen er i bruk."),
]


def seed_phases(apps, schema_editor):
    Phase = apps.get_model("roadmap", "Phase")
    for order, name, slug, colour, is_rollout, description in PHASES:
        Phase.objects.get_or_create(
            name=name,
            defaults={"slug": slug, "order": order, "colour": colour, "is_rollout": is_rollout, "description": description},
        )


def create_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS roadmap_item_search_gin ON roadmap_roadmapitem USING gin (search_vector)"
        )
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS roadmap_item_fts USING fts5("
            "title, body, tokenize = 'unicode61 remove_diacritics 0')"
        )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS roadmap_item_search_gin")
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS roadmap_item_fts")


class Migration(migrations.Migration):
    dependencies = [("roadmap", "0001_initial")]

    operations = [
        migrations.RunPython(seed_phases, migrations.RunPython.noop),
        migrations.RunPython(create_search_index, drop_search_index),
    ]
