"""Importers: small readers for each file format around one internal tidy model.

``reader_for`` picks the reader for a file; ``veikart.indicators.services.observations_import``
validates the rows (``resolve``) and writes them.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import BinaryIO

from veikart.indicators.importers.base import FileError, RawRow, Reader
from veikart.indicators.importers.csv_files import (
    OpenSdgCsvReader,
    TidyCsvReader,
    header_line,
    looks_like_open_sdg,
    open_text,
)
from veikart.indicators.importers.jsonstat import JsonStatReader
from veikart.indicators.importers.sdmx_csv import SdmxCsvReader, looks_like_sdmx_csv
from veikart.indicators.importers.xlsx import XlsxReader

FORMATS = {
    "tidy-csv": TidyCsvReader,
    "open-sdg-csv": OpenSdgCsvReader,
    "sdmx-csv": SdmxCsvReader,
    "json-stat": JsonStatReader,
    "xlsx": XlsxReader,
}

__all__ = ["FORMATS", "FileError", "RawRow", "Reader", "reader_for"]


def _sniff_csv(stream: BinaryIO) -> str:
    text = open_text(stream)
    try:
        first, _number = header_line(text)
    finally:
        text.detach()
    stream.seek(0)
    delimiter = ";" if first.count(";") > first.count(",") else ","
    headers = next(csv.reader([first], delimiter=delimiter), [])
    if looks_like_sdmx_csv(headers):
        return "sdmx-csv"
    return "open-sdg-csv" if looks_like_open_sdg(headers) else "tidy-csv"


def reader_for(stream: BinaryIO, *, file_name: str, file_format: str | None = None) -> Reader:
    """The reader for ``stream``: ``file_format`` if given, else by the file name and the header row."""
    if file_format is None:
        suffix = Path(file_name).suffix.casefold()
        if suffix == ".json":
            file_format = "json-stat"
        elif suffix in (".xlsx", ".xlsm"):
            file_format = "xlsx"
        else:
            file_format = _sniff_csv(stream)
    if file_format not in FORMATS:
        raise FileError(f"Unknown format {file_format!r}; use one of {', '.join(FORMATS)}.")
    return FORMATS[file_format](stream, file_name=file_name)
