"""Readable change history on top of django-simple-history.

``history_entries`` turns an object's historical records into a list of
entries (who, when, what kind of change) with a field-by-field diff against the
previous record; long texts get a line diff.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

_KINDS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}


@dataclass
class FieldChange:
    label: str
    old: Any
    new: Any
    diff_lines: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class HistoryEntry:
    when: Any
    who: Any
    kind: str
    reason: str
    changes: list[FieldChange]


def _text_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Line diff as (marker, text) pairs, marker one of '+', '-', ' '."""
    lines = []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        marker, text = line[:1], line[2:]
        if marker in "+- ":
            lines.append((marker, text))
    return lines


def history_entries(obj: models.Model) -> list[HistoryEntry]:
    """The object's history, newest first; each change compared with the record before it."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes: list[FieldChange] = []
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                try:
                    label = str(obj._meta.get_field(change.field).verbose_name)
                except Exception:  # an m2m or removed field: fall back to its name
                    label = change.field
                old, new = change.old, change.new
                diff_lines = []
                if isinstance(old, str) and isinstance(new, str) and ("\n" in old or "\n" in new or len(old) > 80):
                    diff_lines = _text_diff(old, new)
                changes.append(FieldChange(label=label, old=old, new=new, diff_lines=diff_lines))
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=record.history_user,
                kind=str(_KINDS.get(record.history_type, record.history_type)),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return entries
