"""The bounds every file read by the exchange layer is held to, from settings.

A file that breaks a bound is refused with a message that names the bound; nothing is read past it.
Each bound is a setting (``EXCHANGE_*`` in ``config/settings.py``, read from the environment), so an
installation that imports larger files raises it in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True, slots=True)
class Limits:
    """How much of a file is read at most.

    ``max_bytes``: the file's size. ``max_rows`` and ``max_columns``: of a table (CSV or a worksheet).
    ``max_cell_chars``: one cell (32,767 is what a spreadsheet cell holds). ``max_json_depth``: nested
    arrays and objects. ``max_xlsx_part_bytes``: a worksheet's XML unpacked (a workbook is a zip
    archive, and a few kilobytes can claim gigabytes). ``max_xlsx_strings_bytes``: the workbook's
    shared strings, which are held in memory while a sheet is read.
    """

    max_bytes: int
    max_rows: int
    max_columns: int
    max_cell_chars: int
    max_json_depth: int
    max_xlsx_part_bytes: int
    max_xlsx_strings_bytes: int
    max_xlsx_entries: int = 10_000

    @classmethod
    def for_uploads(cls) -> Limits:
        """The bounds of a file uploaded through the site."""
        return cls(
            max_bytes=settings.EXCHANGE_MAX_UPLOAD_BYTES,
            max_rows=settings.EXCHANGE_MAX_ROWS,
            max_columns=settings.EXCHANGE_MAX_COLUMNS,
            max_cell_chars=settings.EXCHANGE_MAX_CELL_CHARS,
            max_json_depth=settings.EXCHANGE_MAX_JSON_DEPTH,
            max_xlsx_part_bytes=settings.EXCHANGE_MAX_XLSX_UNPACKED_BYTES,
            max_xlsx_strings_bytes=settings.EXCHANGE_MAX_XLSX_STRINGS_BYTES,
        )

    @classmethod
    def for_commands(cls) -> Limits:
        """The bounds of a file imported on the command line: the file's size and row count may be larger."""
        uploads = cls.for_uploads()
        return cls(
            max_bytes=settings.EXCHANGE_MAX_COMMAND_BYTES,
            max_rows=max(uploads.max_rows, settings.EXCHANGE_MAX_COMMAND_ROWS),
            max_columns=uploads.max_columns,
            max_cell_chars=uploads.max_cell_chars,
            max_json_depth=uploads.max_json_depth,
            max_xlsx_part_bytes=uploads.max_xlsx_part_bytes,
            max_xlsx_strings_bytes=uploads.max_xlsx_strings_bytes,
        )


def human_size(size: int) -> str:
    """``48 MB``, ``1.5 MB``, ``12 kB``: a byte count as a reader of a message takes it in."""
    if size >= 1024 * 1024:
        return f"{size / 2**20:.1f}".rstrip("0").rstrip(".") + " MB"
    return f"{-(-size // 1024)} kB"
