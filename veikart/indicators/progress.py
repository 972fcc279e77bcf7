"""Progress of an indicator's headline series towards its targets, and a projection of the observed trend.

The method is the one Statistics Canada designed and Open SDG uses, adapted as described in
``docs/indicators-progress.md``. In short:

* the observed growth rate runs from the base (the baseline, else the first observation) to the latest
  observation; the required growth rate runs from the base to the target;
* the ratio ``R = d · observed / |required|`` (``d`` is +1 when higher is better, -1 when lower is
  better) gives the status: ``R ≥ 0.95`` on track, ``0.6 ≤ R < 0.95`` at risk, ``0 ≤ R < 0.6`` off
  track, ``R < 0`` deterioration; a target the latest value already meets is achieved;
* growth is compound (CAGR) for unbounded positive measures and linear (units per year) for bounded
  scales and percentages, or whenever a value is zero or negative;
* a target whose period the data has reached is judged on the value observed at that period;
* the recent trend (the last ``max(3, ⌈n/3⌉)`` of ``n`` observations) is compared with the long-run one:
  when it runs the other way the status is at most "at risk", and the page says so in words;
* each projection is a range, between the long-run and the recent trend, flagged when it lies
  implausibly far from what was observed and capped at the bounds of the measure.

Everything here is plain arithmetic on numbers, so the list page can assess every indicator from one
query; ``assess`` takes no model instances.
"""

from __future__ import annotations

import bisect
import itertools
import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from veikart.indicators.periods import parse_period
from veikart.indicators.templatetags.indicator_tags import figure

ON_TRACK_RATIO = 0.95
AT_RISK_RATIO = 0.60
# Without a target, Statistics Canada compares the observed yearly growth itself with fixed rates.
NO_TARGET_ON_TRACK_RATE = 0.015
NO_TARGET_AT_RISK_RATE = 0.005
TRAJECTORY_STEPS = 12
# The recent trend runs over the last RECENT_MIN_POINTS observations, or the last 1/RECENT_SHARE of
# the series when that is longer.
RECENT_MIN_POINTS = 3
RECENT_SHARE = 3
# A projection is implausible when it lies more than this many times the observed range (highest
# minus lowest value, base included) beyond the latest value.
IMPLAUSIBLE_RANGE_FACTOR = 3


class Status(models.TextChoices):
    ACHIEVED = "achieved", _("Target achieved")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    DETERIORATION = "deterioration", _("Deterioration")
    NO_DATA = "no_data", _("Not enough data")
    NO_VALUES = "no_values", _("No data yet")


# Designsystemet colours for each status badge.
STATUS_COLOURS = {
    Status.ACHIEVED: "success",
    Status.ON_TRACK: "success",
    Status.AT_RISK: "warning",
    Status.OFF_TRACK: "danger",
    Status.DETERIORATION: "danger",
    Status.NO_DATA: "neutral",
    Status.NO_VALUES: "neutral",
}
# Statuses a falling (or rising) recent trend holds back to AT_RISK: those that forecast success.
_BETTER_THAN_AT_RISK = {Status.ON_TRACK}

GROWTH, LINEAR = "growth", "linear"


@dataclass(frozen=True, slots=True)
class Point:
    period: str
    time: float
    value: float


def point(period: str, value: Decimal | float) -> Point:
    return Point(period, parse_period(period).time, float(value))


@dataclass(frozen=True, slots=True)
class RecentTrend:
    """The trend over the last observations (``start`` to ``end``) and how it compares with the long run."""

    start: Point
    end: Point
    rate: float
    against: bool  # it runs the other way than the trend from the base to the latest observation
    observations: int

    @property
    def rising(self) -> bool:
        return self.rate > 0

    @property
    def words(self) -> str:
        """ "Falling over the last 2 years (since 2021)": the direction, its length and where it starts.

        In years when the window spans whole years (yearly data), else in periods between observations.
        """
        years = self.end.time - self.start.time
        values = {"period": self.start.period}
        if math.isclose(years, round(years), abs_tol=0.01) and round(years) >= 1:
            values["count"] = count = round(years)
            if self.rising:
                text = ngettext(
                    "Rising over the last year (since %(period)s)",
                    "Rising over the last %(count)d years (since %(period)s)",
                    count,
                )
            else:
                text = ngettext(
                    "Falling over the last year (since %(period)s)",
                    "Falling over the last %(count)d years (since %(period)s)",
                    count,
                )
        else:
            values["count"] = count = self.observations - 1
            if self.rising:
                text = ngettext(
                    "Rising over the last period (since %(period)s)",
                    "Rising over the last %(count)d periods (since %(period)s)",
                    count,
                )
            else:
                text = ngettext(
                    "Falling over the last period (since %(period)s)",
                    "Falling over the last %(count)d periods (since %(period)s)",
                    count,
                )
        return text % values


@dataclass
class TargetAssessment:
    period: str
    time: float
    value: float
    status: str
    passed: bool
    required_rate: float | None = None
    # Without a trend (one observation, no earlier baseline): the yearly rate from the latest value to the target.
    needed_rate: float | None = None
    ratio: float | None = None
    projected_value: float | None = None
    # The range of the projection: between the long-run (projected_value) and the recent trend.
    projected_low: float | None = None
    projected_high: float | None = None
    # Some end of the range lies more than IMPLAUSIBLE_RANGE_FACTOR observed ranges beyond the latest value.
    implausible: bool = False
    # The bound a projection was held at ("high" or "low"), when a trend would have crossed it.
    capped: str = ""
    capped_at: float | None = None
    # The status the long-run trend alone gives, when the recent trend held it back.
    uncapped_status: str = ""
    trajectory: list[Point] = field(default_factory=list)
    projection: list[Point] = field(default_factory=list)
    recent_projection: list[Point] = field(default_factory=list)

    @property
    def projection_notes(self) -> list[str]:
        """What a reader must know about the projection: a bound it was held at, and whether it is implausible."""
        notes = []
        if self.capped == "high":
            notes.append(
                gettext("Capped at the highest possible value, %(value)s.") % {"value": figure(self.capped_at)}
            )
        elif self.capped == "low":
            notes.append(gettext("Capped at the lowest possible value, %(value)s.") % {"value": figure(self.capped_at)})
        if self.implausible:
            notes.append(
                gettext(
                    "Far outside what has been observed: more than %(factor)s times the range of the observed "
                    "values beyond the latest value. The trend is unlikely to continue that far."
                )
                % {"factor": IMPLAUSIBLE_RANGE_FACTOR}
            )
        return notes

    def needed_words(self, method: str, latest: Point) -> str:
        """ "Reaching 300 000 by 2030 needs growth of 15.2 % a year from 2022", or "" without a needed rate."""
        if self.needed_rate is None:
            return ""
        values = {"target": figure(self.value), "period": self.period, "latest": latest.period}
        if method == GROWTH:
            values["rate"] = figure(round(100 * self.needed_rate, 1))
            return (
                gettext("Reaching %(target)s by %(period)s needs growth of %(rate)s %% a year from %(latest)s.")
                % values
            )
        values["rate"] = figure(round(self.needed_rate, 2))
        return gettext("Reaching %(target)s by %(period)s needs a change of %(rate)s a year from %(latest)s.") % values

    @property
    def has_range(self) -> bool:
        return self.projected_low is not None and not math.isclose(
            self.projected_low, self.projected_high, rel_tol=1e-9, abs_tol=1e-9
        )

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def status_colour(self) -> str:
        return STATUS_COLOURS[Status(self.status)]


@dataclass
class Progress:
    status: str
    method: str
    base: Point | None = None
    latest: Point | None = None
    change: float | None = None
    observed_rate: float | None = None
    targets: list[TargetAssessment] = field(default_factory=list)
    headline_target: TargetAssessment | None = None
    recent: RecentTrend | None = None
    # The status the long-run trend alone gives, when the recent trend held it back.
    uncapped_status: str = ""

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def uncapped_status_label(self) -> str:
        return Status(self.uncapped_status).label if self.uncapped_status else ""

    @property
    def needed_words(self) -> str:
        """Without a trend, the pace the headline target asks for from the latest value; else ""."""
        if self.headline_target is None or self.latest is None:
            return ""
        return self.headline_target.needed_words(self.method, self.latest)

    @property
    def trend_turned(self) -> bool:
        """True when the recent trend runs against the long-run trend."""
        return self.recent is not None and self.recent.against

    @property
    def status_colour(self) -> str:
        return STATUS_COLOURS[Status(self.status)]

    @property
    def change_percent(self) -> float | None:
        """Change since the base in per cent of the base value, or None when the base is zero."""
        if self.change is None or self.base is None or self.base.value == 0:
            return None
        return 100 * self.change / abs(self.base.value)


def assess(
    *,
    series: list[tuple[str, Decimal | float]] = (),
    periods: list[str] | None = None,
    values: list[Decimal | float] | None = None,
    higher_is_better: bool = True,
    bounds: tuple[Decimal | float | None, Decimal | float | None] = (None, None),
    baseline: tuple[str, Decimal | float] | None = None,
    targets: list[tuple[str, Decimal | float]] = (),
) -> Progress:
    """Assess a headline series against its targets.

    The series is given as ``(period, value)`` pairs in any order, or (cheaper for long series, as
    the list page does) as two lists ``periods`` and ``values``. Returns a ``Progress`` whose
    ``status`` is that of the headline target: the first target the data has not yet reached, else
    the last target; without targets, the trend alone decides. With no observation the status is
    "no data yet" and each target is listed as such; with one observation and no baseline before it,
    only "target achieved" can be told (else "not enough data"). When the recent trend runs against
    the long-run trend (``Progress.recent.against``), no status is better than "at risk".
    """
    if periods is None:
        periods = [period for period, _value in series]
        values = [value for _period, value in series]
    times = [parse_period(period).time for period in periods]
    numbers = [float(value) for value in values]
    if any(later < earlier for earlier, later in itertools.pairwise(times)):
        order = sorted(range(len(times)), key=times.__getitem__)
        periods, times, numbers = ([column[i] for i in order] for column in (periods, times, numbers))
    low, high = (None if bound is None else float(bound) for bound in bounds)
    bounded = low is not None and high is not None
    base = point(*baseline) if baseline else (Point(periods[0], times[0], numbers[0]) if numbers else None)
    method = LINEAR if bounded or min(numbers, default=1) <= 0 or (base and base.value <= 0) else GROWTH
    if not numbers or base is None:
        # Targets set before any data are still targets: listed, with nothing to assess yet.
        unassessed = [
            TargetAssessment(target.period, target.time, target.value, Status.NO_VALUES, passed=False)
            for target in sorted((point(period, value) for period, value in targets), key=lambda t: t.time)
        ]
        return Progress(status=Status.NO_VALUES, method=method, targets=unassessed)
    d = 1 if higher_is_better else -1
    latest = Point(periods[-1], times[-1], numbers[-1])
    observed = _rate(method, base, latest)
    progress = Progress(
        status=Status.NO_DATA,
        method=method,
        base=base,
        latest=latest,
        change=latest.value - base.value,
        observed_rate=observed,
        recent=_recent_trend(method, periods, times, numbers, base, observed),
    )
    trend = Trend(method, latest, observed, progress.recent, _spread(numbers, base), (low, high))
    for period, value in sorted(targets, key=lambda t: parse_period(t[0]).time):
        target = point(period, value)
        # The last observed value at or before the target period, for a target the data has reached.
        at = bisect.bisect_right(times, target.time + 1e-9)
        at_target = numbers[at - 1] if at else None
        assessment = _assess_target(target, at_target, base, trend, d)
        progress.targets.append(assessment)
    if progress.targets:
        upcoming = [t for t in progress.targets if not t.passed]
        progress.headline_target = upcoming[0] if upcoming else progress.targets[-1]
        progress.status = progress.headline_target.status
        progress.uncapped_status = progress.headline_target.uncapped_status
    elif observed is not None:
        status = _no_target_status(method, d * observed, base, latest, (low, high))
        progress.status, progress.uncapped_status = _hold_back(status, progress.recent)
    return progress


@dataclass(frozen=True, slots=True)
class Trend:
    """What projecting a target needs: the observed trends from the latest value, and the observed spread."""

    method: str
    latest: Point
    observed: float | None
    recent: RecentTrend | None
    spread: float
    bounds: tuple[float | None, float | None]


def _recent_trend(method, periods, times, numbers, base: Point, observed: float | None) -> RecentTrend | None:
    """The trend over the last ``max(RECENT_MIN_POINTS, ⌈n / RECENT_SHARE⌉)`` observations.

    None when the series is shorter than that, or when the window starts at (or before) the base: the
    recent trend would then be the long-run trend itself.
    """
    size = max(RECENT_MIN_POINTS, math.ceil(len(numbers) / RECENT_SHARE))
    if observed is None or len(numbers) < size:
        return None
    first = len(numbers) - size
    start = Point(periods[first], times[first], numbers[first])
    end = Point(periods[-1], times[-1], numbers[-1])
    rate = _rate(method, start, end) if start.time > base.time + 1e-9 else None
    if rate is None:
        return None
    # Opposite signs: a flat stretch (rate 0) or a flat long run runs against nothing.
    return RecentTrend(start, end, rate, against=rate * observed < 0, observations=size)


def _spread(numbers: list[float], base: Point) -> float:
    """The observed range: the highest minus the lowest value, the base included."""
    return max(max(numbers), base.value) - min(min(numbers), base.value)


def _hold_back(status: str, recent: RecentTrend | None) -> tuple[str, str]:
    """(status, uncapped status): a recent trend against the long run holds a forecast of success at "at risk"."""
    if recent is not None and recent.against and status in _BETTER_THAN_AT_RISK:
        return Status.AT_RISK, status
    return status, ""


def _meets(value: float, target: float, d: int) -> bool:
    return d * (value - target) >= -1e-9


def _rate(method: str, start: Point, end: Point) -> float | None:
    """Yearly growth between two points: compound for GROWTH, units per year for LINEAR; None if no time passed."""
    years = end.time - start.time
    if years <= 0:
        return None
    if method == GROWTH:
        return (end.value / start.value) ** (1 / years) - 1
    return (end.value - start.value) / years


def _advance(method: str, start: Point, rate: float, time: float, bounds) -> float:
    return _project(method, start, rate, time, bounds)[0]


def _project(method: str, start: Point, rate: float, time: float, bounds) -> tuple[float, str]:
    """The value at ``time`` along ``rate``, held within the bounds, and which bound held it ("high", "low" or "")."""
    years = time - start.time
    value = start.value * (1 + rate) ** years if method == GROWTH else start.value + rate * years
    low, high = bounds
    if low is not None and value < low:
        return low, "low"
    if high is not None and value > high:
        return high, "high"
    return value, ""


def _line(method: str, start: Point, rate: float, end_time: float, bounds, label: str) -> list[Point]:
    """Points from ``start`` to ``end_time`` along ``rate``: two for a straight line, more for a curve."""
    steps = 1 if method == LINEAR else TRAJECTORY_STEPS
    span = end_time - start.time
    return [
        Point(
            label if i == steps else "",
            start.time + span * i / steps,
            _advance(method, start, rate, start.time + span * i / steps, bounds),
        )
        for i in range(steps + 1)
    ]


def _ratio_status(ratio: float) -> str:
    if ratio >= ON_TRACK_RATIO:
        return Status.ON_TRACK
    if ratio >= AT_RISK_RATIO:
        return Status.AT_RISK
    if ratio >= 0:
        return Status.OFF_TRACK
    return Status.DETERIORATION


def _assess_target(target: Point, at_target: float | None, base: Point, trend: Trend, d: int) -> TargetAssessment:
    method, latest, observed, bounds = trend.method, trend.latest, trend.observed, trend.bounds
    assessment = TargetAssessment(
        period=target.period, time=target.time, value=target.value, status=Status.NO_DATA, passed=False
    )
    if target.time > base.time:
        assessment.required_rate = _rate(method, base, target)
        if assessment.required_rate is not None and not (method == GROWTH and target.value <= 0):
            assessment.trajectory = _line(method, base, assessment.required_rate, target.time, bounds, target.period)
    if latest.time >= target.time:
        # The data has reached the target period: judge the value observed then, not a forecast.
        assessment.passed = True
        if at_target is not None:
            met = _meets(at_target, target.value, d)
            assessment.status = Status.ACHIEVED if met else Status.OFF_TRACK
        return assessment
    if observed is not None:
        _project_target(assessment, trend)
    if _meets(latest.value, target.value, d):
        assessment.status = Status.ACHIEVED
        return assessment
    if observed is None and not (method == GROWTH and target.value <= 0):
        # One value and no earlier baseline: no trend to judge, but the pace the target asks for is known.
        assessment.needed_rate = _rate(method, latest, target)
    if observed is None or assessment.required_rate is None:
        return assessment
    required = assessment.required_rate
    if d * required <= 0:
        # The base already met the target and the latest value no longer does: it has slipped back.
        assessment.status = Status.DETERIORATION
        return assessment
    assessment.ratio = d * observed / abs(required)
    assessment.status, assessment.uncapped_status = _hold_back(_ratio_status(assessment.ratio), trend.recent)
    return assessment


def _project_target(assessment: TargetAssessment, trend: Trend) -> None:
    """The projection to the target's period: the long-run trend, and a range out to the recent trend.

    Each end is held within the bounds (``capped`` says which bound, if any); ``implausible`` is set
    when an end lies more than ``IMPLAUSIBLE_RANGE_FACTOR`` observed ranges beyond the latest value.
    """
    method, latest, bounds = trend.method, trend.latest, trend.bounds
    rates = [trend.observed] + ([trend.recent.rate] if trend.recent is not None else [])
    ends = [_project(method, latest, rate, assessment.time, bounds) for rate in rates]
    assessment.projected_value = ends[0][0]
    assessment.projected_low = min(value for value, _side in ends)
    assessment.projected_high = max(value for value, _side in ends)
    assessment.projection = _line(method, latest, trend.observed, assessment.time, bounds, assessment.period)
    if trend.recent is not None:
        assessment.recent_projection = _line(
            method, latest, trend.recent.rate, assessment.time, bounds, assessment.period
        )
    for value, side in ends:
        if side:
            assessment.capped, assessment.capped_at = side, value
    if trend.spread > 0:
        assessment.implausible = any(
            abs(value - latest.value) > IMPLAUSIBLE_RANGE_FACTOR * trend.spread for value, _side in ends
        )


def _no_target_status(method: str, directed_rate: float, base: Point, latest: Point, bounds) -> str:
    """Statistics Canada's fixed thresholds on the yearly growth in the desired direction."""
    if method == LINEAR:
        low, high = bounds
        # A change of one unit means more on a narrow scale: measure the rate against the scale's width.
        bounded = low is not None and high is not None
        scale = high - low if bounded else max(abs(base.value), abs(latest.value))
        directed_rate = directed_rate / scale if scale else 0.0
    if math.isclose(directed_rate, 0.0, abs_tol=1e-12):
        return Status.OFF_TRACK
    if directed_rate >= NO_TARGET_ON_TRACK_RATE:
        return Status.ON_TRACK
    if directed_rate >= NO_TARGET_AT_RISK_RATE:
        return Status.AT_RISK
    if directed_rate >= 0:
        return Status.OFF_TRACK
    return Status.DETERIORATION


def indicator_progress(
    indicator,
    series: list[tuple[str, Decimal]] | None = None,
    *,
    periods: list[str] | None = None,
    values: list[float] | None = None,
) -> Progress:
    """Assess ``indicator``; ``series`` (or ``periods`` and ``values``) is its headline series if already fetched.

    Uses ``indicator.baseline`` and ``indicator.targets`` (prefetch them when assessing many).
    """
    if series is None and periods is None:
        series = list(indicator.observations.totals().values_list("period", "value"))
    try:
        baseline = indicator.baseline
    except indicator.__class__.baseline.RelatedObjectDoesNotExist:
        baseline = None
    return assess(
        series=series or (),
        periods=periods,
        values=values,
        higher_is_better=indicator.direction == indicator.Direction.HIGHER,
        bounds=indicator.bounds,
        baseline=(baseline.period, baseline.value) if baseline else None,
        targets=[(t.period, t.value) for t in indicator.targets.all()],
    )
