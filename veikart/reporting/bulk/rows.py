"""Reading the sheets of an upload into rows: each refusal goes to the plan, with its row and column."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from django.utils.translation import gettext as _

from veikart.accounts import permissions
from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import column_letter
from veikart.core.exchange.reading import read_table
from veikart.core.exchange.schema import Match
from veikart.core.exchange.table import Table
from veikart.roadmap.importers import EMPTY_MARKERS, cell_text, parse_date
from veikart.roadmap.models import Phase, RoadmapItem

from .. import services
from ..models import ReportingPeriod, StatusArea, StatusColour
from .columns import (
    NOT_ASSESSED_WORDS,
    RISK_COLUMNS,
    SHEET_REPORTS,
    SHEET_RISKS,
    colour_lookup,
    fold,
    parse_item_id,
    plain_text,
)

if TYPE_CHECKING:
    from .plan import BulkPlan


@dataclass
class RiskSheet:
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
class SheetRow:
    number: int
    item: RoadmapItem
    values: dict[str, Any]  # the columns the file has, read: key → value


class RowReader:
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
        self.colours = colour_lookup(list(StatusColour.objects.all()))
        self.phases = {fold(phase.name): phase for phase in Phase.objects.all()}
        self.is_office = permissions.is_strategy_office(user)
        self.organisation = permissions.editable_organisation(user)
        self.seen_ids: dict[int, int] = {}  # each item id on the sheet → its first row

    def read_all(self, table: Table) -> list[SheetRow]:
        records = list(table.records)
        self.plan.rows = len(records)
        ids = {parse_item_id(self._cell(cells, "item_id")) for _number, cells in records} - {None}
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

    def read(self, cells: list[Any], items: dict[int, RoadmapItem], seen_ids: dict[int, int]) -> SheetRow | None:
        before = self.problems.count
        for index in range(self.width, len(cells)):
            if cell_text(cells[index]):
                self.problems.add(
                    _("There is a value in a column without a heading."), row=self.number, column=column_letter(index)
                )
        text = cell_text(self._cell(cells, "item_id"))
        item_id = parse_item_id(self._cell(cells, "item_id"))
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
        if period_name and fold(period_name) != fold(self.period.name):
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
                values[key] = plain_text(self._cell(cells, key))
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
        return SheetRow(self.number, item, values)

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
        folded = fold(text)
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
        phase = self.phases.get(fold(text))
        if phase is None:
            self.problem(
                "expected_phase",
                _("Unknown phase “%(phase)s”; allowed phases are %(phases)s.")
                % {"phase": text, "phases": ", ".join(f"“{phase.name}”" for phase in self.phases.values())},
            )
            return None
        return phase.pk


def read_risks(
    plan: BulkPlan, sheet: RiskSheet, rows: list[SheetRow], *, named: set[int]
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
        item_id = parse_item_id(cell(cells, "item_id"))
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
        description = plain_text(cell(cells, "description"))
        if not description:
            problem(number, "description", _("Describe the risk."))
        scores = {}
        for key in ("likelihood", "consequence"):
            score = parse_item_id(cell(cells, key))
            if score is None or not 1 <= score <= 5:
                problem(
                    number,
                    key,
                    _("“%(value)s” is not a whole number from 1 to 5.") % {"value": cell_text(cell(cells, key)) or "–"},
                )
            scores[key] = score or 0
        owner = plain_text(cell(cells, "owner"))
        if len(owner) > 200:
            problem(number, "owner", _("The risk owner is longer than 200 characters."))
        risks[item_id].append(
            services.Risk(
                description, scores["likelihood"], scores["consequence"], plain_text(cell(cells, "mitigation")), owner
            )
        )
    return risks
