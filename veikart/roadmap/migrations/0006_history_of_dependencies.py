"""Keep the history of dependencies as of owners and user groups.

The latest history record of each item gets the item's current dependencies,
so that the first change after this migration does not show every existing
dependency as just added.
"""

import django.db.models.deletion
import simple_history.models
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def record_current_dependencies(apps, schema_editor):
    RoadmapItem = apps.get_model("roadmap", "RoadmapItem")
    HistoricalRoadmapItem = apps.get_model("roadmap", "HistoricalRoadmapItem")
    HistoricalDependency = apps.get_model("roadmap", "HistoricalRoadmapItem_depends_on")
    latest = (
        HistoricalRoadmapItem.objects.filter(id=OuterRef("from_roadmapitem_id"))
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    rows = (
        RoadmapItem.depends_on.through.objects.annotate(latest_history_id=Subquery(latest))
        .filter(latest_history_id__isnull=False)
        .values_list("id", "from_roadmapitem_id", "to_roadmapitem_id", "latest_history_id")
        .iterator(chunk_size=2000)
    )
    HistoricalDependency.objects.bulk_create(
        (
            HistoricalDependency(id=pk, from_roadmapitem_id=source, to_roadmapitem_id=target, history_id=history)
            for pk, source, target, history in rows
        ),
        batch_size=1000,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('roadmap', '0005_search_visibility'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalRoadmapItem_depends_on',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                ('from_roadmapitem', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='roadmap.roadmapitem')),
                ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='roadmap.historicalroadmapitem')),
                ('to_roadmapitem', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='roadmap.roadmapitem')),
            ],
            options={
                'verbose_name': 'HistoricalRoadmapItem_depends_on',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(record_current_dependencies, migrations.RunPython.noop),
    ]
