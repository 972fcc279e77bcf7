"""Read-side assembly of status reporting: periods, an organisation's reports, the review queue,
an item's history across periods and the public portfolio with its changes since the previous period."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from veikart.accounts import permissions
from veikart.roadmap.models import RoadmapItem
from veikart.strategy.models import Goal

from .models import PortfolioMembership, ReportingPeriod, StatusColour, StatusReport, StatusReportArea


def workspace_period(periods: QuerySet[ReportingPeriod], chosen: Any = None) -> ReportingPeriod | None:
    """The period a workspace page shows: ``chosen`` (a pk) if it is one of ``periods``, else the open one,
    else the newest that is not planned, else the newest."""
    if chosen:
        try:
            found = periods.filter(pk=int(chosen)).first()
        except (TypeError, ValueError):
            found = None
        if found:
            return found
    return (
        periods.filter(state=ReportingPeriod.State.OPEN).first()
        or periods.exclude(state=ReportingPeriod.State.PLANNED).first()
        or periods.first()
    )


@dataclass
class OwnRow:
    item: RoadmapItem
    report: StatusReport | None


def own_rows(user: Any, period: ReportingPeriod) -> list[OwnRow]:
    """The portfolio items of the owner editor's organisation, each with its current report for ``period``."""
    organisation = permissions.editable_organisation(user)
    if organisation is None:
        return []
    items = list(
        RoadmapItem.objects.filter(owners=organisation, portfolio_membership__isnull=False).order_by("title", "pk")
    )
    reports: dict[int, StatusReport] = {}
    for report in StatusReport.objects.live().filter(period=period, item__in=items).select_related("overall"):
        # The revision in the workflow wins over the approved one it corrects.
        if report.item_id not in reports or report.state != StatusReport.State.APPROVED:
            reports[report.item_id] = report
    return [OwnRow(item, reports.get(item.pk)) for item in items]


def report_for(user: Any, pk: int) -> StatusReport:
    """The report if ``user`` may read it, else 404 (a draft does not reveal that it exists)."""
    report = (
        StatusReport.objects.visible_to(user)
        .select_related("item", "period", "overall", "expected_phase", "reviewed_by", "created_by")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404
    return report


def report_detail_context(report: StatusReport) -> dict[str, Any]:
    return {
        "report": report,
        "areas": report.areas.select_related("area", "colour"),
        "risks": report.risks.all(),
        "milestones": report.milestone_updates.all(),
        "transitions": report.transitions.select_related("by"),
        "owners": report.item.owners.all(),
    }


# --- The portfolio ---------------------------------------------------------------------------

CHANGE_BETTER, CHANGE_WORSE, CHANGE_SAME, CHANGE_NEW = "better", "worse", "same", "new"


@dataclass
class PortfolioRow:
    item: RoadmapItem
    report: StatusReport
    previous: StatusReport | None
    areas: dict[int, StatusReportArea] = field(default_factory=dict)

    @property
    def change(self) -> str:
        if self.previous is None or self.previous.overall_id is None:
            return CHANGE_NEW
        if self.report.overall.rank < self.previous.overall.rank:
            return CHANGE_BETTER
        if self.report.overall.rank > self.previous.overall.rank:
            return CHANGE_WORSE
        return CHANGE_SAME


def published_periods(strategy) -> list[ReportingPeriod]:
    """The strategy's published periods, newest first."""
    return list(ReportingPeriod.objects.published().filter(strategy=strategy).order_by("-opens", "-pk"))


# The portfolio's order: by goal, sub-goal and item title.
PORTFOLIO_ORDER = ("item__sub_goal__goal__number", "item__sub_goal__code", "item__title", "pk")


def portfolio_selection(period: ReportingPeriod, filters: dict[str, Any] | None = None) -> QuerySet[StatusReport]:
    """The published reports of ``period``, narrowed by ``filters`` (goal number, sub-goal code, owner id,
    phase id, colour key), in the portfolio's order.

    Only what ``StatusReport.objects.published()`` lets through; so a draft, a submitted or a returned
    report, or an unpublished period, never reaches the portfolio.
    """
    selected = StatusReport.objects.published().filter(period=period)
    filters = filters or {}
    if filters.get("goal"):
        selected = selected.filter(item__sub_goal__goal__number=filters["goal"])
    if filters.get("sub_goal"):
        selected = selected.filter(item__sub_goal__code=filters["sub_goal"])
    if filters.get("owner"):
        selected = selected.filter(item__in=RoadmapItem.objects.filter(owners=filters["owner"]))
    if filters.get("phase"):
        selected = selected.filter(item__phase=filters["phase"])
    if filters.get("status"):
        selected = selected.filter(overall__key=filters["status"])
    return selected.order_by(*PORTFOLIO_ORDER)


def portfolio_rows(
    periods: list[ReportingPeriod],
    period: ReportingPeriod,
    filters: dict[str, Any] | None = None,
    *,
    report_ids: list[int] | None = None,
) -> list[PortfolioRow]:
    """Each report of ``portfolio_selection(period, filters)`` (only those of ``report_ids``, a page of it,
    when given) with its area statuses and the item's report of the period before."""
    selected = portfolio_selection(period, filters)
    if report_ids is not None:
        selected = selected.filter(pk__in=report_ids)
    older = [
        other
        for other in periods
        if other.opens < period.opens or (other.opens == period.opens and other.pk < period.pk)
    ]
    previous_period = older[0] if older else None
    reports = list(
        selected.select_related("item__phase", "item__sub_goal__goal").prefetch_related(
            Prefetch("areas", queryset=StatusReportArea.objects.order_by()), "item__owners"
        )
    )
    previous: dict[int, StatusReport] = {}
    if previous_period is not None:
        previous = {
            report.item_id: report
            for report in StatusReport.objects.published().filter(
                period=previous_period, item__in=[report.item_id for report in reports]
            )
        }
    # The scale's few colours and the one period are shared by every row, not read again with each.
    colours = StatusColour.objects.in_bulk()
    for report in reports:
        report.period = period
        report.overall = colours.get(report.overall_id)
        for row in report.areas.all():
            row.colour = colours.get(row.colour_id)
    for report in previous.values():
        report.overall = colours.get(report.overall_id)
    return [
        PortfolioRow(
            report.item, report, previous.get(report.item_id), {row.area_id: row for row in report.areas.all()}
        )
        for report in reports
    ]


def item_history(item: RoadmapItem, user: Any) -> list[StatusReport]:
    """The item's reports across periods, oldest first, as ``user`` may read them (the public: published ones).

    One per period: the live revision ``user`` may see (the approved one before a correction in the workflow).
    """
    reports = (
        StatusReport.objects.visible_to(user)
        .live()
        .filter(item=item)
        .select_related("period", "overall")
        .order_by("period__opens", "period__pk", "revision")
    )
    by_period: dict[int, StatusReport] = {}
    for report in reports:
        if report.period_id not in by_period or report.state == StatusReport.State.APPROVED:
            by_period[report.period_id] = report
    return list(by_period.values())


def in_portfolio(item: RoadmapItem) -> PortfolioMembership | None:
    return PortfolioMembership.objects.filter(item=item).select_related("programme").first()


@dataclass
class GoalCounts:
    number: int
    title: str
    counts: list[int]
    total: int


def counts_by_goal(selected: QuerySet[StatusReport], colours: list) -> list[GoalCounts]:
    """How many reports of ``selected`` (``portfolio_selection``) each goal has of each overall status
    (columns in the order of ``colours``): a grouped query and the goals, whatever the number of items."""
    index = {colour.pk: position for position, colour in enumerate(colours)}
    grouped = list(selected.order_by().values_list("item__sub_goal__goal_id", "overall_id").annotate(count=Count("pk")))
    goals = Goal.objects.in_bulk({goal_id for goal_id, _overall, _count in grouped})
    table: dict[int, GoalCounts] = {}
    for goal_id, overall_id, count in grouped:
        goal = goals[goal_id]
        entry = table.setdefault(goal.number, GoalCounts(goal.number, goal.title, [0] * len(colours), 0))
        entry.counts[index[overall_id]] += count
        entry.total += count
    return [table[number] for number in sorted(table)]
