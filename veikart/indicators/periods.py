"""Observation periods: a year, a split year, a quarter, a month or a day, as text with a canonical sort key.

Canonical spellings are ``2023``, ``2013/14``, ``2023-Q2``, ``2023-05`` and ``2023-05-17``.
``parse_period`` also accepts the spellings of Statistics Norway (``2023K2``, ``2023M05``), ``2023Q2``
and ``2013/2014``, and returns the canonical one, so the same period always gets the same text and key
whatever file it came from.

A split year (a financial, school or season year, ``2013/14``) is taken as the twelve months from
1 July to 30 June. Publishers start them in different months (UK financial years in April, Norwegian
school years in August); the middle of the calendar year keeps each one between the calendar years
it straddles (``2005/06`` sorts after ``2005`` and before ``2006``), which is what a time series of
mixed years needs.

The sort key is an integer built from the last day of the period (``YYYYMMDD``) and one digit for the
granularity (day 0, month 1, quarter 2, year 3, split year 4): periods sort by when they end, and
within one end date the finer period comes first. Each canonical period has its own key (a split
year ends on 30 June, which no calendar year does, and its digit differs from a quarter's). ``period_time`` gives the end of the period in fractional years,
which is what the progress calculation uses as its time axis.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.translation import gettext as _


class PeriodError(ValueError):
    """The text is not a period Veikart understands."""


YEAR, SPLIT_YEAR, QUARTER, MONTH, DAY = "year", "split_year", "quarter", "month", "day"
FIRST_YEAR, LAST_YEAR = 1800, 2200
_GRANULARITY_RANK = {DAY: 0, MONTH: 1, QUARTER: 2, YEAR: 3, SPLIT_YEAR: 4}

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*[QK]([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})(?:-|M)(\d{1,2})$", re.IGNORECASE)
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SPLIT_YEAR = re.compile(r"^(\d{4})\s*/\s*(\d{2}|\d{4})$")


@dataclass(frozen=True)
class Period:
    text: str
    granularity: str
    start: datetime.date
    end: datetime.date
    sort_key: int = field(init=False)
    time: float = field(init=False)  # the end of the period in fractional years: 2023 → 2024.0, 2023-Q2 → 2023.5

    def __post_init__(self) -> None:
        # Computed once: parse_period caches its periods, and pages read these keys thousands of times.
        end = self.end
        key = ((end.year * 100 + end.month) * 100 + end.day) * 10 + _GRANULARITY_RANK[self.granularity]
        after = end + datetime.timedelta(days=1)
        year_length = 366 if calendar.isleap(after.year) else 365
        object.__setattr__(self, "sort_key", key)
        object.__setattr__(self, "time", after.year + (after.timetuple().tm_yday - 1) / year_length)


@lru_cache(maxsize=65536)
def parse_period(text: str) -> Period:
    """The period written as ``text``; raises ``PeriodError`` with a readable message if it is not one."""
    value = str(text).strip()
    # Every period starts with its year; one outside the years statistics cover is a typing error
    # (0000, 9999), and the calendar could not hold the day after 9999-12-31 anyway.
    if value[:4].isdigit() and not FIRST_YEAR <= int(value[:4]) <= LAST_YEAR:
        raise PeriodError(
            _("%(value)r is not a period: the year must be from %(first)s to %(last)s.")
            % {"value": value, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    if match := _YEAR.match(value):
        year = int(match[1])
        return Period(f"{year:04d}", YEAR, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    if match := _QUARTER.match(value):
        year, quarter = int(match[1]), int(match[2])
        first_month = 3 * quarter - 2
        last_month = 3 * quarter
        end = datetime.date(year, last_month, calendar.monthrange(year, last_month)[1])
        return Period(f"{year:04d}-Q{quarter}", QUARTER, datetime.date(year, first_month, 1), end)
    if match := _MONTH.match(value):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise PeriodError(_("%(value)r has no month %(month)s.") % {"value": value, "month": month})
        end = datetime.date(year, month, calendar.monthrange(year, month)[1])
        return Period(f"{year:04d}-{month:02d}", MONTH, datetime.date(year, month, 1), end)
    if match := _SPLIT_YEAR.match(value):
        first, second = int(match[1]), match[2]
        following = first + 1
        if int(second) != (following if len(second) == 4 else following % 100):
            raise PeriodError(
                _("%(text)r is not a split year: the second year must follow the first.") % {"text": value}
            )
        return Period(
            f"{first:04d}/{following % 100:02d}",
            SPLIT_YEAR,
            datetime.date(first, 7, 1),
            datetime.date(following, 6, 30),
        )
    if match := _DAY.match(value):
        try:
            day = datetime.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise PeriodError(_("%(value)r is not a date in the calendar.") % {"value": value}) from None
        return Period(day.isoformat(), DAY, day, day)
    raise PeriodError(
        _("%(value)r is not a period (use 2023, 2023-Q2, 2023-05, 2023-05-17 or 2013/14).") % {"value": value}
    )


def period_sort_key(text: str) -> int:
    return parse_period(text).sort_key
