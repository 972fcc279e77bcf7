"""One problem type for every import: what is wrong, and where.

A ``Problem`` names its place as a row (the line of a CSV file or the row of a worksheet, as a
spreadsheet numbers it) and a column (the header as written, with its letter), or as a free place
(``value 17`` of a JSON-stat cube, ``dimension Tid``), or as the file as a whole. Messages are
translated when the problem is made, in the language active then (the page's, or the command's);
places are translated when shown.

``FileUnreadable`` is raised when the file as a whole cannot be read (not a workbook, not text, too
large): its message says why and what to do, and becomes the one problem of the import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_PROBLEMS_KEPT = 500
# C0 controls but tab, line feed and carriage return; and DEL. Never text in a file we import (and a
# NUL byte is refused by PostgreSQL in any text column).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def column_letter(index: int) -> str:
    """``A`` for the first column (index 0), ``Z``, ``AA``, … as a spreadsheet names columns."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_label(header: str, index: int | None) -> str:
    """A column as a reader finds it in a spreadsheet: ``Verdi (C)``; the letter alone without a header."""
    if index is None:
        return header
    letter = column_letter(index)
    return f"{header} ({letter})" if header else letter


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong (``message``, translated) and where (``row``, ``column``, or ``where``)."""

    message: str
    row: int | None = None
    column: str = ""
    where: str = ""

    @property
    def place(self) -> str:
        """The place in words, in the active language: "Row 12, column Verdi (C)", or "The file"."""
        if self.row is not None and self.column:
            return _("Row %(row)s, column %(column)s") % {"row": self.row, "column": self.column}
        if self.row is not None:
            return _("Row %(row)s") % {"row": self.row}
        if self.where and self.column:
            return f"{self.where}, {self.column}"
        if self.where or self.column:
            return self.where or _("Column %(column)s") % {"column": self.column}
        return _("The file")

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


class FileUnreadable(Exception):
    """The file as a whole cannot be read; ``message`` (translated) says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def as_problem(self) -> Problem:
        return Problem(self.message)


@dataclass
class Problems:
    """The problems of one import: every one is counted, the first ``MAX_PROBLEMS_KEPT`` are kept."""

    kept: list[Problem] = field(default_factory=list)
    count: int = 0

    def add(self, message: str, *, row: int | None = None, column: str = "", where: str = "") -> None:
        self.add_problem(Problem(message, row=row, column=column, where=where))

    def add_problem(self, problem: Problem) -> None:
        self.count += 1
        if len(self.kept) < MAX_PROBLEMS_KEPT:
            self.kept.append(problem)

    @property
    def not_shown(self) -> int:
        return self.count - len(self.kept)

    def __bool__(self) -> bool:
        return self.count > 0

    def __iter__(self):
        return iter(self.kept)

    def __len__(self) -> int:
        return self.count
