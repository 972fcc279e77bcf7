"""The spreadsheet out: a period's reports of the items a user may upload, as the workbook ``plan`` reads back."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from veikart.accounts import permissions
from veikart.core.exchange.downloads import Sheet, xlsx_workbook_bytes
from veikart.roadmap.models import RoadmapItem

from ..models import ReportingPeriod, StatusArea, StatusColour, StatusReport, StatusReportArea
from .columns import NOT_ASSESSED_WORDS, RISK_COLUMNS, SHEET_GUIDE, SHEET_REPORTS, SHEET_RISKS, report_columns, words


def bulk_items(user: Any) -> Any:
    """The portfolio items ``user`` downloads and uploads: every one for the strategy office, its
    organisation's for an owner editor, none for anyone else."""
    items = RoadmapItem.objects.filter(portfolio_membership__isnull=False)
    if permissions.is_strategy_office(user):
        return items
    organisation = permissions.editable_organisation(user)
    return items.filter(owners=organisation) if organisation is not None else items.none()


def current_reports(period: ReportingPeriod, item_ids: list[int]) -> dict[int, StatusReport]:
    """Each item's current report for ``period``: the revision in the workflow, else the live approved one."""
    reports: dict[int, StatusReport] = {}
    live = (
        StatusReport.objects.live()
        .filter(period=period, item_id__in=item_ids)
        .select_related("overall", "expected_phase")
        .prefetch_related(
            Prefetch("areas", queryset=StatusReportArea.objects.select_related("area", "colour")),
            "risks",
            "milestone_updates",
        )
    )
    for report in live:
        if report.item_id not in reports or report.state != StatusReport.State.APPROVED:
            reports[report.item_id] = report
    return reports


def bulk_workbook(*, user: Any, period: ReportingPeriod) -> bytes:
    """The period's reports of the items ``user`` may upload, as the workbook ``bulk_plan`` reads back."""
    areas = list(StatusArea.objects.all())
    colours = list(StatusColour.objects.all())
    items = list(bulk_items(user).prefetch_related("owners").order_by("title", "pk"))
    reports = current_reports(period, [item.pk for item in items])
    rows, risks = [], []
    for item in items:
        report = reports.get(item.pk)
        by_area = {row.area_id: row for row in report.areas.all()} if report else {}
        rows.append(
            [
                item.pk,
                item.title,
                ", ".join(owner.name for owner in item.owners.all()),
                period.name,
                report.get_state_display() if report else _("Not begun"),
                report.overall.name if report and report.overall else "",
                *[
                    value
                    for area in areas
                    for value in (
                        by_area[area.pk].colour.name if area.pk in by_area and by_area[area.pk].colour else "",
                        by_area[area.pk].comment if area.pk in by_area else "",
                    )
                ],
                report.narrative if report else "",
                report.next_steps if report else "",
                report.expected_phase.name if report and report.expected_phase else "",
                report.expected_end_date if report else None,
            ]
        )
        for risk in report.risks.all() if report else ():
            risks.append(
                [
                    item.pk,
                    item.title,
                    risk.position,
                    risk.description,
                    risk.likelihood,
                    risk.consequence,
                    risk.mitigation,
                    risk.owner,
                ]
            )
    guide = [[colour.name, colour.definition, ", ".join(words(colour))] for colour in colours]
    guide.append([_("Not assessed"), _("Leave the cell empty."), ", ".join(("–", *NOT_ASSESSED_WORDS))])
    return xlsx_workbook_bytes(
        [
            Sheet(SHEET_REPORTS, report_columns(areas).labels, rows),
            Sheet(SHEET_RISKS, RISK_COLUMNS.labels, risks),
            Sheet(SHEET_GUIDE, [_("Status"), _("Definition"), _("Also written as")], guide),
        ]
    )


def download_name(period: ReportingPeriod, user: Any, today: datetime.date | None = None) -> str:
    """``statusrapporter-2026-T2-nhn-2026-06-01.xlsx``: the period, the owner (for an owner editor) and the day."""
    organisation = permissions.editable_organisation(user)
    parts = ["statusrapporter", period.name]
    if organisation is not None and not permissions.is_strategy_office(user):
        parts.append(organisation.slug)
    parts.append((today or datetime.date.today()).isoformat())
    return "-".join(parts).replace(" ", "-") + ".xlsx"
