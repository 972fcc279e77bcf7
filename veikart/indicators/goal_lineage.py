"""An indicator measures the version in force: it follows its goal into the revision that continues it.

An indicator has one goal and sub-goals of that goal only, and a published indicator measures only
published strategy versions (``models.unpublished_strategy_error``), so a draft revision cannot
share its links. When the revision is adopted (``veikart.strategy.revision.revision_adopted``),
each indicator of a goal of the superseded version moves, in the adoption's transaction, to the
goal of the revision that continues it (the lowest-numbered one if the goal was split), and its
sub-goals to the sub-goals that continue them under that goal. An indicator whose goal has no
successor stays where it is, and so does a sub-goal link whose successor moved to another goal;
both are logged.
"""

from __future__ import annotations

import logging
from typing import Any

from django.dispatch import receiver

from veikart.indicators.models import Indicator
from veikart.strategy.models import Goal, Strategy, SubGoal
from veikart.strategy.revision import revision_adopted

logger = logging.getLogger(__name__)


def _successors(model: type[Goal] | type[SubGoal], revision: Strategy, superseded: Strategy, order: str) -> dict:
    """The revision's objects that continue one of the superseded version's, by the pk they continue
    (the first in ``order`` when several continue the same one)."""
    found: dict[int, Any] = {}
    for obj in model.objects.filter(strategy=revision, continues__strategy=superseded).order_by(order):
        found.setdefault(obj.continues_id, obj)
    return found


@receiver(revision_adopted, dispatch_uid="indicators_follow_their_goals_into_the_adopted_revision")
def follow_goals(sender, revision: Strategy, superseded: Strategy, user: Any, **kwargs) -> None:
    goals = _successors(Goal, revision, superseded, "number")
    sub_goals = _successors(SubGoal, revision, superseded, "code")
    for indicator in Indicator.objects.filter(goal__strategy=superseded).prefetch_related("sub_goals"):
        goal = goals.get(indicator.goal_id)
        if goal is None:
            logger.info(
                "indicator %s stays on goal %s: no goal of %s continues it", indicator.code, indicator.goal_id, revision
            )
            continue
        followed = [sub_goals.get(old.pk) for old in indicator.sub_goals.all()]
        kept = [new for new in followed if new is not None and new.goal_id == goal.pk]
        if len(kept) < len(followed):
            logger.info(
                "indicator %s loses %s sub-goal link(s) with no successor under goal %s",
                indicator.code,
                len(followed) - len(kept),
                goal.pk,
            )
        indicator.goal = goal
        indicator._history_user = user
        # Not ``full_clean``: the indicator was valid, and only its goal changes, to a published one.
        indicator.save()
        indicator.sub_goals.set(kept)
        logger.info("%s moved indicator %s to goal %s of %s", user, indicator.code, goal.pk, revision)
