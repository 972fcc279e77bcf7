"""What an upload would do (``bulk_plan``), and doing it all or not at all (``bulk_apply``)."""

from __future__ import annotations

import dataclasses
import io
import logging
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import Problems
from veikart.core.exchange.reading import XLSX, check_size, file_kind, read_table
from veikart.core.exchange.table import Table
from veikart.core.exchange.workbooks import sheet_titles
from veikart.roadmap.models import RoadmapItem

from .. import services
from ..models import ReportingPeriod, StatusArea, StatusReport
from . import columns
from .columns import SHEET_REPORTS, SHEET_RISKS, report_columns
from .export import current_reports
from .rows import RiskSheet, RowReader, SheetRow, read_risks

logger = logging.getLogger(__name__)


@dataclass
class PlannedReport:
    """One row that names an item the uploader may report on: the content it asks for, against the current report."""

    row: int
    item: RoadmapItem
    report: StatusReport | None
    content: services.ReportContent
    changes: list[str] = field(default_factory=list)

    @property
    def seen(self) -> str:
        """The current report's id and version, as the preview saw it ("" with no report)."""
        return f"{self.report.pk}:{self.report.version}" if self.report else ""


@dataclass
class BulkPlan:
    """What an upload would do: new drafts, changed drafts, unchanged rows, and every refused row with its reason."""

    period: ReportingPeriod
    rows: int = 0
    created: list[PlannedReport] = field(default_factory=list)
    updated: list[PlannedReport] = field(default_factory=list)
    unchanged: list[PlannedReport] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    has_risk_sheet: bool = False
    problems: Problems = field(default_factory=Problems)

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def has_changes(self) -> bool:
        return bool(self.created or self.updated)

    @property
    def seen(self) -> dict[str, str]:
        """Each changing row's item and the report version it was planned against, kept with the preview."""
        return {str(planned.item.pk): planned.seen for planned in self.created + self.updated}

    @property
    def counts(self) -> dict[str, int]:
        return {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "problems": self.problems.count,
        }


def bulk_plan(
    source: bytes | BinaryIO,
    *,
    user: Any,
    period: ReportingPeriod,
    file_name: str = "",
    limits: Limits | None = None,
    seen: dict[str, str] | None = None,
) -> BulkPlan:
    """Read the whole file and plan what it would do to ``period``'s reports, as ``user`` uploads it.

    Nothing is written. A file that cannot be read raises ``FileUnreadable`` (empty, too large, not
    CSV or XLSX, more than ``MAX_ROWS`` rows, a formula in a cell); every other problem is in the
    plan with its row and column, in the active language. ``seen`` (``BulkPlan.seen`` of the
    preview) refuses a row whose report someone changed since the preview.
    """
    plan = BulkPlan(period=period)
    if period.state in (ReportingPeriod.State.LOCKED, ReportingPeriod.State.PLANNED):
        plan.problems.add(
            _("The period %(period)s is locked and takes no report.") % {"period": period}
            if period.state == ReportingPeriod.State.LOCKED
            else _("The period %(period)s has not opened yet.") % {"period": period}
        )
        return plan
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    bounds = dataclasses.replace(limits or Limits.for_uploads(), max_rows=columns.MAX_ROWS)
    main, risk_table = _tables(stream, file_name=file_name, limits=bounds)
    areas = list(StatusArea.objects.all())
    match = report_columns(areas).match(main.header, header_row=main.header_row)
    plan.ignored_columns = [title for _index, title in match.unclaimed]
    for problem in match.problems:
        plan.problems.add_problem(problem)
    if plan.problems:
        return plan
    reader = RowReader(plan, match, user=user, period=period, areas=areas)
    parsed = reader.read_all(main)
    risks = read_risks(plan, risk_table, parsed, named=set(reader.seen_ids)) if risk_table is not None else None
    plan.has_risk_sheet = risks is not None
    _sort(plan, parsed, risks, seen)
    return plan


def _tables(stream: BinaryIO, *, file_name: str, limits: Limits) -> tuple[Table, Table | None]:
    """The reports table (the sheet ``Statusrapporter``, else the first) and the risk sheet, if the workbook has one."""
    check_size(stream, limits=limits)
    if file_kind(stream, file_name=file_name) != XLSX:
        return read_table(stream, file_name=file_name, limits=limits), None
    titles = sheet_titles(stream, limits=limits)
    main = read_table(
        stream,
        file_name=file_name,
        limits=limits,
        sheet=SHEET_REPORTS if SHEET_REPORTS in titles else None,
        refuse_formulas=True,
    )
    return main, RiskSheet(stream, file_name, limits) if SHEET_RISKS in titles else None


def _content(
    row: SheetRow, existing: services.ReportContent, risks: list[services.Risk] | None
) -> services.ReportContent:
    """The report the row asks for: the file's columns, the rest as the current report has it."""
    values = row.values
    areas = {given.area: given for given in existing.areas}
    merged_areas = []
    for key in {*areas, *(name.split(":", 1)[1] for name in values if name.startswith(("area:", "comment:")))}:
        current = areas.get(key, services.AreaStatus(key, None, ""))
        merged_areas.append(
            services.AreaStatus(
                key,
                values.get(f"area:{key}", current.colour),
                values.get(f"comment:{key}", current.comment),
            )
        )
    return services.ReportContent(
        overall=values.get("overall", existing.overall),
        narrative=values.get("narrative", existing.narrative),
        next_steps=values.get("next_steps", existing.next_steps),
        expected_phase_id=values.get("expected_phase", existing.expected_phase_id),
        expected_end_date=values.get("expected_end_date", existing.expected_end_date),
        areas=tuple(sorted(merged_areas, key=lambda given: given.area)),
        risks=tuple(risks) if risks is not None else existing.risks,
        milestones=existing.milestones,
    )


def _plain(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _differences(before: services.ReportContent, after: services.ReportContent, areas: list[StatusArea]) -> list[str]:
    """The columns (as the file names them) whose value differs; a missing area row is "not assessed", no comment."""
    changes = []
    if (before.overall or None) != (after.overall or None):
        changes.append("Samlet status")
    old = {given.area: given for given in before.areas}
    new = {given.area: given for given in after.areas}
    for area in areas:
        was, now = old.get(area.key), new.get(area.key)
        if (was.colour if was else None) != (now.colour if now else None):
            changes.append(f"{area.name}: status")
        if _plain(was.comment if was else "") != _plain(now.comment if now else ""):
            changes.append(f"{area.name}: kommentar")
    for label, name in (("Status i ord", "narrative"), ("Neste steg", "next_steps")):
        if _plain(getattr(before, name)) != _plain(getattr(after, name)):
            changes.append(label)
    if before.expected_phase_id != after.expected_phase_id:
        changes.append("Forventet faseendring")
    if before.expected_end_date != after.expected_end_date:
        changes.append("Forventet sluttdato")

    def risk_rows(content: services.ReportContent) -> list[tuple]:
        return [
            (_plain(risk.description), risk.likelihood, risk.consequence, _plain(risk.mitigation), _plain(risk.owner))
            for risk in content.risks
        ]

    if risk_rows(before) != risk_rows(after):
        changes.append(SHEET_RISKS)
    return changes


def _sort(
    plan: BulkPlan, rows: list[SheetRow], risks: dict[int, list[services.Risk]] | None, seen: dict[str, str] | None
) -> None:
    """Compare each row with the item's current report and sort it into the plan, or refuse it."""
    areas = list(StatusArea.objects.all())
    reports = current_reports(plan.period, [row.item.pk for row in rows])
    for row in rows:
        report = reports.get(row.item.pk)
        existing = services.content_of(report) if report else services.ReportContent()
        content = _content(row, existing, risks.get(row.item.pk) if risks is not None else None)
        planned = PlannedReport(row.number, row.item, report, content, _differences(existing, content, areas))
        if not planned.changes:
            plan.unchanged.append(planned)
            continue

        reason = _refusal(planned, plan.period, seen)
        if reason:
            plan.problems.add(reason, row=row.number)
        else:
            (plan.updated if report else plan.created).append(planned)


def _refusal(planned: PlannedReport, period: ReportingPeriod, seen: dict[str, str] | None) -> str:
    """Why a row that changes a report may not, or ""."""
    report, title = planned.report, planned.item.title
    if seen is not None and seen.get(str(planned.item.pk)) != planned.seen:
        return _("Someone changed the report of %(item)s after the preview; upload the file again to see it.") % {
            "item": title
        }
    if report is None:
        if not period.takes_new_reports:
            return _("The period %(period)s is closed to new reports.") % {"period": period}
        return ""
    if report.state == StatusReport.State.SUBMITTED:
        return _("The report of %(item)s is submitted and waits for review; it cannot be overwritten.") % {
            "item": title
        }
    if report.state == StatusReport.State.APPROVED:
        return _(
            "The report of %(item)s is approved and cannot be overwritten; begin a correction of it in the "
            "workspace instead."
        ) % {"item": title}
    return ""


def bulk_apply(
    source: bytes | BinaryIO,
    *,
    user: Any,
    period: ReportingPeriod,
    file_name: str = "",
    limits: Limits | None = None,
    seen: dict[str, str] | None = None,
) -> BulkPlan:
    """Plan the file again and write every new and changed draft in one transaction, or nothing.

    Each draft goes through ``services.status_report_save_draft`` with the version the plan read, so
    the rules of the report form hold and a report changed meanwhile is refused. Returns the plan; if
    it has problems (the file's, or a service's refusal), nothing was written.
    """
    with transaction.atomic():
        plan = bulk_plan(source, user=user, period=period, file_name=file_name, limits=limits, seen=seen)
        if not plan.is_valid:
            return plan
        for planned in plan.created + plan.updated:
            try:
                services.status_report_save_draft(
                    user=user,
                    item_id=planned.item.pk,
                    period_id=period.pk,
                    content=planned.content,
                    version=planned.report.version if planned.report else None,
                )
            except services.Refused as refusal:
                plan.problems.add(refusal.message, row=planned.row)
            except PermissionDenied as denied:
                plan.problems.add(str(denied), row=planned.row)
        if plan.problems:
            transaction.set_rollback(True)
            return plan
    logger.info(
        "%s uploaded status reports for period %s (%s) from %s: %s",
        getattr(user, "username", user),
        period.pk,
        period.name,
        file_name,
        plan.counts,
    )
    return plan
