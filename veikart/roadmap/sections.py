"""The roadmap section of the goal and sub-goal pages (registered in ``RoadmapConfig.ready``)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse

from veikart.roadmap.models import LIST_ORDER, RoadmapItem
from veikart.roadmap.rows import item_rows
from veikart.strategy.models import Goal, SubGoal

SECTION_LIMIT = 25


def _section(items, count: int, query: dict[str, str]) -> dict[str, Any] | None:
    if not count:
        return None
    return {
        "items": items,
        "count": count,
        "more": count > SECTION_LIMIT,
        "list_url": f"{reverse('roadmap:item-list')}?{urlencode(query)}",
        "timeline_url": f"{reverse('roadmap:timeline')}?{urlencode(query)}",
    }


def goal_items(request: HttpRequest, goal: Goal) -> dict[str, Any] | None:
    """The visible items under the goal's sub-goals, at most ``SECTION_LIMIT``, or None when there are none."""
    queryset = RoadmapItem.objects.visible_to(request.user).filter(sub_goal__in=goal.sub_goals.values("pk"))
    count = queryset.count()
    items = item_rows(queryset.order_by(*LIST_ORDER).values_list("pk", flat=True)[:SECTION_LIMIT]) if count else []
    return _section(items, count, {"goal": goal.number})


def sub_goal_items(request: HttpRequest, sub_goal: SubGoal) -> dict[str, Any] | None:
    """The visible items of the sub-goal, as main or further sub-goal, at most ``SECTION_LIMIT``."""
    further = RoadmapItem.further_sub_goals.through.objects.filter(subgoal=sub_goal).values("roadmapitem_id")
    queryset = RoadmapItem.objects.visible_to(request.user).filter(Q(sub_goal=sub_goal) | Q(pk__in=further))
    count = queryset.count()
    items = item_rows(queryset.order_by(*LIST_ORDER).values_list("pk", flat=True)[:SECTION_LIMIT]) if count else []
    return _section(items, count, {"sub_goal": sub_goal.code})
