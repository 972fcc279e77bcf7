"""Deleting an indicator takes its observations with it, in the same few queries however many there are."""

from decimal import Decimal

import pytest

from veikart.indicators.models import Indicator, Observation
from veikart.indicators.services import observations_bulk_insert
from veikart.indicators.tests.factories import add_observations, make_indicator


def with_observations(count: int) -> Indicator:
    indicator = make_indicator()
    observations_bulk_insert(
        [(indicator.pk, str(2000 + n), 2000 + n, "", Decimal(n), None, None, None) for n in range(count)]
    )
    return indicator


@pytest.mark.django_db
def test_deleting_an_indicator_deletes_its_observations_and_no_others():
    kept = make_indicator()
    add_observations(kept, {"2023": 5, "2024": 6})
    doomed = with_observations(50)
    pk = doomed.pk
    doomed.delete()
    assert not Observation.objects.filter(indicator_id=pk).exists()
    assert Observation.objects.filter(indicator=kept).count() == 2
    assert Indicator.history.filter(id=pk, history_type="-").exists()


@pytest.mark.django_db
def test_the_queries_do_not_grow_with_the_observations(django_assert_max_num_queries):
    small, large = with_observations(3), with_observations(300)
    with django_assert_max_num_queries(30) as few:
        small.delete()
    with django_assert_max_num_queries(len(few.captured_queries)):
        large.delete()
    assert not Observation.objects.exists()


@pytest.mark.django_db
def test_a_bulk_delete_of_indicators_deletes_their_observations_too():
    first, second = with_observations(4), with_observations(5)
    Indicator.objects.filter(pk__in=[first.pk, second.pk]).delete()
    assert not Observation.objects.exists()
