"""The one internal model every importer produces: a stream of raw tidy rows.

A reader turns a file into ``RawRow`` objects without judging them: the period, the value and the
breakdown cells are passed on as found, each with the place it came from (the row number of a table,
or a place such as ``value[17]`` in a JSON-stat cube), so that ``veikart.indicators.importers.resolve`` can check them all the same way and
report every problem with its location. Readers are generators: a million-row file is never held in
memory (JSON-stat, a single JSON document, is streamed in two passes over the file).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import FileUnreadable

# What a column (or a JSON-stat dimension) holds.
INDICATOR, PERIOD, VALUE, STATUS, NOTE, DIMENSION, OPTIONAL_DIMENSION, IGNORED = (
    "indicator",
    "period",
    "value",
    "status",
    "note",
    "dimension",
    "optional_dimension",
    "ignored",
)


# The file as a whole cannot be read (wrong format, no header, broken JSON): the exchange layer's refusal.
FileError = FileUnreadable


@dataclass(slots=True)
class Column:
    """A column of the file: its header as written and what it holds."""

    header: str
    role: str
    index: int


@dataclass(slots=True)
class RawRow:
    """One observation as found in the file; ``cells`` are the breakdown cells in column order."""

    where: int | str  # the row of a CSV file or a worksheet, or another place in words
    period: Any
    value: Any
    cells: tuple[Any, ...] = ()
    indicator: Any = None
    status: Any = None
    note: Any = None


class Reader:
    """A file format. Subclasses set ``format_name`` and implement ``rows``.

    After ``rows()`` has started, ``dimension_columns`` lists the breakdown columns (in the order of
    ``RawRow.cells``) and ``has_indicator_column`` says whether rows name their indicator. ``limits``
    bound what is read (the exchange layer's, for uploads unless the caller says otherwise).
    """

    format_name = ""

    def __init__(self, stream: BinaryIO, *, file_name: str = "", limits: Limits | None = None) -> None:
        self.stream = stream
        self.file_name = file_name
        self.limits = limits or Limits.for_uploads()
        self.dimension_columns: list[Column] = []
        self.has_indicator_column = False
        self.default_indicator: str | None = None

    def rows(self) -> Iterator[RawRow]:
        raise NotImplementedError
