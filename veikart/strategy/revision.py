"""The annual revision of the strategy: a draft copy of the version in force, and its adoption.

``revision_start`` copies the version in force into a new draft, unpublished version that revises
it (``previous_version``): its title, summary and vision in every language, its overarching goals,
target groups, goals with their outcomes, scenarios, dependencies and SDG links, and its sub-goals
with their benefit objectives. Every copied goal and sub-goal *continues* the one it was copied
from, so the version comparison matches them and the office's later edits show as changes.

``revision_adopt`` makes such a revision the version in force: it becomes adopted and published and
the version it revises superseded, and ``revision_adopted`` is sent in the same transaction so
that other apps can follow the lineage. Indicators do (``veikart.indicators.goal_lineage``): an
indicator measures one goal and sub-goals of that goal only, and a published indicator measures
only published versions, so its links cannot be copied onto the draft; they move to the goals
and sub-goals that continue theirs when the revision is adopted. Roadmap items stay on the
sub-goals of the superseded version until the strategy office moves them.

There is one open revision (a draft or on consultation) of a version at a time. Both services
take plain data and a user, so a workspace page, a command and the governance app's decision
call the same code; each refuses with a ``ValidationError`` carrying a translated message, and
the pages ask ``start_refusal`` and ``adopt_refusal`` first to say why a button is missing.
"""

from __future__ import annotations

import copy
import logging
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.dispatch import Signal
from django.utils.text import slugify
from django.utils.translation import gettext as _

from veikart.strategy.models import Goal, Strategy, SubGoal

logger = logging.getLogger(__name__)

OPEN = (Strategy.Status.DRAFT, Strategy.Status.CONSULTATION)

# Sent inside ``revision_adopt``'s transaction with ``revision`` (now adopted), ``superseded``
# (the version it revises) and ``user``; a receiver that raises undoes the adoption.
revision_adopted = Signal()


def open_revision_of(strategy: Strategy) -> Strategy | None:
    """The draft or on-consultation version that revises ``strategy``, the newest if there are several."""
    return strategy.next_versions.filter(status__in=OPEN).order_by("-pk").first()


def _is_in_force(strategy: Strategy) -> bool:
    in_force = Strategy.objects.in_force()
    return in_force is not None and in_force.pk == strategy.pk


def start_refusal(strategy: Strategy) -> str | None:
    """Why no revision of ``strategy`` can be started now, or None when one can."""
    if not _is_in_force(strategy):
        return _("Only the version in force (adopted and published) can be revised; %(strategy)s is not.") % {
            "strategy": strategy
        }
    if existing := open_revision_of(strategy):
        return _(
            "A revision of this version is already under way: %(revision)s. Finish or adopt it before starting another."
        ) % {"revision": existing}
    return None


def adopt_refusal(revision: Strategy) -> str | None:
    """Why ``revision`` cannot be adopted now, or None when it can."""
    if revision.status not in OPEN:
        return _("Only a draft or a version on consultation can be adopted; %(strategy)s is %(status)s.") % {
            "strategy": revision,
            "status": revision.get_status_display().lower(),
        }
    previous = revision.previous_version
    if previous is None or not _is_in_force(previous):
        return _("%(strategy)s does not revise the version in force, so adopting it would not replace it.") % {
            "strategy": revision
        }
    return None


def _copy(obj: models.Model, *, user: Any, **changes: Any) -> models.Model:
    """A saved copy of ``obj`` with ``changes``: every column is carried over, each language's included."""
    obj = copy.copy(obj)  # the caller's instance keeps its identity; the copy gets its own state
    obj.__dict__.pop("_prefetched_objects_cache", None)
    obj.pk = None
    obj._state.adding = True
    for name, value in changes.items():
        setattr(obj, name, value)
    obj._history_user = user
    obj.save()
    return obj


def _free_slug(base: str) -> str:
    """``base`` cut to the field's length, or with ``-2``, ``-3`` … when it is taken."""
    limit = Strategy._meta.get_field("slug").max_length
    slug, number = base[:limit].strip("-"), 1
    while Strategy.objects.filter(slug=slug).exists():
        number += 1
        suffix = f"-{number}"
        slug = base[: limit - len(suffix)].strip("-") + suffix
    return slug


def revision_start(*, strategy: Strategy, user: Any, version_label: str, title: str | None = None) -> Strategy:
    """A new draft, unpublished version that revises ``strategy`` (the version in force), with its content copied.

    The copy keeps the title (or takes ``title`` as its bokmål title), summary, vision and period, and
    gets ``version_label`` and a free slug made from the old slug and the label. Goals and sub-goals
    continue their originals; a goal depends on the copies of the goals its original depended on.
    All or nothing. Raises ``ValidationError`` (nothing written) when ``strategy`` is not the version
    in force, when a revision of it is already open (the message names it), or when the label is empty.
    The version in force is locked for the check, so two requests at once make one revision, not two.
    """
    version_label = version_label.strip()
    if not version_label:
        raise ValidationError({"version_label": _("Give the revision a version label, such as “Revisjon 2027”.")})
    with transaction.atomic():
        # Lock the version in force: a second request waits here and then finds the first one's revision.
        strategy = Strategy.objects.select_for_update().get(pk=strategy.pk)
        if refusal := start_refusal(strategy):
            raise ValidationError(refusal)
        changes = {
            "slug": _free_slug(f"{strategy.slug}-{slugify(version_label)}"),
            "version_label": version_label,
            "status": Strategy.Status.DRAFT,
            "is_published": False,
            "published_on": None,
            "previous_version": strategy,
        }
        if title is not None:
            changes["title"] = title
        revision = _copy(strategy, user=user, **changes)
        # The copy's own fields are checked; the copied parts were valid where they came from, and a
        # rule made since should not stop the revision that will bring them up to date.
        revision.full_clean()
        _copy_parts(strategy, revision, user=user)
    logger.info(
        "%s started revision strategy %s (%s) of strategy %s (%s)", user, revision.pk, revision, strategy.pk, strategy
    )
    return revision


def _copy_parts(strategy: Strategy, revision: Strategy, *, user: Any) -> None:
    for overarching in strategy.overarching_goals.all():
        _copy(overarching, user=user, strategy=revision)
    for group in strategy.target_groups.all():
        _copy(group, user=user, strategy=revision)
    copies: dict[int, Goal] = {}
    goals = list(strategy.goals.prefetch_related("depends_on", "sustainable_development_goals"))
    for goal in goals:
        copies[goal.pk] = copy = _copy(goal, user=user, strategy=revision, continues=goal)
        copy.sustainable_development_goals.set(goal.sustainable_development_goals.all())
        for outcome in goal.outcomes.all():
            _copy(outcome, user=user, goal=copy)
        for scenario in goal.scenarios.all():
            _copy(scenario, user=user, goal=copy)
    for goal in goals:
        copies[goal.pk].depends_on.set([copies[other.pk] for other in goal.depends_on.all() if other.pk in copies])
    for sub_goal in SubGoal.objects.filter(strategy=strategy).prefetch_related("benefit_objectives"):
        copy = _copy(sub_goal, user=user, goal=copies[sub_goal.goal_id], continues=sub_goal)
        for objective in sub_goal.benefit_objectives.all():
            _copy(objective, user=user, sub_goal=copy)


def revision_adopt(*, revision: Strategy, user: Any) -> Strategy:
    """Make ``revision`` the version in force: adopted and published, the version it revises superseded.

    The date of the version is set to today when it has none. ``revision_adopted`` is sent within the
    same transaction. Raises ``ValidationError`` (nothing changed) when ``revision`` is not a draft or on
    consultation, or does not revise the version in force (``adopt_refusal``).
    """
    with transaction.atomic():
        # The version in force is locked first, as in ``revision_start``, so the two never wait on each other.
        if revision.previous_version_id:
            Strategy.objects.select_for_update().filter(pk=revision.previous_version_id).first()
        revision = Strategy.objects.select_for_update().get(pk=revision.pk)
        if refusal := adopt_refusal(revision):
            raise ValidationError(refusal)
        superseded = revision.previous_version
        superseded.status = Strategy.Status.SUPERSEDED
        superseded._history_user = user
        superseded.save(update_fields=["status"])
        revision.status = Strategy.Status.ADOPTED
        revision.is_published = True
        revision.published_on = revision.published_on or date.today()
        revision._history_user = user
        revision.save(update_fields=["status", "is_published", "published_on"])
        revision_adopted.send(sender=Strategy, revision=revision, superseded=superseded, user=user)
    logger.info(
        "%s adopted strategy %s (%s), superseding strategy %s (%s)",
        user,
        revision.pk,
        revision,
        superseded.pk,
        superseded,
    )
    return revision
