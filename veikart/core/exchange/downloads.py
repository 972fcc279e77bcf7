"""One download builder: a header and rows out as CSV, XLSX or JSON, and the response that sends them.

- **CSV** opens in Norwegian Excel as it is: semicolons, a byte-order mark (so Excel reads UTF-8),
  ``\\r\\n`` line ends; numbers with a decimal comma and dates as ``dd.mm.yyyy`` in bokmål and
  nynorsk, with a decimal point and ISO dates in English (``dialect_for``). Numbers are never
  written in scientific notation.
- **XLSX**: one sheet (``xlsx_bytes``), or several (``xlsx_workbook_bytes``), in write-only mode (rows streamed to the file, not held as cells); numbers as
  numbers, dates as date cells, text as text cells.
- **JSON**: UTF-8, non-ASCII characters as they are.

No cell becomes a formula (``neutralise``): a text cell that starts like one is written with an
apostrophe in CSV and typed as text in XLSX; the readers turn it back into the same value.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import get_language

from veikart.core.exchange.neutralise import FORMULA_STARTS, neutralise_cell

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}
_BOM = "\ufeff"
# The first characters that make a text cell need ``neutralise_cell`` (an apostrophe may be one's first half).
_RISKY_TEXT_START = frozenset((*FORMULA_STARTS, "'"))


@dataclass(frozen=True, slots=True)
class CsvDialect:
    delimiter: str
    decimal_mark: str
    date_format: str


NORWEGIAN = CsvDialect(delimiter=";", decimal_mark=",", date_format="%d.%m.%Y")
ENGLISH = CsvDialect(delimiter=";", decimal_mark=".", date_format="%Y-%m-%d")


def dialect_for(language: str | None = None) -> CsvDialect:
    """The CSV dialect of ``language`` (default: the active one): Norwegian but in English."""
    return ENGLISH if (language or get_language() or "nb").startswith("en") else NORWEGIAN


def plain_number(value: Decimal | int | float, decimal_mark: str = ".") -> str:
    """``274`` rather than ``274.000000``, ``0.0001`` rather than ``1E-4``; with the decimal mark given."""
    if isinstance(value, int):
        return str(value)
    text = format(Decimal(repr(value)) if isinstance(value, float) else value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("", "-0"):
        text = "0"
    return text.replace(".", decimal_mark) if decimal_mark != "." else text


def csv_cell(value: Any, dialect: CsvDialect) -> str:
    """One value as a CSV cell in ``dialect``."""
    if value is None:
        return ""
    if value.__class__ is str:
        return neutralise_cell(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal | float):
        return plain_number(value, dialect.decimal_mark)
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.strftime(dialect.date_format)
    return neutralise_cell(str(value))


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_chunks(header: list[str], rows: Iterable[Iterable[Any]], *, dialect: CsvDialect) -> Iterator[bytes]:
    """The CSV document, a few hundred rows at a time (for a streaming response); starts with a byte-order mark."""
    writer = csv.writer(_Echo(), delimiter=dialect.delimiter, lineterminator="\r\n")
    lines = [_BOM, writer.writerow([neutralise_cell(str(title)) for title in header])]
    risky = _RISKY_TEXT_START
    for row in rows:
        # Most cells are text that starts like no formula: written as they are, without a call per cell.
        cells = [
            value if value.__class__ is str and value[:1] not in risky else csv_cell(value, dialect) for value in row
        ]
        lines.append(writer.writerow(cells))
        if len(lines) >= 500:
            yield "".join(lines).encode("utf-8")
            lines = []
    yield "".join(lines).encode("utf-8")


def csv_bytes(header: list[str], rows: Iterable[Iterable[Any]], *, dialect: CsvDialect) -> bytes:
    return b"".join(csv_chunks(header, rows, dialect=dialect))


@dataclass(frozen=True)
class Sheet:
    """One worksheet of a download: its title (at most 31 characters, as a spreadsheet allows), header and rows."""

    title: str
    header: list[str]
    rows: Iterable[Iterable[Any]]


def xlsx_bytes(
    header: list[str], rows: Iterable[Iterable[Any]], *, sheet_title: str = "Veikart", date_format: str = "DD.MM.YYYY"
) -> bytes:
    """A workbook with the table on one sheet: a bold header, numbers as numbers, dates shown ``date_format``."""
    return xlsx_workbook_bytes([Sheet(sheet_title, header, rows)], date_format=date_format)


def xlsx_workbook_bytes(sheets: Iterable[Sheet], *, date_format: str = "DD.MM.YYYY") -> bytes:
    """A workbook with one worksheet per ``Sheet``, in order, each written as ``xlsx_bytes`` writes its one."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for table in sheets:
        sheet = workbook.create_sheet(table.title[:31])

        def cell(value: Any, sheet=sheet) -> WriteOnlyCell:
            if isinstance(value, float) and value != value:  # NaN has no cell; leave it empty
                value = None
            written = WriteOnlyCell(sheet, value=value)
            if value.__class__ is str:
                written.data_type = "s"  # never a formula, whatever the text starts with
            elif isinstance(value, datetime.date):
                written.number_format = date_format
            return written

        titles = []
        for title in table.header:
            heading = cell(str(title))
            heading.font = bold
            titles.append(heading)
        sheet.append(titles)
        for row in table.rows:
            sheet.append([cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def json_bytes(document: Any) -> bytes:
    """``document`` as UTF-8 JSON; decimals and dates as Django's encoder writes them."""
    return json.dumps(document, ensure_ascii=False, indent=1, cls=DjangoJSONEncoder).encode("utf-8")


def download_response(content: bytes | Iterator[bytes], *, file_name: str, kind: str) -> HttpResponse:
    """A response that saves ``content`` as ``file_name``; an iterator is streamed."""
    if isinstance(content, bytes):
        response: HttpResponse = HttpResponse(content, content_type=CONTENT_TYPES[kind])
    else:
        response = StreamingHttpResponse(content, content_type=CONTENT_TYPES[kind])
    safe_name = "".join(ch for ch in file_name if ch.isalnum() or ch in "-_.") or f"veikart.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{safe_name}"'
    return response
