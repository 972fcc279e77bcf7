"""Check raw rows and turn them into resolved observations, collecting every problem with its place.

A resolved row is a plain tuple ``(indicator_id, period, period_key, breakdown_key, value, status,
note)``; ``status`` and ``note`` are None when the file does not give them (an existing observation
keeps its own then). Values are rounded to the six decimals the database keeps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import QuerySet

from veikart.core.exchange.problems import Problem
from veikart.indicators.importers.base import DIMENSION, RawRow, Reader
from veikart.indicators.models import VALUE_DIGITS, VALUE_PLACES, Dimension, Indicator, Observation
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
}


def as_problem(where: int | str, message: str, column: str = "") -> Problem:
    """The exchange layer's ``Problem`` for a place a reader gives: a row number, ``file``, or words."""
    if where.__class__ is int:
        return Problem(message, row=where, column=column)
    if where == "file":
        return Problem(message, column=column)
    return Problem(message, where=where, column=column)


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
        raise ValueError("is not a number")
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
                raise ValueError(f"{str(cell).strip()!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{cell!r} is not a number")
    if abs(value) >= _LIMIT:
        raise ValueError(f"{cell} is too large")
    return value.quantize(_QUANTUM)


class Resolver:
    """Resolves the rows of one reader; ``problems`` and ``problem_count`` hold what was wrong.

    ``indicators`` limits the rows to those indicators (the ones the importing user may import); a row
    for any other is a problem that does not tell whether that indicator exists.
    """

    def __init__(
        self, reader: Reader, *, indicator_code: str | None = None, indicators: QuerySet[Indicator] | None = None
    ) -> None:
        self.reader = reader
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
        self._columns: list[tuple[int, str, dict[str, str], str]] | None = None
        self._last_cell: Any = None
        self._last_indicator: Indicator | None = None

    def problem(self, where: int | str, message: str, column: str = "") -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(as_problem(where, message, column))

    def _prepare_columns(self) -> None:
        """Match breakdown columns to dimensions once, when the reader has read its header."""
        dimensions = {}
        for dimension in Dimension.objects.prefetch_related("values"):
            lookup = {}
            for value in dimension.values.all():
                lookup[value.label.casefold()] = value.code
            for value in dimension.values.all():
                lookup[value.code.casefold()] = value.code  # codes win over labels
                lookup[value.code] = value.code
            dimensions[dimension.code.casefold()] = (dimension.code, lookup)
            dimensions.setdefault(dimension.name.casefold(), (dimension.code, lookup))
        columns = []
        for position, column in enumerate(self.reader.dimension_columns):
            match = dimensions.get(column.header.casefold())
            if match is None:
                if column.role == DIMENSION:
                    known = ", ".join(sorted(code for code, _lookup in dimensions.values())) or "none"
                    self.problem(
                        "header", f"{column.header!r} is not a known dimension (known: {known}).", column.header
                    )
                continue
            # Cell text → the finished "dimension=code" pair, so a row only looks its cells up.
            pairs = {text: f"{match[0]}={code}" for text, code in match[1].items()}
            columns.append((position, match[0], pairs, column.header))
        # Sorted by dimension code, so the breakdown key comes out canonical.
        columns.sort(key=lambda item: item[1])
        self._columns = columns

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
            self.problem(row.where, "No indicator: give the indicator code (--indicator) or an indicator column.")
            return None
        if self.forced_indicator and not _blank(cell) and str(cell).strip().casefold() != code.casefold():
            self.problem(row.where, f"The row is for {str(cell).strip()!r}, not {code!r}.", "indicator")
            return None
        indicator = self.indicators.get(code.casefold())
        if indicator is None and self.limited:
            self.problem(row.where, f"{code!r} is not one of the indicators you may import data for.", "indicator")
        elif indicator is None:
            self.problem(row.where, f"{code!r} is not a known indicator.", "indicator")
        return indicator

    def resolve(self, rows: Iterable[RawRow]) -> Iterator[tuple]:
        for row in rows:
            if self._columns is None:
                self._prepare_columns()
            self.rows += 1
            resolved = self._resolve(row)
            if resolved is not None:
                yield resolved
        if self._columns is None and self.reader.dimension_columns:
            self._prepare_columns()

    def _id_and_bounds(self, indicator: Indicator) -> tuple:
        """(id, lowest, highest) of the indicator, looked up once per indicator."""
        facts = self._id_and_bounds_cache.get(id(indicator))
        if facts is None:
            facts = self._id_and_bounds_cache[id(indicator)] = (indicator.pk, *indicator.bounds)
        return facts

    def _resolve(self, row: RawRow) -> tuple | None:
        # Written for speed: this runs once per row of files with millions of rows.
        before = self.problem_count
        where = row.where
        indicator = self._indicator(row)
        period = None
        raw_period = row.period
        if _blank(raw_period):
            self.problem(where, "The period is missing.", "period")
        else:
            try:
                period = parse_period(raw_period if raw_period.__class__ is str else str(raw_period))
            except PeriodError as error:
                self.problem(where, str(error), "period")
        value = None
        if _blank(row.value):
            self.problem(where, "The value is missing.", "value")
        else:
            try:
                value = parse_value(row.value)
            except ValueError as error:
                self.problem(where, f"The value {error}.", "value")
        indicator_id = None
        if indicator is not None:
            indicator_id, low, high = self._id_and_bounds(indicator)
            if value is not None and ((low is not None and value < low) or (high is not None and value > high)):
                self.problem(where, indicator.value_error(value), "value")
        pairs = []
        cells = row.cells
        for position, dimension_code, lookup, header in self._columns:
            cell = cells[position]
            pair = lookup.get(cell)
            if pair is None:
                if _blank(cell):
                    continue
                text = str(cell).strip()
                pair = lookup.get(text.casefold())
                if pair is None:
                    self.problem(where, f"{text!r} is not a value of the dimension {dimension_code!r}.", header)
                    continue
            pairs.append(pair)
        status = None
        if row.status is not None and not _blank(row.status):
            status = _STATUSES.get(str(row.status).strip().casefold())
            if status is None:
                self.problem(where, f"{row.status!r} is not a status (final or provisional).", "status")
        note = None if row.note is None else str(row.note).strip()
        if self.problem_count != before or indicator is None or period is None or value is None:
            return None
        breakdown_key = "|".join(pairs)
        breakdown_id = self._breakdown_ids.get(breakdown_key)
        if breakdown_id is None:
            breakdown_id = self._breakdown_ids[breakdown_key] = len(self._breakdown_ids)
        key = (indicator_id << 58) | (period.sort_key << 24) | breakdown_id
        if key in self._seen:
            place = f"{period.text}" + (f", {breakdown_key}" if breakdown_key else ", total")
            self.problem(where, f"A second value for {indicator.code} {place}.")
            return None
        self._seen.add(key)
        self._counts[indicator_id] += 1
        return (indicator_id, period.text, period.sort_key, breakdown_key, value, status, note)

    @property
    def per_indicator(self) -> dict[str, int]:
        """Rows per indicator code, for the rows without problems."""
        codes = {indicator.pk: code for code, indicator in ((i.code, i) for i in self.indicators.values())}
        return {codes[pk]: count for pk, count in self._counts.items() if count}
