"""Which kind of file this is, and the size check every upload and import passes first.

``file_kind`` decides by content before the name: a zip archive is a workbook, a document that
starts with ``{`` or ``[`` is JSON, and the rest is CSV; the formats no importer reads (the old
binary Excel format, PDF, gzip) are refused with a message that says what to save instead.
``read_table`` reads a CSV file or a workbook as a ``Table``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from django.utils.translation import gettext as _

from veikart.core.exchange.csv_text import read_csv
from veikart.core.exchange.limits import Limits, human_size
from veikart.core.exchange.problems import FileUnreadable
from veikart.core.exchange.table import Table
from veikart.core.exchange.workbooks import read_xlsx

CSV, XLSX, JSON = "csv", "xlsx", "json"


def check_size(stream: BinaryIO, *, limits: Limits) -> int:
    """The size of ``stream`` in bytes; ``FileUnreadable`` when it is empty or larger than the limit."""
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    if size == 0:
        raise FileUnreadable(_("The file is empty."))
    if size > limits.max_bytes:
        raise FileUnreadable(
            _("The file is %(size)s; at most %(limit)s can be imported.")
            % {"size": human_size(size), "limit": human_size(limits.max_bytes)}
        )
    return size


def file_kind(stream: BinaryIO, *, file_name: str = "") -> str:
    """``csv``, ``xlsx`` or ``json`` for the file in ``stream``; ``FileUnreadable`` for a format no import reads."""
    head = stream.read(512)
    stream.seek(0)
    messages = {
        b"\xd0\xcf\x11\xe0": _("The file is in the old Excel format (.xls). Save it as .xlsx or CSV and try again."),
        b"%PDF": _("The file is a PDF document. Export the table as .xlsx or CSV and try again."),
        b"\x1f\x8b": _("The file is compressed (gzip). Unpack it and try again."),
    }
    for magic, message in messages.items():
        if head.startswith(magic):
            raise FileUnreadable(message)
    if head.startswith(b"PK\x03\x04") or Path(file_name).suffix.casefold() in (".xlsx", ".xlsm"):
        return XLSX
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if stripped[:1] in (b"{", b"["):
        return JSON
    return CSV


def read_table(
    stream: BinaryIO, *, file_name: str = "", limits: Limits, sheet: str | None = None, refuse_formulas: bool = False
) -> Table:
    """The table in a CSV file or a workbook's first worksheet (or the one titled ``sheet``); JSON is not a table here.

    ``refuse_formulas``: a worksheet cell holding a formula refuses the file (``workbooks.read_xlsx``);
    a CSV file holds no formulas, only text.
    """
    check_size(stream, limits=limits)
    kind = file_kind(stream, file_name=file_name)
    if kind == XLSX:
        return read_xlsx(stream, limits=limits, sheet=sheet, refuse_formulas=refuse_formulas)
    if kind == JSON:
        raise FileUnreadable(_("The file is JSON; this import reads CSV or XLSX."))
    return read_csv(stream, limits=limits)
