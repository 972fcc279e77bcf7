"""A small published framework with roadmap items and indicators, and a draft of each kind."""

from __future__ import annotations

import pytest
from django.utils import translation

from veikart.indicators.models import Indicator
from veikart.roadmap.models import RoadmapItem
from veikart.strategy.models import Goal, Strategy, SubGoal


@pytest.fixture(autouse=True)
def bokmal():
    """Start every test in bokmål, so reverse() gives unprefixed URLs."""
    with translation.override("nb"):
        yield


def make_indicator(code: str, name: str, *, goal: Goal | None, published: bool = True, **values) -> Indicator:
    return Indicator.objects.create(
        code=code,
        name=name,
        goal=goal,
        measure_type=Indicator.MeasureType.COUNT,
        is_published=published,
        status=Indicator.Status.ADOPTED,
        **values,
    )


@pytest.fixture
def site(db) -> dict:
    """Goals 1 and 2, sub-goals 1A and 2B, three published items and an indicator; a draft item and indicator."""
    strategy = Strategy.objects.create(
        title="Nasjonal e-helsestrategi",
        slug="e-helsestrategi",
        status=Strategy.Status.ADOPTED,
        period_start=2023,
        period_end=2030,
        is_published=True,
    )
    goal_1 = Goal.objects.create(strategy=strategy, number=1, title="Aktiv medvirkning i egen helse")
    goal_2 = Goal.objects.create(strategy=strategy, number=2, title="Enklere arbeidshverdag med journal")
    sub_goal_1a = SubGoal.objects.create(goal=goal_1, code="1A", title="Innsyn og dialog gjennom Helsenorge")
    sub_goal_2b = SubGoal.objects.create(goal=goal_2, code="2B", title="Deling av journal mellom virksomheter")
    items = {
        "helsenorge": RoadmapItem.objects.create(
            title="Helseverktøy på Helsenorge",
            description="Verktøy for innbyggere.",
            sub_goal=sub_goal_1a,
            is_published=True,
            delivery_id="56876000010000001",
        ),
        "kjernejournal": RoadmapItem.objects.create(
            title="Kjernejournal for alle", description="Deling av journal.", sub_goal=sub_goal_2b, is_published=True
        ),
        "dialog": RoadmapItem.objects.create(
            title="Digital dialog med fastlege", description="Meldinger.", sub_goal=sub_goal_1a, is_published=True
        ),
        "draft": RoadmapItem.objects.create(
            title="Hemmeligprosjekt i journal", description="Skjult plan.", sub_goal=sub_goal_2b, is_published=False
        ),
    }
    indicators = {
        "visits": make_indicator("helsenorge-besok", "Bruk av Helsenorge: besøk", goal=goal_1),
        "draft": make_indicator("skjult-indikator", "Hemmeligmåling av journal", goal=goal_2, published=False),
    }
    return {
        "strategy": strategy,
        "goals": [goal_1, goal_2],
        "sub_goals": [sub_goal_1a, sub_goal_2b],
        "items": items,
        "indicators": indicators,
    }
