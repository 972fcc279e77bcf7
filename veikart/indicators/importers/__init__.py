"""Importers: small readers for each file format around one internal tidy model.

``reader_for`` picks the reader for a file; ``veikart.indicators.services.observations_import``
validates the rows (``resolve``) and writes them.
"""

from __future__ import annotations

from typing import BinaryIO

from django.utils.translation import gettext as _

from veikart.core.exchange.csv_text import read_csv
from veikart.core.exchange.limits import Limits
from veikart.core.exchange.reading import CSV, JSON, XLSX, check_size, file_kind
from veikart.indicators.importers.base import FileError, RawRow, Reader
from veikart.indicators.importers.csv_files import OpenSdgCsvReader, TidyCsvReader, looks_like_open_sdg
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


def _sniff_csv(stream: BinaryIO, limits: Limits) -> str:
    header = read_csv(stream, limits=limits).header
    stream.seek(0)
    if looks_like_sdmx_csv(header):
        return "sdmx-csv"
    return "open-sdg-csv" if looks_like_open_sdg(header) else "tidy-csv"


def reader_for(
    stream: BinaryIO, *, file_name: str, file_format: str | None = None, limits: Limits | None = None
) -> Reader:
    """The reader for ``stream``: ``file_format`` if given, else by the file's content and header row.

    The file is checked against ``limits`` (default: an upload's) first; a file too large, empty or in
    a format no reader takes raises ``FileError`` with a message for the user.
    """
    limits = limits or Limits.for_uploads()
    check_size(stream, limits=limits)
    if file_format is None:
        kind = file_kind(stream, file_name=file_name)
        file_format = {JSON: "json-stat", XLSX: "xlsx", CSV: None}[kind] or _sniff_csv(stream, limits)
    if file_format not in FORMATS:
        raise FileError(
            _("Unknown format %(format)r; use one of %(formats)s.")
            % {"format": file_format, "formats": ", ".join(FORMATS)}
        )
    return FORMATS[file_format](stream, file_name=file_name, limits=limits)
