"""Refreshing the planner's statistics after large writes, on SQLite and PostgreSQL."""

import pytest
from django.db import transaction

from veikart.accounts.models import Organisation
from veikart.core.db import refresh_statistics


def _organisations(count: int) -> None:
    first = Organisation.objects.count()
    Organisation.objects.bulk_create(
        Organisation(name=f"Organisasjon {n}", short_name=f"O{n}", slug=f"organisasjon-{n}")
        for n in range(first, first + count)
    )


@pytest.mark.django_db(transaction=True)
def test_the_statistics_are_refreshed_once_the_transaction_commits(planner_row_count):
    with transaction.atomic():
        _organisations(7)
        refresh_statistics(Organisation)
        assert planner_row_count(Organisation) != 7
    assert planner_row_count(Organisation) == 7


@pytest.mark.django_db(transaction=True)
def test_nothing_is_analysed_when_the_transaction_rolls_back(planner_row_count):
    _organisations(2)
    refresh_statistics(Organisation)
    assert planner_row_count(Organisation) == 2
    with transaction.atomic():
        _organisations(5)
        refresh_statistics(Organisation)
        transaction.set_rollback(True)
    _organisations(1)
    assert planner_row_count(Organisation) == 2
