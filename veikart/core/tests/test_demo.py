"""The demo loader is idempotent: a second run changes nothing and records no history."""

import pytest
from django.core.management import call_command

from veikart.strategy.models import Goal, Strategy, SubGoal

pytestmark = pytest.mark.django_db


def history_count() -> int:
    from django.apps import apps
    from simple_history.manager import HistoryManager

    managers = [getattr(model, "history", None) for model in apps.get_models()]
    return sum(manager.count() for manager in managers if isinstance(manager, HistoryManager))


def test_the_demo_has_the_2023_strategy_with_five_goals_and_sub_goals_1a_to_5c(demo):
    final = Strategy.objects.get(slug="e-helsestrategi-2023-2030")
    assert [goal.short_title for goal in final.goals.all()][:2] == ["Aktiv medvirkning", "Enklere arbeidshverdag"]
    codes = set(SubGoal.objects.filter(strategy=final).values_list("code", flat=True))
    assert {"1A", "1F", "2E", "3C", "4C", "5C"} <= codes
    assert len(codes) == 20
    assert Goal.objects.get(strategy=final, number=2).continues.number == 1


def test_the_earlier_strategies_are_superseded_history(demo):
    assert Strategy.objects.get(slug="e-helsestrategi-2017-2022").goals.count() == 6
    assert Strategy.objects.get(slug="en-innbygger-en-journal").status == Strategy.Status.SUPERSEDED


def test_loading_the_demo_twice_changes_nothing(demo):
    before = history_count()
    call_command("load_demo", verbosity=0)
    assert history_count() == before


def test_loading_the_demo_names_the_demo_users_and_where_they_start(db):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("load_demo", "--demo-passwords", stdout=out)
    text = out.getvalue()
    assert "strategikontor" in text and "eier-oslo" in text and "/forvaltning/" in text
    assert "veikart-demo-2026" in text
