"""Goals and sub-goals in the workspace: numbers and codes unique per version, lines in order, nothing half-saved,
texts in bokmål, nynorsk and English side by side."""

import logging

import pytest

from veikart.conftest import client_for
from veikart.strategy.models import Goal, SubGoal, SustainableDevelopmentGoal


def _goal(**changes) -> dict:
    data = {
        "number": "3",
        "title": "Bedre bruk av helsedata",
        "short_title": "",
        "description": "",
        "continues": "",
        "outcomes-TOTAL_FORMS": "3",
        "outcomes-INITIAL_FORMS": "0",
        "outcomes-MIN_NUM_FORMS": "0",
        "outcomes-MAX_NUM_FORMS": "1000",
        "outcomes-0-text": "Data brukes til forskning",
        "outcomes-1-text": "",
        "outcomes-2-text": "Data brukes til styring",
    }
    data.update(changes)
    return data


def _sub_goal(goal: Goal, **changes) -> dict:
    data = {
        "goal": str(goal.pk),
        "code": "2A",
        "title": "Felles språk",
        "short_title": "",
        "description": "",
        "objectives-TOTAL_FORMS": "2",
        "objectives-INITIAL_FORMS": "0",
        "objectives-MIN_NUM_FORMS": "0",
        "objectives-MAX_NUM_FORMS": "1000",
        "objectives-0-text": "Færre feil",
        "objectives-1-text": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def office(strategy_office):
    return client_for(strategy_office)


def test_a_new_goal_is_saved_with_its_outcomes_in_order_dependencies_and_sdg_links(office, draft, caplog):
    sdg = SustainableDevelopmentGoal.objects.get(number=3)
    first = draft.goals.get(number=1)
    earlier = draft.previous_version.goals.get()
    data = _goal(depends_on=[first.pk], sustainable_development_goals=[sdg.pk], continues=earlier.pk)
    with caplog.at_level(logging.INFO, logger="veikart.strategy.services"):
        response = office.post(f"/forvaltning/strategi/{draft.pk}/mal/ny/", data)
    assert response.status_code == 302
    goal = draft.goals.get(number=3)
    assert [line.text for line in goal.outcomes.all()] == ["Data brukes til forskning", "Data brukes til styring"]
    assert [line.position for line in goal.outcomes.all()] == [1, 2]
    assert list(goal.depends_on.all()) == [first]
    assert list(goal.sustainable_development_goals.all()) == [sdg]
    assert goal.continues == earlier
    assert "kontor created goal" in caplog.text


def test_a_taken_goal_number_is_an_error_on_the_number_and_keeps_the_input(office, draft):
    response = office.post(f"/forvaltning/strategi/{draft.pk}/mal/ny/", _goal(number="1"))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["number"]
    assert "Bedre bruk av helsedata" in response.text and "Data brukes til styring" in response.text
    assert draft.goals.count() == 2


def test_the_same_goal_number_is_free_in_another_version(office, draft, published_version):
    response = office.post(f"/forvaltning/strategi/{published_version.pk}/mal/ny/", _goal(number="2"))
    assert response.status_code == 302


def test_editing_a_goal_replaces_its_outcomes_and_keeps_its_number_free_for_itself(office, draft):
    goal = draft.goals.get(number=1)
    page = office.get(f"/forvaltning/strategi/{draft.pk}/mal/{goal.pk}/endre/")
    assert "Alle kan bruke tjenestene" in page.text
    data = _goal(number="1", title="Sømløse tjenester for alle", **{"outcomes-0-text": "Første", "outcomes-2-text": ""})
    assert office.post(f"/forvaltning/strategi/{draft.pk}/mal/{goal.pk}/endre/", data).status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Sømløse tjenester for alle"
    assert [line.text for line in goal.outcomes.all()] == ["Første"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("continues", "same-version"), ("depends_on", "itself"), ("depends_on", "other-version"), ("number", "x")],
)
def test_a_goal_cannot_point_where_it_must_not(office, draft, field, value):
    goal = draft.goals.get(number=1)
    values = {
        "same-version": draft.goals.get(number=2).pk,
        "itself": goal.pk,
        "other-version": draft.previous_version.goals.get().pk,
        "x": "x",
    }
    data = _goal(**{"number": "1", "title": "Endret", field: values[value]})
    response = office.post(f"/forvaltning/strategi/{draft.pk}/mal/{goal.pk}/endre/", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    goal.refresh_from_db()
    assert goal.title == "Sømløse tjenester" and not goal.depends_on.exists() and goal.continues is None


def test_a_broken_outcome_formset_is_an_error_not_a_crash(office, draft):
    data = _goal()
    del data["outcomes-TOTAL_FORMS"]
    response = office.post(f"/forvaltning/strategi/{draft.pk}/mal/ny/", data)
    assert response.status_code == 200
    assert not draft.goals.filter(number=3).exists()


def test_a_new_sub_goal_takes_its_version_from_its_goal_and_saves_its_benefit_objectives(office, draft):
    goal = draft.goals.get(number=2)
    form = office.get(f"/forvaltning/strategi/{draft.pk}/delmal/ny/", {"goal": goal.pk}).context["form"]
    assert form.initial["goal"] == goal
    assert office.post(f"/forvaltning/strategi/{draft.pk}/delmal/ny/", _sub_goal(goal)).status_code == 302
    sub_goal = SubGoal.objects.get(strategy=draft, code="2A")
    assert sub_goal.goal == goal
    assert [line.text for line in sub_goal.benefit_objectives.all()] == ["Færre feil"]


@pytest.mark.parametrize("code", ["1A", "1a"])
def test_a_taken_sub_goal_code_is_an_error_on_the_code_whatever_its_case(office, draft, code):
    response = office.post(
        f"/forvaltning/strategi/{draft.pk}/delmal/ny/", _sub_goal(draft.goals.get(number=2), code=code)
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["code"]
    assert "Felles språk" in response.text and "Færre feil" in response.text
    assert draft.sub_goals.count() == 1


@pytest.mark.parametrize("code", ["1/A", "", " ", "<b>"])
def test_a_sub_goal_code_that_would_break_its_address_is_refused(office, draft, code):
    response = office.post(
        f"/forvaltning/strategi/{draft.pk}/delmal/ny/", _sub_goal(draft.goals.get(number=2), code=code)
    )
    assert "code" in response.context["form"].errors
    assert draft.sub_goals.count() == 1


def test_a_sub_goal_cannot_be_moved_to_a_goal_of_another_version(office, draft, published_version):
    sub_goal = draft.sub_goals.get()
    foreign = published_version.goals.get()
    url = f"/forvaltning/strategi/{draft.pk}/delmal/{sub_goal.pk}/endre/"
    response = office.post(url, _sub_goal(foreign, code="1A"))
    assert "goal" in response.context["form"].errors
    sub_goal.refresh_from_db()
    assert sub_goal.goal.strategy == draft


def test_editing_a_sub_goal_keeps_its_own_code(office, draft):
    sub_goal = draft.sub_goals.get()
    url = f"/forvaltning/strategi/{draft.pk}/delmal/{sub_goal.pk}/endre/"
    assert office.post(url, _sub_goal(sub_goal.goal, code="1A", title="Ny tittel")).status_code == 302
    sub_goal.refresh_from_db()
    assert sub_goal.title == "Ny tittel"


# Translated texts: bokmål, nynorsk and English side by side.


def test_the_goal_form_groups_each_text_with_its_translations_labelled_by_language(office, draft):
    page = office.get(f"/en/forvaltning/strategi/{draft.pk}/mal/ny/").content.decode()
    assert page.count('class="ds-fieldset vk-languages"') == 3  # title, short title, description
    assert '<legend class="ds-label">Title</legend>' in page
    assert 'name="title" ' in page and 'lang="nb"' in page
    assert 'name="title_nn"' in page and 'lang="nn"' in page
    assert 'name="description_en"' in page
    assert "Norwegian Nynorsk</label>" in page


def test_a_goal_is_saved_in_three_languages_from_an_english_page(office, draft):
    data = _goal(title_nn="Betre bruk av helsedata", title_en="Better use of health data", description_en="Data.")
    response = office.post(f"/en/forvaltning/strategi/{draft.pk}/mal/ny/", data)
    assert response.status_code == 302
    goal = Goal.objects.get(strategy=draft, number=3)
    assert (goal.title_nb, goal.title_nn, goal.title_en) == (
        "Bedre bruk av helsedata",
        "Betre bruk av helsedata",
        "Better use of health data",
    )
    assert (goal.description_nb, goal.description_en) == ("", "Data.")


def test_a_bokmal_only_save_leaves_nynorsk_and_english_empty(office, draft):
    response = office.post(f"/nn/forvaltning/strategi/{draft.pk}/mal/ny/", _goal())
    assert response.status_code == 302
    goal = Goal.objects.get(strategy=draft, number=3)
    assert goal.title_nb == "Bedre bruk av helsedata"
    assert not goal.title_nn and not goal.title_en and not goal.short_title_en


def test_bokmal_is_required_and_the_error_names_field_and_language(office, draft):
    response = office.post(f"/en/forvaltning/strategi/{draft.pk}/mal/ny/", _goal(title="", title_en="Only English"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="#id_title">Title (Norwegian Bokmål): This field is required.' in page
    assert 'value="Only English"' in page  # nothing typed is lost
    assert not Goal.objects.filter(strategy=draft, number=3).exists()
