"""SDMX-CSV 1.0 and 2.x: the CSV that SDMX web services (OECD, Eurostat, the ECB, the IMF) answer with.

SDMX-CSV 1.0 starts with ``DATAFLOW`` (the dataflow's id); 2.x with ``STRUCTURE``, ``STRUCTURE_ID``
and optionally ``STRUCTURE_NAME`` and ``ACTION``. Then come the dimension columns, ``TIME_PERIOD`` (the
period), ``OBS_VALUE`` (the value) and the attribute columns. With labels (2.x with
``STRUCTURE_NAME``, as Eurostat writes it), every column after the structure columns is followed by
its label column (``freq,Time frequency``), so columns are found by their header, never by position.

A dimension column that holds one value in the whole file (what was asked of the service: the
country, the frequency, the unit) is a constant, not a breakdown, unless Veikart has that dimension;
its cell is kept as an attribute if it names one (``UNIT_MEASURE``, Eurostat's ``unit``). Finding the
constants takes a first pass over the file. The attributes after ``OBS_VALUE`` that Veikart keeps
(``base.ATTRIBUTES``) are kept with each observation; ``COMMENT_OBS`` is its note; others are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext as _

from veikart.core.exchange.csv_text import read_csv
from veikart.indicators.importers.base import (
    ATTRIBUTE,
    ATTRIBUTE_NAMES,
    ATTRIBUTES,
    CONSTANT,
    DIMENSION,
    IGNORED,
    NOTE,
    PERIOD,
    VALUE,
    Column,
    FileError,
    RawRow,
)
from veikart.indicators.importers.csv_files import TidyCsvReader

STRUCTURE_COLUMNS = {"DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION"}
_MAX_LABELS = 10_000  # labels kept per column; a code column with more is no breakdown anyone reads


def looks_like_sdmx_csv(headers: list[str]) -> bool:
    names = [str(h).strip() for h in headers if h is not None]
    return bool(names) and names[0].upper() in ("DATAFLOW", "STRUCTURE") and "OBS_VALUE" in names


class SdmxCsvReader(TidyCsvReader):
    format_name = "sdmx-csv"

    def __init__(self, stream, *, file_name: str = "", limits=None) -> None:
        super().__init__(stream, file_name=file_name, limits=limits)
        self._distinct: dict[int, set[str]] = {}
        self._labels: dict[int, dict[str, str]] = {}

    def columns_for(self, headers: list[str]) -> list[Column]:
        names = [header.strip() for header in headers]
        labelled = "STRUCTURE_NAME" in names
        self.format_name = "sdmx-csv-2" if names and names[0].upper() == "STRUCTURE" else "sdmx-csv-1"
        columns: list[Column] = []
        section = DIMENSION  # dimensions until TIME_PERIOD, attributes after OBS_VALUE
        label_next = False
        for index, name in enumerate(names):
            upper = name.upper()
            if label_next:
                columns.append(Column(name, IGNORED, index))
                label_next = False
                continue
            if upper in STRUCTURE_COLUMNS or not name:
                columns.append(Column(name, IGNORED, index))
                continue
            label_next = labelled
            if upper == "TIME_PERIOD":
                role, section = PERIOD, ATTRIBUTE
            elif upper == "OBS_VALUE":
                role, section = VALUE, ATTRIBUTE
            elif section == ATTRIBUTE:
                role = NOTE if upper == "COMMENT_OBS" else ATTRIBUTE if upper in ATTRIBUTES else IGNORED
            else:
                role = CONSTANT if len(self._distinct.get(index, ())) == 1 else DIMENSION
            labels = self._labels.get(index) if labelled and role in (DIMENSION, CONSTANT) else None
            attribute = upper if role == ATTRIBUTE else ATTRIBUTE_NAMES.get(name.casefold(), "")
            label = names[index + 1] if labelled and index + 1 < len(names) and role in (DIMENSION, CONSTANT) else ""
            columns.append(Column(name, role, index, attribute=attribute, labels=labels, label=label))
        return columns

    def check_header(self, columns: list[Column]) -> None:
        roles = {column.role for column in columns}
        if PERIOD not in roles or VALUE not in roles:
            raise FileError(_("An SDMX-CSV file needs the columns TIME_PERIOD and OBS_VALUE."))

    def rows(self) -> Iterator[RawRow]:
        self._scan()
        self.stream.seek(0)
        yield from super().rows()

    def _scan(self) -> None:
        """First pass: which dimension columns hold one value only, and the label of each code."""
        self.stream.seek(0)
        table = read_csv(self.stream, limits=self.limits)
        headers = table.header
        columns = [c for c in self.columns_for(headers) if c.role in (DIMENSION, CONSTANT)]
        labelled = self.format_name == "sdmx-csv-2" and "STRUCTURE_NAME" in headers
        distinct: dict[int, set[str]] = {c.index: set() for c in columns}
        labels: dict[int, dict[str, str]] = {c.index: {} for c in columns}
        for _number, record in table.records:
            for column in columns:
                at = column.index
                if at >= len(record):
                    continue
                code = record[at].strip()
                seen = distinct[at]
                if len(seen) < 2:
                    seen.add(code)
                if labelled and at + 1 < len(record) and len(labels[at]) < _MAX_LABELS:
                    labels[at].setdefault(code, record[at + 1].strip())
        self._distinct, self._labels = distinct, labels
