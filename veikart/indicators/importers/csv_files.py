"""Tidy CSV and the Open SDG indicator CSV.

Tidy CSV: a ``period`` column, a ``value`` column, any number of dimension columns (one per
dimension, named by the dimension's code or name; a blank cell means "all", i.e. the total for that
dimension), optionally ``indicator``, ``status`` and ``note``, and attribute columns named by their
SDMX code (``OBS_STATUS``, ``UNIT_MULT``…, see ``base.ATTRIBUTES``; written in capitals, as exports
write them).

Open SDG: ``Year``, optional ``Units``/``Series``/``GeoCode``, disaggregation columns and ``Value``
(last). ``Units`` and ``Series`` are breakdowns when a dimension of that code exists; otherwise they
are attributes (``UNIT_MEASURE``, ``SERIES``) and must hold one value, or the file is sliced to one
(``--where Units=…``). ``GeoCode`` repeats a geography already given and is ignored. ``OBS_STATUS``
or "Observation status", ``UNIT_MULT`` or "Unit multiplier" and the other SDMX attributes are kept as
attributes; ``COMMENT_OBS`` is the note. The indicator is the ``--indicator`` option or the file name
(``indicator_3-1-1.csv`` → ``3-1-1``).

Both are read by the exchange layer (``core.exchange.csv_text``): UTF-8 with or without BOM, UTF-16,
Windows-1252 (Excel in a Norwegian locale), comma, semicolon or tab separators, blank lines and
trailing empty columns, within its limits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path

from django.utils.translation import gettext as _

from veikart.core.exchange.csv_text import read_csv
from veikart.indicators.importers.base import (
    ATTRIBUTE,
    ATTRIBUTE_NAMES,
    ATTRIBUTES,
    CONSTANT,
    DIMENSION,
    IGNORED,
    INDICATOR,
    METRIC,
    NOTE,
    OPTIONAL_DIMENSION,
    PERIOD,
    STATUS,
    VALUE,
    Column,
    FileError,
    RawRow,
    Reader,
)

BREAKDOWNS = (DIMENSION, OPTIONAL_DIMENSION, CONSTANT, METRIC)


def _no_cells(_record) -> tuple:
    return ()


class TidyCsvReader(Reader):
    format_name = "tidy-csv"
    ROLES = {
        "indicator": INDICATOR,
        "indikator": INDICATOR,
        "period": PERIOD,
        "periode": PERIOD,
        "value": VALUE,
        "verdi": VALUE,
        "status": STATUS,
        "note": NOTE,
        "merknad": NOTE,
    }

    def role_of(self, name: str) -> str:
        if name in ATTRIBUTES:
            return ATTRIBUTE
        return self.ROLES.get(name.casefold(), DIMENSION)

    def columns_for(self, headers: list[str]) -> list[Column]:
        columns = []
        for index, header in enumerate(headers):
            name = header.strip()
            role = self.role_of(name)
            if not name:
                role = IGNORED  # trailing empty columns from spreadsheets
            columns.append(Column(name, role, index, attribute=ATTRIBUTE_NAMES.get(name.casefold(), "")))
        return columns

    def check_header(self, columns: list[Column]) -> None:
        roles = {column.role for column in columns}
        missing = [name for name, role in (("period", PERIOD), ("value", VALUE)) if role not in roles]
        if missing:
            raise FileError(_("The header row has no %(columns)s column.") % {"columns": _(" or ").join(missing)})

    def rows(self) -> Iterator[RawRow]:
        table = read_csv(self.stream, limits=self.limits)
        yield from self.rows_from(table.header, table.records)

    def rows_from(self, headers: list[str], numbered_records) -> Iterator[RawRow]:
        """Rows of a header plus ``(row number, record)`` pairs of a ``core.exchange`` table (CSV or XLSX)."""
        columns = self.columns_for([str(h) if h is not None else "" for h in headers])
        self.check_header(columns)
        by_role: dict[str, int] = {}
        for column in columns:
            if column.role not in (*BREAKDOWNS, IGNORED, ATTRIBUTE):
                if column.role in by_role:
                    raise FileError(_("The header has more than one %(role)s column.") % {"role": column.role})
                by_role[column.role] = column.index
        self.dimension_columns = [c for c in columns if c.role in BREAKDOWNS]
        self.attribute_columns = [c for c in columns if c.role == ATTRIBUTE]
        self.has_indicator_column = INDICATOR in by_role
        dim_indexes = [c.index for c in self.dimension_columns]
        attribute_indexes = [c.index for c in self.attribute_columns]
        period_i, value_i = by_role[PERIOD], by_role[VALUE]
        indicator_i, status_i, note_i = by_role.get(INDICATOR), by_role.get(STATUS), by_role.get(NOTE)
        width = len(columns)
        # A tuple of the breakdown cells, picked by C code: this runs once per row of millions.
        if len(dim_indexes) > 1:
            cells_of = itemgetter(*dim_indexes)
        elif dim_indexes:
            only = dim_indexes[0]

            def cells_of(record, only=only) -> tuple:
                return (record[only],)

        else:
            cells_of = _no_cells
        # The exchange layer's tables hold no blank records: every record here has a cell with text.
        for number, record in numbered_records:
            if len(record) < width:
                record = list(record) + [""] * (width - len(record))
            yield RawRow(
                where=number,
                period=record[period_i],
                value=record[value_i],
                cells=cells_of(record),
                indicator=record[indicator_i] if indicator_i is not None else None,
                status=record[status_i] if status_i is not None else None,
                note=record[note_i] if note_i is not None else None,
                attributes=tuple([record[i] for i in attribute_indexes]) if attribute_indexes else None,
            )


class OpenSdgCsvReader(TidyCsvReader):
    format_name = "open-sdg-csv"
    ROLES = {
        "year": PERIOD,
        "value": VALUE,
        "units": OPTIONAL_DIMENSION,
        "series": OPTIONAL_DIMENSION,
        "geocode": IGNORED,
        "comment_obs": NOTE,
    }

    def role_of(self, name: str) -> str:
        role = self.ROLES.get(name.casefold())
        if role is not None:
            return role
        return ATTRIBUTE if name.casefold() in ATTRIBUTE_NAMES else DIMENSION

    def __init__(self, stream, *, file_name: str = "", limits=None) -> None:
        super().__init__(stream, file_name=file_name, limits=limits)
        stem = Path(file_name).stem
        self.default_indicator = re.sub(r"^indicator_", "", stem) if stem else None

    def check_header(self, columns: list[Column]) -> None:
        names = [c.header for c in columns]
        if "Year" not in names or "Value" not in names:
            raise FileError(_("An Open SDG file needs the columns Year and Value."))


def looks_like_open_sdg(headers: list[str]) -> bool:
    names = [str(h).strip() for h in headers if h is not None]
    return "Year" in names and "Value" in names
