"""Deleting parts of a version: only where nothing depends on them, with a clear refusal otherwise (never a 500)."""

import logging

import pytest

from veikart.conftest import client_for
from veikart.indicators.tests.factories import make_indicator
from veikart.roadmap.models import RoadmapItem
from veikart.strategy import services
from veikart.strategy.models import BenefitObjective, Goal, GoalOutcome, Scenario, SubGoal


@pytest.fixture
def office(strategy_office):
    return client_for(strategy_office)


def _url(strategy, kind: str, pk: int) -> str:
    return f"/forvaltning/strategi/{strategy.pk}/{kind}/{pk}/slett/"


def test_a_goal_without_sub_goals_is_deleted_with_its_outcomes_and_scenarios(office, draft, caplog):
    goal = draft.goals.get(number=2)
    GoalOutcome.objects.create(goal=goal, position=1, text="Noe")
    Scenario.objects.create(goal=goal, code="2.1", title="Per")
    page = office.get(_url(draft, "mal", goal.pk))
    assert page.status_code == 200 and 'method="post"' in page.text
    assert Goal.objects.filter(pk=goal.pk).exists()
    with caplog.at_level(logging.INFO, logger="veikart.strategy.services"):
        assert office.post(_url(draft, "mal", goal.pk)).status_code == 302
    assert not Goal.objects.filter(pk=goal.pk).exists()
    assert not GoalOutcome.objects.filter(goal_id=goal.pk).exists()
    assert not Scenario.objects.filter(goal_id=goal.pk).exists()
    assert "kontor deleted goal" in caplog.text


def test_a_goal_with_sub_goals_is_not_deleted_and_the_page_says_why(office, draft):
    goal = draft.goals.get(number=1)
    page = office.get(_url(draft, "mal", goal.pk))
    assert page.status_code == 200
    assert "submit_label" not in page.context, "no button to delete"
    assert "Sub-goals: 1" in office.get("/en" + _url(draft, "mal", goal.pk)).text
    assert office.post(_url(draft, "mal", goal.pk)).status_code == 409
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_a_goal_that_an_indicator_measures_or_a_later_goal_continues_is_not_deleted(office, draft, published_version):
    goal = draft.goals.get(number=2)
    make_indicator(goal=goal, published=False)
    assert office.post(_url(draft, "mal", goal.pk)).status_code == 409
    earlier = published_version.goals.get()
    earlier.sub_goals.all().delete()
    Goal.objects.filter(pk=goal.pk).update(continues=earlier)
    assert office.post(_url(published_version, "mal", earlier.pk)).status_code == 409
    assert Goal.objects.filter(pk__in=[goal.pk, earlier.pk]).count() == 2


def test_a_goal_another_goal_depends_on_is_not_deleted(office, draft):
    goal = draft.goals.get(number=2)
    draft.goals.get(number=1).depends_on.add(goal)
    assert office.post(_url(draft, "mal", goal.pk)).status_code == 409
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_a_free_sub_goal_is_deleted_with_its_benefit_objectives(office, draft):
    sub_goal = draft.sub_goals.get()
    BenefitObjective.objects.create(sub_goal=sub_goal, position=1, text="Gevinst")
    assert office.post(_url(draft, "delmal", sub_goal.pk)).status_code == 302
    assert not SubGoal.objects.filter(pk=sub_goal.pk).exists()
    assert not BenefitObjective.objects.exists()


@pytest.mark.parametrize("reference", ["roadmap item", "further roadmap item", "indicator"])
def test_a_sub_goal_with_roadmap_items_or_indicators_is_not_deleted(office, draft, published_version, reference):
    sub_goal = draft.sub_goals.get()
    if reference == "roadmap item":
        RoadmapItem.objects.create(title="Tiltak", sub_goal=sub_goal)
    elif reference == "further roadmap item":
        item = RoadmapItem.objects.create(title="Tiltak", sub_goal=published_version.sub_goals.get())
        item.further_sub_goals.add(sub_goal)
    else:
        make_indicator().sub_goals.add(sub_goal)
    assert office.get(_url(draft, "delmal", sub_goal.pk)).status_code == 200
    response = office.post(_url(draft, "delmal", sub_goal.pk))
    assert response.status_code == 409
    assert "cannot be deleted" in office.get("/en" + _url(draft, "delmal", sub_goal.pk)).text
    assert SubGoal.objects.filter(pk=sub_goal.pk).exists()


def test_a_protected_reference_added_after_the_check_is_refused_by_the_database_not_a_crash(office, draft, monkeypatch):
    sub_goal = draft.sub_goals.get()
    RoadmapItem.objects.create(title="Tiltak", sub_goal=sub_goal)
    checks = iter([[], []])  # the view's check and the service's check both miss it
    monkeypatch.setattr(services, "blockers_of", lambda obj: next(checks))
    assert office.post(_url(draft, "delmal", sub_goal.pk)).status_code == 409
    assert SubGoal.objects.filter(pk=sub_goal.pk).exists()
