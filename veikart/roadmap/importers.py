"""Reading the official roadmap export (CSV or XLSX) into an import plan.

The file is read as it really comes out of Excel in a Norwegian locale:
semicolon or comma separated (detected), UTF-8 with or without a byte-order
mark or Windows-1252 (detected), ``dd.mm.yyyy`` dates, empty cells, blank
lines, trailing empty columns and surrounding spaces. Headers are matched
case- and space-insensitively, with a few common variants.

``plan_import`` validates the whole file and returns an ``ImportPlan``: what
would be created, updated and left unchanged, and *every* problem with its
row and column. Nothing is written here; ``services.roadmap_import`` applies
a plan without problems in one transaction.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from veikart.roadmap.models import Grouping, Phase, RoadmapItem, unpublished_strategy_error
from veikart.strategy.models import Strategy, SubGoal

OFFICIAL_COLUMNS = {
    "title": "Tiltaksnavn",
    "sub_goal": "Delmål",
    "grouping": "Strategigruppering",
    "phase": "Veikartfase",
    "start_date": "Startdato",
    "end_date": "Sluttdato",
    "delivery_id": "Leveranse-ID",
}
# Normalised header (lower case, without spaces, hyphens, underscores, dots) -> field.
HEADER_ALIASES = {
    "tiltaksnavn": "title",
    "tiltak": "title",
    "tiltaknavn": "title",
    "navn": "title",
    "delmål": "sub_goal",
    "delmal": "sub_goal",
    "delmålkode": "sub_goal",
    "delmålskode": "sub_goal",
    "kode": "sub_goal",
    "strategigruppering": "grouping",
    "gruppering": "grouping",
    "veikartfase": "phase",
    "fase": "phase",
    "startdato": "start_date",
    "start": "start_date",
    "sluttdato": "end_date",
    "slutt": "end_date",
    "leveranseid": "delivery_id",
    "id": "delivery_id",
}
REQUIRED = ("title", "sub_goal")
EMPTY_MARKERS = {"", "-", "–", "—"}
_DELIMITERS = (";", ",", "\t")
_SUB_GOAL_PREFIX = re.compile(r"^delm[åa]l\s+", re.IGNORECASE)
_DELIVERY_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$")
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?e\+?\d+$", re.IGNORECASE)
COMPARED_FIELDS = ("title", "sub_goal_id", "grouping_name", "phase_id", "start_date", "end_date", "delivery_id")
Progress = Callable[[Iterable[Any]], Iterable[Any]]


class ImportFileError(ValueError):
    """The file cannot be read at all (not CSV/XLSX, empty, no header)."""


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s, column %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column or "–",
            "message": self.message,
        }


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
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def has_changes(self) -> bool:
        return bool(self.created or self.updated)


# --- Reading the file ---------------------------------------------------------------


def decode(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252, which can decode any byte but five."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def detect_delimiter(text: str) -> str:
    """The delimiter that occurs most often in the first non-blank line (a semicolon wins ties)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first.count(delimiter) for delimiter in _DELIMITERS}
    return max(_DELIMITERS, key=lambda delimiter: counts[delimiter]) if any(counts.values()) else ";"


def _csv_rows(data: bytes) -> list[tuple[int, list[Any]]]:
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text))
    rows = []
    line = 1
    for values in reader:
        rows.append((line, values))
        line = reader.line_num + 1
    return rows


def _cell(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if value is None or isinstance(value, datetime.date):
        return value if value is not None else ""
    return str(value)


def _xlsx_rows(data: bytes) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ImportFileError(_("The spreadsheet cannot be read: %(error)s") % {"error": error}) from error
    sheet = workbook.worksheets[0]
    rows = [
        (number, [_cell(value) for value in values])
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1)
    ]
    workbook.close()
    return rows


def read_rows(data: bytes, filename: str = "") -> list[tuple[int, list[Any]]]:
    """(row number in the file, cells) for every row, blank ones included; XLSX is recognised by content."""
    if not data:
        raise ImportFileError(_("The file is empty."))
    if data.startswith(b"PK\x03\x04") or filename.lower().endswith(".xlsx"):
        return _xlsx_rows(data)
    return _csv_rows(data)


def normalise_header(header: Any) -> str:
    return re.sub(r"[\s\-_.\u00a0]+", "", str(header or "")).lower()


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


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def parse_date(value: Any) -> datetime.date | None:
    """A date from ``dd.mm.yyyy`` (also ``d.m.yyyy``, ``yyyy-mm-dd`` and spreadsheet dates); None when empty.

    Raises ValueError for anything else.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    if text in EMPTY_MARKERS:
        return None
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text.split(" ")[0], pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


# --- Planning -------------------------------------------------------------------------


def plan_import(
    data: bytes, *, filename: str = "", strategy: Strategy | None = None, progress: Progress | None = None
) -> ImportPlan:
    """Validate the whole file against ``strategy`` (default: the current one) and plan the changes."""
    strategy = strategy or Strategy.objects.all().current()
    plan = ImportPlan(strategy=strategy)
    if strategy is None:
        plan.problems.append(Problem(0, "", _("There is no strategy to import the roadmap into.")))
        return plan
    rows = [
        (number, [value.strip() if isinstance(value, str) else value for value in cells])
        for number, cells in read_rows(data, filename)
    ]
    rows = [(number, cells) for number, cells in rows if any(value not in ("", None) for value in cells)]
    if not rows:
        raise ImportFileError(_("The file has no header row."))
    header_row, header = rows[0]
    columns = _map_columns(plan, header_row, header)
    if plan.problems:
        return plan
    names = {field_name: header[index] for field_name, index in columns.items()}

    sub_goals = {sub_goal.code.upper(): sub_goal for sub_goal in SubGoal.objects.filter(strategy=strategy)}
    phases = {_normalise_phase(phase.name): phase for phase in Phase.objects.all()}
    phase_names = ", ".join(f"“{phase.name}”" for phase in phases.values())
    parsed: list[PlannedRow] = []
    seen_ids: dict[str, int] = {}
    seen_names: dict[tuple[str, int], int] = {}
    body = rows[1:]
    for number, cells in progress(body) if progress else body:
        plan.rows += 1
        row = _parse_row(plan, number, cells, columns, names, header, sub_goals, phases, phase_names)
        if row is None:
            continue
        if row.delivery_id:
            if row.delivery_id in seen_ids:
                plan.problems.append(
                    Problem(
                        number,
                        names["delivery_id"],
                        _("The delivery id %(id)s is also on row %(row)s.")
                        % {"id": row.delivery_id, "row": seen_ids[row.delivery_id]},
                    )
                )
                continue
            seen_ids[row.delivery_id] = number
        else:
            key = (row.title.casefold(), row.sub_goal.pk)
            if key in seen_names:
                plan.problems.append(
                    Problem(
                        number,
                        names["title"],
                        _("The same name and sub-goal without a delivery id is also on row %(row)s.")
                        % {"row": seen_names[key]},
                    )
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
                plan.problems.append(Problem(row.row, names["sub_goal"], error))
    return plan


def _map_columns(plan: ImportPlan, header_row: int, header: list[Any]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        field_name = HEADER_ALIASES.get(normalise_header(title))
        if field_name is None:
            if str(title or "").strip():
                plan.ignored_columns.append(str(title))
            continue
        if field_name in columns:
            plan.problems.append(
                Problem(
                    header_row,
                    f"{title} ({column_letter(index)})",
                    _("The column repeats %(column)s.") % {"column": header[columns[field_name]]},
                )
            )
            continue
        columns[field_name] = index
    for field_name in REQUIRED:
        if field_name not in columns:
            plan.problems.append(
                Problem(
                    header_row,
                    OFFICIAL_COLUMNS[field_name],
                    _("The column is missing (the header row must name it)."),
                )
            )
    return columns


def _parse_row(plan, number, cells, columns, names, header, sub_goals, phases, phase_names) -> PlannedRow | None:
    problems_before = len(plan.problems)

    def value(field_name: str) -> Any:
        index = columns.get(field_name)
        if index is None or index >= len(cells):
            return ""
        return cells[index] if cells[index] is not None else ""

    def problem(field_name: str, message: str) -> None:
        column = f"{names[field_name]} ({column_letter(columns[field_name])})"
        plan.problems.append(Problem(number, column, message))

    for index in range(len(header), len(cells)):
        if cells[index] not in ("", None):
            plan.problems.append(
                Problem(number, column_letter(index), _("There is a value in a column without a heading."))
            )

    title = re.sub(r"\s+", " ", str(value("title")))
    if not title:
        problem("title", _("The name is missing."))
    elif len(title) > 500:
        problem("title", _("The name is longer than 500 characters."))

    sub_goal = None
    code_text = str(value("sub_goal"))
    if not code_text:
        problem("sub_goal", _("The sub-goal code is missing."))
    else:
        sub_goal = find_sub_goal(code_text, sub_goals)
        if sub_goal is None:
            problem(
                "sub_goal",
                _("Unknown sub-goal code “%(code)s”; the strategy has %(codes)s.")
                % {"code": code_text, "codes": ", ".join(sorted(sub_goals))},
            )

    grouping_name = re.sub(r"\s+", " ", str(value("grouping"))) if "grouping" in columns else ""
    if grouping_name in EMPTY_MARKERS:
        grouping_name = ""
    elif len(grouping_name) > 300:
        problem("grouping", _("The grouping is longer than 300 characters."))

    phase = None
    phase_text = str(value("phase")) if "phase" in columns else ""
    if phase_text not in EMPTY_MARKERS:
        phase = phases.get(_normalise_phase(phase_text))
        if phase is None:
            problem(
                "phase",
                _("Unknown phase “%(phase)s”; allowed phases are %(phases)s.")
                % {"phase": phase_text, "phases": phase_names},
            )

    dates = {}
    for field_name in ("start_date", "end_date"):
        if field_name not in columns:
            dates[field_name] = None
            continue
        try:
            dates[field_name] = parse_date(value(field_name))
        except ValueError:
            dates[field_name] = None
            problem(
                field_name,
                _("“%(value)s” is not a date (write dd.mm.yyyy).") % {"value": value(field_name)},
            )
    if dates["start_date"] and dates["end_date"] and dates["end_date"] < dates["start_date"]:
        problem("end_date", _("The end date is before the start date."))

    delivery_id = str(value("delivery_id")).replace(" ", "").replace("\u00a0", "") if "delivery_id" in columns else ""
    if delivery_id in EMPTY_MARKERS:
        delivery_id = ""
    elif _SCIENTIFIC.match(delivery_id):
        problem(
            "delivery_id",
            _("The delivery id “%(id)s” has lost its digits (scientific notation); format the column as text.")
            % {"id": delivery_id},
        )
    elif not _DELIVERY_ID.match(delivery_id):
        problem("delivery_id", _("“%(id)s” is not a delivery id.") % {"id": delivery_id})

    if len(plan.problems) > problems_before:
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
