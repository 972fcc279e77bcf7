"""Reading CSV as real spreadsheets and publishers write it: encoding, delimiter, blank lines.

Encodings: UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's "Unicode text"), else
Windows-1252 (Excel in a Norwegian locale). Delimiters: the one of ``;``, tab, ``,`` and ``|`` that
the header line holds most often (a semicolon wins a tie, as Norwegian Excel writes it). The file is
read as a stream, one record at a time, so a file of millions of rows is never held in memory.

A control character (a NUL byte, say) is never text: the file is refused, naming the line. So is a
line that stops decoding part-way, a cell longer than ``Limits.max_cell_chars`` and a table wider or
longer than the limits.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from django.utils.translation import gettext as _

from veikart.core.exchange.limits import Limits
from veikart.core.exchange.neutralise import restore_cell
from veikart.core.exchange.problems import CONTROL_CHARACTERS, FileUnreadable
from veikart.core.exchange.table import Table

_SNIFF_BYTES = 256 * 1024
_DELIMITERS = (";", "\t", ",", "|")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A line of delimiters and quotes alone (``;;`` as Excel pads) is blank, before the header as among the records.
_BLANK_LINE_CHARACTERS = ' \t\r\n;,|"\u00a0'
_ENCODING_NAMES = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "utf-16": "UTF-16", "cp1252": "Windows-1252"}


def detect_encoding(head: bytes) -> str:
    """The codec for a file starting with ``head``: a byte-order mark decides; else UTF-8 if it decodes."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) == _SNIFF_BYTES:
        head = head[:-4]  # a multi-byte character may be cut at the end of the sample
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def detect_delimiter(line: str) -> str:
    """The delimiter the header line holds most often (the first of ``;``, tab, ``,``, ``|`` on a tie)."""
    counts = [line.count(delimiter) for delimiter in _DELIMITERS]
    return _DELIMITERS[counts.index(max(counts))] if max(counts) else ";"


def _not_text(number: int, encoding: str) -> FileUnreadable:
    return FileUnreadable(
        _("Line %(line)s is not %(encoding)s text, as the start of the file is. Save the file as UTF-8 and try again.")
        % {"line": number, "encoding": _ENCODING_NAMES.get(encoding, encoding)}
    )


def _check_control_characters(stream: BinaryIO, encoding: str) -> bool:
    """Refuse the file at the first control character, naming its line; True if it holds an apostrophe.

    In UTF-8 and Windows-1252 a control character is a byte below 0x20 (every byte of a multi-byte
    character is 0x80 or above), so the raw bytes are searched, a block at a time, at the speed of
    the regular expression engine. UTF-16 is checked as text.
    """
    stream.seek(0)
    if encoding == "utf-16":
        text = stream.read().decode("utf-16", errors="replace")
        found = CONTROL_CHARACTERS.search(text)
        if found:
            raise _control_character(text.count("\n", 0, found.start()) + 1, found.group())
        stream.seek(0)
        return "'" in text
    lines_before = 0
    apostrophe = False
    for block in iter(lambda: stream.read(1 << 20), b""):
        found = _CONTROL_BYTES.search(block)
        if found:
            line = lines_before + block.count(b"\n", 0, found.start()) + 1
            raise _control_character(line, found.group().decode("latin-1"))
        lines_before += block.count(b"\n")
        apostrophe = apostrophe or b"'" in block
    stream.seek(0)
    return apostrophe


def _control_character(number: int, character: str) -> FileUnreadable:
    return FileUnreadable(
        _("Line %(line)s holds a control character (U+%(code)s), which is not text. Is this a CSV file?")
        % {"line": number, "code": f"{ord(character):04X}"}
    )


def _first_undecodable_line(stream: BinaryIO, encoding: str) -> int:
    """The number of the first line of ``stream`` that does not decode (the text layer decodes in blocks)."""
    stream.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)()
    number = 1
    for number, line in enumerate(stream, start=1):
        try:
            decoder.decode(line)
        except UnicodeDecodeError:
            return number
    return number  # only the end of the file is incomplete


class _Borrowed(io.RawIOBase):
    """The caller's binary stream, read through a text layer that must not close it when it is collected."""

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_csv(stream: BinaryIO, *, limits: Limits) -> Table:
    """The table in ``stream`` (binary, seekable): its header line and its non-blank records.

    Raises ``FileUnreadable`` at once when the file is empty, holds a control character or the header
    cannot be read, and while the records are read when the rest of the file breaks a rule above.
    """
    head = stream.read(_SNIFF_BYTES)
    stream.seek(0)
    encoding = detect_encoding(head)
    # Only a file with an apostrophe can hold a neutralised formula (``neutralise``) to restore.
    apostrophe = _check_control_characters(stream, encoding)
    text = io.TextIOWrapper(io.BufferedReader(_Borrowed(stream)), encoding=encoding, newline="")
    first, number = "", 0
    try:
        while not first.strip(_BLANK_LINE_CHARACTERS):
            first = text.readline()
            number += 1
            if not first:
                raise FileUnreadable(_("The file is empty: it has no header row."))
    except UnicodeDecodeError:
        raise _not_text(_first_undecodable_line(stream, encoding), encoding) from None
    delimiter = detect_delimiter(first)
    csv.field_size_limit(limits.max_cell_chars)
    try:
        header = next(csv.reader([first], delimiter=delimiter))
    except csv.Error:
        raise FileUnreadable(_("The header row cannot be read as CSV.")) from None
    if len(header) > limits.max_columns:
        raise FileUnreadable(
            _("The header row has %(count)s columns; at most %(limit)s are read.")
            % {"count": len(header), "limit": limits.max_columns}
        )
    return Table(
        file_format="csv",
        header=[cell.strip() for cell in header],
        header_row=number,
        records=_records(stream, text, number, encoding, delimiter, limits, restore=apostrophe),
        delimiter=delimiter,
        encoding=_ENCODING_NAMES.get(encoding, encoding),
    )


def _records(
    stream: BinaryIO,
    text: io.TextIOWrapper,
    header_row: int,
    encoding: str,
    delimiter: str,
    limits: Limits,
    *,
    restore: bool,
) -> Iterator[tuple[int, list]]:
    """``(line the record starts on, cells)`` for each non-blank record after the header line."""
    reader = csv.reader(text, delimiter=delimiter)
    read_before = 0  # lines the csv reader had read before the current record
    rows = 0
    max_rows, max_columns = limits.max_rows, limits.max_columns
    # Written for speed: this runs once per record of files with millions of them.
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError:
            raise _not_text(_first_undecodable_line(stream, encoding), encoding) from None
        except csv.Error as error:
            line = header_row + reader.line_num
            if "field larger than field limit" in str(error):
                raise FileUnreadable(
                    _("Line %(line)s has a cell longer than %(limit)s characters.")
                    % {"line": line, "limit": limits.max_cell_chars}
                ) from None
            raise FileUnreadable(_("Line %(line)s cannot be read as CSV.") % {"line": line}) from None
        number = header_row + read_before + 1
        read_before = reader.line_num
        if not record:
            continue
        first = record[0]
        # A record whose first cell has text is not blank, and most are like that.
        if (not first or first.isspace()) and not any(cell and not cell.isspace() for cell in record):
            continue
        rows += 1
        if rows > max_rows or len(record) > max_columns:
            raise _too_large(rows, record, number, limits)
        if restore:
            record = [restore_cell(cell) for cell in record]
        yield number, record


def _too_large(rows: int, record: list, number: int, limits: Limits) -> FileUnreadable:
    if rows > limits.max_rows:
        return FileUnreadable(_("The file has more than %(limit)s rows.") % {"limit": limits.max_rows})
    return FileUnreadable(
        _("Line %(line)s has %(count)s cells; at most %(limit)s columns are read.")
        % {"line": number, "count": len(record), "limit": limits.max_columns}
    )
