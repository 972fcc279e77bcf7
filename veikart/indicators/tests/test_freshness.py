"""Which period an indicator's data is due for, and which indicators are overdue, in one query."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from veikart.indicators.freshness import due_period, overdue_count, period_from_sort_key, with_freshness
from veikart.indicators.models import Indicator
from veikart.indicators.periods import parse_period
from veikart.indicators.tests.factories import add_observations, make_indicator

YEARLY, QUARTERLY, MONTHLY = Indicator.Frequency.YEARLY, Indicator.Frequency.QUARTERLY, Indicator.Frequency.MONTHLY


@pytest.mark.parametrize(
    ("frequency", "today", "due"),
    [
        (YEARLY, datetime.date(2026, 3, 31), "2024"),
        (YEARLY, datetime.date(2026, 4, 1), "2025"),
        (YEARLY, datetime.date(2026, 12, 31), "2025"),
        (QUARTERLY, datetime.date(2026, 4, 30), "2025-Q4"),
        (QUARTERLY, datetime.date(2026, 5, 1), "2026-Q1"),
        (QUARTERLY, datetime.date(2026, 1, 31), "2025-Q3"),
        (MONTHLY, datetime.date(2026, 12, 1), "2026-10"),
        (MONTHLY, datetime.date(2026, 11, 30), "2026-09"),
        (MONTHLY, datetime.date(2026, 1, 15), "2025-11"),
    ],
)
def test_the_due_period_follows_the_documented_grace_periods(frequency, today, due):
    assert due_period(frequency, today).text == due


@pytest.mark.parametrize("text", ["2025", "2025-Q1", "2025-Q4", "2025-02", "2024-02-29", "2025-12"])
def test_a_period_is_read_back_from_its_sort_key(text):
    assert period_from_sort_key(parse_period(text).sort_key) == text


TODAY = datetime.date(2026, 12, 1)


@pytest.mark.django_db
def test_overdue_indicators_are_found_by_their_latest_period():
    cases = {
        "Y-FRESH": (YEARLY, {"2025": 1}, "", False),
        "Y-STALE": (YEARLY, {"2024": 1}, "", True),
        "Y-QUARTERS": (YEARLY, {"2025-Q4": 1}, "", False),
        "Q-FRESH": (QUARTERLY, {"2026-Q3": 1}, "", False),
        "Q-STALE": (QUARTERLY, {"2026-Q2": 1}, "", True),
        "M-FRESH": (MONTHLY, {"2026-10": 1}, "", False),
        "M-STALE": (MONTHLY, {"2026-09": 1}, "", True),
        "BREAKDOWN-ONLY": (YEARLY, {"2025": 1}, "region=01", True),
        "NO-DATA": (YEARLY, {}, "", True),
    }
    for code, (frequency, series, key, _overdue) in cases.items():
        indicator = make_indicator(code=code, frequency=frequency)
        add_observations(indicator, series, breakdown_key=key)
    # A breakdown's later figure does not make up for an old total: the total is the headline.
    add_observations(Indicator.objects.get(code="Y-STALE"), {"2025": 1}, breakdown_key="region=01")
    retired = make_indicator(code="RETIRED", status=Indicator.Status.RETIRED, status_reason="Erstattet.")
    assert retired
    found = {i.code: i.is_overdue for i in with_freshness(Indicator.objects.all(), TODAY)}
    assert found == {code: case[3] for code, case in cases.items()} | {"RETIRED": False}
    assert overdue_count(Indicator.objects.all(), TODAY) == 5


@pytest.mark.django_db
def test_the_overdue_count_is_one_query_however_many_indicators():
    for number in range(12):
        indicator = make_indicator(code=f"I{number}", frequency=[YEARLY, QUARTERLY, MONTHLY][number % 3])
        add_observations(indicator, {"2023": number, "2024": number})
    with CaptureQueriesContext(connection) as queries:
        assert overdue_count(Indicator.objects.all(), TODAY) == 12
    assert len(queries) == 1
