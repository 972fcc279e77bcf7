"""Writes from the workspace: indicator definitions and their publication, baselines, targets, dimensions.

Each function validates (``full_clean()``) and writes in one transaction, names the user in the
change history and logs who changed what. Saving a target or a baseline, deleting one, and saving an
indicator raise the indicator's ``data_revision`` in that same transaction (``revisions``), so the
public pages show the change at once. A constraint the database still refuses (two people saving the
same target period at once) comes back as a ``ValidationError``, never as an ``IntegrityError``.
(The observation import's service is ``services.observations_import``.)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Min, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veikart.accounts.models import User
from veikart.indicators.models import Baseline, Dimension, DimensionValue, Indicator, Observation, Target
from veikart.strategy.models import SubGoal

logger = logging.getLogger(__name__)


class PublicationRefused(Exception):
    """The indicator lacks what the public pages need; ``gaps`` says what."""

    def __init__(self, gaps: list[str]) -> None:
        super().__init__("; ".join(gaps))
        self.gaps = gaps


def publication_gaps(indicator: Indicator) -> list[str]:
    """What ``indicator`` lacks before it can be published (empty when nothing is missing).

    The public pages show an indicator under its goal, with its name and definition, and only
    once the goal's strategy is published.
    """
    return list(_publication_gaps_by_field(indicator).values())


def _publication_gaps_by_field(indicator: Indicator) -> dict[str, str]:
    gaps = {}
    if not indicator.name.strip():
        gaps["name"] = _("It has no name.")
    if not indicator.definition.strip():
        gaps["definition"] = _("It has no definition.")
    if indicator.goal_id is None:
        gaps["goal"] = _("It belongs to no goal.")
    elif not indicator.goal.strategy.is_published:
        gaps["goal"] = _("Its goal belongs to “%(strategy)s”, which is not published.") % {
            "strategy": indicator.goal.strategy
        }
    return gaps


def values_outside_bounds(indicator: Indicator) -> list[str]:
    """Messages for the stored values of ``indicator`` (observations, targets, baseline) outside its bounds.

    ``indicator`` carries the bounds about to be saved; the values are read from the database.
    Observations are checked by their lowest and highest value, one aggregate.
    """
    if indicator.pk is None:
        return []
    low, high = indicator.bounds
    if low is None and high is None:
        return []
    messages = []
    extremes = Observation.objects.filter(indicator_id=indicator.pk).aggregate(low=Min("value"), high=Max("value"))
    for value in (extremes["low"], extremes["high"]):
        if value is not None and (message := indicator.value_error(Decimal(value))):
            messages.append(_("An observation: %(problem)s") % {"problem": message})
            break
    for target in Target.objects.filter(indicator_id=indicator.pk).order_by("period_key"):
        if message := indicator.value_error(target.value):
            messages.append(_("The target for %(period)s: %(problem)s") % {"period": target.period, "problem": message})
    baseline = Baseline.objects.filter(indicator_id=indicator.pk).first()
    if baseline is not None and (message := indicator.value_error(baseline.value)):
        messages.append(_("The baseline: %(problem)s") % {"problem": message})
    return messages


def indicator_save(*, indicator: Indicator, sub_goals: Iterable[SubGoal], user: User) -> Indicator:
    """Create or update ``indicator`` with its sub-goals.

    Refuses sub-goals of another goal, bounds that stored values fall outside, and, for a published
    indicator, removing what the public pages need (``publication_gaps``).
    """
    created = indicator.pk is None
    indicator.full_clean()
    sub_goals = list(sub_goals)
    if stray := [sub_goal for sub_goal in sub_goals if sub_goal.goal_id != indicator.goal_id]:
        raise ValidationError(
            {
                "sub_goals": _("%(codes)s do not belong to the chosen goal.")
                % {"codes": ", ".join(sub_goal.code for sub_goal in stray)}
            }
        )
    if outside := values_outside_bounds(indicator):
        raise ValidationError({"scale_max": outside})
    if indicator.is_published and (gaps := _publication_gaps_by_field(indicator)):
        raise ValidationError(
            {
                field: _("A published indicator needs this: %(gap)s Unpublish it first to remove it.") % {"gap": gap}
                for field, gap in gaps.items()
            }
        )
    try:
        with transaction.atomic():
            indicator._history_user = user
            indicator.save()
            indicator.sub_goals.set(sub_goals)
    except IntegrityError:
        raise ValidationError({"code": _("An indicator with this code already exists.")}) from None
    logger.info("%s %s indicator %s", user, "created" if created else "changed", indicator.code)
    return indicator


def indicator_publish(*, indicator: Indicator, user: User) -> None:
    """Publish ``indicator``; raises ``PublicationRefused`` with what is missing, and then changes nothing."""
    if gaps := publication_gaps(indicator):
        raise PublicationRefused(gaps)
    _set_published(indicator, True, user)


def indicator_unpublish(*, indicator: Indicator, user: User) -> None:
    """Take ``indicator`` off the public pages (its data and targets stay)."""
    _set_published(indicator, False, user)


def _set_published(indicator: Indicator, published: bool, user: User) -> None:
    with transaction.atomic():
        indicator.is_published = published
        indicator._history_user = user
        indicator.save(update_fields=["is_published"])
    logger.info("%s %s indicator %s", user, "published" if published else "unpublished", indicator.code)


def _save_period_value(obj: Target | Baseline, *, user: User, duplicate: str) -> None:
    obj.full_clean()
    try:
        with transaction.atomic():
            obj._history_user = user
            obj.save()
    except IntegrityError:
        raise ValidationError({"period": duplicate}) from None


def target_save(*, target: Target, user: User) -> Target:
    """Create or update ``target`` (period within no other target's, value within the indicator's bounds)."""
    created = target.pk is None
    _save_period_value(
        target, user=user, duplicate=_("There is already a target for %(period)s.") % {"period": target.period}
    )
    logger.info(
        "%s %s target %s %s = %s",
        user,
        "created" if created else "changed",
        target.indicator.code,
        target.period,
        target.value,
    )
    return target


def target_delete(*, target: Target, user: User) -> None:
    with transaction.atomic():
        target._history_user = user
        target.delete()
    logger.info("%s deleted target %s %s", user, target.indicator.code, target.period)


def baseline_save(*, baseline: Baseline, user: User) -> Baseline:
    """Create or update the indicator's one baseline."""
    created = baseline.pk is None
    _save_period_value(baseline, user=user, duplicate=_("The indicator has a baseline already."))
    logger.info(
        "%s %s baseline %s %s = %s",
        user,
        "created" if created else "changed",
        baseline.indicator.code,
        baseline.period,
        baseline.value,
    )
    return baseline


def baseline_delete(*, baseline: Baseline, user: User) -> None:
    with transaction.atomic():
        baseline._history_user = user
        baseline.delete()
    logger.info("%s deleted baseline %s", user, baseline.indicator.code)


def observations_with_value(dimension_code: str, value_code: str) -> QuerySet:
    """Observations whose breakdown holds ``dimension_code=value_code`` (whole pairs only, ``01`` is not ``011``)."""
    pair = f"{dimension_code}={value_code}"
    return Observation.objects.filter(
        Q(breakdown_key=pair)
        | Q(breakdown_key__startswith=f"{pair}|")
        | Q(breakdown_key__endswith=f"|{pair}")
        | Q(breakdown_key__contains=f"|{pair}|")
    )


def observations_with_dimension(dimension_code: str) -> QuerySet:
    """Observations broken down by ``dimension_code``."""
    return Observation.objects.filter(
        Q(breakdown_key__startswith=f"{dimension_code}=") | Q(breakdown_key__contains=f"|{dimension_code}=")
    )


def dimension_save(*, dimension: Dimension, user: User) -> Dimension:
    """Create or update ``dimension``; its code cannot change while observations use it (they store the code)."""
    created = dimension.pk is None
    dimension.full_clean()
    if not created:
        stored = Dimension.objects.get(pk=dimension.pk)
        if stored.code != dimension.code and observations_with_dimension(stored.code).exists():
            raise ValidationError(
                {
                    "code": _("Observations are broken down by “%(code)s”, so its code cannot change.")
                    % {"code": stored.code}
                }
            )
    try:
        with transaction.atomic():
            dimension._history_user = user
            dimension.save()
    except IntegrityError:
        raise ValidationError({"code": _("A dimension with this code already exists.")}) from None
    logger.info("%s %s dimension %s", user, "created" if created else "changed", dimension.code)
    return dimension


def dimension_value_problems(value: DimensionValue) -> dict[str, str]:
    """What stops ``value`` from being saved beyond the model's own checks: a code taken in its
    dimension, a parent that is the value itself or lies below it, a changed code observations use."""
    problems = {}
    same_code = DimensionValue.objects.filter(dimension_id=value.dimension_id, code=value.code).exclude(pk=value.pk)
    if value.code and same_code.exists():
        problems["code"] = _("This dimension already has a value with the code “%(code)s”.") % {"code": value.code}
    if value.pk is not None:
        stored = DimensionValue.objects.select_related("dimension").get(pk=value.pk)
        if stored.code != value.code and observations_with_value(stored.dimension.code, stored.code).exists():
            problems["code"] = _("Observations use the code “%(code)s”, so it cannot change.") % {"code": stored.code}
        ancestor, seen = value.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if ancestor.pk == value.pk:
                problems["parent"] = _("A value cannot be part of itself or of a value below it.")
                break
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
    return problems


def dimension_value_save(*, value: DimensionValue, user: User) -> DimensionValue:
    """Create or update a value of a dimension (code unique in the dimension, no parent cycle)."""
    created = value.pk is None
    value.full_clean()
    if problems := dimension_value_problems(value):
        raise ValidationError(problems)
    try:
        with transaction.atomic():
            value._history_user = user
            value.save()
    except IntegrityError:
        raise ValidationError(
            {"code": _("This dimension already has a value with the code “%(code)s”.") % {"code": value.code}}
        ) from None
    logger.info(
        "%s %s dimension value %s=%s", user, "created" if created else "changed", value.dimension.code, value.code
    )
    return value


def value_in_use_message(count: int, value: DimensionValue) -> str:
    return ngettext(
        "%(count)s observation uses “%(label)s”, so it cannot be deleted.",
        "%(count)s observations use “%(label)s”, so it cannot be deleted.",
        count,
    ) % {"count": count, "label": value.label}


def dimension_value_delete(*, value: DimensionValue, user: User) -> None:
    """Delete ``value``; refuses (``ValidationError``) while observations use it. Its children lose their parent."""
    with transaction.atomic():
        if used := observations_with_value(value.dimension.code, value.code).count():
            raise ValidationError(value_in_use_message(used, value))
        value._history_user = user
        value.delete()
    logger.info("%s deleted dimension value %s=%s", user, value.dimension.code, value.code)
