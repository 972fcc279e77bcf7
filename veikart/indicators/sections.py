"""The indicators section of the goal and sub-goal pages."""

from __future__ import annotations

from veikart.indicators.models import Indicator
from veikart.indicators.pages import indicator_overview


def goal_indicators(request, goal) -> dict | None:
    """The goal's visible indicators with their status, or None when it has none."""
    rows = indicator_overview(Indicator.objects.visible_to(request.user).filter(goal=goal))
    return {"rows": rows} if rows else None


def sub_goal_indicators(request, sub_goal) -> dict | None:
    rows = indicator_overview(Indicator.objects.visible_to(request.user).filter(sub_goals=sub_goal))
    return {"rows": rows} if rows else None
