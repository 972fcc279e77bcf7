"""What the database guarantees about strategies, goals and sub-goals."""

import pytest
from django.db import IntegrityError, transaction

from veikart.strategy.models import Goal, Strategy, SubGoal

pytestmark = pytest.mark.django_db


@pytest.fixture
def strategy():
    return Strategy.objects.create(title="Strategi", slug="strategi", period_start=2023, period_end=2030)


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        Strategy.objects.create(title="Baklengs", slug="baklengs", period_start=2030, period_end=2023)


def test_a_one_year_period_is_allowed():
    Strategy.objects.create(title="Ett år", slug="ett-ar", period_start=2025, period_end=2025)


def test_goal_numbers_are_unique_within_a_strategy(strategy):
    Goal.objects.create(strategy=strategy, number=1, title="Første")
    with pytest.raises(IntegrityError), transaction.atomic():
        Goal.objects.create(strategy=strategy, number=1, title="Andre")


def test_sub_goal_codes_are_unique_within_a_strategy_but_not_across(strategy):
    first = Goal.objects.create(strategy=strategy, number=1, title="Første")
    second = Goal.objects.create(strategy=strategy, number=2, title="Andre")
    SubGoal.objects.create(goal=first, code="1A", title="A")
    with pytest.raises(IntegrityError), transaction.atomic():
        SubGoal.objects.create(goal=second, code="1A", title="Samme kode")
    other = Strategy.objects.create(title="Neste", slug="neste", period_start=2031, period_end=2035)
    SubGoal.objects.create(goal=Goal.objects.create(strategy=other, number=1, title="X"), code="1A", title="A")


def test_a_sub_goal_takes_its_strategy_from_its_goal(strategy):
    goal = Goal.objects.create(strategy=strategy, number=1, title="Første")
    assert SubGoal.objects.create(goal=goal, code="1A", title="A").strategy == strategy


def test_a_goal_cannot_continue_a_goal_of_its_own_version(strategy):
    from django.core.exceptions import ValidationError

    first = Goal.objects.create(strategy=strategy, number=1, title="Første")
    second = Goal(strategy=strategy, number=2, title="Andre", continues=first)
    with pytest.raises(ValidationError):
        second.full_clean()
