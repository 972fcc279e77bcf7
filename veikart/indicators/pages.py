"""What the indicator pages show, assembled from the database (the views stay thin).

``indicator_overview`` assesses many indicators with one query for all headline series;
``indicator_page`` gathers one indicator's series, the chosen breakdown, the chart and its table.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.core.cache import cache
from django.db.models import FloatField, Prefetch
from django.db.models.functions import Cast
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from veikart.core.content import content_in_language, page_language
from veikart.indicators.charts import PALETTE, Chart, Line, render_responsive_chart, render_sparkline
from veikart.indicators.models import Dimension, DimensionValue, Indicator, Observation, Target
from veikart.indicators.periods import parse_period
from veikart.indicators.progress import Point, Progress, Status, indicator_progress
from veikart.indicators.templatetags.indicator_tags import figure

MAX_SERIES = 8
# Entries are keyed by data revision, so they never go stale; the timeout only lets old ones go.
OVERVIEW_CACHE_SECONDS = 7 * 24 * 3600
_DASHES = ["", "6 3", "2 3", "8 3 2 3"]


@dataclass
class Row:
    indicator: Indicator
    progress: Progress
    sparkline: str


def with_framework(queryset):
    """Indicators with what progress and the list need, fetched up front."""
    return queryset.select_related("goal__strategy", "baseline", "responsible").prefetch_related(
        Prefetch("targets", queryset=Target.objects.order_by("period_key"))
    )


def indicator_overview(indicators) -> list[Row]:
    """Every indicator with its computed progress and a sparkline of its headline series.

    Both are cached per indicator, language and data revision (``revisions``), so a page computes
    only what changed since it was last shown: the headline series of the indicators that missed
    the cache are read in one query.
    """
    # What a row shows; baselines and targets are loaded only for the indicators that missed the cache.
    indicators = list(indicators.select_related("goal__strategy"))
    language = get_language() or ""
    keys = {
        indicator.pk: f"indicator-overview:3:{indicator.pk}:{indicator.data_revision}:{language}"
        for indicator in indicators
    }
    cached = cache.get_many(list(keys.values()))
    missing = [indicator.pk for indicator in indicators if keys[indicator.pk] not in cached]
    if missing:
        computed = _overview_of(list(with_framework(Indicator.objects.filter(pk__in=missing))))
        cache.set_many({keys[pk]: value for pk, value in computed.items()}, timeout=OVERVIEW_CACHE_SECONDS)
        cached.update({keys[pk]: value for pk, value in computed.items()})
    return [Row(indicator, *cached[keys[indicator.pk]]) for indicator in indicators]


def trend_label(indicator: Indicator, periods: list[str], values: list[float]) -> str:
    """The sparkline's text alternative: which way the headline series went, from its first value
    to its latest, and which way is better ("Trend of …: up from 33 in 2019 to 57 in 2023; higher
    is better."). Empty with fewer than two values: there is no line then (a dash instead).
    """
    if len(values) < 2:
        return ""
    first, last = values[0], values[-1]
    words = {
        "name": content_in_language(indicator, "name").text,
        "first": figure(first),
        "first_period": periods[0],
        "last": figure(last),
        "last_period": periods[-1],
        "better": indicator.get_direction_display().lower(),
    }
    if last > first:
        text = _("Trend of %(name)s: up from %(first)s in %(first_period)s to %(last)s in %(last_period)s; %(better)s.")
    elif last < first:
        text = _(
            "Trend of %(name)s: down from %(first)s in %(first_period)s to %(last)s in %(last_period)s; %(better)s."
        )
    else:
        text = _("Trend of %(name)s: unchanged at %(last)s from %(first_period)s to %(last_period)s; %(better)s.")
    return text % words


def _overview_of(indicators: list[Indicator]) -> dict[int, tuple[Progress, str]]:
    """(progress, sparkline) of each indicator, from one query for all their headline series."""
    periods: dict[int, list[str]] = defaultdict(list)
    values: dict[int, list[float]] = defaultdict(list)
    # Floats straight from the database, in two plain lists per indicator: progress and sparklines
    # compute in floats, and this page should allocate as few objects per observation as it can.
    totals = (
        Observation.objects.filter(indicator__in=[i.pk for i in indicators], breakdown_key="")
        .order_by("period_key")
        .annotate(number=Cast("value", FloatField()))
        .values_list("indicator_id", "period", "number")
    )
    for indicator_id, period, value in totals:
        periods[indicator_id].append(period)
        values[indicator_id].append(value)
    overview = {}
    for indicator in indicators:
        own_periods, own_values = periods[indicator.pk], values[indicator.pk]
        progress = indicator_progress(indicator, periods=own_periods, values=own_values)
        label = trend_label(indicator, own_periods, own_values)
        times = [parse_period(period).time for period in own_periods]
        overview[indicator.pk] = (progress, render_sparkline(list(zip(times, own_values, strict=True)), label=label))
    return overview


class ObservationRow(NamedTuple):
    period: str
    value: Decimal
    status: str
    note: str
    is_illustrative: bool
    text: str


_ROW_FIELDS = ("period", "value", "status", "note", "is_illustrative")


def _rows(queryset) -> list[ObservationRow]:
    return [ObservationRow(*values, figure(values[1])) for values in queryset.values_list(*_ROW_FIELDS)]


@dataclass
class Series:
    key: str
    label: str
    observations: list[ObservationRow]
    colour: str = PALETTE[0]
    dash: str = ""


@dataclass
class Choice:
    code: str
    label: str


@dataclass
class Breakdown:
    dimensions: list[Dimension] = field(default_factory=list)
    selected: Dimension | None = None
    values: list[Choice] = field(default_factory=list)
    value: Choice | None = None
    needs_value: bool = False


def breakdown_choice(indicator: Indicator, dimension_code: str | None, value_code: str | None) -> Breakdown:
    """The dimensions this indicator is broken down by and the one (and value) the visitor picked.

    A dimension with more than ``MAX_SERIES`` values (municipalities) is shown one value at a time.
    """
    choice = Breakdown()
    values: dict[int, list[Choice]] = defaultdict(list)
    for dimension_id, code, label in DimensionValue.objects.values_list("dimension_id", "code", "label"):
        values[dimension_id].append(Choice(code, label))
    for dimension in Dimension.objects.all():
        keys = [f"{dimension.code}={v.code}" for v in values[dimension.pk]]
        if keys and Observation.objects.filter(indicator=indicator, breakdown_key__in=keys).exists():
            choice.dimensions.append(dimension)
    choice.selected = next((d for d in choice.dimensions if d.code == dimension_code), None)
    if choice.selected is None:
        return choice
    choice.values = values[choice.selected.pk]
    choice.needs_value = len(choice.values) > MAX_SERIES
    choice.value = next((v for v in choice.values if v.code == value_code), None)
    if choice.needs_value and choice.value is None:
        choice.value = choice.values[0]
    return choice


def indicator_page(indicator: Indicator, *, dimension: str | None = None, value: str | None = None) -> dict:
    """The context of the indicator page (and of its chart panel alone, for HTMX)."""
    totals = _rows(indicator.observations.totals().order_by("period_key"))
    progress = indicator_progress(indicator, [(o.period, o.value) for o in totals])
    total = Series("", _("Total"), totals)
    choice = breakdown_choice(indicator, dimension, value)
    series = [total]
    if choice.selected is not None:
        wanted = [choice.value] if choice.value is not None else choice.values
        labels = {f"{choice.selected.code}={v.code}": v.label for v in wanted}
        by_key: dict[str, list[ObservationRow]] = defaultdict(list)
        queryset = indicator.observations.filter(breakdown_key__in=list(labels)).order_by("period_key")
        for key, *values in queryset.values_list("breakdown_key", *_ROW_FIELDS):
            by_key[key].append(ObservationRow(*values, figure(values[1])))
        for position, (key, label) in enumerate(labels.items(), start=1):
            if by_key[key]:
                series.append(
                    Series(key, label, by_key[key], PALETTE[position % len(PALETTE)], _DASHES[position % len(_DASHES)])
                )
    periods = sorted({o.period for s in series for o in s.observations}, key=lambda p: parse_period(p).sort_key)
    cells = {(s.key, o.period): o for s in series for o in s.observations}
    table = [(period, [cells.get((s.key, period)) for s in series]) for period in periods]
    illustrative = any(o.is_illustrative for s in series for o in s.observations)
    provisional = any(o.status == Observation.Status.PROVISIONAL for s in series for o in s.observations)
    chart = _chart(indicator, progress, series)
    return {
        "indicator": indicator,
        "progress": progress,
        "breakdown": choice,
        "series": series,
        "table": table,
        "has_illustrative": illustrative,
        "has_provisional": provisional,
        "chart_svg": render_responsive_chart(chart, chart_id="indicator-chart"),
        "chart": chart,
    }


def _points(observations: list[ObservationRow]) -> list[Point]:
    return [Point(o.period, parse_period(o.period).time, float(o.value)) for o in observations]


def _chart(indicator: Indicator, progress: Progress, series: list[Series]) -> Chart:
    low, high = indicator.bounds
    lines = [Line(s.label, _points(s.observations), s.colour, s.dash) for s in series]
    headline = progress.headline_target
    if headline is not None and headline.trajectory:
        lines.append(Line(_("Required path"), headline.trajectory, "#525252", "4 4", markers=False, width=1.5))
    if headline is not None and headline.projection:
        lines.append(Line(_("Projection"), headline.projection, PALETTE[0], "1 4", markers=False, width=2))
    if headline is not None and headline.recent_projection and headline.has_range:
        lines.append(
            Line(
                _("Projection from the recent trend"),
                headline.recent_projection,
                PALETTE[0],
                "6 2 1 2",
                markers=False,
                width=1.5,
            )
        )
    targets = [Point(t.period, t.time, t.value) for t in progress.targets]
    name = content_in_language(indicator, "name")
    return Chart(
        title=_("%(name)s: values and targets") % {"name": name.text},
        title_lang=name.language if name.fell_back(page_language()) else "",
        description=_describe(indicator, progress),
        lines=lines,
        targets=targets,
        low=float(low) if low is not None else None,
        high=float(high) if high is not None else None,
    )


def _describe(indicator: Indicator, progress: Progress) -> str:
    if progress.latest is None:
        return _("No values have been recorded yet.")
    parts = [
        _("Latest value %(value)s (%(period)s).")
        % {"value": _number(progress.latest.value), "period": progress.latest.period}
    ]
    if progress.headline_target is not None:
        parts.append(
            _("Target %(value)s by %(period)s.")
            % {"value": _number(progress.headline_target.value), "period": progress.headline_target.period}
        )
    parts.append(_("Status: %(status)s.") % {"status": Status(progress.status).label})
    if progress.trend_turned:
        parts.append(_("%(trend)s, against the trend since the base.") % {"trend": progress.recent.words})
    headline = progress.headline_target
    if headline is not None and headline.has_range:
        parts.append(
            _("Projected by %(period)s: between %(low)s and %(high)s.")
            % {
                "period": headline.period,
                "low": _number(headline.projected_low),
                "high": _number(headline.projected_high),
            }
        )
    if headline is not None:
        parts.extend(headline.projection_notes)
    parts.append(_("The table below the chart gives every value."))
    return " ".join(parts)


def _number(value: float) -> str:
    from django.utils.formats import number_format

    return number_format(round(value, 2) if value != int(value) else int(value), force_grouping=True)
