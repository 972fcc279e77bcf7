"""Reading the first worksheet of an XLSX workbook, within bounds a hostile file cannot stretch.

A workbook is a zip archive of XML parts, and a few kilobytes can claim anything: a sheet dimension of
``A1:XFD1048576``, a part that unpacks to gigabytes, a cell in column 16,384. So:

- the archive's parts are checked before anything is parsed: how many, and the unpacked size the
  archive declares for the worksheet and the shared strings (zip never unpacks more than it
  declares, so the declared size bounds the work);
- the sheet's claimed dimension is never read: rows are parsed one ``<row>`` at a time, and only the
  cells that are in the file are made (openpyxl's read-only sheet pads every row to the claimed
  width, which is how a 4.9 kB file once took 31 s and 2.6 GB);
- a row number past ``Limits.max_rows``, a column past ``Limits.max_columns`` or a cell longer than
  ``Limits.max_cell_chars`` refuses the file at once, naming the cell;
- a part that is not well-formed XML, a broken archive, a workbook with no sheet: the file is refused
  with a message, never a traceback.

Cells keep their type: numbers (``int``/``float``), text, dates (``datetime``), durations
(``timedelta``), booleans, and spreadsheet errors as their text (``#DIV/0!``). Formulas give their
last computed value (``data_only``), or, with ``refuse_formulas``, refuse the file naming the cell:
an import that takes what people type should not take a value a formula computed (a file saved by
a program that computes nothing holds no value at all).

``read_xlsx`` reads the first worksheet, or the one named ``sheet``; ``sheet_titles`` lists them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import Any, BinaryIO

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.worksheet._reader import WorkSheetParser

from veikart.core.exchange.limits import Limits, human_size
from veikart.core.exchange.problems import CONTROL_CHARACTERS, FileUnreadable, column_letter
from veikart.core.exchange.table import Table


def _unreadable(detail: str) -> FileUnreadable:
    return FileUnreadable(
        _("The file is not an XLSX workbook that can be read (%(detail)s). Save it again as .xlsx and try again.")
        % {"detail": detail}
    )


def _check_archive(stream: BinaryIO, limits: Limits) -> None:
    """Refuse an archive with too many parts or a part that unpacks past its bound, before parsing it."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise _unreadable(_("not a zip archive")) from None
    try:
        members = archive.infolist()
    finally:
        archive.close()
    if len(members) > limits.max_xlsx_entries:
        raise _unreadable(_("%(count)s parts in the archive") % {"count": len(members)})
    for member in members:
        name = member.filename.lower()
        if name.startswith("xl/worksheets/") and member.file_size > limits.max_xlsx_part_bytes:
            raise FileUnreadable(
                _("The worksheet unpacks to %(size)s; at most %(limit)s are read.")
                % {"size": human_size(member.file_size), "limit": human_size(limits.max_xlsx_part_bytes)}
            )
        if name == "xl/sharedstrings.xml" and member.file_size > limits.max_xlsx_strings_bytes:
            raise FileUnreadable(
                _("The workbook's text unpacks to %(size)s; at most %(limit)s are read.")
                % {"size": human_size(member.file_size), "limit": human_size(limits.max_xlsx_strings_bytes)}
            )
    stream.seek(0)


def _open(stream: BinaryIO, limits: Limits, *, data_only: bool = True):
    _check_archive(stream, limits)
    try:
        workbook = load_workbook(stream, read_only=True, data_only=data_only)
    except FileUnreadable:
        raise
    except Exception as error:  # openpyxl raises many kinds (KeyError, XML errors, …) for a damaged file
        raise _unreadable(error.__class__.__name__) from None
    if not workbook.worksheets:
        workbook.close()
        raise FileUnreadable(_("The workbook has no worksheet."))
    return workbook


def sheet_titles(stream: BinaryIO, *, limits: Limits) -> list[str]:
    """The titles of the workbook's worksheets, in their order; ``FileUnreadable`` as ``read_xlsx``."""
    workbook = _open(stream, limits)
    titles = [sheet.title for sheet in workbook.worksheets]
    workbook.close()
    stream.seek(0)
    return titles


def read_xlsx(stream: BinaryIO, *, limits: Limits, sheet: str | None = None, refuse_formulas: bool = False) -> Table:
    """The first worksheet of the workbook in ``stream`` (or the one titled ``sheet``) as a ``Table``.

    See the module for the bounds; with ``refuse_formulas`` a cell holding a formula refuses the
    file, naming the cell. A ``sheet`` the workbook does not have refuses it too.
    """
    workbook = _open(stream, limits, data_only=not refuse_formulas)
    if sheet is None:
        worksheet = workbook.worksheets[0]
    else:
        worksheet = next((each for each in workbook.worksheets if each.title == sheet), None)
        if worksheet is None:
            workbook.close()
            raise FileUnreadable(_("The workbook has no worksheet named “%(sheet)s”.") % {"sheet": sheet})
    rows = _rows(workbook, worksheet, limits, refuse_formulas=refuse_formulas)
    try:
        for number, cells in rows:  # noqa: B007 - the header's row number is used below
            if any(cell is not None and cell != "" for cell in cells):
                header = ["" if cell is None else str(cell).strip() for cell in cells]
                break
        else:
            raise FileUnreadable(
                _("The worksheet “%(sheet)s” is empty: it has no header row.") % {"sheet": worksheet.title}
                if sheet
                else _("The first worksheet is empty: it has no header row.")
            )
    except BaseException:
        rows.close()
        raise
    return Table(file_format="xlsx", header=header, header_row=number, records=_records(rows, limits))


def _records(rows: Iterator[tuple[int, list[Any]]], limits: Limits) -> Iterator[tuple[int, list[Any]]]:
    count = 0
    for number, cells in rows:
        if not any(cell is not None and cell != "" for cell in cells):
            continue
        count += 1
        if count > limits.max_rows:
            raise FileUnreadable(_("The worksheet has more than %(limit)s rows.") % {"limit": limits.max_rows})
        yield number, cells


def _rows(workbook, sheet, limits: Limits, *, refuse_formulas: bool = False) -> Iterator[tuple[int, list[Any]]]:
    """``(row number, cells)`` for each row the sheet's XML holds, its cells placed by column."""
    number = 0
    try:
        with workbook._archive.open(sheet._worksheet_path) as source:
            parser = WorkSheetParser(
                source,
                workbook.shared_strings,
                data_only=not refuse_formulas,
                epoch=workbook.epoch,
                date_formats=workbook._date_formats,
                timedelta_formats=workbook._timedelta_formats,
            )
            for number, parsed in parser.parse():
                if number > limits.max_rows + 1:
                    raise FileUnreadable(
                        _("The worksheet has a row numbered %(row)s; at most %(limit)s rows are read.")
                        % {"row": number, "limit": limits.max_rows}
                    )
                yield number, _cells(parsed, number, limits, refuse_formulas=refuse_formulas)
    except FileUnreadable:
        raise
    except Exception as error:  # damaged XML, a broken archive member, a cell openpyxl cannot convert
        raise FileUnreadable(
            _(
                "The worksheet cannot be read after row %(row)s: the next row is damaged or holds a value "
                "that is neither a number, a date nor text (%(detail)s)."
            )
            % {"row": number, "detail": error.__class__.__name__}
        ) from None
    finally:
        workbook.close()


def _cells(parsed: list[dict], number: int, limits: Limits, *, refuse_formulas: bool = False) -> list[Any]:
    if not parsed:
        return []
    width = max(cell["column"] for cell in parsed)
    if width > limits.max_columns:
        raise FileUnreadable(
            _("The worksheet has a value in column %(column)s; at most %(limit)s columns are read.")
            % {"column": column_letter(width - 1), "limit": limits.max_columns}
        )
    cells: list[Any] = [None] * width
    for cell in parsed:
        value = cell["value"]
        if refuse_formulas and cell.get("data_type") == "f":
            raise FileUnreadable(
                _("Cell %(cell)s holds a formula; type the value itself (or paste it as values) and try again.")
                % {"cell": f"{column_letter(cell['column'] - 1)}{number}"}
            )
        if isinstance(value, str):
            if len(value) > limits.max_cell_chars:
                raise FileUnreadable(
                    _("Cell %(cell)s is longer than %(limit)s characters.")
                    % {"cell": f"{column_letter(cell['column'] - 1)}{number}", "limit": limits.max_cell_chars}
                )
            control = CONTROL_CHARACTERS.search(value)
            if control:
                raise FileUnreadable(
                    _("Cell %(cell)s holds a control character (U+%(code)s), which is not text.")
                    % {"cell": f"{column_letter(cell['column'] - 1)}{number}", "code": f"{ord(control.group()):04X}"}
                )
        cells[cell["column"] - 1] = value
    return cells
