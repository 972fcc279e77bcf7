"""Give the history records written by earlier roadmap imports the relations they left out.

Imports wrote their records in bulk without the items' owners, user groups, further sub-goals and
dependencies, so the history read as if an import had removed them (and the next edit added them
back). An import never touches these relations, so a record it wrote holds what the record before
it held: this copies them over, oldest first, so a chain of imports is repaired in turn. Records
that already have rows for a relation are left alone.
"""

from django.db import migrations

IMPORT_REASON = "Import of the official roadmap export"
RELATIONS = ("owners", "user_groups", "further_sub_goals", "depends_on")


def repair_import_records(apps, schema_editor):
    HistoricalRoadmapItem = apps.get_model("roadmap", "HistoricalRoadmapItem")
    imported = HistoricalRoadmapItem.objects.filter(history_change_reason=IMPORT_REASON, history_type="~")
    item_ids = set(imported.values_list("id", flat=True))
    if not item_ids:
        return
    records_of: dict[int, list[tuple[int, bool]]] = {}
    records = (
        HistoricalRoadmapItem.objects.filter(id__in=item_ids)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "history_id", "history_type", "history_change_reason")
    )
    for item_id, history_id, kind, reason in records.iterator(chunk_size=5000):
        records_of.setdefault(item_id, []).append((history_id, kind == "~" and reason == IMPORT_REASON))
    all_ids = [history_id for records in records_of.values() for history_id, _ in records]
    for relation in RELATIONS:
        Rows = apps.get_model("roadmap", f"HistoricalRoadmapItem_{relation}")
        columns = [f.attname for f in Rows._meta.concrete_fields if f.name not in ("m2m_history_id", "history")]
        rows_of: dict[int, list[dict]] = {}
        for start in range(0, len(all_ids), 5000):
            for row in Rows.objects.filter(history_id__in=all_ids[start : start + 5000]).values("history_id", *columns):
                rows_of.setdefault(row.pop("history_id"), []).append(row)
        new_rows = []
        for records in records_of.values():
            previous: list[dict] = []
            for history_id, by_import in records:
                if by_import and not rows_of.get(history_id) and previous:
                    new_rows += [Rows(history_id=history_id, **row) for row in previous]
                    rows_of[history_id] = previous
                previous = rows_of.get(history_id, [])
        Rows.objects.bulk_create(new_rows, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("roadmap", "0007_item_publication_request"),
    ]

    operations = [
        migrations.RunPython(repair_import_records, migrations.RunPython.noop, elidable=True),
    ]
