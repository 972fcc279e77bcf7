"""The annual cycle's test material: reporting periods and meetings around 2026 (fixtures, made known to
pytest by conftest.py), and stored events."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest

from veikart.governance.models import CycleEvent, Meeting
from veikart.reporting.models import ReportingPeriod
from veikart.strategy.models import Strategy

OSLO = ZoneInfo("Europe/Oslo")


def _strategy(slug: str, *, published: bool) -> Strategy:
    return Strategy.objects.create(
        title=f"Strategi {slug}", slug=slug, period_start=2023, period_end=2030, is_published=published
    )


@pytest.fixture
def cycle_periods(db) -> dict[str, ReportingPeriod]:
    """A period of a published strategy that opens in 2025 and ends in 2026, one inside 2026, and one
    of a strategy in draft."""
    public = _strategy("offentlig", published=True)
    draft = _strategy("utkast", published=False)
    return {
        "across": ReportingPeriod.objects.create(
            strategy=public, name="2025 T3", opens=datetime.date(2025, 12, 1), deadline=datetime.date(2026, 1, 15)
        ),
        "inside": ReportingPeriod.objects.create(
            strategy=public, name="2026 T1", opens=datetime.date(2026, 3, 2), deadline=datetime.date(2026, 4, 10)
        ),
        "draft": ReportingPeriod.objects.create(
            strategy=draft, name="Utkast T1", opens=datetime.date(2026, 5, 4), deadline=datetime.date(2026, 5, 29)
        ),
    }


def _meeting(body, number: int, when: datetime.datetime, state: str) -> Meeting:
    return Meeting.objects.create(body=body, year=when.year, number=number, starts_at=when, state=state)


@pytest.fixture
def cycle_meetings(nuit, nufa) -> dict[str, Meeting]:
    return {
        "summoned": _meeting(nuit, 1, datetime.datetime(2026, 3, 26, 9, tzinfo=OSLO), Meeting.State.SUMMONED),
        "draft": _meeting(nufa, 1, datetime.datetime(2026, 9, 17, 12, tzinfo=OSLO), Meeting.State.DRAFT),
        "other_year": _meeting(nuit, 1, datetime.datetime(2025, 3, 20, 9, tzinfo=OSLO), Meeting.State.SUMMONED),
    }


def make_event(year: int, starts: str, title: str, **fields) -> CycleEvent:
    return CycleEvent.objects.create(year=year, starts=datetime.date.fromisoformat(starts), title=title, **fields)
