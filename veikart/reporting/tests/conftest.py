"""Small factories for the reporting tests: a published strategy, portfolio items and periods."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from veikart.reporting.models import PortfolioMembership, ReportingPeriod
from veikart.reporting.services import AreaStatus, ReportContent
from veikart.roadmap.models import RoadmapItem
from veikart.strategy.models import Goal, Strategy, SubGoal


@pytest.fixture(autouse=True)
def bokmal():
    """Start every test in bokmål so reverse() gives unprefixed URLs and messages are compared in one language."""
    with translation.override("nb"):
        yield


@pytest.fixture
def strategy(db) -> Strategy:
    strategy = Strategy.objects.create(
        title="Nasjonal e-helsestrategi",
        slug="e-helsestrategi",
        status=Strategy.Status.ADOPTED,
        period_start=2023,
        period_end=2030,
        is_published=True,
    )
    goal = Goal.objects.create(strategy=strategy, number=1, title="Aktiv medvirkning i egen og næres helse")
    SubGoal.objects.create(goal=goal, code="1C", title="Digital selvhjelp")
    return strategy


def make_item(strategy: Strategy, owner, title: str, *, published: bool = True) -> RoadmapItem:
    item = RoadmapItem.objects.create(
        title=title, sub_goal=SubGoal.objects.get(strategy=strategy, code="1C"), is_published=published
    )
    item.owners.set([owner])
    PortfolioMembership.objects.create(item=item, since=datetime.date(2025, 1, 1), reason="Nasjonal portefølje")
    return item


@pytest.fixture
def item(strategy, organisation) -> RoadmapItem:
    """A published portfolio item owned by ``organisation`` (the ``owner_editor``'s)."""
    return make_item(strategy, organisation, "Helseverktøy (Helsenorge)")


@pytest.fixture
def other_item(strategy, other_organisation) -> RoadmapItem:
    return make_item(strategy, other_organisation, "Nettbasert behandling")


@pytest.fixture
def period(strategy) -> ReportingPeriod:
    return ReportingPeriod.objects.create(
        strategy=strategy,
        name="2026 T2",
        opens=datetime.date(2026, 5, 1),
        deadline=datetime.date(2026, 6, 15),
        state=ReportingPeriod.State.OPEN,
    )


@pytest.fixture
def content() -> ReportContent:
    return ReportContent(
        overall="yellow",
        narrative="Piloten er *forsinket* to måneder.",
        next_steps="Ny plan til styringsgruppen.",
        areas=(AreaStatus("progress", "yellow", "To måneder bak."), AreaStatus("cost", "green", "")),
    )
