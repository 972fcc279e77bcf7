"""The one shape every tabular file is read into: a header and numbered records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass
class Table:
    """A table read from a file.

    ``header`` is the first non-blank row (cells as text, stripped), found on row ``header_row``.
    ``records`` yields ``(row number, cells)`` for each non-blank row after it, as the file is read:
    the row number is the line of a CSV file where the record starts, or the row of a worksheet, as
    a spreadsheet shows it. CSV cells are text; worksheet cells keep their type (numbers, dates,
    text, booleans; ``None`` for an empty cell). A record may be shorter or longer than the header.
    Reading ``records`` may raise ``FileUnreadable`` part-way (a line that is not text).
    """

    file_format: str
    header: list[str]
    header_row: int
    records: Iterator[tuple[int, list[Any]]]
    delimiter: str = ""
    encoding: str = ""
