"""XLSX: the first worksheet, laid out as a tidy table or an Open SDG table (told apart by the header).

The worksheet is read by the exchange layer (``core.exchange.workbooks``), row by row and within its
bounds; cells keep their types. Problems are placed by row and column, as in a CSV file.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal

from veikart.core.exchange.workbooks import read_xlsx
from veikart.indicators.importers.base import RawRow, Reader
from veikart.indicators.importers.csv_files import OpenSdgCsvReader, TidyCsvReader, looks_like_open_sdg


def _cell_text(value):
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)  # not a number: the resolver says so, in the row it is in
        return Decimal(repr(value)) if value != int(value) else int(value)
    if isinstance(value, datetime.timedelta):
        return str(value)
    return value


class XlsxReader(Reader):
    format_name = "xlsx"

    def rows(self) -> Iterator[RawRow]:
        table = read_xlsx(self.stream, limits=self.limits)
        inner_class = OpenSdgCsvReader if looks_like_open_sdg(table.header) else TidyCsvReader
        inner = inner_class(self.stream, file_name=self.file_name, limits=self.limits)
        self.format_name = f"xlsx/{inner.format_name}"
        cleaned = (
            (number, [_cell_text(cell) if cell is not None else "" for cell in record])
            for number, record in table.records
        )
        rows = inner.rows_from(table.header, cleaned)
        first = next(rows, None)
        # The inner reader knows its columns once it has read the header.
        self.dimension_columns = inner.dimension_columns
        self.has_indicator_column = inner.has_indicator_column
        self.attribute_columns = inner.attribute_columns
        self.default_indicator = inner.default_indicator
        if first is not None:
            yield first
            yield from rows
