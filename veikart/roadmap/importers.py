"""Reading the official roadmap export (CSV or XLSX) into an import plan.

The file is read by the exchange layer (``core.exchange.reading.read_table``): encodings,
delimiters, blank lines and the bounds of an upload or a command are settled there, and headers
are matched against ``COLUMNS`` case- and space-insensitively, with a few common variants. What
is left here is the roadmap's own reading of a row: the sub-goal code, the phase, ``dd.mm.yyyy``
dates (or date cells), delivery ids that a spreadsheet may have turned into numbers.

``plan_import`` validates the whole file and returns an ``ImportPlan``: what would be created,
updated and left unchanged, and every problem with its row and column. Nothing is written here;
``services.roadmap_import`` applies a plan without problems in one transaction.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django.utils.translation import gettext as _

from veikart.core.exchange.downloads import plain_number
from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import Problems, column_letter
from veikart.core.exchange.reading import read_table
from veikart.core.exchange.schema import Column, Match, Schema
from veikart.roadmap.models import Grouping, Phase, RoadmapItem, unpublished_strategy_error
from veikart.strategy.models import Strategy, SubGoal

# The official export's columns, in its order and with its headings, and the variants people type.
COLUMNS = Schema(
    (
        Column("title", "Tiltaksnavn", ("Tiltak", "Tiltaknavn", "Navn"), required=True),
        Column("sub_goal", "Delmål", ("Delmal", "Delmålkode", "Delmålskode", "Kode"), required=True),
        Column("grouping", "Strategigruppering", ("Gruppering",)),
        Column("phase", "Veikartfase", ("Fase",)),
        Column("start_date", "Startdato", ("Start",)),
        Column("end_date", "Sluttdato", ("Slutt",)),
        Column("delivery_id", "Leveranse-ID", ("ID",)),
    )
)
OFFICIAL_COLUMNS = {column.key: column.label for column in COLUMNS.columns}
EMPTY_MARKERS = {"", "-", "–", "—"}
_SUB_GOAL_PREFIX = re.compile(r"^delm[åa]l\s+", re.IGNORECASE)
_DELIVERY_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$")
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?e\+?\d+$", re.IGNORECASE)
# A spreadsheet keeps 15 significant digits of a number: a longer delivery id typed as one has lost some.
_EXACT_DIGITS = 10**15
COMPARED_FIELDS = ("title", "sub_goal_id", "grouping_name", "phase_id", "start_date", "end_date", "delivery_id")
Progress = Callable[[Iterable[Any]], Iterable[Any]]


@dataclass
class PlannedRow:
    """One valid row, resolved against the database."""

    row: int
    title: str
    sub_goal: SubGoal
    grouping_name: str
    phase: Phase | None
    start_date: datetime.date | None
    end_date: datetime.date | None
    delivery_id: str
    item: RoadmapItem | None = None
    changes: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    strategy: Strategy | None
    rows: int = 0
    created: list[PlannedRow] = field(default_factory=list)
    updated: list[PlannedRow] = field(default_factory=list)
    unchanged: list[PlannedRow] = field(default_factory=list)
    new_groupings: list[tuple[SubGoal, str]] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def has_changes(self) -> bool:
        return bool(self.created or self.updated)


# --- Reading a cell -------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """A cell as text, stripped: a whole number without ``.0``, a date cell as ``dd.mm.yyyy``; ``""`` when empty."""
    if value is None:
        return ""
    if value.__class__ is str:
        return value.strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return plain_number(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def _normalise_phase(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\s*[-–—]\s*", " - ", name)).strip().casefold()


def find_sub_goal(text: str, sub_goals: dict[str, SubGoal]) -> SubGoal | None:
    """The sub-goal for a cell such as ``3B``, ``3 b`` or ``Delmål 3B – Kunstig intelligens`` (codes upper-cased)."""
    text = _SUB_GOAL_PREFIX.sub("", text.strip())
    whole = re.sub(r"\s+", "", text).upper()
    if whole in sub_goals:
        return sub_goals[whole]
    first = re.split(r"\s+[-–—:]\s*|\s*[:–—]\s*|\s+", text, maxsplit=1)[0].upper()
    if first in sub_goals:
        return sub_goals[first]
    # "3 B" written with a space between number and letter
    spaced = re.match(r"^(\d+)\s+([A-Za-z])\b", text)
    return sub_goals.get(f"{spaced.group(1)}{spaced.group(2)}".upper()) if spaced else None


def parse_date(value: Any) -> datetime.date | None:
    """A date from a date cell or ``dd.mm.yyyy`` (also ``d.m.yyyy``, ``yyyy-mm-dd``, ``dd/mm/yyyy``); None when empty.

    Raises ValueError for anything else (a number is not a date: a date cell has a date's format).
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = cell_text(value)
    if text in EMPTY_MARKERS:
        return None
    if value.__class__ is str:
        for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"):
            try:
                return datetime.datetime.strptime(text.split(" ")[0], pattern).date()
            except ValueError:
                continue
    raise ValueError(text)


# --- Planning -------------------------------------------------------------------------


def plan_import(
    source: bytes | BinaryIO,
    *,
    file_name: str = "",
    limits: Limits | None = None,
    strategy: Strategy | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Validate the whole file against ``strategy`` (default: the current one) and plan the changes.

    ``source`` is the file's bytes or a seekable binary stream; ``limits`` bound the reading (by
    default those of an upload). A file that cannot be read at all raises ``FileUnreadable``; every
    other problem is in the plan, with its row and column.
    """
    strategy = strategy or Strategy.objects.all().current()
    plan = ImportPlan(strategy=strategy)
    if strategy is None:
        plan.problems.add(_("There is no strategy to import the roadmap into."))
        return plan
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    table = read_table(stream, file_name=file_name, limits=limits or Limits.for_uploads())
    match = COLUMNS.match(table.header, header_row=table.header_row)
    plan.ignored_columns = [title for _index, title in match.unclaimed]
    for problem in match.problems:
        plan.problems.add_problem(problem)
    if plan.problems:
        return plan

    sub_goals = {sub_goal.code.upper(): sub_goal for sub_goal in SubGoal.objects.filter(strategy=strategy)}
    phases = {_normalise_phase(phase.name): phase for phase in Phase.objects.all()}
    reader = _RowReader(plan, match, width=len(table.header), sub_goals=sub_goals, phases=phases)
    parsed: list[PlannedRow] = []
    seen_ids: dict[str, int] = {}
    seen_names: dict[tuple[str, int], int] = {}
    for number, cells in progress(table.records) if progress else table.records:
        plan.rows += 1
        row = reader.read(number, cells)
        if row is None:
            continue
        if row.delivery_id:
            if row.delivery_id in seen_ids:
                plan.problems.add(
                    _("The delivery id %(id)s is also on row %(row)s.")
                    % {"id": row.delivery_id, "row": seen_ids[row.delivery_id]},
                    row=number,
                    column=match.column("delivery_id"),
                )
                continue
            seen_ids[row.delivery_id] = number
        else:
            key = (row.title.casefold(), row.sub_goal.pk)
            if key in seen_names:
                plan.problems.add(
                    _("The same name and sub-goal without a delivery id is also on row %(row)s.")
                    % {"row": seen_names[key]},
                    row=number,
                    column=match.column("title"),
                )
                continue
            seen_names[key] = number
        parsed.append(row)
    if plan.problems:
        return plan
    _match(plan, parsed, strategy)
    # A published item belongs to a published strategy version: none is moved into a draft one.
    # (New items are created unpublished there; see ``services.roadmap_import``.)
    if error := unpublished_strategy_error([strategy]):
        own = {sub_goal.pk for sub_goal in sub_goals.values()}
        for row in plan.updated:
            if row.item.is_published and row.item.sub_goal_id not in own:
                plan.problems.add(error, row=row.row, column=match.column("sub_goal"))
    return plan


class _RowReader:
    """Reads one record of the file into a ``PlannedRow``, or adds its problems to the plan and gives None."""

    def __init__(
        self, plan: ImportPlan, match: Match, *, width: int, sub_goals: dict[str, SubGoal], phases: dict[str, Phase]
    ) -> None:
        self.problems = plan.problems
        self.match = match
        self.width = width
        self.sub_goals = sub_goals
        self.codes = ", ".join(sorted(sub_goals))
        self.phases = phases
        self.phase_names = ", ".join(f"“{phase.name}”" for phase in phases.values())

    def read(self, number: int, cells: list[Any]) -> PlannedRow | None:
        problems_before = self.problems.count
        positions = self.match.positions
        self.number = number

        def value(key: str) -> Any:
            index = positions.get(key)
            return cells[index] if index is not None and index < len(cells) else None

        for index in range(self.width, len(cells)):
            if cell_text(cells[index]):
                self.problems.add(
                    _("There is a value in a column without a heading."), row=number, column=column_letter(index)
                )

        title = re.sub(r"\s+", " ", cell_text(value("title")))
        if not title:
            self.problem("title", _("The name is missing."))
        elif len(title) > 500:
            self.problem("title", _("The name is longer than 500 characters."))

        sub_goal = None
        code_text = cell_text(value("sub_goal"))
        if not code_text:
            self.problem("sub_goal", _("The sub-goal code is missing."))
        else:
            sub_goal = find_sub_goal(code_text, self.sub_goals)
            if sub_goal is None:
                self.problem(
                    "sub_goal",
                    _("Unknown sub-goal code “%(code)s”; the strategy has %(codes)s.")
                    % {"code": code_text, "codes": self.codes},
                )

        grouping_name = re.sub(r"\s+", " ", cell_text(value("grouping")))
        if grouping_name in EMPTY_MARKERS:
            grouping_name = ""
        elif len(grouping_name) > 300:
            self.problem("grouping", _("The grouping is longer than 300 characters."))

        phase = None
        phase_text = cell_text(value("phase"))
        if phase_text not in EMPTY_MARKERS:
            phase = self.phases.get(_normalise_phase(phase_text))
            if phase is None:
                self.problem(
                    "phase",
                    _("Unknown phase “%(phase)s”; allowed phases are %(phases)s.")
                    % {"phase": phase_text, "phases": self.phase_names},
                )

        dates: dict[str, datetime.date | None] = {}
        for key in ("start_date", "end_date"):
            try:
                dates[key] = parse_date(value(key))
            except ValueError as error:
                dates[key] = None
                self.problem(key, _("“%(value)s” is not a date (write dd.mm.yyyy).") % {"value": error.args[0]})
        if dates["start_date"] and dates["end_date"] and dates["end_date"] < dates["start_date"]:
            self.problem("end_date", _("The end date is before the start date."))

        delivery_id = self.delivery_id(value("delivery_id"))

        if self.problems.count > problems_before:
            return None
        return PlannedRow(
            row=number,
            title=title,
            sub_goal=sub_goal,
            grouping_name=grouping_name,
            phase=phase,
            start_date=dates["start_date"],
            end_date=dates["end_date"],
            delivery_id=delivery_id,
        )

    def delivery_id(self, value: Any) -> str:
        """The delivery id of a cell, text or a whole number; a problem when a spreadsheet has cut its digits."""
        text = cell_text(value).replace(" ", "").replace("\u00a0", "")
        if text in EMPTY_MARKERS:
            return ""
        if isinstance(value, float) and value.is_integer() and abs(value) >= _EXACT_DIGITS:
            self.problem(
                "delivery_id",
                _(
                    "The delivery id %(id)s is a number in the spreadsheet, which keeps only 15 digits of it; "
                    "format the column as text and type the id again."
                )
                % {"id": text},
            )
        elif _SCIENTIFIC.match(text):
            self.problem(
                "delivery_id",
                _("The delivery id “%(id)s” has lost its digits (scientific notation); format the column as text.")
                % {"id": text},
            )
        elif not _DELIVERY_ID.match(text):
            self.problem("delivery_id", _("“%(id)s” is not a delivery id.") % {"id": text})
        return text

    def problem(self, key: str, message: str) -> None:
        self.problems.add(message, row=self.number, column=self.match.column(key))


def _match(plan: ImportPlan, parsed: list[PlannedRow], strategy: Strategy) -> None:
    """Match rows to items (delivery id first, else name + sub-goal) and sort them into the plan."""
    items = RoadmapItem.objects.select_related("grouping").only(
        "pk",
        "title",
        "sub_goal_id",
        "grouping__name",
        "phase_id",
        "start_date",
        "end_date",
        "delivery_id",
        "version",
        "is_published",
    )
    ids = [row.delivery_id for row in parsed if row.delivery_id]
    by_id = {}
    for start in range(0, len(ids), 500):
        by_id.update({item.delivery_id: item for item in items.filter(delivery_id__in=ids[start : start + 500])})
    by_name = {
        (item.title.casefold(), item.sub_goal_id): item
        for item in items.filter(sub_goal__strategy=strategy, delivery_id="").order_by("-pk")
    }
    groupings = {
        (grouping.sub_goal_id, grouping.name) for grouping in Grouping.objects.filter(sub_goal__strategy=strategy)
    }
    claimed: set[int] = set()
    for row in parsed:
        item = by_id.get(row.delivery_id) if row.delivery_id else None
        if item is None:
            candidate = by_name.get((row.title.casefold(), row.sub_goal.pk))
            if candidate is not None and candidate.pk not in claimed:
                item = candidate
        if row.grouping_name and (row.sub_goal.pk, row.grouping_name) not in groupings:
            groupings.add((row.sub_goal.pk, row.grouping_name))
            plan.new_groupings.append((row.sub_goal, row.grouping_name))
        if item is None:
            plan.created.append(row)
            continue
        claimed.add(item.pk)
        row.item = item
        row.changes = _changes(item, row)
        (plan.updated if row.changes else plan.unchanged).append(row)


def _changes(item: RoadmapItem, row: PlannedRow) -> list[str]:
    """The official column names whose value differs between the item and the row."""
    current = {
        "title": item.title,
        "sub_goal_id": item.sub_goal_id,
        "grouping_name": item.grouping.name if item.grouping_id else "",
        "phase_id": item.phase_id,
        "start_date": item.start_date,
        "end_date": item.end_date,
        "delivery_id": item.delivery_id,
    }
    wanted = {
        "title": row.title,
        "sub_goal_id": row.sub_goal.pk,
        "grouping_name": row.grouping_name,
        "phase_id": row.phase.pk if row.phase else None,
        "start_date": row.start_date,
        "end_date": row.end_date,
        "delivery_id": row.delivery_id,
    }
    labels = {
        "title": "title",
        "sub_goal_id": "sub_goal",
        "grouping_name": "grouping",
        "phase_id": "phase",
        "start_date": "start_date",
        "end_date": "end_date",
        "delivery_id": "delivery_id",
    }
    return [OFFICIAL_COLUMNS[labels[name]] for name in COMPARED_FIELDS if current[name] != wanted[name]]
