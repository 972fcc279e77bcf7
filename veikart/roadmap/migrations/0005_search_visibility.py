"""Search rows carry copies of their item's sub-goal and publication flag, so a search reads one table.

The published-items index gains the id, so counting a strategy's published items reads the index only.
The owner and user-group link tables get an index led by the owner or group, so filtering the
roadmap by one reads the index only.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_visibility(apps, schema_editor):
    RoadmapItem = apps.get_model("roadmap", "RoadmapItem")
    RoadmapItemSearch = apps.get_model("roadmap", "RoadmapItemSearch")
    item = RoadmapItem.objects.filter(pk=OuterRef("item_id"))
    RoadmapItemSearch.objects.update(
        sub_goal_id=Subquery(item.values("sub_goal_id")[:1]),
        is_published=Subquery(item.values("is_published")[:1]),
    )


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('roadmap', '0004_search_table'),
        ('strategy', '0002_sustainable_development_goals'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='roadmapitem',
            name='roadmap_item_pub_subgoal',
        ),
        migrations.AddField(
            model_name='roadmapitemsearch',
            name='is_published',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='roadmapitemsearch',
            name='sub_goal',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='strategy.subgoal'),
        ),
        migrations.AddIndex(
            model_name='roadmapitem',
            index=models.Index(fields=['is_published', 'sub_goal', 'id'], name='roadmap_item_pub_subgoal_id'),
        ),
        migrations.RunPython(copy_visibility, migrations.RunPython.noop),
        migrations.RunSQL(
            [
                "CREATE INDEX roadmap_item_owners_by_owner "
                "ON roadmap_roadmapitem_owners (organisation_id, roadmapitem_id)",
                "CREATE INDEX roadmap_item_user_groups_by_group "
                "ON roadmap_roadmapitem_user_groups (usergroup_id, roadmapitem_id)",
            ],
            [
                "DROP INDEX roadmap_item_owners_by_owner",
                "DROP INDEX roadmap_item_user_groups_by_group",
            ],
        ),
    ]
