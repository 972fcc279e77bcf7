"""A declared column layout: one place per import to name a column, its aliases and whether it is required.

Headers are matched case- and space-insensitively (spaces, hyphens, underscores and dots are
ignored: ``Leveranse-ID`` is ``leveranseid``), so the variants spreadsheets produce all match.
``Schema.match`` maps a header row to column positions and reports what is missing or repeated
as ``Problem``s with their place; columns no field claims are listed, for the import to ignore or
to read as data of its own (the breakdown columns of an indicator table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from veikart.core.exchange.problems import Problem, column_label

_IGNORED_IN_HEADERS = re.compile(r"[\s\-_.\u00a0]+")


def normalise_header(header: Any) -> str:
    """A header as it is compared: lower case, without spaces, hyphens, underscores or dots."""
    return _IGNORED_IN_HEADERS.sub("", str(header or "")).casefold()


@dataclass(frozen=True)
class Column:
    """A column an import reads: ``key`` in code, ``label`` as its export writes it, ``aliases`` it also takes."""

    key: str
    label: str
    aliases: tuple[str, ...] = ()
    required: bool = False


@dataclass
class Match:
    """Where each declared column is (``positions``: key → index), and what else the header holds."""

    positions: dict[str, int] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    unclaimed: list[tuple[int, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def column(self, key: str) -> str:
        """The column of ``key`` as a problem names it: ``Tiltaksnavn (A)``."""
        return column_label(self.headers[key], self.positions[key])


@dataclass(frozen=True)
class Schema:
    columns: tuple[Column, ...]

    def __post_init__(self) -> None:
        names: dict[str, str] = {}
        for column in self.columns:
            for name in (column.label, *column.aliases):
                normalised = normalise_header(name)
                if names.setdefault(normalised, column.key) != column.key:
                    raise ValueError(f"{name!r} names both {names[normalised]!r} and {column.key!r}")
        object.__setattr__(self, "_by_name", names)

    @property
    def labels(self) -> list[str]:
        return [column.label for column in self.columns]

    def key_of(self, header: Any) -> str | None:
        return self._by_name.get(normalise_header(header))

    def match(self, header: list[Any], *, header_row: int) -> Match:
        """Match a header row; a missing required column or a repeated one is a problem on ``header_row``."""
        found = Match()
        for index, title in enumerate(header):
            text = str(title or "").strip()
            key = self.key_of(text) if text else None
            if key is None:
                if text:
                    found.unclaimed.append((index, text))
                continue
            if key in found.positions:
                found.problems.append(
                    Problem(
                        _("The column repeats %(column)s.") % {"column": found.headers[key]},
                        row=header_row,
                        column=column_label(text, index),
                    )
                )
                continue
            found.positions[key] = index
            found.headers[key] = text
        for column in self.columns:
            if column.required and column.key not in found.positions:
                found.problems.append(
                    Problem(
                        _("The column is missing (the header row must name it)."), row=header_row, column=column.label
                    )
                )
        return found
