"""The rows of roadmap lists, read as plain values rather than model instances.

A list shows up to 25 items. Loaded as models with their sub-goal, goal, grouping, phase and
owners, that is some 150 instances per page, and the template then resolves every cell through
them. ``item_rows`` reads the same fields in two queries (the items with their joins, then their
owners' names) into ``ItemRow``: a page of rows is loaded and rendered in about a third of the time.
Callers pass ids they have already filtered through ``RoadmapItem.objects.visible_to``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse

from veikart.roadmap.models import Phase, RoadmapItem

_FIELDS = (
    "pk",
    "title",
    "is_published",
    "status",
    "start_date",
    "end_date",
    "phase_id",
    "grouping__name",
    "sub_goal_id",
    "sub_goal__code",
)
# Reversed once per call with this id, then filled in per row: reverse() per row costs more
# than the rest of the row together.
_URL_SENTINEL = 2_147_483_647


@dataclass(slots=True)
class ItemRow:
    """What the lists show of one item; ``owners`` are display names (short name, else name).

    ``description`` is read only when asked for (search results quote it; lists do not).
    """

    pk: int
    title: str
    url: str
    is_published: bool
    status: str
    status_label: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    phase: Phase | None
    grouping_name: str
    sub_goal_id: int
    sub_goal_code: str
    owners: list[str] = field(default_factory=list)
    description: str = ""


def item_urls() -> tuple[str, str]:
    """(prefix, suffix) of an item page's URL in the active language: ``prefix + str(pk) + suffix``."""
    url = reverse("roadmap:item-detail", kwargs={"pk": _URL_SENTINEL})
    prefix, _sentinel, suffix = url.partition(str(_URL_SENTINEL))
    return prefix, suffix


def item_rows(
    ids: Iterable[int],
    *,
    among: QuerySet[RoadmapItem] | None = None,
    with_description: bool = False,
    phases: Mapping[int, Phase] | None = None,
) -> list[ItemRow]:
    """The rows of the items with these ids, in the order given.

    Ids not ``among`` the items (default: all items) are left out, so a caller can check
    visibility in the same query. ``with_description`` reads the (long) descriptions as well.
    ``phases`` (every phase by id) spares a query to a caller that has read them already.
    """
    ids = list(ids)
    if not ids:
        return []
    owners: dict[int, list[str]] = defaultdict(list)
    for item_id, name, short_name in (
        RoadmapItem.owners.through.objects.filter(roadmapitem_id__in=ids)
        .order_by("organisation__name")
        .values_list("roadmapitem_id", "organisation__name", "organisation__short_name")
    ):
        owners[item_id].append(short_name or name)
    if phases is None:
        phases = {phase.pk: phase for phase in Phase.objects.all()}
    labels = dict(RoadmapItem.Status.choices)
    prefix, suffix = item_urls()
    found = {}
    fields = (*_FIELDS, "description") if with_description else _FIELDS
    values = (RoadmapItem.objects.all() if among is None else among).filter(pk__in=ids).values_list(*fields)
    for pk, title, published, status, start, end, phase_id, grouping, sub_goal_id, code, *description in values:
        found[pk] = ItemRow(
            pk=pk,
            title=title,
            url=f"{prefix}{pk}{suffix}",
            is_published=published,
            status=status,
            status_label=str(labels.get(status, status)),
            start_date=start,
            end_date=end,
            phase=phases.get(phase_id),
            grouping_name=grouping or "",
            sub_goal_id=sub_goal_id,
            sub_goal_code=code,
            owners=owners.get(pk, []),
            description=description[0] if description else "",
        )
    return [found[pk] for pk in ids if pk in found]
