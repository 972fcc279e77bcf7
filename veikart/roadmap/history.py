"""The public change log of a roadmap item: what changed, and when, while it was published.

Records from before publication (drafts) are left out, and so are who made a
change and internal fields; staff see the full diff at ``core:change-history``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from veikart.roadmap.models import Grouping, Phase, RoadmapItem
from veikart.strategy.models import SubGoal

PUBLIC_FIELDS = (
    "title",
    "description",
    "sub_goal",
    "grouping",
    "phase",
    "start_date",
    "end_date",
    "status",
    "delivery_id",
)
_RELATED = {"sub_goal": SubGoal, "grouping": Grouping, "phase": Phase}


@dataclass
class PublicChange:
    label: str
    old: Any
    new: Any


@dataclass
class PublicEntry:
    when: Any
    created: bool
    changes: list[PublicChange]


def public_change_log(item: RoadmapItem, *, limit: int = 20) -> list[PublicEntry]:
    """Entries newest first; the first published record counts as "published", later ones list changed fields."""
    records = list(item.history.filter(is_published=True).order_by("history_date", "history_id"))
    names: dict[tuple[str, Any], str] = {}
    wanted = {(field, getattr(record, f"{field}_id")) for record in records for field in _RELATED}
    for field, model in _RELATED.items():
        pks = {pk for name, pk in wanted if name == field and pk}
        names.update({(field, obj.pk): str(obj) for obj in model.objects.filter(pk__in=pks)})

    def shown(record, field: str) -> Any:
        if field in _RELATED:
            return names.get((field, getattr(record, f"{field}_id")), "")
        if field == "status":
            return record.get_status_display()
        return getattr(record, field)

    entries: list[PublicEntry] = []
    previous = None
    for record in records:
        if previous is None:
            entries.append(PublicEntry(when=record.history_date, created=True, changes=[]))
        else:
            changes = [
                PublicChange(
                    str(RoadmapItem._meta.get_field(field).verbose_name), shown(previous, field), shown(record, field)
                )
                for field in PUBLIC_FIELDS
                if shown(previous, field) != shown(record, field)
            ]
            if changes:
                entries.append(PublicEntry(when=record.history_date, created=False, changes=changes))
        previous = record
    return list(reversed(entries))[:limit]
