"""A period's status reports as a spreadsheet: downloaded, filled in offline, uploaded again.

One format goes out and in (``bulk_workbook`` writes it, ``bulk_plan`` reads it), on the exchange
layer (docs/exchange.md): the sheet ``Statusrapporter`` has one row per portfolio item of the period
(the item's id and name, its owners, the period, the report's state, then what the owner writes:
the overall status, a status and a comment per area, the status in words, next steps, the expected
phase change and end date); the sheet ``Risikoer`` one row per risk; the sheet ``Veiledning`` the
scale and the words it takes. A CSV file of the first sheet's columns is read too.

What a row may do (docs/reporting.md, "Spreadsheets"):

- a row whose content equals the item's current report (or, with no report, is empty) is unchanged;
- otherwise it begins a draft, or changes the draft or returned report, through the same service the
  report form uses (``services.status_report_save_draft``), so the same rules hold;
- it is refused, with the reason, when it names an item that is not the uploader's to report on or
  not in the portfolio, when it would change a submitted or approved report, or a new report in a
  closed period; a locked or planned period refuses the file.

A column the file lacks leaves that part of every report as it is, and so does a missing risk sheet;
milestone updates are never in the file and are kept. Applying is all or nothing: one refused row and
nothing is written (``bulk_apply``), and a file applied twice changes nothing the second time.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import logging
import re
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from veikart.accounts import permissions
from veikart.core.exchange.downloads import Sheet, xlsx_workbook_bytes
from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import Problems, column_letter
from veikart.core.exchange.reading import XLSX, check_size, file_kind, read_table
from veikart.core.exchange.schema import Column, Match, Schema
from veikart.core.exchange.table import Table
from veikart.core.exchange.workbooks import sheet_titles
from veikart.roadmap.importers import EMPTY_MARKERS, cell_text, parse_date
from veikart.roadmap.models import Phase, RoadmapItem

from . import services
from .models import ReportingPeriod, StatusArea, StatusColour, StatusReport, StatusReportArea

logger = logging.getLogger(__name__)

IMPORT_KIND = "status-reports"
SHEET_REPORTS = "Statusrapporter"
SHEET_RISKS = "Risikoer"
SHEET_GUIDE = "Veiledning"
# The portfolio has some two thousand items; a file far longer than that is not a period's reports.
MAX_ROWS = 5_000

# The colour words people type for the seeded scale (``scale.py``), in bokmål, nynorsk and English;
# the scale's keys and names are taken as well, whatever the scale says.
COLOUR_WORDS = {
    "green": ("grønn", "grønt", "grøn", "green"),
    "yellow": ("gul", "gult", "yellow", "amber"),
    "red": ("rød", "rødt", "raud", "raudt", "red"),
}
NOT_ASSESSED_WORDS = ("ikke vurdert", "ikkje vurdert", "not assessed")
_ITEM_ID = re.compile(r"^\d{1,12}$")

ITEM_ID = Column("item_id", "Tiltak-ID", ("ID", "Item id", "Tiltaks-ID", "Tiltak ID"), required=True)
TITLE = Column("title", "Tiltak", ("Tiltaksnavn", "Roadmap item", "Item"))


def report_columns(areas: list[StatusArea]) -> Schema:
    """The columns of the sheet ``Statusrapporter``: two per area (the areas are data)."""
    per_area = []
    for area in areas:
        per_area.append(Column(f"area:{area.key}", f"{area.name}: status", (f"{area.key} status",)))
        per_area.append(Column(f"comment:{area.key}", f"{area.name}: kommentar", (f"{area.key} comment",)))
    return Schema(
        (
            ITEM_ID,
            TITLE,
            Column("owners", "Eiere", ("Eier", "Owners")),
            Column("period", "Periode", ("Period",)),
            Column("state", "Rapportstatus", ("Report state", "State")),
            Column("overall", "Samlet status", ("Samla status", "Overall status", "Status")),
            *per_area,
            Column("narrative", "Status i ord", ("Narrative", "Status in words")),
            Column("next_steps", "Neste steg", ("Neste steg", "Next steps")),
            Column("expected_phase", "Forventet faseendring", ("Forventa faseendring", "Expected phase change")),
            Column("expected_end_date", "Forventet sluttdato", ("Forventa sluttdato", "Expected end date")),
        )
    )


RISK_COLUMNS = Schema(
    (
        ITEM_ID,
        TITLE,
        Column("position", "Nr.", ("Number", "No")),
        Column("description", "Risiko", ("Risk",), required=True),
        Column("likelihood", "Sannsynlighet (1–5)", ("Sannsynlighet", "Likelihood"), required=True),
        Column("consequence", "Konsekvens (1–5)", ("Konsekvens", "Consequence"), required=True),
        Column("mitigation", "Risikoreduserende tiltak", ("Mitigation",)),
        Column("owner", "Risikoeier", ("Risk owner",)),
    )
)


# --- Out ---------------------------------------------------------------------------------


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
    guide = [[colour.name, colour.definition, ", ".join(_words(colour))] for colour in colours]
    guide.append([_("Not assessed"), _("Leave the cell empty."), ", ".join(("–", *NOT_ASSESSED_WORDS))])
    return xlsx_workbook_bytes(
        [
            Sheet(SHEET_REPORTS, report_columns(areas).labels, rows),
            Sheet(SHEET_RISKS, RISK_COLUMNS.labels, risks),
            Sheet(SHEET_GUIDE, [_("Status"), _("Definition"), _("Also written as")], guide),
        ]
    )


def _words(colour: StatusColour) -> tuple[str, ...]:
    return (colour.key, *COLOUR_WORDS.get(colour.key, ()))


# --- In ----------------------------------------------------------------------------------


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
    bounds = dataclasses.replace(limits or Limits.for_uploads(), max_rows=MAX_ROWS)
    main, risk_table = _tables(stream, file_name=file_name, limits=bounds)
    areas = list(StatusArea.objects.all())
    match = report_columns(areas).match(main.header, header_row=main.header_row)
    plan.ignored_columns = [title for _index, title in match.unclaimed]
    for problem in match.problems:
        plan.problems.add_problem(problem)
    if plan.problems:
        return plan
    reader = _RowReader(plan, match, user=user, period=period, areas=areas)
    parsed = reader.read_all(main)
    risks = _read_risks(plan, risk_table, parsed, named=set(reader.seen_ids)) if risk_table is not None else None
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
    return main, _RiskSheet(stream, file_name, limits) if SHEET_RISKS in titles else None


@dataclass
class _RiskSheet:
    """The risk sheet, read once the reports sheet has been (a workbook's sheets are read one at a time)."""

    stream: BinaryIO
    file_name: str
    limits: Limits

    def read(self) -> Table:
        self.stream.seek(0)
        return read_table(
            self.stream, file_name=self.file_name, limits=self.limits, sheet=SHEET_RISKS, refuse_formulas=True
        )


@dataclass
class _Row:
    number: int
    item: RoadmapItem
    values: dict[str, Any]  # the columns the file has, read: key → value


class _RowReader:
    """Reads the rows of the reports sheet, adding each refusal to the plan."""

    def __init__(
        self, plan: BulkPlan, match: Match, *, user: Any, period: ReportingPeriod, areas: list[StatusArea]
    ) -> None:
        self.plan = plan
        self.problems = plan.problems
        self.match = match
        self.user = user
        self.period = period
        self.areas = areas
        self.colours = _colour_lookup(list(StatusColour.objects.all()))
        self.phases = {_folded(phase.name): phase for phase in Phase.objects.all()}
        self.is_office = permissions.is_strategy_office(user)
        self.organisation = permissions.editable_organisation(user)
        self.seen_ids: dict[int, int] = {}  # each item id on the sheet → its first row

    def read_all(self, table: Table) -> list[_Row]:
        records = list(table.records)
        self.plan.rows = len(records)
        ids = {_item_id(self._cell(cells, "item_id")) for _number, cells in records} - {None}
        items = {
            item.pk: item
            for item in RoadmapItem.objects.filter(pk__in=ids)
            .select_related("portfolio_membership")
            .prefetch_related("owners")
        }
        self.width = len(table.header)
        rows, seen_ids = [], self.seen_ids
        for number, cells in records:
            self.number = number
            row = self.read(cells, items, seen_ids)
            if row is not None:
                rows.append(row)
        return rows

    def _cell(self, cells: list[Any], key: str) -> Any:
        index = self.match.positions.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    def problem(self, key: str, message: str) -> None:
        self.problems.add(message, row=self.number, column=self.match.column(key))

    def read(self, cells: list[Any], items: dict[int, RoadmapItem], seen_ids: dict[int, int]) -> _Row | None:
        before = self.problems.count
        for index in range(self.width, len(cells)):
            if cell_text(cells[index]):
                self.problems.add(
                    _("There is a value in a column without a heading."), row=self.number, column=column_letter(index)
                )
        text = cell_text(self._cell(cells, "item_id"))
        item_id = _item_id(self._cell(cells, "item_id"))
        if item_id is None:
            self.problem("item_id", _("“%(value)s” is not an item id (a whole number).") % {"value": text or "–"})
            return None
        if item_id in seen_ids:
            self.problem(
                "item_id", _("Item %(id)s is also on row %(row)s.") % {"id": item_id, "row": seen_ids[item_id]}
            )
            return None
        seen_ids[item_id] = self.number
        item = self._item(items.get(item_id), item_id)
        if item is None:
            return None
        values: dict[str, Any] = {}
        period_name = cell_text(self._cell(cells, "period"))
        if period_name and _folded(period_name) != _folded(self.period.name):
            self.problem(
                "period",
                _("The row is for the period %(row)s; this upload is for %(period)s.")
                % {"row": period_name, "period": self.period.name},
            )
        for key in ("overall", *(f"area:{area.key}" for area in self.areas)):
            if key in self.match.positions:
                values[key] = self._colour(key, self._cell(cells, key))
        for key in ("narrative", "next_steps", *(f"comment:{area.key}" for area in self.areas)):
            if key in self.match.positions:
                values[key] = _text(self._cell(cells, key))
        if "expected_phase" in self.match.positions:
            values["expected_phase"] = self._phase(self._cell(cells, "expected_phase"))
        if "expected_end_date" in self.match.positions:
            try:
                values["expected_end_date"] = parse_date(self._cell(cells, "expected_end_date"))
            except ValueError as error:
                self.problem(
                    "expected_end_date", _("“%(value)s” is not a date (write dd.mm.yyyy).") % {"value": error.args[0]}
                )
        if self.problems.count > before:
            return None
        return _Row(self.number, item, values)

    def _item(self, item: RoadmapItem | None, item_id: int) -> RoadmapItem | None:
        """The item if the uploader may report on it; else a refusal that reveals nothing of others' items."""
        if not self.is_office and (
            item is None or not permissions.can_draft_status_report(self.user, item.owners.all())
        ):
            self.problem(
                "item_id",
                _(
                    "Item %(id)s is not one of the portfolio items of %(organisation)s: you may upload the reports "
                    "of your organisation's items only."
                )
                % {"id": item_id, "organisation": self.organisation.name if self.organisation else "–"},
            )
            return None
        if item is None:
            self.problem("item_id", _("There is no roadmap item with the id %(id)s.") % {"id": item_id})
            return None
        if not hasattr(item, "portfolio_membership"):
            self.problem(
                "item_id",
                _("Item %(id)s (%(title)s) is not in the portfolio, so it takes no status report.")
                % {"id": item_id, "title": item.title},
            )
            return None
        return item

    def _colour(self, key: str, value: Any) -> str | None:
        text = cell_text(value)
        folded = _folded(text)
        if folded in self.colours:
            return self.colours[folded]
        if text in EMPTY_MARKERS or folded in NOT_ASSESSED_WORDS:
            return None
        self.problem(
            key,
            _("“%(value)s” is not a status; write one of %(words)s, or leave the cell empty.")
            % {"value": text, "words": ", ".join(sorted(self.colours))},
        )
        return None

    def _phase(self, value: Any) -> int | None:
        text = cell_text(value)
        if text in EMPTY_MARKERS:
            return None
        phase = self.phases.get(_folded(text))
        if phase is None:
            self.problem(
                "expected_phase",
                _("Unknown phase “%(phase)s”; allowed phases are %(phases)s.")
                % {"phase": text, "phases": ", ".join(f"“{phase.name}”" for phase in self.phases.values())},
            )
            return None
        return phase.pk


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _text(value: Any) -> str:
    """A text cell as the report keeps it: line ends as ``\\n``, stripped; a number or a date as text."""
    return cell_text(value).replace("\r\n", "\n").replace("\r", "\n")


def _item_id(value: Any) -> int | None:
    """An item id from a number cell (``12``, ``12.0``) or a text cell (``"12"``, ``" 12 "``); else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value > 0 else None
    if isinstance(value, int):
        return value if value > 0 else None
    text = str(value).strip().replace("\u00a0", "")
    return int(text) if _ITEM_ID.match(text) and int(text) > 0 else None


def _colour_lookup(colours: list[StatusColour]) -> dict[str, str]:
    """Every word that names a colour (its key, its name, the colour words) → its key."""
    lookup = {}
    for colour in colours:
        for word in (*_words(colour), colour.name):
            lookup[_folded(word)] = colour.key
    return lookup


def _read_risks(
    plan: BulkPlan, sheet: _RiskSheet, rows: list[_Row], *, named: set[int]
) -> dict[int, list[services.Risk]] | None:
    """The risks of each item read from the reports sheet (``rows``); refusals go to the plan.

    A risk of an item the reports sheet names on a refused row is left out (that row's refusal says
    why); a risk of an item the reports sheet does not name is refused.
    """
    table = sheet.read()
    match = RISK_COLUMNS.match(table.header, header_row=table.header_row)
    for problem in match.problems:
        plan.problems.add(problem.message, where=SHEET_RISKS, column=problem.column)
    if match.problems:
        return None
    reported = {row.item.pk for row in rows}
    risks: dict[int, list[services.Risk]] = {item_id: [] for item_id in reported}

    def cell(cells: list[Any], key: str) -> Any:
        index = match.positions.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    def problem(number: int, key: str, message: str) -> None:
        plan.problems.add(
            message,
            where=_("Sheet %(sheet)s, row %(row)s") % {"sheet": SHEET_RISKS, "row": number},
            column=match.column(key),
        )

    for number, cells in table.records:
        item_id = _item_id(cell(cells, "item_id"))
        if item_id is None:
            problem(
                number,
                "item_id",
                _("“%(value)s” is not an item id (a whole number).")
                % {"value": cell_text(cell(cells, "item_id")) or "–"},
            )
            continue
        if item_id not in named:
            problem(
                number,
                "item_id",
                _("Item %(id)s has no row on the sheet %(sheet)s.") % {"id": item_id, "sheet": SHEET_REPORTS},
            )
            continue
        if item_id not in reported:
            continue
        description = _text(cell(cells, "description"))
        if not description:
            problem(number, "description", _("Describe the risk."))
        scores = {}
        for key in ("likelihood", "consequence"):
            score = _item_id(cell(cells, key))
            if score is None or not 1 <= score <= 5:
                problem(
                    number,
                    key,
                    _("“%(value)s” is not a whole number from 1 to 5.") % {"value": cell_text(cell(cells, key)) or "–"},
                )
            scores[key] = score or 0
        owner = _text(cell(cells, "owner"))
        if len(owner) > 200:
            problem(number, "owner", _("The risk owner is longer than 200 characters."))
        risks[item_id].append(
            services.Risk(
                description, scores["likelihood"], scores["consequence"], _text(cell(cells, "mitigation")), owner
            )
        )
    return risks


def _content(row: _Row, existing: services.ReportContent, risks: list[services.Risk] | None) -> services.ReportContent:
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
    plan: BulkPlan, rows: list[_Row], risks: dict[int, list[services.Risk]] | None, seen: dict[str, str] | None
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


def download_name(period: ReportingPeriod, user: Any, today: datetime.date | None = None) -> str:
    """``statusrapporter-2026-T2-nhn-2026-06-01.xlsx``: the period, the owner (for an owner editor) and the day."""
    organisation = permissions.editable_organisation(user)
    parts = ["statusrapporter", period.name]
    if organisation is not None and not permissions.is_strategy_office(user):
        parts.append(organisation.slug)
    parts.append((today or datetime.date.today()).isoformat())
    return "-".join(parts).replace(" ", "-") + ".xlsx"
