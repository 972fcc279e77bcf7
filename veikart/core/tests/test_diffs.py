"""The one field-diff implementation: word diffs, localised values, names for relations, translated reasons."""

import datetime

import pytest
from django.utils import translation

from veikart.core.diffs import Names, field_diffs, plain_value, word_diff
from veikart.core.history import reason_display
from veikart.roadmap.models import RoadmapItem
from veikart.strategy.models import Goal, Strategy, SubGoal


def test_a_word_diff_marks_only_the_changed_words():
    segments = word_diff("Pilot i tre kommuner", "Pilot i fire kommuner")
    assert [(s.kind, s.text) for s in segments if s.kind != "same"] == [("delete", "tre"), ("insert", "fire")]
    assert "".join(s.text for s in segments if s.kind != "insert") == "Pilot i tre kommuner"
    assert "".join(s.text for s in segments if s.kind != "delete") == "Pilot i fire kommuner"


def test_a_long_unchanged_stretch_is_cut_but_keeps_words_around_the_change():
    words = " ".join(f"ord{n}" for n in range(60))
    segments = word_diff(words + " slutt.", words + " ende.")
    kinds = [s.kind for s in segments]
    assert kinds[0] == "gap" and "delete" in kinds and "insert" in kinds
    kept = "".join(s.text for s in segments if s.kind == "same")
    assert "ord59" in kept and "ord54" in kept and "ord10" not in kept


@pytest.mark.parametrize(("language", "shown"), [("nb", "01.02.2025"), ("nn", "01.02.2025"), ("en", "02/01/2025")])
def test_dates_are_shown_in_the_languages_own_format(language, shown):
    with translation.override(language):
        assert plain_value(datetime.date(2025, 2, 1)) == shown


@pytest.mark.django_db
def test_many_to_many_values_and_foreign_keys_are_named_never_shown_as_ids_or_dicts():
    strategy = Strategy.objects.create(title="S", slug="s", period_start=2023, period_end=2030)
    goal = Goal.objects.create(strategy=strategy, number=1, title="Mål")
    first = SubGoal.objects.create(goal=goal, code="1A", title="Første")
    second = SubGoal.objects.create(goal=goal, code="1B", title="Andre")
    before = {"sub_goal": first.pk, "further_sub_goals": frozenset()}
    after = {"sub_goal": second.pk, "further_sub_goals": frozenset({first.pk})}
    with translation.override("en"):
        diffs = {d.name: d for d in field_diffs(RoadmapItem, before, after, names=Names())}
    assert (diffs["sub_goal"].old, diffs["sub_goal"].new) == ("1A", "1B")
    assert diffs["further_sub_goals"].added == ["1A"] and diffs["further_sub_goals"].removed == []
    assert diffs["further_sub_goals"].label == "further sub-goals"


def test_a_stored_reason_is_shown_in_the_pages_language():
    with translation.override("nb"):
        assert (
            reason_display("Import of the official roadmap export") == "Import av det offisielle uttrekket av veikartet"
        )
        assert reason_display("Before correction: data.csv") == "Før korrigering: data.csv"
    with translation.override("nn"):
        assert (
            reason_display("Import of the official roadmap export") == "Import av det offisielle uttrekket av vegkartet"
        )
    with translation.override("en"):
        assert reason_display("Import: data.csv") == "Import: data.csv"
    assert reason_display(None) == ""
