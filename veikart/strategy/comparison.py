"""What changed between two versions of a strategy, following goal lineage.

A goal in the newer version is matched with a goal in the older version when
its chain of ``continues`` links reaches that goal. Matched goals may be
renumbered and/or renamed; unmatched goals are added (newer) or removed (older).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from veikart.strategy.models import Goal, Strategy


@dataclass(frozen=True)
class GoalChange:
    """One goal's fate between the two versions; ``old`` or ``new`` is None when added or removed."""

    old: Goal | None
    new: Goal | None

    @property
    def kind(self) -> str:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        if self.renumbered and self.renamed:
            return "renumbered_and_renamed"
        if self.renumbered:
            return "renumbered"
        if self.renamed:
            return "renamed"
        return "unchanged"

    @property
    def renumbered(self) -> bool:
        return self.old is not None and self.new is not None and self.old.number != self.new.number

    @property
    def renamed(self) -> bool:
        return self.old is not None and self.new is not None and self.old.title.strip() != self.new.title.strip()


@dataclass
class StrategyComparison:
    older: Strategy
    newer: Strategy
    changes: list[GoalChange] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return any(change.kind != "unchanged" for change in self.changes)


def _ancestor_in(goal: Goal, strategy_id: int, goals_by_id: dict[int, Goal]) -> Goal | None:
    """Walk ``continues`` links from ``goal`` until a goal of ``strategy_id`` is found."""
    seen: set[int] = set()
    current = goal
    while current.continues_id and current.continues_id not in seen:
        seen.add(current.continues_id)
        current = goals_by_id.get(current.continues_id) or Goal.objects.get(pk=current.continues_id)
        goals_by_id[current.pk] = current
        if current.strategy_id == strategy_id:
            return current
    return None


def compare_strategies(older: Strategy, newer: Strategy) -> StrategyComparison:
    """Compare the goals of two strategy versions; changes are ordered by the newer numbering."""
    old_goals = list(older.goals.order_by("number"))
    new_goals = list(newer.goals.order_by("number"))
    goals_by_id = {goal.pk: goal for goal in [*old_goals, *new_goals]}

    comparison = StrategyComparison(older=older, newer=newer)
    matched_old: set[int] = set()
    for goal in new_goals:
        ancestor = _ancestor_in(goal, older.pk, goals_by_id)
        if ancestor is not None and ancestor.pk not in matched_old:
            matched_old.add(ancestor.pk)
            comparison.changes.append(GoalChange(old=ancestor, new=goal))
        else:
            comparison.changes.append(GoalChange(old=None, new=goal))
    for goal in old_goals:
        if goal.pk not in matched_old:
            comparison.changes.append(GoalChange(old=goal, new=None))
    return comparison
