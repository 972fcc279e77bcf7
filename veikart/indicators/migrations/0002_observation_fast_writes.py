"""Faster bulk writes of observations.

The indicator foreign key is no longer a database constraint (Django keeps the cascade), and on
PostgreSQL ``breakdown_key`` compares bytewise, so the unique index is filled without locale rules.
"""

import django.db.models.deletion
from django.db import migrations, models


def breakdown_key_bytewise(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            'ALTER TABLE indicators_observation ALTER COLUMN breakdown_key TYPE varchar(255) COLLATE "C"'
        )


def breakdown_key_default_collation(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE indicators_observation ALTER COLUMN breakdown_key TYPE varchar(255)")


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="observation",
            name="indicator",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="observations",
                to="indicators.indicator",
                verbose_name="indicator",
            ),
        ),
        migrations.RunPython(breakdown_key_bytewise, breakdown_key_default_collation),
    ]
