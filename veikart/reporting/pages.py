"""Read-side assembly of status reporting: periods, an organisation's reports, the review queue,
an item's history across periods and the public portfolio with its changes since the previous period."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from veikart.accounts import permissions
from veikart.core.templatetags.site_tags import content
from veikart.indicators.models import Indicator
from veikart.roadmap.models import Milestone, RoadmapItem
from veikart.strategy.models import Goal

from .benefits import linked_indicators_of
from .flags import Flag, FlagSet, IndicatorFacts, ItemFacts, MilestoneDate, portfolio_flags
from .models import (
    PortfolioMembership,
    ReportingPeriod,
    StatusArea,
    StatusColour,
    StatusReport,
    StatusReportArea,
    StatusReportMilestone,
)


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
    flags: list[Flag] = field(default_factory=list)

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


def previous_period(periods: list[ReportingPeriod], period: ReportingPeriod) -> ReportingPeriod | None:
    """The period of ``periods`` (newest first) just before ``period``, else None."""
    older = [
        other
        for other in periods
        if other.opens < period.opens or (other.opens == period.opens and other.pk < period.pk)
    ]
    return older[0] if older else None


# The portfolio's order: by goal, sub-goal and item title.
PORTFOLIO_ORDER = ("item__sub_goal__goal__number", "item__sub_goal__code", "item__title", "pk")


def published_flags(
    periods: list[ReportingPeriod], period: ReportingPeriod, items: Collection[int] | None = None
) -> FlagSet:
    """The flags of ``period``'s portfolio (of ``items`` only, when given: ``period_flags``), from what
    is public: the published reports of the period and the one before, and published indicators only
    (a filter narrows the rows, not what a flag sees)."""
    return period_flags(
        period,
        previous_period(periods, period),
        reports=StatusReport.objects.published(),
        indicators=Indicator.objects.published(),
        items=items,
    )


def portfolio_selection(
    period: ReportingPeriod,
    filters: dict[str, Any] | None = None,
    *,
    readable: QuerySet[StatusReport] | None = None,
    flags: FlagSet | None = None,
) -> QuerySet[StatusReport]:
    """The published reports of ``period``, narrowed by ``filters`` (goal number, sub-goal code, owner id,
    phase id, colour key; ``flagged``: only the items with a flag of ``flags``), in the portfolio's order.

    Only what ``StatusReport.objects.published()`` lets through; so a draft, a submitted or a returned
    report, or an unpublished period, never reaches the portfolio. The workspace overview passes
    ``readable``, the approved reports its viewer may read (published or not), instead.
    """
    base = StatusReport.objects.published() if readable is None else readable
    selected = base.filter(period=period)
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
    if filters.get("flagged"):
        selected = selected.filter(item__in=sorted(flags.by_item) if flags else [])
    return selected.order_by(*PORTFOLIO_ORDER)


def portfolio_rows(
    periods: list[ReportingPeriod],
    period: ReportingPeriod,
    filters: dict[str, Any] | None = None,
    *,
    readable: QuerySet[StatusReport] | None = None,
    report_ids: list[int] | None = None,
    flags: FlagSet | None = None,
) -> list[PortfolioRow]:
    """Each report of ``portfolio_selection`` (only those of ``report_ids``, a page of it, when given)
    with its area statuses, the item's report of the period before and its flags (``flags``, else
    ``published_flags`` of these rows' items: a flag never reveals what is not public). The filter
    ``flagged`` needs ``flags`` of the whole portfolio.
    """
    base = StatusReport.objects.published() if readable is None else readable
    if flags is None and (filters or {}).get("flagged"):
        flags = published_flags(periods, period)
    selected = portfolio_selection(period, filters, readable=readable, flags=flags)
    if report_ids is not None:
        selected = selected.filter(pk__in=report_ids)
    reports = list(
        selected.select_related("item__phase", "item__sub_goal__goal").prefetch_related(
            Prefetch("areas", queryset=StatusReportArea.objects.order_by()), "item__owners"
        )
    )
    if flags is None:
        flags = published_flags(periods, period, items=[report.item_id for report in reports])
    before = previous_period(periods, period)
    previous: dict[int, StatusReport] = {}
    if before is not None:
        previous = {
            report.item_id: report
            for report in base.filter(period=before, item__in=[report.item_id for report in reports])
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
            report.item,
            report,
            previous.get(report.item_id),
            {row.area_id: row for row in report.areas.all()},
            flags.of(report.item_id),
        )
        for report in reports
    ]


def period_flags(
    period: ReportingPeriod,
    before: ReportingPeriod | None,
    *,
    reports: QuerySet[StatusReport],
    indicators: QuerySet[Indicator],
    items: Collection[int] | None = None,
) -> FlagSet:
    """The flags (``flags.portfolio_flags``) of every item with a report of ``period`` in ``reports``.

    With ``items``, the flags of those items only (a page of the portfolio): they and the items they
    depend on are read, not the whole portfolio. An item's flags are the same either way: a colour
    flag reads the item's own links, a slip flag the items it depends on.

    ``reports`` are the reports the viewer may read (the public: ``StatusReport.objects.published()``);
    only their approved, live revisions count, in ``period`` and in ``before`` (the previous period,
    for what each item expected then). ``indicators`` are the linked indicators the viewer may see.
    One query per table, however many items: no query per item, and the items of the period are
    never passed to the database as a list of thousands of ids.
    """
    approved = reports.filter(state=StatusReport.State.APPROVED, is_superseded=False)
    in_period = approved.filter(period=period)
    # The items whose dependencies and links are read: the portfolio's (a small table as the subquery),
    # or those asked for and the items they depend on.
    portfolio: QuerySet | list[int] = PortfolioMembership.objects.values("item_id")
    if items is not None:
        asked = sorted(set(items))
        portfolio = sorted(
            set(asked)
            | set(
                RoadmapItem.depends_on.through.objects.filter(from_roadmapitem__in=asked).values_list(
                    "to_roadmapitem_id", flat=True
                )
            )
        )
        in_period = in_period.filter(item__in=portfolio)
    best_rank = StatusColour.objects.order_by("rank").values_list("rank", flat=True).first()
    current = list(
        in_period.values_list(
            "pk",
            "item_id",
            "item__title",
            "item__start_date",
            "item__end_date",
            "expected_end_date",
            "overall__rank",
            "overall__name",
        )
    )
    item_ids = {row[1] for row in current}
    previous: dict[int, tuple[int, Any]] = {}
    if before is not None:
        previous = {
            item_id: (pk, expected_end)
            for pk, item_id, expected_end in approved.filter(period=before).values_list(
                "pk", "item_id", "expected_end_date"
            )
            if item_id in item_ids
        }
    # Milestone updates that name a roadmap milestone, in this period's reports and the previous ones:
    # read by period (a narrow join), kept for the reports above only.
    wanted = {row[0] for row in current} | {pk for pk, _end in previous.values()}
    updates: dict[int, list[tuple[int, str, Any]]] = {}
    for report_id, milestone_id, title, date in StatusReportMilestone.objects.filter(
        report__period__in=[p for p in (period, before) if p is not None], milestone_id__isnull=False
    ).values_list("report_id", "milestone_id", "title", "date"):
        if report_id in wanted:
            updates.setdefault(report_id, []).append((milestone_id, title, date))
    planned_milestones = dict(
        Milestone.objects.filter(
            pk__in={milestone_id for rows in updates.values() for milestone_id, _t, _d in rows}
        ).values_list("pk", "date")
    )
    depends_on: dict[int, list[int]] = {}
    # Dependencies and links of those items, kept for the items above only: cheaper than the
    # visibility rules of ``reports`` again.
    for dependant, dependency in RoadmapItem.depends_on.through.objects.filter(
        from_roadmapitem__in=portfolio
    ).values_list("from_roadmapitem_id", "to_roadmapitem_id"):
        if dependant in item_ids:
            depends_on.setdefault(dependant, []).append(dependency)
    linked = linked_indicators_of(portfolio, indicators=indicators)
    assessed: dict[int, IndicatorFacts] = {}  # each indicator described once, however many items it has

    def indicator(row) -> IndicatorFacts:
        if row.indicator.pk not in assessed:
            assessed[row.indicator.pk] = indicator_facts(row)
        return assessed[row.indicator.pk]

    def milestones(report_id: int, item_id: int) -> tuple[MilestoneDate, ...]:
        if report_id not in updates:
            return ()
        earlier = {milestone_id: date for milestone_id, _t, date in updates.get(previous.get(item_id, (None,))[0], [])}
        return tuple(
            MilestoneDate(title, date, earlier.get(milestone_id, planned_milestones.get(milestone_id)))
            for milestone_id, title, date in updates[report_id]
        )

    facts = [
        ItemFacts(
            item_id=item_id,
            title=title,
            period=period.name,
            colour_name=colour_name or "",
            is_best_colour=rank is not None and rank == best_rank,
            planned_start=start,
            planned_end=end,
            expected_end=expected_end,
            has_previous=item_id in previous,
            previous_expected_end=previous.get(item_id, (None, None))[1],
            milestones=milestones(pk, item_id),
            depends_on=tuple(depends_on.get(item_id, ())),
            indicators=tuple(indicator(row) for row in linked.get(item_id, [])),
        )
        for pk, item_id, title, start, end, expected_end, rank, colour_name in current
    ]
    return portfolio_flags(facts)


def indicator_facts(linked) -> IndicatorFacts:
    """What a flag needs of a linked indicator, from the indicators app's own assessment."""
    progress, indicator = linked.progress, linked.indicator
    recent = progress.recent
    return IndicatorFacts(
        name=content(indicator, "name"),
        status=progress.status,
        status_label=str(progress.status_label),
        higher_is_better=indicator.direction == Indicator.Direction.HIGHER,
        recent_against=progress.trend_turned,
        recent_rate=recent.rate if recent is not None else None,
        recent_words=recent.words if recent is not None else "",
        base_period=progress.base.period if progress.base is not None else "",
    )


# Items a page: the counts by goal and status cover every item, the table a page of them.
PORTFOLIO_PAGE = 50


class _Counted:
    """Ids to page through whose number is known already (no ``COUNT`` query)."""

    def __init__(self, queryset: QuerySet, count: int) -> None:
        self.queryset, self.known = queryset, count

    def count(self) -> int:
        return self.known

    def __getitem__(self, key):
        return self.queryset[key]


@dataclass
class PortfolioPage:
    """One page of the filtered portfolio, with the counts by goal and status of all of it."""

    page: Page
    rows: list[PortfolioRow]
    counts: list[GoalCounts]

    @property
    def total(self) -> int:
        return sum(goal.total for goal in self.counts)


def portfolio_tables_context(shown: PortfolioPage | None, colours: list[StatusColour]) -> dict[str, Any]:
    """What ``_portfolio_tables.html`` and the pager need of a portfolio page (``shown``; None: no period)."""
    return {
        "colours": colours,
        "areas": list(StatusArea.objects.all()),
        "page": shown.page if shown else None,
        "rows": shown.rows if shown else [],
        "total": shown.total if shown else 0,
        "counts": shown.counts if shown else [],
    }


def portfolio_page(
    periods: list[ReportingPeriod],
    period: ReportingPeriod,
    filters: dict[str, Any],
    page_number: Any,
    *,
    readable: QuerySet[StatusReport] | None = None,
) -> PortfolioPage:
    """The page ``page_number`` of the portfolio (``portfolio_selection``; ``readable`` as there).

    The counts by goal are one grouped query over the whole selection, and their sum is the number of
    items, so paging needs no count of its own; the page is chosen on report ids alone, and only its
    rows are read whole, with the flags of their items. The filter ``flagged`` alone reads the flags
    of the whole portfolio, to keep the flagged items.
    """
    flags = published_flags(periods, period) if filters.get("flagged") else None
    selected = portfolio_selection(period, filters, readable=readable, flags=flags)
    counts = counts_by_goal(selected, list(StatusColour.objects.all()))
    ids = _Counted(selected.values_list("pk", flat=True), sum(goal.total for goal in counts))
    page = Paginator(ids, PORTFOLIO_PAGE).get_page(page_number)
    rows = portfolio_rows(periods, period, filters, readable=readable, report_ids=list(page.object_list), flags=flags)
    return PortfolioPage(page, rows, counts)


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
