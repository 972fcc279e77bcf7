"""The strategy office's indicator list, its filters and sorting; creating, editing, publishing, unpublishing."""

from __future__ import annotations

import datetime
import logging

import pytest

from veikart.conftest import client_for
from veikart.indicators.models import Indicator
from veikart.indicators.tests.factories import add_observations, add_target, make_goal, make_indicator
from veikart.indicators.tests.workspace_helpers import ws

pytestmark = pytest.mark.django_db


def _form(chosen_goal, **changes) -> dict:
    data = {
        "code": "EMRAM",
        "name": "Sykehus på HIMSS EMRAM nivå 6",
        "goal": str(chosen_goal.pk),
        "sub_goals": [str(chosen_goal.sub_goals.get().pk)],
        "definition": "Andel sykehus på nivå 6 eller høyere.",
        "rationale": "",
        "measure_type": "scale",
        "scale_min": "0",
        "scale_max": "7",
        "unit": "nivå",
        "direction": "higher",
        "frequency": "yearly",
        "source_kind": "survey",
        "source_name": "HIMSS",
        "source_url": "",
        "responsible": "",
        "status": "proposed",
        "status_reason": "",
    }
    data.update(changes)
    return data


def test_the_strategy_office_creates_an_indicator_unpublished_with_every_field(strategy_office, organisation, caplog):
    goal = make_goal()
    client = client_for(strategy_office)
    with caplog.at_level(logging.INFO, logger="veikart.indicators.editing"):
        response = client.post(ws("indicator-create"), _form(goal, responsible=str(organisation.pk)))
    indicator = Indicator.objects.get(code="EMRAM")
    assert response.status_code == 302
    assert response["Location"] == ws("indicator-detail", pk=indicator.pk)
    assert not indicator.is_published
    assert indicator.scale_max == 7 and indicator.responsible == organisation
    assert list(indicator.sub_goals.all()) == [goal.sub_goals.get()]
    assert indicator.history.latest().history_user == strategy_office
    assert "kontor created indicator EMRAM" in caplog.text


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"scale_max": ""}, "scale_max", "lowest and highest value"),
        ({"scale_min": "7", "scale_max": "0"}, "scale_max", "must be above the lowest"),
        ({"status": "retired"}, "status_reason", "Say why"),
        ({"code": "has space"}, "code", "letters, digits"),
        ({"name": ""}, "name", "required"),
        ({"scale_max": "sju"}, "scale_max", "number"),
        ({"source_url": "ikke en lenke"}, "source_url", "URL"),
        ({"goal": "99999", "sub_goals": []}, "goal", "valid choice"),
    ],
)
def test_bad_input_is_a_clear_message_and_keeps_what_was_typed(strategy_office, changes, field, message):
    goal = make_goal()
    response = client_for(strategy_office).post(ws("indicator-create"), _form(goal, **changes))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert "Sykehus på HIMSS EMRAM nivå 6" in response.text or changes.get("name") == ""
    assert not Indicator.objects.exists()


def test_a_taken_code_is_refused(strategy_office):
    goal = make_goal()
    make_indicator(code="EMRAM")
    response = client_for(strategy_office).post(ws("indicator-create"), _form(goal))
    assert response.status_code == 400
    assert "already exists" in " ".join(response.context["form"].errors["code"])


def test_a_sub_goal_of_another_goal_is_refused(strategy_office):
    goal, other = make_goal(), make_goal(number=2)
    data = _form(goal, sub_goals=[str(other.sub_goals.get().pk)])
    response = client_for(strategy_office).post(ws("indicator-create"), data)
    assert response.status_code == 400
    assert "do not belong to the chosen goal" in " ".join(response.context["form"].errors["sub_goals"])
    assert not Indicator.objects.exists()


def test_new_bounds_that_stored_values_fall_outside_are_refused(strategy_office):
    goal = make_goal()
    indicator = make_indicator(code="EMRAM", goal=goal, measure_type="scale", scale_min=0, scale_max=7)
    add_target(indicator, "2030", 6)
    add_observations(indicator, {"2023": 5})
    data = _form(goal, scale_max="4")
    response = client_for(strategy_office).post(ws("indicator-edit", pk=indicator.pk), data)
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors["scale_max"])
    assert "An observation: 5 is outside the scale" in errors
    assert "The target for 2030: 6 is outside the scale" in errors
    indicator.refresh_from_db()
    assert indicator.scale_max == 7


def test_switching_to_a_percentage_checks_stored_values_against_0_to_100(strategy_office):
    goal = make_goal()
    indicator = make_indicator(code="EMRAM", goal=goal)
    add_observations(indicator, {"2023": 274})
    data = _form(goal, measure_type="percentage", scale_min="", scale_max="")
    response = client_for(strategy_office).post(ws("indicator-edit", pk=indicator.pk), data)
    assert response.status_code == 400
    assert "274 is outside the scale" in " ".join(response.context["form"].errors["scale_max"])


def test_editing_keeps_the_page_titled_by_the_stored_name_when_the_input_is_bad(strategy_office):
    goal = make_goal()
    indicator = make_indicator(code="EMRAM", goal=goal, name="Digital modenhet")
    response = client_for(strategy_office).post(ws("indicator-edit", pk=indicator.pk), _form(goal, code="ny kode"))
    assert response.status_code == 400
    assert "Edit Digital modenhet" in response.text
    assert 'value="ny kode"' in response.text


def test_editing_an_indicator_raises_its_data_revision(strategy_office):
    goal = make_goal()
    indicator = make_indicator(code="EMRAM", goal=goal)
    before = indicator.data_revision
    response = client_for(strategy_office).post(
        ws("indicator-edit", pk=indicator.pk), _form(goal, measure_type="count", scale_min="", scale_max="")
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.data_revision > before


def test_saving_a_stale_copy_of_an_indicator_does_not_write_its_old_data_revision_back(db):
    indicator = make_indicator(code="EMRAM")
    stale = Indicator.objects.get(pk=indicator.pk)
    add_target(indicator, "2030", 10)
    raised = Indicator.objects.get(pk=indicator.pk).data_revision
    stale.name = "Nytt navn"
    stale.save()
    assert Indicator.objects.get(pk=indicator.pk).data_revision == raised + 1


def test_a_published_indicator_keeps_what_the_public_pages_need(strategy_office):
    goal = make_goal()
    indicator = make_indicator(code="EMRAM", goal=goal, definition="Nivå.")
    data = _form(goal, definition="", goal="", sub_goals=[], measure_type="count", scale_min="", scale_max="")
    response = client_for(strategy_office).post(ws("indicator-edit", pk=indicator.pk), data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "A published indicator needs this: It has no definition." in " ".join(errors["definition"])
    assert "It belongs to no goal." in " ".join(errors["goal"])
    indicator.refresh_from_db()
    assert indicator.definition == "Nivå." and indicator.goal == goal


def test_publishing_after_confirmation_puts_the_indicator_on_the_public_pages(
    strategy_office, anonymous_client, caplog
):
    indicator = make_indicator(code="EMRAM", goal=make_goal(), definition="Nivå.", published=False)
    client = client_for(strategy_office)
    confirm = client.get(ws("indicator-publish", pk=indicator.pk))
    assert confirm.status_code == 200 and "Publish “" in confirm.text
    assert anonymous_client.get(indicator.get_absolute_url()).status_code == 404
    with caplog.at_level(logging.INFO, logger="veikart.indicators.editing"):
        response = client.post(ws("indicator-publish", pk=indicator.pk))
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.is_published
    assert indicator.history.latest().history_user == strategy_office
    assert "kontor published indicator EMRAM" in caplog.text
    assert anonymous_client.get(indicator.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        ({"goal": None}, "It belongs to no goal."),
        ({"definition": ""}, "It has no definition."),
        ({"goal": "unpublished"}, "which is not published"),
    ],
)
def test_publishing_an_incomplete_indicator_says_what_is_missing_and_changes_nothing(strategy_office, setup, reason):
    values = {"goal": make_goal(), "definition": "Nivå."}
    values.update(setup)
    if values["goal"] == "unpublished":
        values["goal"] = make_goal(published=False)
    indicator = make_indicator(code="EMRAM", published=False, **values)
    client = client_for(strategy_office)
    page = client.get(ws("indicator-publish", pk=indicator.pk))
    assert page.status_code == 200 and reason in page.text
    assert 'type="submit">Publish</button>' not in page.text
    response = client.post(ws("indicator-publish", pk=indicator.pk))
    assert response.status_code == 400 and reason in response.text
    indicator.refresh_from_db()
    assert not indicator.is_published


def test_unpublishing_takes_the_indicator_off_the_public_pages(strategy_office, anonymous_client):
    indicator = make_indicator(code="EMRAM", goal=make_goal(), definition="Nivå.")
    response = client_for(strategy_office).post(ws("indicator-unpublish", pk=indicator.pk))
    assert response.status_code == 302
    assert anonymous_client.get(indicator.get_absolute_url()).status_code == 404


def test_publish_and_unpublish_answer_get_with_a_confirmation_and_change_nothing(strategy_office):
    indicator = make_indicator(code="EMRAM", goal=make_goal(), definition="Nivå.")
    client_for(strategy_office).get(ws("indicator-unpublish", pk=indicator.pk))
    indicator.refresh_from_db()
    assert indicator.is_published


@pytest.fixture
def listed(organisation, other_organisation):
    goal_one, goal_two = make_goal(number=1), make_goal(number=2)
    fresh = make_indicator(code="A-FRESH", name="Bbb", goal=goal_one, responsible=organisation)
    add_observations(fresh, {"2024": 1, "2025": 2})
    stale = make_indicator(code="B-STALE", name="Aaa", goal=goal_two, responsible=other_organisation, published=False)
    add_observations(stale, {"2022": 1})
    empty = make_indicator(code="C-EMPTY", name="Ccc", goal=goal_one, responsible=organisation)
    return {"fresh": fresh, "stale": stale, "empty": empty, "goal_one": goal_one}


def _codes(response) -> list[str]:
    return [indicator.code for indicator, _latest in response.context["rows"]]


@pytest.fixture
def on_december_first(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: datetime.date(2026, 12, 1))


def test_the_list_shows_latest_period_and_whether_data_is_overdue(listed, strategy_office, on_december_first):
    response = client_for(strategy_office).get(ws("indicator-list"))
    assert _codes(response) == ["A-FRESH", "B-STALE", "C-EMPTY"]
    rows = {indicator.code: (latest, indicator.is_overdue) for indicator, latest in response.context["rows"]}
    assert rows == {"A-FRESH": ("2025", False), "B-STALE": ("2022", True), "C-EMPTY": ("", True)}


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("?overdue=yes", ["B-STALE", "C-EMPTY"]),
        ("?overdue=no", ["A-FRESH"]),
        ("?published=no", ["B-STALE"]),
        ("?published=yes&overdue=yes", ["C-EMPTY"]),
        ("?goal=not-a-number", ["A-FRESH", "B-STALE", "C-EMPTY"]),
    ],
)
def test_the_list_filters(listed, strategy_office, on_december_first, query, codes):
    response = client_for(strategy_office).get(ws("indicator-list") + query)
    assert response.status_code == 200
    assert _codes(response) == codes


def test_the_list_filters_by_goal_and_responsible_organisation(listed, strategy_office, organisation):
    client = client_for(strategy_office)
    assert _codes(client.get(ws("indicator-list") + f"?goal={listed['goal_one'].pk}")) == ["A-FRESH", "C-EMPTY"]
    assert _codes(client.get(ws("indicator-list") + f"?responsible={organisation.pk}")) == ["A-FRESH", "C-EMPTY"]


@pytest.mark.parametrize(
    ("sort", "codes"),
    [
        ("name", ["B-STALE", "A-FRESH", "C-EMPTY"]),
        ("-code", ["C-EMPTY", "B-STALE", "A-FRESH"]),
        ("-latest", ["A-FRESH", "B-STALE", "C-EMPTY"]),
        ("published", ["B-STALE", "A-FRESH", "C-EMPTY"]),
        ("nonsense", ["A-FRESH", "B-STALE", "C-EMPTY"]),
        ("-overdue", ["C-EMPTY", "B-STALE", "A-FRESH"]),
        ("goal", ["A-FRESH", "C-EMPTY", "B-STALE"]),
        ("-responsible", ["B-STALE", "C-EMPTY", "A-FRESH"]),
    ],
)
def test_the_list_sorts(listed, strategy_office, on_december_first, sort, codes):
    response = client_for(strategy_office).get(ws("indicator-list") + f"?sort={sort}")
    got = _codes(response)
    if sort == "-latest":
        # Where no data sorts (first or last) is the database's choice; the rest is in time order.
        got = [code for code in got if code != "C-EMPTY"] + ["C-EMPTY"]
    assert got == codes
    assert "aria-sort" in response.text


def test_the_list_shows_indicators_without_a_goal_or_a_responsible_organisation(strategy_office):
    make_indicator(code="UTEN-ANSVAR", goal=None, responsible=None, published=False)
    response = client_for(strategy_office).get(ws("indicator-list"))
    assert response.status_code == 200
    assert "UTEN-ANSVAR" in response.text
