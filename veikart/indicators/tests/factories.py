"""Small factories and personas for the indicator tests."""

from __future__ import annotations

import itertools
from decimal import Decimal

from veikart.accounts.models import Organisation, User
from veikart.indicators.models import Baseline, Dimension, DimensionValue, Indicator, Observation, Target
from veikart.strategy.models import Goal, Strategy, SubGoal

_counter = itertools.count(1)


def make_goal(*, published: bool = True, number: int = 1) -> Goal:
    n = next(_counter)
    strategy = Strategy.objects.create(
        title=f"Strategi {n}", slug=f"strategi-{n}", period_start=2023, period_end=2030, is_published=published
    )
    goal = Goal.objects.create(strategy=strategy, number=number, title=f"Mål {number}")
    SubGoal.objects.create(goal=goal, code=f"{number}A", title="Delmål A")
    return goal


def make_indicator(*, code: str | None = None, goal: Goal | None = None, published: bool = True, **values) -> Indicator:
    values.setdefault("name", "Kommuner som bruker kjernejournal")
    values.setdefault("measure_type", Indicator.MeasureType.COUNT)
    values.setdefault("status", Indicator.Status.ADOPTED)
    indicator = Indicator(code=code or f"IND-{next(_counter)}", goal=goal, is_published=published, **values)
    indicator.full_clean()
    indicator.save()
    return indicator


def add_observations(indicator: Indicator, series: dict[str, str | int | float], breakdown_key: str = "") -> None:
    for period, value in series.items():
        Observation.objects.create(
            indicator=indicator, period=period, value=Decimal(str(value)), breakdown_key=breakdown_key
        )


def add_target(indicator: Indicator, period: str, value, **extra) -> Target:
    return Target.objects.create(indicator=indicator, period=period, value=Decimal(str(value)), **extra)


def add_baseline(indicator: Indicator, period: str, value) -> Baseline:
    return Baseline.objects.create(indicator=indicator, period=period, value=Decimal(str(value)))


def make_regions() -> Dimension:
    region, _ = Dimension.objects.get_or_create(code="region", defaults={"name": "Helseregion"})
    for position, (code, label) in enumerate([("01", "Sør-Øst"), ("02", "Vest"), ("03", "Midt"), ("04", "Nord")]):
        DimensionValue.objects.get_or_create(
            dimension=region, code=code, defaults={"label": label, "position": position}
        )
    return region


def strategy_office_user() -> User:
    organisation, _ = Organisation.objects.get_or_create(name="Helsedirektoratet", defaults={"slug": "hdir"})
    return User.objects.create_user(
        username=f"office-{next(_counter)}", password="pw-test-123!", role="strategy_office", organisation=organisation
    )


def plain_user() -> User:
    return User.objects.create_user(username=f"citizen-{next(_counter)}", password="pw-test-123!")
