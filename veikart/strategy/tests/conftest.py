"""A small strategy framework for the workspace tests: a published version and a draft that revises it."""

import pytest

from veikart.strategy.models import Goal, GoalOutcome, Strategy, SubGoal


@pytest.fixture
def published_version(db):
    strategy = Strategy.objects.create(
        title="E-helsestrategi", slug="e-helse", period_start=2023, period_end=2030, status="adopted", is_published=True
    )
    goal = Goal.objects.create(strategy=strategy, number=1, title="Helsetjenester på nett")
    SubGoal.objects.create(goal=goal, code="1A", title="Digitale innbyggertjenester")
    return strategy


@pytest.fixture
def draft(published_version):
    """An unpublished draft with goal 1 (sub-goal 1A, one outcome) and goal 2 (no sub-goals)."""
    strategy = Strategy.objects.create(
        title="Utkast til revisjon",
        slug="utkast-revisjon",
        version_label="Revisjon 2027",
        period_start=2027,
        period_end=2030,
        previous_version=published_version,
    )
    first = Goal.objects.create(strategy=strategy, number=1, title="Sømløse tjenester")
    GoalOutcome.objects.create(goal=first, position=1, text="Alle kan bruke tjenestene")
    SubGoal.objects.create(goal=first, code="1A", title="Deling av journaldata")
    Goal.objects.create(strategy=strategy, number=2, title="Trygg informasjonsflyt")
    return strategy
