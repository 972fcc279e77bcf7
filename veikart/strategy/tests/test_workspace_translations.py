"""The workspace edits a translated text in bokmål, nynorsk and English side by side."""

import pytest

from veikart.conftest import client_for
from veikart.strategy.models import Goal


def _goal(**changes) -> dict:
    data = {
        "number": "3",
        "title": "Bedre bruk av helsedata",
        "short_title": "",
        "description": "",
        "continues": "",
        "outcomes-TOTAL_FORMS": "1",
        "outcomes-INITIAL_FORMS": "0",
        "outcomes-MIN_NUM_FORMS": "0",
        "outcomes-MAX_NUM_FORMS": "1000",
        "outcomes-0-text": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def office(strategy_office):
    return client_for(strategy_office)


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
