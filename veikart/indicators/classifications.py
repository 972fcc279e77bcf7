"""Classifications loaded as data: the codes, labels and validity years of a dimension's values.

A classification file is a CSV (UTF-8 or Windows-1252, comma or semicolon) with the columns ``code``,
``label``, ``valid from`` and ``valid to`` (also ``kode``, ``navn``/``name``, ``gyldig fra``,
``gyldig til``, ``validFrom``, ``validTo``); the years may be blank (open-ended). Statistics Norway's
county (*fylke*) and municipality (*kommune*) lists, as Klass exports them, have this shape.

Loading is idempotent: a code already in the dimension gets the file's label and years, a new code
is added after the others, and a code the file does not list is left alone (observations may use it).
A code listed twice (a code reused after a merger) keeps the row with the latest ``valid from``.
Once loaded, codes in imported files match the values by code or by label (``resolve``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from veikart.core.exchange.csv_text import read_csv
from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import FileUnreadable
from veikart.indicators.models import Dimension, DimensionValue

_COLUMNS = {
    "code": "code",
    "kode": "code",
    "label": "label",
    "name": "label",
    "navn": "label",
    "valid from": "valid_from",
    "validfrom": "valid_from",
    "gyldig fra": "valid_from",
    "valid to": "valid_to",
    "validto": "valid_to",
    "gyldig til": "valid_to",
}


class ClassificationError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class ClassificationResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def _year(text: str, line: int, column: str, problems: list[str]) -> int | None:
    text = text.strip()
    if not text:
        return None
    match = re.match(r"^(\d{4})(?:-\d{2}-\d{2})?$", text)  # a year, or a date whose year counts
    if match is None:
        problems.append(
            _("Line %(line)s, column %(column)r: %(text)r is not a year.")
            % {"line": line, "column": column, "text": text}
        )
        return None
    return int(match[1])


def _rows(stream: BinaryIO) -> tuple[list[tuple[int, str, str, int | None, int | None]], list[str]]:
    """The file's rows as ``(line, code, label, valid from, valid to)``, read by the exchange layer."""
    problems: list[str] = []
    try:
        table = read_csv(stream, limits=Limits.for_commands())
        headers = table.header
        roles = {_COLUMNS.get(re.sub(r"[\s_]+", " ", h.strip().casefold())): i for i, h in enumerate(headers)}
        missing = [name for name in ("code", "label") if name not in roles]
        if missing:
            raise ClassificationError(
                [_("The header row has no %(columns)s column.") % {"columns": " or ".join(missing)}]
            )
        rows = []
        for line, record in table.records:
            record = record + [""] * (len(headers) - len(record))

            def cell(role: str, record=record) -> str:
                return record[roles[role]].strip() if role in roles else ""

            valid_from = _year(cell("valid_from"), line, "valid from", problems)
            valid_to = _year(cell("valid_to"), line, "valid to", problems)
            rows.append((line, cell("code"), cell("label"), valid_from, valid_to))
    except FileUnreadable as error:
        raise ClassificationError([error.message]) from None
    return rows, problems


def classification_load(
    *, stream: BinaryIO, dimension_code: str, name: str | None = None, dry_run: bool = False
) -> ClassificationResult:
    """Load the classification in ``stream`` into the dimension ``dimension_code`` (created if missing).

    Raises ``ClassificationError`` listing every problem (bad codes, labels or years); nothing is
    written then, nor in a dry run.
    """
    rows, problems = _rows(stream)
    latest: dict[str, tuple[int, str, str, int | None, int | None]] = {}
    for row in rows:
        line, code, label, valid_from, valid_to = row
        if not code or not label:
            problems.append(_("Line %(line)s: a value needs a code and a label.") % {"line": line})
            continue
        known = latest.get(code)
        if known is None or (valid_from or 0) >= (known[3] or 0):
            latest[code] = row
    result = ClassificationResult()
    with transaction.atomic():
        dimension, _created = Dimension.objects.get_or_create(
            code=dimension_code, defaults={"name": (name or dimension_code)[:200]}
        )
        existing = {value.code: value for value in dimension.values.all()}
        position = max((value.position for value in existing.values()), default=0)
        changed = []
        for line, code, label, valid_from, valid_to in latest.values():
            value = existing.get(code)
            if value is None:
                position += 1
                value = DimensionValue(dimension=dimension, code=code, position=position)
                result.created += 1
            elif (value.label, value.valid_from, value.valid_to) == (label[:200], valid_from, valid_to):
                result.unchanged += 1
                continue
            else:
                result.updated += 1
            value.label, value.valid_from, value.valid_to = label[:200], valid_from, valid_to
            try:
                value.full_clean(exclude=["dimension", "parent"], validate_unique=False)
            except ValidationError as error:
                problems.extend(f"{_('Line %(line)s') % {'line': line}}: {message}" for message in error.messages)
                continue
            changed.append(value)
        if problems:
            transaction.set_rollback(True)
            raise ClassificationError(problems)
        for value in changed:
            value.save()
        if dry_run:
            transaction.set_rollback(True)
    return result
