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
import contextlib
import csv
import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from django.utils.translation import gettext as _

from veikart.core.exchange.limits import Limits
from veikart.core.exchange.neutralise import restore_cell
from veikart.core.exchange.problems import FileUnreadable
from veikart.core.exchange.table import Table

_SNIFF_BYTES = 256 * 1024
_DELIMITERS = (";", "\t", ",", "|")
_BLANK_LINE_CHARACTERS = ' \t\r\n;,|"\u00a0'
# C0 controls but tab, line feed and carriage return; and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
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


def _control_character(number: int, line: str) -> FileUnreadable:
    character = _CONTROL.search(line).group()
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


class _TextOfCallersStream(io.TextIOWrapper):
    """A text layer that leaves the binary stream open when it is collected (a plain one closes it).

    The records' generator detaches it once it has run; a table whose records are never read (the
    header was wrong) must not close the caller's stream either.
    """

    def __del__(self) -> None:
        with contextlib.suppress(ValueError):  # detached already
            self.detach()


class _Lines:
    """The lines of a text stream, each checked for control characters; ``number`` is the last line read."""

    def __init__(self, text: io.TextIOWrapper, encoding: str) -> None:
        self.text = text
        self.encoding = encoding
        self.number = 0

    def __iter__(self) -> Iterator[str]:
        search = _CONTROL.search
        try:
            for line in self.text:
                self.number += 1
                if search(line):
                    raise _control_character(self.number, line)
                yield line
        except UnicodeDecodeError:
            raise _not_text(_first_undecodable_line(self.text.buffer, self.encoding), self.encoding) from None


def read_csv(stream: BinaryIO, *, limits: Limits) -> Table:
    """The table in ``stream`` (binary, seekable): its header line and its non-blank records.

    Raises ``FileUnreadable`` at once when the file is empty or the header cannot be read, and while
    the records are read when the rest of the file breaks a rule above.
    """
    head = stream.read(_SNIFF_BYTES)
    stream.seek(0)
    encoding = detect_encoding(head)
    text = _TextOfCallersStream(stream, encoding=encoding, newline="")
    lines = _Lines(text, encoding)
    line_iter = iter(lines)
    first = ""
    for line in line_iter:
        # A line of delimiters and quotes alone (``;;`` as Excel pads) is blank, as it is among the records.
        if line.strip(_BLANK_LINE_CHARACTERS):
            first = line
            break
    if not first:
        text.detach()
        raise FileUnreadable(_("The file is empty: it has no header row."))
    delimiter = detect_delimiter(first)
    csv.field_size_limit(limits.max_cell_chars)
    try:
        header = next(csv.reader([first], delimiter=delimiter))
    except csv.Error:
        text.detach()
        raise FileUnreadable(_("The header row cannot be read as CSV.")) from None
    if len(header) > limits.max_columns:
        text.detach()
        raise FileUnreadable(
            _("The header row has %(count)s columns; at most %(limit)s are read.")
            % {"count": len(header), "limit": limits.max_columns}
        )
    return Table(
        file_format="csv",
        header=[cell.strip() for cell in header],
        header_row=lines.number,
        records=_records(text, lines, line_iter, delimiter, limits),
        delimiter=delimiter,
        encoding=_ENCODING_NAMES.get(encoding, encoding),
    )


def _records(text, lines: _Lines, line_iter, delimiter: str, limits: Limits) -> Iterator[tuple[int, list]]:
    reader = csv.reader(line_iter, delimiter=delimiter)
    start = lines.number
    rows = 0
    try:
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                line = lines.number
                if "field larger than field limit" in str(error):
                    raise FileUnreadable(
                        _("Line %(line)s has a cell longer than %(limit)s characters.")
                        % {"line": line, "limit": limits.max_cell_chars}
                    ) from None
                raise FileUnreadable(_("Line %(line)s cannot be read as CSV.") % {"line": line}) from None
            number = start + 1
            start = lines.number
            if not record or not any(cell and not cell.isspace() for cell in record):
                continue
            rows += 1
            if rows > limits.max_rows:
                raise FileUnreadable(_("The file has more than %(limit)s rows.") % {"limit": limits.max_rows})
            if len(record) > limits.max_columns:
                raise FileUnreadable(
                    _("Line %(line)s has %(count)s cells; at most %(limit)s columns are read.")
                    % {"line": number, "count": len(record), "limit": limits.max_columns}
                )
            if "'" in delimiter.join(record):
                record = [restore_cell(cell) for cell in record]
            yield number, record
    finally:
        # Leave the binary stream open for the caller (a text wrapper closes it when collected).
        text.detach()
