"""Overarching goals, scenarios and target groups: create, edit and delete, with clashes reported on the field."""

import pytest

from veikart.conftest import client_for
from veikart.strategy.models import OverarchingGoal, Scenario, TargetGroup


@pytest.fixture
def office(strategy_office):
    return client_for(strategy_office)


def test_an_overarching_goal_is_created_edited_and_deleted(office, draft):
    base = f"/forvaltning/strategi/{draft.pk}/overordnede-mal"
    assert office.post(f"{base}/ny/", {"number": "1", "title": "Bærekraft", "description": ""}).status_code == 302
    item = OverarchingGoal.objects.get(strategy=draft)
    assert office.post(f"{base}/{item.pk}/endre/", {"number": "1", "title": "Bærekraftig sektor"}).status_code == 302
    item.refresh_from_db()
    assert item.title == "Bærekraftig sektor"
    assert office.post(f"{base}/{item.pk}/slett/").status_code == 302
    assert not OverarchingGoal.objects.exists()


def test_a_taken_overarching_goal_number_is_an_error_on_the_number(office, draft):
    OverarchingGoal.objects.create(strategy=draft, number=1, title="Bærekraft")
    response = office.post(f"/forvaltning/strategi/{draft.pk}/overordnede-mal/ny/", {"number": "1", "title": "Ny"})
    assert list(response.context["form"].errors) == ["number"]
    assert 'value="Ny"' in response.text
    assert OverarchingGoal.objects.count() == 1


def test_a_scenario_belongs_to_a_goal_of_the_version_and_its_code_is_unique_per_goal(office, draft, published_version):
    goal = draft.goals.get(number=1)
    base = f"/forvaltning/strategi/{draft.pk}/situasjoner"
    assert office.get(f"{base}/ny/", {"goal": goal.pk}).context["form"].initial["goal"] == goal
    data = {"goal": goal.pk, "code": "1.1", "title": "Kari får svar", "text": ""}
    assert office.post(f"{base}/ny/", data).status_code == 302
    response = office.post(f"{base}/ny/", data)
    assert list(response.context["form"].errors) == ["code"]
    other = published_version.goals.get()
    response = office.post(f"{base}/ny/", {**data, "goal": other.pk, "code": "9.9"})
    assert "goal" in response.context["form"].errors
    assert Scenario.objects.count() == 1


def test_a_scenario_of_another_version_is_not_found_here(office, draft, published_version):
    scenario = Scenario.objects.create(goal=published_version.goals.get(), code="1.1", title="Ola")
    assert office.get(f"/forvaltning/strategi/{draft.pk}/situasjoner/{scenario.pk}/endre/").status_code == 404


def test_a_target_group_is_placed_last_by_default_and_a_taken_name_is_an_error(office, draft):
    TargetGroup.objects.create(strategy=draft, position=1, name="Innbyggere")
    base = f"/forvaltning/strategi/{draft.pk}/malgrupper"
    assert office.get(f"{base}/ny/").context["form"].fields["position"].initial == 2
    data = {"kind": "target_group", "name": "Innbyggere", "description": "", "position": "2"}
    response = office.post(f"{base}/ny/", data)
    assert list(response.context["form"].errors) == ["name"]
    assert office.post(f"{base}/ny/", {**data, "kind": "stakeholder"}).status_code == 302
    assert TargetGroup.objects.filter(strategy=draft).count() == 2


@pytest.mark.parametrize(
    ("slug", "data"),
    [
        ("overordnede-mal", {"number": "-1", "title": "x"}),
        ("overordnede-mal", {"number": "99999999999999999999999", "title": "x"}),
        ("situasjoner", {"goal": "abc", "code": "1", "title": "x"}),
        ("malgrupper", {"kind": "nobody", "name": "x", "position": "1"}),
        ("malgrupper", {"kind": "stakeholder", "name": "x" * 201, "position": "1"}),
    ],
)
def test_bad_input_is_an_error_not_a_crash(office, draft, slug, data):
    response = office.post(f"/forvaltning/strategi/{draft.pk}/{slug}/ny/", data)
    assert response.status_code == 200
    assert response.context["form"].errors
