"""Writes to the strategy framework from the workspace: publication, goals and sub-goals with their lines, deletion.

Every function validates before it writes (``full_clean()``), writes in one
transaction, records ``user`` in the change history and logs who did what.
A uniqueness clash that slips past validation (two people saving at once)
arrives as ``ValidationError`` on the field, never as ``IntegrityError``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from veikart.strategy.models import BenefitObjective, Goal, GoalOutcome, Strategy, SubGoal, SustainableDevelopmentGoal

logger = logging.getLogger(__name__)

# Children that belong to their parent and go with it when it is deleted; every
# other relation pointing at an object (another app's roadmap items or
# indicators, a later goal's lineage) keeps it from being deleted.
_OWNED_CHILDREN: dict[type[models.Model], set[str]] = {
    Goal: {"outcomes", "scenarios"},
    SubGoal: {"benefit_objectives"},
}


def _label(obj: models.Model) -> str:
    return f"{obj._meta.model_name} {obj.pk} ({obj})"


def _save(obj: models.Model, *, user: Any, clash_field: str) -> None:
    """Validate and save ``obj``; a uniqueness clash at the database becomes an error on ``clash_field``."""
    obj.full_clean()
    obj._history_user = user
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as error:
        raise ValidationError({clash_field: _("This value is already in use in this strategy version.")}) from error


def framework_object_save(*, obj: models.Model, user: Any, clash_field: str) -> models.Model:
    """Create or update one object of the framework (a strategy, an overarching goal, a scenario …).

    Raises ``ValidationError`` (nothing saved) when the object is invalid or its
    ``clash_field`` collides with another row at the database.
    """
    created = obj.pk is None
    _save(obj, user=user, clash_field=clash_field)
    logger.info("%s %s %s", user, "created" if created else "changed", _label(obj))
    return obj


def _replace_lines(manager: Any, *, model: type[models.Model], parent: dict[str, Any], texts: Sequence[str], user: Any):
    """Make the parent's ordered lines exactly ``texts`` (positions 1, 2 …), changing only what differs."""
    existing = {line.position: line for line in manager.all()}
    for position, text in enumerate(texts, start=1):
        line = existing.pop(position, None)
        if line is None:
            line = model(position=position, text=text, **parent)
        elif line.text == text:
            continue
        line.text = text
        line._history_user = user
        line.full_clean()
        line.save()
    for line in existing.values():
        line._history_user = user
        line.delete()


@transaction.atomic
def goal_save(
    *,
    goal: Goal,
    outcomes: Sequence[str],
    depends_on: Iterable[Goal],
    sustainable_development_goals: Iterable[SustainableDevelopmentGoal],
    user: Any,
) -> Goal:
    """Create or update ``goal`` with its outcomes (in order), the goals it depends on and its SDG links.

    All or nothing. Raises ``ValidationError`` when the goal is invalid, its
    number is taken in its version, or it depends on a goal of another version.
    """
    depends_on = list(depends_on)
    if any(other.strategy_id != goal.strategy_id or other.pk == goal.pk for other in depends_on):
        raise ValidationError({"depends_on": _("A goal can only depend on other goals of its own version.")})
    created = goal.pk is None
    _save(goal, user=user, clash_field="number")
    goal.depends_on.set(depends_on)
    goal.sustainable_development_goals.set(list(sustainable_development_goals))
    _replace_lines(goal.outcomes, model=GoalOutcome, parent={"goal": goal}, texts=outcomes, user=user)
    logger.info("%s %s %s", user, "created" if created else "changed", _label(goal))
    return goal


@transaction.atomic
def sub_goal_save(*, sub_goal: SubGoal, benefit_objectives: Sequence[str], user: Any) -> SubGoal:
    """Create or update ``sub_goal`` with its benefit objectives (in order). All or nothing.

    Raises ``ValidationError`` when the sub-goal is invalid or its code is taken
    in its version (compared without regard to case, as the public URLs are).
    """
    # The strategy is copied from the goal on save; set it now so that validation sees it.
    sub_goal.strategy_id = sub_goal.goal.strategy_id
    clash = (
        SubGoal.objects.filter(strategy_id=sub_goal.strategy_id, code__iexact=sub_goal.code)
        .exclude(pk=sub_goal.pk)
        .exists()
    )
    if clash:
        raise ValidationError({"code": _("This code is already in use in this strategy version.")})
    created = sub_goal.pk is None
    _save(sub_goal, user=user, clash_field="code")
    _replace_lines(
        sub_goal.benefit_objectives,
        model=BenefitObjective,
        parent={"sub_goal": sub_goal},
        texts=benefit_objectives,
        user=user,
    )
    logger.info("%s %s %s", user, "created" if created else "changed", _label(sub_goal))
    return sub_goal


def blockers_of(obj: models.Model) -> list[tuple[str, int]]:
    """What keeps ``obj`` from being deleted: (the kind, in the plural, how many) per relation that points at it.

    Empty when it may be deleted. Its own children (a goal's outcomes and
    scenarios, a sub-goal's benefit objectives) do not count: they go with it.
    """
    owned = _OWNED_CHILDREN.get(type(obj), set())
    found = []
    for relation in obj._meta.related_objects:
        if relation.related_model._meta.app_label == obj._meta.app_label and relation.get_accessor_name() in owned:
            continue
        if relation.related_model.__name__.startswith("Historical"):
            continue
        count = getattr(obj, relation.get_accessor_name()).count()
        if count:
            found.append((str(relation.related_model._meta.verbose_name_plural), count))
    return found


class StillInUse(Exception):
    """The object is still referred to; ``blockers`` says by what (see ``blockers_of``)."""

    def __init__(self, blockers: list[tuple[str, int]]) -> None:
        super().__init__(blockers)
        self.blockers = blockers


def framework_object_delete(*, obj: models.Model, user: Any) -> None:
    """Delete ``obj`` (with its own children) unless something still refers to it.

    Raises ``StillInUse`` and deletes nothing when ``blockers_of(obj)`` finds
    something, or when the database refuses (a protected reference added meanwhile).
    """
    label = _label(obj)
    try:
        with transaction.atomic():
            if blockers := blockers_of(obj):
                raise StillInUse(blockers)
            obj._history_user = user
            obj.delete()
    except (ProtectedError, RestrictedError) as error:
        objects = list(error.protected_objects if isinstance(error, ProtectedError) else error.restricted_objects)
        raise StillInUse([(str(objects[0]._meta.verbose_name_plural), len(objects))]) from error
    logger.info("%s deleted %s", user, label)


def strategy_set_published(*, strategy: Strategy, published: bool, user: Any) -> Strategy:
    """Publish or unpublish a strategy version; its goals and sub-goals follow it (roadmap items keep their own flag).

    Does nothing but return the strategy when it already is as asked.
    """
    if strategy.is_published == published:
        return strategy
    strategy.is_published = published
    strategy._history_user = user
    strategy.save(update_fields=["is_published"])
    logger.info("%s %s %s", user, "published" if published else "unpublished", _label(strategy))
    return strategy
