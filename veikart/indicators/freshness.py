"""Whether an indicator's data is up to date for its frequency, computed in the database.

**The rule.** Each frequency has a grace period after a period ends, the time its figures usually
take to be published: three months for a yearly indicator, one month for a quarterly or monthly one.
The *due period* is the latest period of the indicator's frequency whose grace period is over: a
yearly indicator owes last year's figure once the current year is a quarter old (from 1 April), a
quarterly one the last quarter's once a month of the next quarter has passed, a monthly one last
month's but one (on 1 December, October's). An indicator is **overdue** when its latest period
with data ends before its due period ends, or it has no data at all. Retired indicators are never
overdue: no more data is expected for them.

**The latest period with data** is the latest period of the headline series (the total), which is
what progress, the status and the public pages use: figures for breakdowns alone give the
indicator no status, so they do not make it up to date. It is read from the observations' unique
index (indicator, breakdown, period) with one probe per indicator, so the list and the count stay
one query each however many observations there are. (Falling back on the latest breakdown for an
indicator without a total was tried: PostgreSQL's estimate for that subquery, though never run,
made it compile the whole query, which cost a second at a million observations.) A period's sort key holds its end date and its granularity, so the
period is read back from the key without another lookup (``period_from_sort_key``).
"""

from __future__ import annotations

import datetime

from django.db.models import (
    BooleanField,
    Case,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from veikart.indicators.models import Indicator, Observation
from veikart.indicators.periods import Period, parse_period

GRACE_MONTHS = {
    Indicator.Frequency.YEARLY: 3,
    Indicator.Frequency.QUARTERLY: 1,
    Indicator.Frequency.MONTHLY: 1,
}
_LENGTH_MONTHS = {
    Indicator.Frequency.YEARLY: 12,
    Indicator.Frequency.QUARTERLY: 3,
    Indicator.Frequency.MONTHLY: 1,
}


def due_period(frequency: str, today: datetime.date) -> Period:
    """The latest period of ``frequency`` whose figures are due on ``today`` (see the module's rule)."""
    length, grace = _LENGTH_MONTHS[frequency], GRACE_MONTHS[frequency]
    # Months counted from year 0; a period of ``length`` months starts at a multiple of ``length``.
    # The period is due when the first day of the month ``grace`` months after its end has come.
    this_month = today.year * 12 + today.month - 1
    last_month_allowed = this_month - 1 - grace
    start = ((last_month_allowed + 1) // length - 1) * length
    year, month = divmod(start, 12)
    month += 1
    if frequency == Indicator.Frequency.YEARLY:
        return parse_period(f"{year}")
    if frequency == Indicator.Frequency.QUARTERLY:
        return parse_period(f"{year}-Q{(month - 1) // 3 + 1}")
    return parse_period(f"{year}-{month:02d}")


def period_from_sort_key(key: int | None) -> str:
    """The canonical text of the period whose sort key is ``key`` ("" for None)."""
    if key is None:
        return ""
    end, rank = divmod(key, 10)
    year, rest = divmod(end, 10000)
    month, day = divmod(rest, 100)
    if rank == 4:
        return f"{year - 1:04d}/{year % 100:02d}"
    if rank == 3:
        return f"{year:04d}"
    if rank == 2:
        return f"{year:04d}-Q{month // 3}"
    if rank == 1:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def with_freshness(indicators: QuerySet, today: datetime.date | None = None) -> QuerySet:
    """``indicators`` annotated with ``latest_period_key`` (None without data) and ``is_overdue``."""
    today = today or timezone.localdate()
    latest_total = (
        Observation.objects.filter(indicator=OuterRef("pk"), breakdown_key="")
        .order_by("-period_key")
        .values("period_key")[:1]
    )
    due = Case(
        *[
            # A key at or above the due period's end date times ten ends no earlier than it.
            When(frequency=frequency, then=Value(due_period(frequency, today).sort_key // 10 * 10))
            for frequency in _LENGTH_MONTHS
        ],
        output_field=IntegerField(),
    )
    return indicators.annotate(
        latest_period_key=Subquery(latest_total),
        due_period_key=due,
    ).annotate(
        is_overdue=Case(
            When(
                ~Q(status=Indicator.Status.RETIRED)
                & (Q(latest_period_key__isnull=True) | Q(latest_period_key__lt=F("due_period_key"))),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def overdue_count(indicators: QuerySet, today: datetime.date | None = None) -> int:
    """How many of ``indicators`` are overdue, in one query."""
    return with_freshness(indicators, today).filter(is_overdue=True).count()
