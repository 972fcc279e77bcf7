"""The annual status report's content, assembled as plain data (``report_content``).

For a year and a frozen portfolio snapshot, per goal of the report's strategy:

- **Indicators**: the goal's published indicators, each assessed by the indicators app's own method
  (``indicators.progress.indicator_progress``) on its headline values of periods that end in the
  year or before; the values, the targets, the status and the latest value are kept, and the chart
  is drawn from them when the report is shown.
- **The roadmap**: the goal's published items counted by phase and roadmap status, and the items
  whose phase **moved** during the year: their phase at the end of the year (the last change the
  roadmap's history holds before 1 January of the next year) differs from their phase at its start
  (the last change before 1 January of the year). An item created during the year did not move; it
  is counted as added. The history holds what the roadmap recorded, so an item whose history begins
  after the year is not counted at all.
- **The portfolio as frozen in the snapshot**: its published items counted by phase and overall
  status, and the items whose overall status **moved**: their status in the first reporting period
  of the year (from the status per period frozen in the snapshot) compared with their status in the
  snapshot, better or worse by the frozen scale's rank.
- **Decisions** of the year (decided in it) whose case concerns the goal, from every body, as the
  public may know them: an exempt case's decision only as its existence, number, legal basis and,
  where allowed, title.
- **The narrative** the strategy office wrote (bokmål, nynorsk, English).

Everything is read with one query per table (grouped in the database where it is counted), never a
query per item or indicator. Names of goals and indicators are kept with their translations, so the
frozen content shows in the reader's language.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Count, FloatField, Prefetch
from django.db.models.functions import Cast
from django.utils import timezone

from veikart.indicators.models import Indicator, Observation, Target
from veikart.indicators.periods import PeriodError, parse_period
from veikart.indicators.progress import indicator_progress
from veikart.reporting.models import ReportingPeriod
from veikart.roadmap.models import Phase, RoadmapItem
from veikart.strategy.models import Goal

from .models import Decision
from .report_models import AnnualReport

FORMAT = "veikart.annual-report/1"
# A goal lists at most this many moved items by name (the counts cover them all).
MOVED_LIST_MAX = 50
LANGUAGES = ("nn", "en")


def _number(value: float | Decimal | None) -> str | None:
    """A value as a plain decimal string (canonical for the hash): 109.5 → "109.5", 274.0 → "274"."""
    if value is None:
        return None
    return format(Decimal(repr(float(value))).normalize(), "f")


def _translated(obj: Any, *fields: str) -> dict[str, str]:
    """``fields`` of ``obj`` in bokmål and each translation: ``{"title": …, "title_nn": …, "title_en": …}``."""
    result = {}
    for name in fields:
        result[name] = getattr(obj, name, "") or ""
        for language in LANGUAGES:
            result[f"{name}_{language}"] = getattr(obj, f"{name}_{language}", "") or ""
    return result


def _year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


# --- Indicators ------------------------------------------------------------------------------------


def _indicators(goals: list[Goal], year: int) -> dict[int, list[dict[str, Any]]]:
    """Per goal id: its published indicators (by code), assessed on the values of periods ending by the
    year's end. Two queries: the indicators with their baselines and targets, and every headline value."""
    indicators = list(
        Indicator.objects.published()
        .filter(goal__in=goals)
        .select_related("goal__strategy", "baseline")
        .prefetch_related(Prefetch("targets", queryset=Target.objects.order_by("period_key")))
        .order_by("goal__number", "code")
    )
    periods: dict[int, list[str]] = defaultdict(list)
    values: dict[int, list[float]] = defaultdict(list)
    end = _year_end(year)
    rows = (
        Observation.objects.filter(indicator__in=[indicator.pk for indicator in indicators], breakdown_key="")
        # In the order of the unique index (indicator, breakdown, period): ordered by the period alone,
        # SQLite scans every observation of every breakdown (millions) and sorts.
        .order_by("indicator_id", "period_key")
        .annotate(number=Cast("value", FloatField()))
        .values_list("indicator_id", "period", "number")
    )
    for indicator_id, period, value in rows:
        try:
            if parse_period(period).end > end:
                continue
        except PeriodError:
            continue
        periods[indicator_id].append(period)
        values[indicator_id].append(value)
    result: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for indicator in indicators:
        own_periods, own_values = periods[indicator.pk], values[indicator.pk]
        progress = indicator_progress(indicator, periods=own_periods, values=own_values)
        headline = progress.headline_target
        result[indicator.goal_id].append(
            {
                "id": indicator.pk,
                "code": indicator.code,
                **_translated(indicator, "name"),
                "unit": indicator.unit,
                "direction": indicator.direction,
                "status": str(progress.status),
                "latest": (
                    {"period": progress.latest.period, "value": _number(progress.latest.value)}
                    if progress.latest
                    else None
                ),
                "target": {"period": headline.period, "value": _number(headline.value)} if headline else None,
                "trend_turned": progress.trend_turned,
                "values": [[period, _number(value)] for period, value in zip(own_periods, own_values, strict=True)],
                "targets": [[target.period, _number(target.value)] for target in progress.targets],
            }
        )
    return result


# --- The roadmap -----------------------------------------------------------------------------------


def _roadmap_counts(goals: list[Goal]) -> dict[int, list[dict[str, Any]]]:
    """Per goal id: its published items counted by phase and roadmap status (one grouped query)."""
    rows = (
        RoadmapItem.objects.published()
        .filter(sub_goal__goal__in=goals)
        .values("sub_goal__goal_id", "phase__name", "phase__order", "status")
        .annotate(count=Count("pk"))
        .order_by("sub_goal__goal_id", "phase__order", "phase__name", "status")
    )
    result: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        result[row["sub_goal__goal_id"]].append(
            {
                "phase": row["phase__name"],
                "phase_order": row["phase__order"],
                "status": row["status"],
                "count": row["count"],
            }
        )
    return result


def _phase_moves(goals: list[Goal], year: int) -> dict[int, dict[str, Any]]:
    """Per goal id: the published items whose phase moved during ``year`` (see the module's docstring),
    and how many were added. Reads only the history of the items that changed in the year."""
    history = RoadmapItem.history.model
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    end = timezone.make_aware(datetime.datetime(year + 1, 1, 1))
    items = RoadmapItem.objects.published().filter(sub_goal__goal__in=goals)
    touched = history.objects.filter(history_date__gte=start, history_date__lt=end, id__in=items.values("pk"))
    rows = (
        history.objects.filter(id__in=touched.values("id"), history_date__lt=end)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "phase_id", "history_date")
    )
    before: dict[int, int | None] = {}
    after: dict[int, int | None] = {}
    for item_id, phase_id, at in rows.iterator(chunk_size=5000):
        if at < start:
            before[item_id] = phase_id
        after[item_id] = phase_id
    added = [item_id for item_id in after if item_id not in before]
    moved = [item_id for item_id in after if item_id in before and before[item_id] != after[item_id]]
    phases = {pk: (name, order) for pk, name, order in Phase.objects.values_list("pk", "name", "order")}
    titles = {
        pk: (title, goal_id)
        for pk, title, goal_id in items.filter(pk__in=[*moved, *added]).values_list("pk", "title", "sub_goal__goal_id")
    }
    result: dict[int, dict[str, Any]] = defaultdict(lambda: {"moved": [], "moved_count": 0, "added_count": 0})
    for item_id in added:
        if item_id in titles:
            result[titles[item_id][1]]["added_count"] += 1
    for item_id in sorted(moved, key=lambda pk: titles.get(pk, ("", 0))[0]):
        if item_id not in titles:
            continue
        title, goal_id = titles[item_id]
        old, new = phases.get(before[item_id]), phases.get(after[item_id])
        entry = result[goal_id]
        entry["moved_count"] += 1
        if len(entry["moved"]) < MOVED_LIST_MAX:
            entry["moved"].append(
                {
                    "id": item_id,
                    "title": title,
                    "from": old[0] if old else None,
                    "to": new[0] if new else None,
                    "forward": (new[1] if new else -1) > (old[1] if old else -1),
                }
            )
    return result


# --- The portfolio as frozen -----------------------------------------------------------------------


def _portfolio(report: AnnualReport, goals: list[Goal]) -> dict[int, dict[str, Any]]:
    """Per goal id: the snapshot's published items counted by phase and overall status, and the items
    whose overall status moved during the year (see the module's docstring). Reads the snapshot's
    frozen document, and the periods' dates once."""
    document = report.snapshot.document
    ranks = {colour["key"]: colour["rank"] for colour in document.get("scale", [])}
    opens = dict(ReportingPeriod.objects.values_list("name", "opens"))
    by_number = {goal.number: goal.pk for goal in goals}
    counts: dict[int, dict[tuple, int]] = defaultdict(lambda: defaultdict(int))
    result: dict[int, dict[str, Any]] = defaultdict(lambda: {"counts": [], "moved": [], "moved_count": 0})
    for item in document.get("items", []):
        goal_id = by_number.get(item.get("goal"))
        if goal_id is None or not item.get("is_published"):
            continue
        overall = (item.get("report") or {}).get("overall")
        counts[goal_id][(item.get("phase_order"), item.get("phase"), overall)] += 1
        first = next(
            (
                row["overall"]
                for row in item.get("history", [])
                if row.get("overall") and opens.get(row["period"]) and opens[row["period"]].year == report.year
            ),
            None,
        )
        if first and overall and first != overall and first in ranks and overall in ranks:
            entry = result[goal_id]
            entry["moved_count"] += 1
            if len(entry["moved"]) < MOVED_LIST_MAX:
                entry["moved"].append(
                    {
                        "id": item["id"],
                        "title": item["title"],
                        "from": first,
                        "to": overall,
                        "better": ranks[overall] < ranks[first],
                    }
                )
    for goal_id, cells in counts.items():
        result[goal_id]["counts"] = [
            {"phase": phase, "phase_order": order, "status": status, "count": count}
            for (order, phase, status), count in sorted(
                cells.items(),
                key=lambda cell: (cell[0][0] is None, cell[0][0] or 0, cell[0][1] or "", cell[0][2] or ""),
            )
        ]
        result[goal_id]["moved"].sort(key=lambda row: row["title"])
    return result


# --- Decisions -------------------------------------------------------------------------------------


def _decisions(goals: list[Goal], year: int) -> dict[int, list[dict[str, Any]]]:
    """Per goal id: the decisions of ``year`` on cases linked to it, as the public may know them."""
    rows = (
        Decision.objects.public()
        .filter(decided_on__year=year, case__goals__in=goals)
        .order_by("decided_on", "case__body__order", "case__number")
        .values(
            "case__goals",
            "decided_on",
            "text",
            "outcome",
            "case__number",
            "case__year",
            "case__title",
            "case__is_exempt",
            "case__exemption_basis",
            "case__title_is_public",
            "case__body__short_name",
            "case__body__slug",
            "case__meeting__number",
            "case__meeting__year",
        )
    )
    result: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        exempt = row["case__is_exempt"]
        result[row["case__goals"]].append(
            {
                "body": row["case__body__short_name"],
                "body_slug": row["case__body__slug"],
                "meeting": f"{row['case__body__short_name']} {row['case__meeting__number']}/{row['case__meeting__year']}",
                "case_number": row["case__number"],
                "case_year": row["case__year"],
                "decided_on": row["decided_on"].isoformat(),
                "exempt": exempt,
                "exemption_basis": row["case__exemption_basis"] if exempt else "",
                "title": row["case__title"] if not exempt or row["case__title_is_public"] else None,
                "text": None if exempt else row["text"],
                "outcome": None if exempt else row["outcome"],
            }
        )
    return result


# --- The whole ---------------------------------------------------------------------------------------


def report_content(report: AnnualReport) -> dict[str, Any]:
    """The report's content as plain data (strings, integers, booleans, None, lists, objects), from the
    data as it stands and the report's snapshot; what publishing freezes. A published report's pages
    read its frozen ``content`` instead."""
    strategy = report.strategy
    goals = list(Goal.objects.filter(strategy=strategy).order_by("number"))
    narratives = {narrative.goal_id: narrative for narrative in report.narratives.all()}
    indicators = _indicators(goals, report.year)
    roadmap = _roadmap_counts(goals)
    moves = _phase_moves(goals, report.year)
    portfolio = _portfolio(report, goals)
    decisions = _decisions(goals, report.year)
    snapshot = report.snapshot
    content_goals = []
    for goal in goals:
        narrative = narratives.get(goal.pk)
        phase_moves = moves.get(goal.pk, {"moved": [], "moved_count": 0, "added_count": 0})
        frozen_portfolio = portfolio.get(goal.pk, {"counts": [], "moved": [], "moved_count": 0})
        content_goals.append(
            {
                "id": goal.pk,
                "number": goal.number,
                **_translated(goal, "title", "short_title"),
                "narrative": {
                    "text": narrative.text if narrative else "",
                    "text_nn": narrative.text_nn if narrative else "",
                    "text_en": narrative.text_en if narrative else "",
                },
                "indicators": indicators.get(goal.pk, []),
                "roadmap": {
                    "counts": roadmap.get(goal.pk, []),
                    "total": sum(row["count"] for row in roadmap.get(goal.pk, [])),
                    **phase_moves,
                },
                "portfolio": {
                    **frozen_portfolio,
                    "total": sum(row["count"] for row in frozen_portfolio["counts"]),
                },
                "decisions": decisions.get(goal.pk, []),
            }
        )
    return {
        "format": FORMAT,
        "year": report.year,
        "strategy": {"slug": strategy.slug, "period": strategy.period, **_translated(strategy, "title")},
        "snapshot": {
            "id": snapshot.pk,
            "title": snapshot.title,
            "taken_at": snapshot.taken_at.isoformat(),
            "content_hash": snapshot.content_hash,
            "is_demo": snapshot.is_demo,
        },
        "scale": [
            {key: colour.get(key) for key in ("key", "name", "definition", "rank", "colour")}
            for colour in snapshot.document.get("scale", [])
        ],
        "goals": content_goals,
    }
