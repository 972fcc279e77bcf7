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

Both accept UTF-8 (with or without BOM) and Windows-1252 (Excel in a Norwegian locale), comma or
semicolon separators, blank lines and trailing empty columns.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

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

_SNIFF_BYTES = 256 * 1024
BREAKDOWNS = (DIMENSION, OPTIONAL_DIMENSION, CONSTANT, METRIC)


def open_text(stream) -> io.TextIOWrapper:
    """A text stream over ``stream``: UTF-8 if the start of the file decodes as UTF-8, else Windows-1252."""
    head = stream.read(_SNIFF_BYTES)
    stream.seek(0)
    try:
        # A multi-byte character may be cut at the end of the sample; ignore the last few bytes.
        head[:-4].decode("utf-8")
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        encoding = "cp1252"
    return io.TextIOWrapper(stream, encoding=encoding, newline="")


def header_line(text: io.TextIOWrapper) -> tuple[str, int]:
    """The first non-blank line of ``text`` and its number ("" if there is none).

    Raises ``FileError`` when it cannot be decoded: Windows-1252 leaves five bytes undefined
    (0x81, 0x8D, 0x8F, 0x90, 0x9D), and a byte-order mark promises UTF-8.
    """
    try:
        first, number = text.readline(), 1
        while first and not first.strip():
            first, number = text.readline(), number + 1
    except UnicodeDecodeError:
        raise FileError("The header row is neither UTF-8 nor Windows-1252 text.") from None
    return first, number


def _numbered(reader, header_line: int) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on (a quoted cell may span several lines).

    A file that stops decoding part-way, or that ``csv`` cannot read, is a ``FileError`` naming the line.
    """
    previous = 0
    try:
        for record in reader:
            yield header_line + previous + 1, record
            previous = reader.line_num
    except UnicodeDecodeError:
        line = header_line + previous + 1
        raise FileError(f"Line {line} is not UTF-8 text, as the start of the file is.") from None
    except csv.Error as error:
        raise FileError(f"Line {header_line + previous + 1} cannot be read: {error}.") from None


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


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
            raise FileError(f"The header row has no {' or '.join(missing)} column.")

    def rows(self) -> Iterator[RawRow]:
        text = open_text(self.stream)
        try:
            first, number = header_line(text)
            if not first.strip():
                raise FileError("The file is empty.")
            delimiter = _delimiter(first)
            headers = next(csv.reader([first], delimiter=delimiter))
            yield from self.rows_from(headers, _numbered(csv.reader(text, delimiter=delimiter), number))
        finally:
            # Leave the binary stream open for the caller (a text wrapper closes it when collected).
            text.detach()

    def rows_from(self, headers: list[str], numbered_records) -> Iterator[RawRow]:
        """Rows of a header plus ``(line number, record)`` pairs; shared with the XLSX reader."""
        columns = self.columns_for([str(h) if h is not None else "" for h in headers])
        self.check_header(columns)
        by_role: dict[str, int] = {}
        for column in columns:
            if column.role not in (*BREAKDOWNS, IGNORED, ATTRIBUTE):
                if column.role in by_role:
                    raise FileError(f"The header has more than one {column.role} column.")
                by_role[column.role] = column.index
        self.dimension_columns = [c for c in columns if c.role in BREAKDOWNS]
        self.attribute_columns = [c for c in columns if c.role == ATTRIBUTE]
        self.has_indicator_column = INDICATOR in by_role
        dim_indexes = [c.index for c in self.dimension_columns]
        attribute_indexes = [c.index for c in self.attribute_columns]
        period_i, value_i = by_role[PERIOD], by_role[VALUE]
        indicator_i, status_i, note_i = by_role.get(INDICATOR), by_role.get(STATUS), by_role.get(NOTE)
        width = len(columns)
        for number, record in numbered_records:
            if not record:
                continue  # blank line
            first = record[0]
            if (first is None or (first.__class__ is str and (not first or first.isspace()))) and not any(
                cell not in (None, "") and str(cell).strip() for cell in record
            ):
                continue  # a line of empty cells
            if len(record) < width:
                record = list(record) + [""] * (width - len(record))
            yield RawRow(
                where=f"row {number}",
                period=record[period_i],
                value=record[value_i],
                cells=tuple(record[i] for i in dim_indexes),
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

    def __init__(self, stream, *, file_name: str = "") -> None:
        super().__init__(stream, file_name=file_name)
        stem = Path(file_name).stem
        self.default_indicator = re.sub(r"^indicator_", "", stem) if stem else None

    def check_header(self, columns: list[Column]) -> None:
        names = [c.header for c in columns]
        if "Year" not in names or "Value" not in names:
            raise FileError("An Open SDG file needs the columns Year and Value.")


def looks_like_open_sdg(headers: list[str]) -> bool:
    names = [str(h).strip() for h in headers if h is not None]
    return "Year" in names and "Value" in names
