"""Check raw rows and turn them into resolved observations, collecting every problem with its place.

A resolved row is a plain tuple ``(indicator_id, period, period_key, breakdown_key, value, status,
note, attributes)``; ``status`` and ``note`` are None when the file does not give them (an existing
observation keeps its own then); ``attributes`` is None when the file has no attribute columns, ""
when this row has none, else the attributes as canonical JSON text. Values are rounded to the six
decimals the database keeps.

Beyond checking, the resolver reads statistics as publishers write them:

- **Slices.** ``where`` (``{"ContentsCode": "Boligindeks"}``) keeps the rows whose cell in that column
  is that code (or a label of it) and skips the others (``skipped``); a sliced column is no breakdown.
  A measure column (JSON-stat ``role.metric``) or Open SDG's ``Units``/``Series`` with several values
  and no slice is a problem that says which values there are.
- **Totals.** A blank cell, ``_T``, ``T``, ``TOTAL``, ``Total``, ``Totalt``, ``I alt``, ``Alle``, a code
  whose label is one of those or starts with "All categories" (the ONS census), and the dimension's
  own ``total_code`` mean the total of that dimension. A dimension value with one of the generic codes
  wins over the generic meaning; ``total_code`` always wins.
- **Attributes.** SDMX attribute columns become the observation's ``attributes``; an ``OBS_STATUS`` that
  is a Veikart status (``A``/"Normal value" final, ``P``/``p`` provisional) becomes its status instead.
  A row with no value and a "missing" status (SDMX ``M``, ``L``, ``O``, ``Q``, "Missing value…"), or
  a value cell of ``..``, ``.``, ``:`` or ``…``, is a hole: skipped (``holes``), not a problem.
- **New dimensions.** With ``create_dimensions``, a breakdown column no dimension matches becomes a new
  dimension and a cell no value matches a new value (``new_dimensions`` lists them; the service
  creates them). Codes are kept when they are valid codes, else made from the label.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext as _

from veikart.core.exchange.problems import Problem
from veikart.indicators.importers.base import DIMENSION, METRIC, OPTIONAL_DIMENSION, Column, RawRow, Reader
from veikart.indicators.models import (
    CODE_PATTERN,
    VALUE_DIGITS,
    VALUE_PLACES,
    Dimension,
    Indicator,
    Observation,
)
from veikart.indicators.periods import PeriodError, parse_period

MAX_PROBLEMS = 500
_QUANTUM = Decimal(1).scaleb(-VALUE_PLACES)
_LIMIT = Decimal(10) ** (VALUE_DIGITS - VALUE_PLACES)
_STATUSES = {
    "final": Observation.Status.FINAL,
    "f": Observation.Status.FINAL,
    "endelig": Observation.Status.FINAL,
    "a": Observation.Status.FINAL,  # SDMX "normal value"
    "provisional": Observation.Status.PROVISIONAL,
    "p": Observation.Status.PROVISIONAL,
    "foreløpig": Observation.Status.PROVISIONAL,
    "foreløpige tall": Observation.Status.PROVISIONAL,
    "normal value": Observation.Status.FINAL,  # the readable SDMX "A" of Open SDG files
    "provisional value": Observation.Status.PROVISIONAL,
}
# Totals as publishers write them (case-folded); a label that starts with ALL_CATEGORIES is one too.
TOTAL_WORDS = ("_t", "t", "total", "totalt", "i alt", "alle")
ALL_CATEGORIES = "all categories"
# OBS_STATUS values for "there is no value" (SDMX codes, case-folded); "missing…" in words too.
MISSING_STATUSES = {"m", "l", "o", "q", ".."}
# Value cells that say "no value" (Statistics Norway's ``..`` and ``.``, Eurostat's ``:``).
HOLE_MARKS = {"..", ".", ":", "…"}
MAX_BREAKDOWN_KEY = 255
_MAX_SEEN = 12  # values remembered per column for a "choose a slice" problem
_CODE = re.compile(CODE_PATTERN)


def as_problem(where: int | str, message: str, column: str = "") -> Problem:
    """The exchange layer's ``Problem`` for a place a reader gives: a row number, ``file``, or words."""
    if where.__class__ is int:
        return Problem(message, row=where, column=column)
    if where == "file":
        return Problem(message, column=column)
    return Problem(message, where=where, column=column)


@dataclass
class NewDimension:
    """A dimension (``is_new``) or the values of an existing one that an import creates; values by code."""

    code: str
    name: str
    is_new: bool
    values: dict[str, str] = field(default_factory=dict)


def is_total_label(text: str) -> bool:
    folded = text.strip().casefold()
    return folded in TOTAL_WORDS or folded.startswith(ALL_CATEGORIES)


def code_from(text: str, taken: set[str]) -> str:
    """A valid code for ``text`` (itself if it is one), not in ``taken`` (case-folded codes)."""
    text = text.strip()
    code = text if _CODE.match(text) and len(text) <= 40 else slugify(text)[:40].strip("-_.")
    code = code or "x"
    candidate, number = code, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{code[: 40 - len(str(number)) - 1]}-{number}"
    taken.add(candidate.casefold())
    return candidate


def parse_where(pairs: list[str]) -> dict[str, str]:
    """``["ContentsCode=Boligindeks", "Boligtype=00"]`` → ``{"ContentsCode": "Boligindeks", …}``.

    Raises ``ValueError`` naming the first pair that is not ``DIMENSION=CODE``.
    """
    where = {}
    for pair in pairs:
        name, sign, code = pair.partition("=")
        if not sign or not name.strip() or not code.strip():
            raise ValueError(_("%(pair)r is not DIMENSION=CODE.") % {"pair": pair.strip()})
        where[name.strip()] = code.strip()
    return where


def _blank(cell: Any) -> bool:
    if cell.__class__ is str:
        return not cell or cell.isspace()
    return cell is None


def parse_value(cell: Any) -> Decimal:
    """A decimal from a cell: numbers as they are; text with a point or a Norwegian decimal comma."""
    if cell.__class__ is str:  # the common case first: a plain number in the text of a CSV cell
        try:
            value = Decimal(cell)
        except InvalidOperation:
            pass
        else:
            if value.is_finite() and abs(value) < _LIMIT:
                return value.quantize(_QUANTUM)
    if isinstance(cell, bool):
        raise ValueError(_("The value %(value)r is not a number.") % {"value": cell})
    if isinstance(cell, int | Decimal):
        value = Decimal(cell)
    elif isinstance(cell, float):
        value = Decimal(repr(cell))
    else:
        try:
            value = Decimal(cell)  # the common case: a plain number in text
        except InvalidOperation:
            text = str(cell).strip().replace("\u2212", "-").replace("\xa0", "").replace(" ", "")
            if "," in text and "." not in text:
                text = text.replace(",", ".")
            try:
                value = Decimal(text)
            except InvalidOperation:
                raise ValueError(_("The value %(value)r is not a number.") % {"value": str(cell).strip()}) from None
    if not value.is_finite():
        raise ValueError(_("The value %(value)r is not a number.") % {"value": cell})
    if abs(value) >= _LIMIT:
        raise ValueError(_("The value %(value)s is too large.") % {"value": cell})
    return value.quantize(_QUANTUM)


class Resolver:
    """Resolves the rows of one reader; ``problems`` and ``problem_count`` hold what was wrong.

    ``indicators`` limits the rows to those indicators (the ones the importing user may import); a row
    for any other is a problem that does not tell whether that indicator exists.
    """

    def __init__(
        self,
        reader: Reader,
        *,
        indicator_code: str | None = None,
        indicators: QuerySet[Indicator] | None = None,
        where: dict[str, str] | None = None,
        create_dimensions: bool = False,
    ) -> None:
        self.reader = reader
        self.where = dict(where or {})
        self.create_dimensions = create_dimensions
        self.skipped = 0  # rows outside the slice
        self.holes = 0  # rows without a value that say so
        self.new_dimensions: dict[str, NewDimension] = {}
        self.forced_indicator = indicator_code
        self.limited = indicators is not None
        allowed = Indicator.objects.all() if indicators is None else indicators
        self.indicators = {
            i.code.casefold(): i for i in allowed.only("id", "code", "measure_type", "scale_min", "scale_max")
        }
        self.problems: list[Problem] = []
        self.problem_count = 0
        self.rows = 0
        self._counts: Counter[int] = Counter()
        self._id_and_bounds_cache: dict[int, tuple] = {}
        self._seen: set[int] = set()
        self._breakdown_ids: dict[str, int] = {}
        self._columns: list[tuple[int, str, dict[str, str], str, Column | None]] | None = None
        self._filters: list[tuple[int, set, set, Column]] = []
        self._filter_seen: dict[int, list] = {}
        self._filter_hits: Counter[int] = Counter()
        self._single: list[tuple[int, Column]] = []
        self._single_seen: dict[int, list] = {}
        self._attribute_keys: list[str] = []
        self._attribute_cells: list[int] = []  # positions in ``cells`` of non-breakdown columns kept as attributes
        self._attribute_memo: dict[tuple, tuple] = {}
        self._value_codes: dict[str, set[str]] = {}  # case-folded value codes per dimension, for new codes
        self._last_cell: Any = None
        self._last_indicator: Indicator | None = None

    def problem(self, where: int | str, message: str, column: str = "") -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(as_problem(where, message, column))

    def _prepare_columns(self) -> None:
        """Match breakdown columns to dimensions once, when the reader has read its header.

        Sets up the slice filters, the lookups (cell text → the finished "dimension=code" pair, "" for
        a total), the columns kept as attributes and the columns that must hold a single value.
        """
        dimensions: dict[str, tuple[str, dict[str, str], str]] = {}
        taken_dimension_codes = set()
        for dimension in Dimension.objects.prefetch_related("values"):
            lookup: dict[str, str] = {}
            # A label two values share (Herøy is two municipalities) matches neither: only its code does.
            shared = Counter(value.label.casefold() for value in dimension.values.all())
            for value in dimension.values.all():
                if shared[value.label.casefold()] == 1:
                    lookup[value.label.casefold()] = value.code
            for value in dimension.values.all():
                lookup[value.code.casefold()] = value.code  # codes win over labels
                lookup[value.code] = value.code
            self._value_codes[dimension.code] = {value.code.casefold() for value in dimension.values.all()}
            dimensions[dimension.code.casefold()] = (dimension.code, lookup, dimension.total_code)
            dimensions.setdefault(dimension.name.casefold(), (dimension.code, lookup, dimension.total_code))
            taken_dimension_codes.add(dimension.code.casefold())
        sliced = self._prepare_filters(dimensions)
        columns = []
        for position, column in enumerate(self.reader.dimension_columns):
            match = dimensions.get(column.header.casefold()) or dimensions.get(column.label.casefold() or "\0")
            if position in sliced or (match is None and column.role != DIMENSION):
                if column.attribute:
                    self._attribute_cells.append(position)
                if position not in sliced and match is None and column.role in (METRIC, OPTIONAL_DIMENSION):
                    self._single.append((position, column))
                continue
            if match is None and not self.create_dimensions:
                known = ", ".join(sorted({code for code, _lookup, _total in dimensions.values()})) or _("none")
                self.problem(
                    "header",
                    _("%(column)r is not a known dimension (known: %(known)s).")
                    % {"column": column.header, "known": known},
                    column.header,
                )
                continue
            if match is None:
                code = code_from(column.header, taken_dimension_codes)
                self.new_dimensions[code] = NewDimension(code, (column.label or column.header)[:200], is_new=True)
                self._value_codes[code] = set()
                match = (code, {}, "")
            dimension_code, values, total_code = match
            pairs = {text: f"{dimension_code}={code}" for text, code in values.items()}
            for word in TOTAL_WORDS:
                if word not in values:
                    pairs[word] = ""
            for code, label in (column.labels or {}).items():
                if is_total_label(label) or is_total_label(code):
                    pairs[code] = ""
                elif code not in pairs and label.casefold() in values:
                    pairs[code] = f"{dimension_code}={values[label.casefold()]}"  # a code of the file, our label
            for text in ("_T", "T", "TOTAL", "Total", "I alt", "Alle"):
                if pairs.get(text.casefold()) == "" and text not in values:
                    pairs[text] = ""
            if total_code:
                pairs[total_code] = pairs[total_code.casefold()] = ""
            columns.append((position, dimension_code, pairs, column.header, column if self.create_dimensions else None))
        # Sorted by dimension code, so the breakdown key comes out canonical.
        columns.sort(key=lambda item: item[1])
        self._columns = columns
        self._attribute_keys = [c.attribute for c in self.reader.attribute_columns] + [
            self.reader.dimension_columns[p].attribute for p in self._attribute_cells
        ]

    def _prepare_filters(self, dimensions: dict) -> set[int]:
        """The slice (``where``) as filters on columns; returns the positions of the sliced columns."""
        sliced = set()
        for name, wanted in self.where.items():
            folded = name.strip().casefold()
            found = None
            for position, column in enumerate(self.reader.dimension_columns):
                match = dimensions.get(column.header.casefold())
                names = {column.header.casefold(), column.label.casefold()}
                if folded in names or (match is not None and folded == match[0].casefold()):
                    found = (position, column, match)
                    break
            if found is None:
                headers = ", ".join(c.header for c in self.reader.dimension_columns) or _("none")
                self.problem(
                    "where",
                    _("The file has no dimension %(name)r to slice by (its dimensions: %(headers)s).")
                    % {"name": name, "headers": headers},
                )
                continue
            position, column, match = found
            wanted = wanted.strip()
            accepted = {wanted}
            for code, label in (column.labels or {}).items():
                if label.strip().casefold() == wanted.casefold():
                    accepted.add(code)
            if match is not None and wanted.casefold() in match[1]:
                accepted.add(match[1][wanted.casefold()])
            self._filters.append((position, accepted, {text.casefold() for text in accepted}, column))
            sliced.add(position)
        return sliced

    def _finish(self) -> None:
        """Problems that only the whole file shows: a slice that matched nothing, a column that needs one."""
        found = []
        for position, _accepted, _folded, column in self._filters:
            if not self._filter_hits[position]:
                seen = self._filter_seen.get(position, [])
                found.append(
                    as_problem(
                        "file",
                        _("No row has %(column)s = %(value)s; it has %(values)s.")
                        % {
                            "column": column.header,
                            "value": self.where_value(column),
                            "values": ", ".join(map(str, seen)) or _("no rows"),
                        },
                    )
                )
        for position, column in self._single:
            seen = self._single_seen.get(position, [])
            if len(seen) > 1:
                more = "…" if len(seen) >= _MAX_SEEN else ""
                found.append(
                    as_problem(
                        "file",
                        _(
                            "Choose a slice: %(column)s has %(count)s values (%(values)s); give one, "
                            "e.g. %(column)s=%(first)s (--where on the command line)."
                        )
                        % {
                            "column": column.header,
                            "count": f"{len(seen)}{'+' if more else ''}",
                            "values": ", ".join(map(str, seen)) + more,
                            "first": seen[0],
                        },
                    )
                )
        if found:
            self.problems[:0] = found
            self.problem_count += len(found)
            del self.problems[MAX_PROBLEMS:]

    def where_value(self, column: Column) -> str:
        for name, wanted in self.where.items():
            if name.strip().casefold() in (column.header.casefold(), column.label.casefold()):
                return wanted
        return next(iter(self.where.values()), "")

    def _new_value(self, dimension_code: str, pairs: dict[str, str], column: Column, text: str) -> str:
        """The pair for a value the file brings and Veikart lacks, planned for creation."""
        label = ((column.labels or {}).get(text) or text).strip()
        new = self.new_dimensions.get(dimension_code)
        if new is None:
            dimension = Dimension.objects.get(code=dimension_code)
            new = self.new_dimensions[dimension_code] = NewDimension(dimension.code, dimension.name, is_new=False)
        code = code_from(text if _CODE.match(text) else label, self._value_codes[dimension_code])
        new.values[code] = label[:200]
        pair = pairs[text] = pairs[text.casefold()] = f"{dimension_code}={code}"
        return pair

    def _attributes_of(self, cells: tuple) -> tuple:
        """(status, attributes as JSON text or "", whether they say the value is missing) of attribute cells."""
        found: dict[str, str] = {}
        status, missing = None, False
        for key, cell in zip(self._attribute_keys, cells, strict=False):
            if _blank(cell):
                continue
            text = str(cell).strip()
            folded = text.casefold()
            if key == "OBS_STATUS":
                if folded in _STATUSES:
                    status = _STATUSES[folded]
                    continue
                if folded in MISSING_STATUSES or folded.startswith("missing"):
                    missing = True
            found[key] = text
        text = json.dumps(found, ensure_ascii=False, sort_keys=True, separators=(",", ":")) if found else ""
        return status, text, missing

    def _indicator(self, row: RawRow) -> Indicator | None:
        cell = row.indicator if self.reader.has_indicator_column else None
        if cell is not None and cell == self._last_cell:
            return self._last_indicator
        indicator = self._find_indicator(row, cell)
        if cell is not None and indicator is not None:
            self._last_cell, self._last_indicator = cell, indicator
        return indicator

    def _find_indicator(self, row: RawRow, cell: Any) -> Indicator | None:
        code = self.forced_indicator or (None if _blank(cell) else str(cell).strip()) or self.reader.default_indicator
        if not code:
            self.problem(row.where, _("No indicator: give the indicator code (--indicator) or an indicator column."))
            return None
        if self.forced_indicator and not _blank(cell) and str(cell).strip().casefold() != code.casefold():
            self.problem(
                row.where,
                _("The row is for %(row)r, not %(code)r.") % {"row": str(cell).strip(), "code": code},
                "indicator",
            )
            return None
        indicator = self.indicators.get(code.casefold())
        if indicator is None and self.limited:
            self.problem(
                row.where,
                _("%(code)r is not one of the indicators you may import data for.") % {"code": code},
                "indicator",
            )
        elif indicator is None:
            self.problem(row.where, _("%(code)r is not a known indicator.") % {"code": code}, "indicator")
        return indicator

    def resolve(self, rows: Iterable[RawRow]) -> Iterator[tuple]:
        for row in rows:
            if self._columns is None:
                self._prepare_columns()
            self.rows += 1
            resolved = self._resolve(row)
            if resolved is not None:
                yield resolved
        if self._columns is None and (self.reader.dimension_columns or self.where):
            self._prepare_columns()
        self._finish()

    def _id_and_bounds(self, indicator: Indicator) -> tuple:
        """(id, lowest, highest) of the indicator, looked up once per indicator."""
        facts = self._id_and_bounds_cache.get(id(indicator))
        if facts is None:
            facts = self._id_and_bounds_cache[id(indicator)] = (indicator.pk, *indicator.bounds)
        return facts

    def _resolve(self, row: RawRow) -> tuple | None:
        # Written for speed: this runs once per row of files with millions of rows.
        cells = row.cells
        if self._filters and not self._in_slice(cells):
            self.skipped += 1
            return None
        attributes = None
        attribute_status = None
        missing = False
        if self._attribute_keys:
            given = row.attributes or ()
            if self._attribute_cells:
                given = (*given, *[cells[p] for p in self._attribute_cells])
            facts = self._attribute_memo.get(given)
            if facts is None:
                facts = self._attribute_memo[given] = self._attributes_of(given)
            attribute_status, attributes, missing = facts
        if self._single:
            self._note_single(cells)
        before = self.problem_count
        where = row.where
        if row.value is None or (missing and _blank(row.value)):  # None: JSON-stat's null
            self.holes += 1
            return None
        indicator = self._indicator(row)
        period = None
        raw_period = row.period
        if _blank(raw_period):
            self.problem(where, _("The period is missing."), "period")
        else:
            try:
                period = parse_period(raw_period if raw_period.__class__ is str else str(raw_period))
            except PeriodError as error:
                self.problem(where, str(error), "period")
        value = None
        if _blank(row.value):
            self.problem(where, _("The value is missing."), "value")
        else:
            try:
                value = parse_value(row.value)
            except ValueError as error:
                if str(row.value).strip() in HOLE_MARKS:
                    self.holes += 1
                    return None
                self.problem(where, str(error), "value")
        indicator_id = None
        if indicator is not None:
            indicator_id, low, high = self._id_and_bounds(indicator)
            if value is not None and ((low is not None and value < low) or (high is not None and value > high)):
                self.problem(where, indicator.value_error(value), "value")
        pairs = []
        for position, dimension_code, lookup, header, creating in self._columns:
            cell = cells[position]
            pair = lookup.get(cell)
            if pair is None:
                if _blank(cell):
                    continue
                text = str(cell).strip()
                pair = lookup.get(text)
                if pair is None:
                    pair = lookup.get(text.casefold())
                if pair is None and text.casefold().startswith(ALL_CATEGORIES):
                    pair = lookup[text] = ""  # the ONS census's "All categories: Age"
                if pair is None and creating is not None:
                    pair = self._new_value(dimension_code, lookup, creating, text)
                if pair is None:
                    self.problem(
                        where,
                        _("%(text)r is not a value of the dimension %(dimension)r.")
                        % {"text": text, "dimension": dimension_code},
                        header,
                    )
                    continue
            if pair:
                pairs.append(pair)
        status = attribute_status
        if row.status is not None and not _blank(row.status):
            status = _STATUSES.get(str(row.status).strip().casefold())
            if status is None:
                self.problem(
                    where, _("%(status)r is not a status (final or provisional).") % {"status": row.status}, "status"
                )
        note = None if row.note is None else str(row.note).strip()
        if self.problem_count != before or indicator is None or period is None or value is None:
            return None
        breakdown_key = "|".join(pairs)
        breakdown_id = self._breakdown_ids.get(breakdown_key)
        if breakdown_id is None:
            if len(breakdown_key) > MAX_BREAKDOWN_KEY:
                self.problem(
                    where,
                    _("The breakdown %(key)s is longer than %(limit)s characters; use shorter codes.")
                    % {"key": breakdown_key, "limit": MAX_BREAKDOWN_KEY},
                )
                return None
            breakdown_id = self._breakdown_ids[breakdown_key] = len(self._breakdown_ids)
        key = (indicator_id << 58) | (period.sort_key << 24) | breakdown_id
        if key in self._seen:
            place = f"{period.text}, " + (breakdown_key or _("total"))
            self.problem(
                where, _("A second value for %(indicator)s %(place)s.") % {"indicator": indicator.code, "place": place}
            )
            return None
        self._seen.add(key)
        self._counts[indicator_id] += 1
        return (indicator_id, period.text, period.sort_key, breakdown_key, value, status, note, attributes)

    def _in_slice(self, cells: tuple) -> bool:
        inside = True
        for position, accepted, folded, _column in self._filters:
            cell = cells[position]
            if cell in accepted or str(cell).strip().casefold() in folded:
                self._filter_hits[position] += 1
                continue
            seen = self._filter_seen.setdefault(position, [])
            if len(seen) < _MAX_SEEN and cell not in seen:
                seen.append(cell)
            inside = False
        return inside

    def _note_single(self, cells: tuple) -> None:
        for position, _column in self._single:
            cell = cells[position]
            seen = self._single_seen.setdefault(position, [])
            if cell not in seen and len(seen) < _MAX_SEEN:
                seen.append(cell)

    @property
    def per_indicator(self) -> dict[str, int]:
        """Rows per indicator code, for the rows without problems."""
        codes = {indicator.pk: code for code, indicator in ((i.code, i) for i in self.indicators.values())}
        return {codes[pk]: count for pk, count in self._counts.items() if count}
