"""The framework's services: a clash only the database catches is a field error, and publication is idempotent."""

import pytest
from django.core.exceptions import ValidationError

from veikart.strategy import services
from veikart.strategy.models import OverarchingGoal, SubGoal


def test_a_clash_that_only_the_database_catches_is_an_error_on_the_field(draft, strategy_office, monkeypatch):
    OverarchingGoal.objects.create(strategy=draft, number=1, title="Første")
    # As if another request saved number 1 between this one's validation and its save.
    monkeypatch.setattr(OverarchingGoal, "validate_constraints", lambda self, exclude=None: None)
    with pytest.raises(ValidationError) as raised:
        services.framework_object_save(
            obj=OverarchingGoal(strategy=draft, number=1, title="Andre"), user=strategy_office, clash_field="number"
        )
    assert list(raised.value.error_dict) == ["number"]
    assert OverarchingGoal.objects.count() == 1


def test_a_sub_goal_code_that_differs_only_in_case_is_refused(draft, strategy_office):
    sub_goal = SubGoal(goal=draft.goals.get(number=2), code="1a", title="Samme kode")
    with pytest.raises(ValidationError) as raised:
        services.sub_goal_save(sub_goal=sub_goal, benefit_objectives=["Noe"], user=strategy_office)
    assert list(raised.value.error_dict) == ["code"]
    assert draft.sub_goals.count() == 1


def test_publishing_what_is_published_changes_nothing(published_version, strategy_office):
    before = published_version.history.count()
    services.strategy_set_published(strategy=published_version, published=True, user=strategy_office)
    assert published_version.history.count() == before


def test_what_blocks_a_deletion_is_named_and_a_goals_own_lines_do_not_count(draft):
    goal = draft.goals.get(number=1)
    assert [count for _kind, count in services.blockers_of(goal)] == [1]
    assert services.blockers_of(draft.goals.get(number=2)) == []
