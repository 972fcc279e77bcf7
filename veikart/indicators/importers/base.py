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
# A breakdown column with one value in the whole file (a JSON-stat dimension of one category, an
# SDMX-CSV dimension column that never changes): a breakdown only if Veikart has the dimension.
CONSTANT = "constant"
# A breakdown column that tells measures apart (JSON-stat ``role.metric``: ContentsCode, Variables):
# a breakdown only if Veikart has the dimension; otherwise the file must be sliced to one of its values.
METRIC = "metric"
# An attribute of each observation (SDMX ``OBS_STATUS``, ``UNIT_MULT``…), kept with it, never a breakdown.
ATTRIBUTE = "attribute"

# The attributes Veikart keeps, in the order exports write them: SDMX's names, and the name the Open SDG
# series column gets. A reader maps other spellings onto these (see ``ATTRIBUTE_NAMES``); an attribute
# not in this list is not kept, so every export imports back the same.
ATTRIBUTES = (
    "OBS_STATUS",
    "OBS_FLAG",
    "CONF_STATUS",
    "OBS_CONF",
    "UNIT_MEASURE",
    "UNIT_MULT",
    "DECIMALS",
    "BASE_PER",
    "DURABILITY",
    "OBS_PRE_BREAK",
    "SERIES",
)
# Column headers (case-folded) that name an attribute: SDMX's codes and Open SDG's readable names.
ATTRIBUTE_NAMES = {name.casefold(): name for name in ATTRIBUTES} | {
    "observation status": "OBS_STATUS",
    "unit multiplier": "UNIT_MULT",
    "units": "UNIT_MEASURE",
    "unit": "UNIT_MEASURE",
    "unit measure": "UNIT_MEASURE",
    "unit of measure": "UNIT_MEASURE",
    "series": "SERIES",
}


# The file as a whole cannot be read (wrong format, no header, broken JSON): the exchange layer's refusal.
FileError = FileUnreadable


@dataclass(slots=True)
class Column:
    """A column of the file: its header as written and what it holds.

    ``attribute`` is the attribute the column's cell is kept as when the column is not a breakdown
    (a constant or sliced ``UNIT_MEASURE``, Open SDG's ``Units``); ``labels`` maps the codes found in it
    to their labels where the file gives them (JSON-stat, SDMX-CSV with labels); ``label`` is the
    column's own label (a JSON-stat dimension's).
    """

    header: str
    role: str
    index: int
    attribute: str = ""
    labels: dict[str, str] | None = None
    label: str = ""


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
    attributes: tuple[Any, ...] | None = None  # the cells of ``Reader.attribute_columns``, in their order


class Reader:
    """A file format. Subclasses set ``format_name`` and implement ``rows``.

    After ``rows()`` has started, ``dimension_columns`` lists the breakdown columns (in the order of
    ``RawRow.cells``), ``attribute_columns`` the attribute columns (in the order of ``RawRow.attributes``;
    their ``attribute`` names the attribute) and ``has_indicator_column`` says whether rows name their
    indicator. ``holes`` counts the cells the file marks as having no value (JSON-stat ``null``), which
    the reader skips. ``limits`` bound what is read (the exchange layer's, for uploads unless the
    caller says otherwise).
    """

    format_name = ""

    def __init__(self, stream: BinaryIO, *, file_name: str = "", limits: Limits | None = None) -> None:
        self.stream = stream
        self.file_name = file_name
        self.limits = limits or Limits.for_uploads()
        self.dimension_columns: list[Column] = []
        self.attribute_columns: list[Column] = []
        self.holes = 0
        self.has_indicator_column = False
        self.default_indicator: str | None = None

    def rows(self) -> Iterator[RawRow]:
        raise NotImplementedError
