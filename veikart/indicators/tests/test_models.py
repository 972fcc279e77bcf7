from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from veikart.indicators.models import (
    Indicator,
    Observation,
    breakdown_from_key,
    breakdown_key_from,
)
from veikart.indicators.tests.factories import make_goal, make_indicator, plain_user, strategy_office_user
from veikart.strategy.models import Strategy

pytestmark = pytest.mark.django_db


def test_a_value_outside_a_bounded_scale_is_refused():
    emram = make_indicator(measure_type=Indicator.MeasureType.SCALE, scale_min=0, scale_max=7)
    observation = Observation(indicator=emram, period="2023", value=Decimal("8"))
    with pytest.raises(ValidationError) as error:
        observation.full_clean()
    assert "value" in error.value.message_dict


def test_a_percentage_is_bounded_by_0_and_100_without_being_told():
    share = make_indicator(measure_type=Indicator.MeasureType.PERCENTAGE)
    assert share.value_error(Decimal("100.5"))
    assert share.value_error(Decimal("57")) is None


def test_a_scale_without_bounds_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(code="X", name="x", measure_type=Indicator.MeasureType.SCALE)


def test_a_retired_indicator_must_say_why():
    indicator = make_indicator()
    indicator.status = Indicator.Status.RETIRED
    with pytest.raises(ValidationError):
        indicator.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        indicator.save()


def test_the_period_is_stored_in_its_canonical_spelling_with_a_sort_key():
    indicator = make_indicator()
    observation = Observation.objects.create(indicator=indicator, period="2023K2", value=1)
    assert observation.period == "2023-Q2"
    assert observation.period_key == 202306302


def test_one_value_per_period_and_breakdown():
    indicator = make_indicator()
    Observation.objects.create(indicator=indicator, period="2023", value=1)
    Observation.objects.create(indicator=indicator, period="2023", value=1, breakdown_key="region=01")
    with pytest.raises(IntegrityError), transaction.atomic():
        Observation.objects.create(indicator=indicator, period="2023", value=2)


def test_a_breakdown_key_is_canonical_whatever_the_order_of_dimensions():
    key = breakdown_key_from({"region": "03", "municipality": "5001"})
    assert key == "municipality=5001|region=03"
    assert breakdown_from_key(key) == {"municipality": "5001", "region": "03"}
    assert breakdown_key_from({}) == ""


def test_anonymous_visitors_see_only_published_indicators_of_published_strategies():
    public = make_indicator(goal=make_goal())
    make_indicator(goal=make_goal(), published=False)
    unpublished_later = make_goal()
    make_indicator(goal=unpublished_later)
    Strategy.objects.filter(pk=unpublished_later.strategy_id).update(is_published=False)
    assert list(Indicator.objects.visible_to(AnonymousUser())) == [public]
    assert list(Indicator.objects.visible_to(plain_user())) == [public]


def test_the_strategy_office_sees_every_indicator():
    make_indicator(published=False)
    make_indicator()
    assert Indicator.objects.visible_to(strategy_office_user()).count() == 2


def test_observations_follow_their_indicator_visibility():
    hidden = make_indicator(published=False)
    Observation.objects.create(indicator=hidden, period="2023", value=1)
    assert not Observation.objects.visible_to(AnonymousUser()).exists()


def test_a_published_indicator_cannot_measure_a_goal_of_an_unpublished_strategy():
    with pytest.raises(ValidationError) as refused:
        make_indicator(goal=make_goal(published=False))
    assert "unpublished strategy version" in str(refused.value)
    make_indicator(goal=make_goal(published=False), published=False)


def test_an_indicator_published_before_its_strategy_was_unpublished_can_still_be_edited():
    goal = make_goal()
    indicator = make_indicator(goal=goal)
    Strategy.objects.filter(pk=goal.strategy_id).update(is_published=False)
    indicator = Indicator.objects.get(pk=indicator.pk)
    indicator.name = "Nytt navn"
    indicator.full_clean()


def test_the_sub_goals_of_a_published_indicator_are_checked_by_the_same_rule():
    from veikart.indicators.models import unpublished_strategy_error

    draft, public = make_goal(published=False), make_goal()
    assert unpublished_strategy_error(sub_goals=public.sub_goals.all()) is None
    assert "(Strategi" in unpublished_strategy_error(sub_goals=draft.sub_goals.all())


def test_the_admin_refuses_to_publish_an_indicator_of_a_draft_strategy(rf):
    from django.contrib import admin

    from veikart.accounts.models import User

    request = rf.get("/")
    request.user = User.objects.create_superuser("admin", "admin@example.org", "pw-test-123!")
    indicator = make_indicator(goal=make_goal(published=False), published=False)
    form_class = admin.site.get_model_admin(Indicator).get_form(request, indicator)
    data = {
        field: value
        for field, value in form_class(instance=indicator).initial.items()
        if value is not None and field != "sub_goals"
    }
    form = form_class({**data, "is_published": "on"}, instance=indicator)
    assert not form.is_valid()
    assert "unpublished strategy version" in str(form.non_field_errors())
