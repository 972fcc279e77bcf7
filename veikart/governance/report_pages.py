"""What the annual report's page and PDF show, read from its content (frozen, or assembled for a draft).

``report_view`` turns the content's plain data into what the templates need, in the reader's
language: each goal's title and narrative (falling back to bokmål, marked), each indicator with its
status, its chart (server-drawn SVG with a text alternative) and its values as a table, the roadmap's
and the portfolio's counts as phase × status tables, what moved, and the decisions. Nothing here reads
the database except the URL of a case, so a published report shows exactly what was frozen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from veikart.core.content import content_in_language, language_mark, page_language, sentence
from veikart.indicators.charts import Chart, Line, render_chart, render_responsive_chart, thinned
from veikart.indicators.models import Indicator
from veikart.indicators.periods import PeriodError, parse_period
from veikart.indicators.progress import STATUS_COLOURS, Point
from veikart.indicators.progress import Status as IndicatorStatus
from veikart.indicators.templatetags.indicator_tags import figure
from veikart.roadmap.models import RoadmapItem, render_markdown

# A series longer than this is drawn as one line with only its latest point marked: a year report
# shows the trend, and a marker per month would be hundreds of elements per chart to draw and lay out.
MARKED_POINTS = 24
# A chart draws about this many points of a series at most (every n-th and always the latest): a 720-unit
# wide line shows no more, and the table and the indicator's page give the values.
CHART_POINTS = 40


@dataclass
class Matrix:
    """Counts as a table: one row per phase, one column per status, with totals."""

    columns: list[str]
    rows: list[tuple[str, list[int], int]]
    totals: list[int]
    total: int


@dataclass
class IndicatorView:
    data: dict[str, Any]
    name: Any
    status_label: str
    status_colour: str
    chart_svg: SafeString
    chart_pdf_svg: SafeString
    values_caption: SafeString
    all_values_text: SafeString
    alt: str
    table: list[tuple[str, str, str]]
    url: str = ""
    latest_text: str = ""
    target_text: str = ""
    direction_label: str = ""


@dataclass
class GoalView:
    data: dict[str, Any]
    title: Any
    narrative: Any
    narrative_html: SafeString
    indicators: list[IndicatorView]
    roadmap: Matrix
    portfolio: Matrix
    decisions: list[dict[str, Any]]
    anchor: str = ""
    narrative_lang: str = ""
    phase_moves: list[dict[str, Any]] = field(default_factory=list)
    status_moves: list[dict[str, Any]] = field(default_factory=list)


def _decimal(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _points(pairs: list[list[str]]) -> list[Point]:
    points = []
    for period, value in pairs:
        try:
            points.append(Point(period, parse_period(period).time, float(value)))
        except (PeriodError, TypeError, ValueError):
            continue
    return points


def _status_label(key: str) -> str:
    return str(IndicatorStatus(key).label) if key in IndicatorStatus.values else key


def _describe(data: dict[str, Any], name: str | None, year: int) -> str:
    """The chart's text alternative: what it shows, in words, and where the numbers are. ``name`` is
    None when it is not in the page's language: the heading above the chart names the indicator, with
    its language marked, and a plain-text description cannot mark it."""
    parts = [_("%(name)s: values and targets.") % {"name": name} if name else _("Values and targets.")]
    if data["latest"]:
        parts.append(
            _("Latest value %(value)s (%(period)s).")
            % {"value": figure(_decimal(data["latest"]["value"])), "period": data["latest"]["period"]}
        )
    else:
        parts.append(_("No values have been recorded yet."))
    if data["target"]:
        parts.append(
            _("Target %(value)s by %(period)s.")
            % {"value": figure(_decimal(data["target"]["value"])), "period": data["target"]["period"]}
        )
    parts.append(_("Status: %(status)s.") % {"status": _status_label(data["status"])})
    parts.append(
        _("The table below the chart gives the values of %(previous)s and %(year)s; the indicator's page has them all.")
        % {"previous": year - 1, "year": year}
    )
    return " ".join(parts)


def _period_year(period: str) -> int | None:
    try:
        return parse_period(period).end.year
    except PeriodError:
        return None


def _table(data: dict[str, Any], year: int) -> list[tuple[str, str, str]]:
    """(period, value, target) rows: the values of the year and the year before (the latest value when
    there are none), and every target; the indicator's own page has the whole series."""
    target_by_period = dict(data["targets"])
    values = dict(data["values"])
    periods = [period for period, _value in data["values"] if _period_year(period) in (year - 1, year)]
    if not periods and data["values"]:
        periods = [data["values"][-1][0]]
    periods += [period for period in target_by_period if period not in periods]
    return [
        (
            period,
            figure(_decimal(values.get(period))) if period in values else "–",
            figure(_decimal(target_by_period.get(period))) if period in target_by_period else "",
        )
        for period in sorted(periods, key=_sort_key)
    ]


def _indicator_url(code: str) -> str:
    try:
        return reverse("indicators:indicator-detail", kwargs={"code": code})
    except NoReverseMatch:
        return ""


def _indicator(data: dict[str, Any], goal_number: int, year: int, pdf: bool) -> IndicatorView:
    name = content_in_language(data, "name")
    title = _("%(name)s: values and targets") % {"name": name.text}
    fell_back = name.fell_back(page_language())
    description = _describe(data, None if fell_back else name.text, year)
    title_lang = name.language if fell_back else ""
    marked_name = format_html('<span lang="{}">{}</span>', name.language, name.text) if fell_back else name.text
    points = _points(data["values"])
    long_series = len(points) > MARKED_POINTS
    points = thinned(points, CHART_POINTS)
    lines = [Line(_("Values"), points, markers=not long_series, last_marker=long_series)]
    targets = _points(data["targets"])
    chart = Chart(title=title, description=description, title_lang=title_lang, lines=lines, targets=targets)
    chart_id = f"goal-{goal_number}-{data['code']}"
    # In the PDF the figure's alternative text is the SVG's title: the whole description goes there.
    pdf_chart = Chart(title=description, description=description, title_lang=title_lang, lines=lines, targets=targets)
    status = data["status"]
    return IndicatorView(
        data=data,
        name=name,
        status_label=_status_label(status),
        status_colour=STATUS_COLOURS.get(status, "neutral") if status in IndicatorStatus.values else "neutral",
        # Nothing recorded and no target: no chart (an empty one would only draw its axis), the words say so.
        chart_svg=SafeString("")
        if pdf or not (points or targets)
        else render_responsive_chart(chart, chart_id=chart_id),
        chart_pdf_svg=(
            render_chart(pdf_chart, chart_id=f"pdf-{chart_id}") if pdf and (points or targets) else SafeString("")
        ),
        values_caption=sentence(_("Values of %(name)s"), name=marked_name),
        all_values_text=sentence(_("All values of %(name)s"), name=marked_name),
        alt=description,
        table=_table(data, year),
        url="" if pdf else _indicator_url(data["code"]),
        latest_text=_value_text(data["latest"], data["unit"]),
        target_text=_value_text(data["target"], data["unit"]),
        direction_label=str(dict(Indicator.Direction.choices).get(data["direction"], "")),
    )


def _value_text(point: dict[str, Any] | None, unit: str) -> str:
    """ "57 % (2023)": a frozen value with its unit and period, or empty."""
    if not point:
        return ""
    value = figure(_decimal(point["value"]))
    return f"{value} {unit} ({point['period']})" if unit else f"{value} ({point['period']})"


def _sort_key(period: str) -> int:
    try:
        return parse_period(period).sort_key
    except PeriodError:
        return 0


def _matrix(rows: list[dict[str, Any]], columns: list[tuple[str | None, str]]) -> Matrix:
    keys = [key for key, _label in columns]
    extra = [row["status"] for row in rows if row["status"] not in keys]
    for key in extra:
        if key not in keys:
            keys.append(key)
            columns.append((key, str(key)))
    by_phase: dict[str, list[int]] = {}
    for row in rows:
        phase = row["phase"] or _("No phase")
        by_phase.setdefault(phase, [0] * len(keys))[keys.index(row["status"])] += row["count"]
    table = [(phase, counts, sum(counts)) for phase, counts in by_phase.items()]
    totals = [sum(counts[i] for _phase, counts, _total in table) for i in range(len(keys))]
    return Matrix([label for _key, label in columns], table, totals, sum(totals))


def _case_url(body_slug: str, year: int, number: int) -> str:
    return reverse("governance:case", kwargs={"body": body_slug, "year": year, "number": number})


def _decision(data: dict[str, Any]) -> dict[str, Any]:
    return {
        **data,
        "case_label": _("Case %(number)s/%(year)s") % {"number": data["case_number"], "year": data["case_year"]},
        "url": _case_url(data["body_slug"], data["case_year"], data["case_number"]),
        "text_html": render_markdown(data["text"]) if data["text"] else "",
    }


def report_view(content: dict[str, Any], *, pdf: bool = False) -> dict[str, Any]:
    """The template context of a report's page (or, with ``pdf``, its PDF), from its content."""
    scale = content.get("scale", [])
    scale_names = {colour["key"]: colour["name"] for colour in scale}
    roadmap_columns = [(key, str(label)) for key, label in RoadmapItem.Status.choices]
    goals = []
    for goal in content["goals"]:
        narrative = content_in_language(goal["narrative"], "text")
        portfolio_columns = [(colour["key"], colour["name"]) for colour in scale] + [(None, _("No approved report"))]
        goals.append(
            GoalView(
                data=goal,
                title=content_in_language(goal, "title"),
                narrative=narrative,
                narrative_html=render_markdown(narrative.text),
                anchor=f"goal-{goal['number']}",
                narrative_lang=language_mark(narrative),
                indicators=[
                    _indicator(indicator, goal["number"], content["year"], pdf) for indicator in goal["indicators"]
                ],
                roadmap=_matrix(goal["roadmap"]["counts"], roadmap_columns),
                portfolio=_matrix(goal["portfolio"]["counts"], portfolio_columns),
                decisions=[_decision(decision) for decision in goal["decisions"]],
                phase_moves=goal["roadmap"]["moved"],
                status_moves=[
                    {
                        **row,
                        "from_name": scale_names.get(row["from"], row["from"]),
                        "to_name": scale_names.get(row["to"], row["to"]),
                    }
                    for row in goal["portfolio"]["moved"]
                ],
            )
        )
    approval = content.get("approval")
    if approval:
        approval = {
            **approval,
            "case_label": _("Case %(number)s/%(year)s")
            % {"number": approval["case_number"], "year": approval["case_year"]},
            "url": _case_url(approval["body_slug"], approval["case_year"], approval["case_number"]),
        }
    return {
        "content": content,
        "strategy_title": content_in_language(content["strategy"], "title"),
        "goals": goals,
        "approval": approval,
    }
