"""The public change log of a roadmap item: what changed, and when, while it was public.

The log starts at publication: its first entry is "published" and shows no earlier values; what
was entered while the item (or its strategy) was unpublished never appears, and after a period
unpublished the item comes back as "published again", again without the values in between. Within
public periods it lists the item's changed public fields (as ``core.diffs`` shows them, with
dependencies named only when they are public themselves) and its milestones: added, changed, done
and removed. Who made a change, and internal fields, are left out; staff see the full history at
``core:change-history``.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from veikart.core.diffs import plain_value
from veikart.core.history import (
    Period,
    PublicEntry,
    intersect_periods,
    public_changes,
    public_child_changes,
    publication_entries,
    published_periods,
)
from veikart.roadmap.models import Milestone, RoadmapItem
from veikart.strategy.models import public_names

PUBLIC_FIELDS = (
    "title",
    "description",
    "sub_goal",
    "further_sub_goals",
    "grouping",
    "phase",
    "start_date",
    "end_date",
    "status",
    "owners",
    "user_groups",
    "depends_on",
    "delivery_id",
)
_PUBLICATION = ("history_id", "history_date", "history_type", "is_published")


def public_periods(item: RoadmapItem) -> list[Period]:
    """When the item was public: published itself, within a published strategy."""
    item_periods = published_periods(item.history.only(*_PUBLICATION))
    if not item_periods:
        return []  # never published itself: the strategy's history cannot make it public
    strategy = item.sub_goal.goal.strategy
    strategy_records = list(strategy.history.only(*_PUBLICATION))
    if strategy_records:
        strategy_periods = published_periods(strategy_records)
    else:  # created before its history was kept
        strategy_periods = [(datetime.datetime.min.replace(tzinfo=datetime.UTC), None)] if strategy.is_published else []
    return intersect_periods(item_periods, strategy_periods)


def public_change_log(item: RoadmapItem, *, limit: int = 20) -> list[PublicEntry]:
    """The item's public entries, newest first, at most ``limit`` of them; none while it was never public."""
    periods = public_periods(item)
    if not periods:
        return []
    names = public_names({RoadmapItem: RoadmapItem.objects.published()})
    records = list(item.history.order_by("history_date", "history_id"))
    entries = publication_entries(periods)
    entries += public_changes(RoadmapItem, records, periods, PUBLIC_FIELDS, names=names)
    milestones = Milestone.history.filter(item_id=item.pk).order_by("history_date", "history_id")
    headlines = {
        "+": _("Milestone added: %(subject)s"),
        "~": _("Milestone changed: %(subject)s"),
        "-": _("Milestone removed: %(subject)s"),
    }
    for entry, before, record in public_child_changes(
        Milestone,
        list(milestones),
        periods,
        ("date", "title"),
        subject=lambda record: f"{plain_value(record.date)} {record.title}",
        headlines=headlines,
    ):
        done = record.history_type == "~" and before is not None and record.is_done and not before.is_done
        if done:
            entries.append(PublicEntry(entry.when, _("Milestone done: %(subject)s") % {"subject": record.title}))
        if entry.changes or record.history_type != "~":
            entries.append(entry)
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]
