"""Translated content: the ORM reads and writes bokmål in every language; migrations, forms and the admin keep it so."""

import pytest
from django.urls import reverse
from django.utils import translation

from veikart.conftest import client_for
from veikart.strategy.models import Goal, Strategy


@pytest.fixture
def strategy(db) -> Strategy:
    return Strategy.objects.create(title="Strategi", slug="s", period_start=2023, period_end=2030)


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_assigning_the_plain_field_writes_the_bokmal_column_in_every_language(strategy, language):
    with translation.override(language):
        strategy.title = "Ny tittel"
        strategy.save()
        assert strategy.title == "Ny tittel"
    strategy.refresh_from_db()
    assert (strategy.title_nb, strategy.title_nn, strategy.title_en) == ("Ny tittel", None, None)


@pytest.mark.parametrize("language", ["nn", "en"])
def test_creating_filtering_and_ordering_by_the_plain_field_use_bokmal_in_every_language(strategy, language):
    with translation.override(language):
        goal = Goal.objects.create(strategy=strategy, number=1, title="Bokmålstittel", title_en="English title")
        assert Goal.objects.filter(title="Bokmålstittel").get() == goal
        assert not Goal.objects.filter(title="English title").exists()
        Goal.objects.create(strategy=strategy, number=2, title="Ai", title_en="Zzz")
        assert list(Goal.objects.order_by("title").values_list("number", flat=True)) == [2, 1]
    goal.refresh_from_db()
    assert (goal.title_nb, goal.title_en) == ("Bokmålstittel", "English title")


def test_reading_the_plain_field_gives_bokmal_even_where_a_translation_exists(strategy):
    strategy.title_en = "Strategy"
    strategy.save()
    with translation.override("en"):
        assert Strategy.objects.get(pk=strategy.pk).title == "Strategi"


def test_history_records_the_bokmal_text_written_under_another_language(strategy):
    with translation.override("en"):
        strategy.title = "Endret"
        strategy.save()
    assert strategy.history.latest().title == "Endret"


def test_the_admin_saves_each_language_in_its_own_column_from_an_english_page(strategy, strategy_office):
    client = client_for(strategy_office)
    with translation.override("en"):
        url = reverse("admin:strategy_strategy_change", args=[strategy.pk])
    assert url.startswith("/en/")
    page = client.get(url)
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "title_nb": "Strategi",
            "title_nn": "Strategi på nynorsk",
            "title_en": "Strategy",
            "vision_nb": "Visjon",
            "status": "draft",
            "overarching_goals-TOTAL_FORMS": "0",
            "overarching_goals-INITIAL_FORMS": "0",
            "target_groups-TOTAL_FORMS": "0",
            "target_groups-INITIAL_FORMS": "0",
        }
    )
    data.pop("previous_version", None)
    data.pop("published_on", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    strategy.refresh_from_db()
    assert (strategy.title_nb, strategy.title_nn, strategy.title_en, strategy.vision_nb) == (
        "Strategi",
        "Strategi på nynorsk",
        "Strategy",
        "Visjon",
    )
