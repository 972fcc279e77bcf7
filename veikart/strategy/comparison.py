"""What changed between two versions of a strategy, following goal lineage.

A goal in the newer version is matched with a goal in the older version when
its chain of ``continues`` links reaches that goal. Matched goals may be
renumbered and/or renamed; unmatched goals are added (newer) or removed (older).

A newer sub-goal is matched first through its own ``continues`` chain (a revision started from
the workspace sets it on every sub-goal it copies). Sub-goals without one follow their goal's
lineage: matched within the older goal their goal continues, by the letter after the goal number
(the draft's 1A is the final 2A when goal 1 became goal 2), then by the same code anywhere in the
older version. Matched sub-goals may be recoded, renamed and/or moved to a goal that does not
continue theirs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TypeVar

from veikart.strategy.models import Goal, Strategy, SubGoal

T = TypeVar("T", Goal, SubGoal)


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


@dataclass(frozen=True)
class SubGoalChange:
    """One sub-goal's fate; ``old`` or ``new`` is None when added or removed. ``moved``: the newer
    sub-goal's goal does not continue the older one's.
    """

    old: SubGoal | None
    new: SubGoal | None
    moved: bool = False

    @property
    def kind(self) -> str:
        """``added``, ``removed``, ``changed`` (see ``recoded``, ``renamed``, ``moved``) or ``unchanged``."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed" if self.recoded or self.renamed or self.moved else "unchanged"

    @property
    def recoded(self) -> bool:
        return self.old is not None and self.new is not None and self.old.code != self.new.code

    @property
    def renamed(self) -> bool:
        return self.old is not None and self.new is not None and self.old.title.strip() != self.new.title.strip()


@dataclass
class StrategyComparison:
    older: Strategy
    newer: Strategy
    changes: list[GoalChange] = field(default_factory=list)
    sub_goal_changes: list[SubGoalChange] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return any(change.kind != "unchanged" for change in [*self.changes, *self.sub_goal_changes])


def _ancestor_in(obj: T, strategy_id: int, by_id: dict[int, T]) -> T | None:
    """Walk ``continues`` links from a goal or sub-goal until one of ``strategy_id`` is found."""
    seen: set[int] = set()
    current = obj
    while current.continues_id and current.continues_id not in seen:
        seen.add(current.continues_id)
        current = by_id.get(current.continues_id) or type(obj).objects.get(pk=current.continues_id)
        by_id[current.pk] = current
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
    comparison.sub_goal_changes = _compare_sub_goals(older, newer, comparison.changes)
    return comparison


def _letter(code: str, goal_number: int) -> str:
    """A sub-goal code without its goal's number in front: ``"A"`` for ``1A`` of goal 1."""
    return re.sub(rf"^{goal_number}(?!\d)", "", code).casefold()


def _compare_sub_goals(older: Strategy, newer: Strategy, goal_changes: list[GoalChange]) -> list[SubGoalChange]:
    """Each sub-goal of either version, matched through its own lineage, then its goal's, then by code;
    ordered by the newer code, removed ones last by the older code.
    """
    # Both versions' sub-goals in one query; each goal's strategy is one of the two at hand, set here so
    # that the page's links cost no query and no join of the translated strategy columns.
    sub_goals = list(SubGoal.objects.filter(goal__strategy__in=(older, newer)).select_related("goal").order_by("code"))
    for sub_goal in sub_goals:
        sub_goal.goal.strategy = older if sub_goal.goal.strategy_id == older.pk else newer
    old_sub_goals = [sub_goal for sub_goal in sub_goals if sub_goal.goal.strategy_id == older.pk]
    new_sub_goals = [sub_goal for sub_goal in sub_goals if sub_goal.goal.strategy_id == newer.pk]
    successor = {change.old.pk: change.new.pk for change in goal_changes if change.old and change.new}
    unmatched_old = {sub_goal.pk: sub_goal for sub_goal in old_sub_goals}
    matches: dict[int, SubGoal] = {}
    # First through the sub-goal's own lineage.
    by_id = {sub_goal.pk: sub_goal for sub_goal in [*old_sub_goals, *new_sub_goals]}
    for new in new_sub_goals:
        ancestor = _ancestor_in(new, older.pk, by_id)
        if ancestor is not None and ancestor.pk in unmatched_old:
            matches[new.pk] = unmatched_old.pop(ancestor.pk)
    # Then through the goal's lineage: the same letter within the older goal that the newer goal continues.
    for new in new_sub_goals:
        if new.pk in matches:
            continue
        for old in unmatched_old.values():
            if successor.get(old.goal_id) == new.goal_id and _letter(old.code, old.goal.number) == _letter(
                new.code, new.goal.number
            ):
                matches[new.pk] = unmatched_old.pop(old.pk)
                break
    # Then by the same code anywhere in the older version.
    old_by_code = {old.code.casefold(): old for old in unmatched_old.values()}
    for new in new_sub_goals:
        if new.pk not in matches and (old := old_by_code.get(new.code.casefold())) is not None:
            matches[new.pk] = unmatched_old.pop(old.pk)
    changes = []
    for new in new_sub_goals:
        old = matches.get(new.pk)
        moved = old is not None and successor.get(old.goal_id) != new.goal_id
        changes.append(SubGoalChange(old=old, new=new, moved=moved))
    changes += [SubGoalChange(old=old, new=None) for old in unmatched_old.values()]
    return changes
