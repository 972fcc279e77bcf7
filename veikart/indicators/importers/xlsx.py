"""XLSX: the first worksheet, laid out as a tidy table or an Open SDG table (told apart by the header).

The workbook is opened read-only, which streams rows from the file instead of loading every cell.
Problems are placed by row and column, as in a CSV file.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal

from openpyxl import load_workbook

from veikart.indicators.importers.base import FileError, RawRow, Reader
from veikart.indicators.importers.csv_files import OpenSdgCsvReader, TidyCsvReader, looks_like_open_sdg


def _cell_text(value):
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return Decimal(repr(value)) if value != int(value) else int(value)
    return value


class XlsxReader(Reader):
    format_name = "xlsx"

    def rows(self) -> Iterator[RawRow]:
        try:
            workbook = load_workbook(self.stream, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
            raise FileError(f"The file is not an XLSX workbook ({error.__class__.__name__}).") from None
        try:
            sheet = workbook.worksheets[0]
            records = sheet.iter_rows(values_only=True)
            header_row = 0
            headers = None
            for header_row, record in enumerate(records, start=1):  # noqa: B007 - the header's row number is used
                if record and any(cell not in (None, "") for cell in record):
                    headers = ["" if cell is None else str(cell) for cell in record]
                    break
            if headers is None:
                raise FileError("The file is empty.")
            inner_class = OpenSdgCsvReader if looks_like_open_sdg(headers) else TidyCsvReader
            inner = inner_class(self.stream, file_name=self.file_name)
            self.format_name = f"xlsx/{inner.format_name}"
            cleaned = ([_cell_text(cell) if cell is not None else "" for cell in record] for record in records)
            rows = inner.rows_from(headers, enumerate(cleaned, start=header_row + 1))
            first = next(rows, None)
            # The inner reader knows its columns once it has read the header.
            self.dimension_columns = inner.dimension_columns
            self.has_indicator_column = inner.has_indicator_column
            self.attribute_columns = inner.attribute_columns
            self.default_indicator = inner.default_indicator
            if first is not None:
                yield first
                yield from rows
        finally:
            workbook.close()
