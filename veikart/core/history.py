"""Readable change history on top of django-simple-history.

- ``history_entries``: an object's records (who, when, what kind of change, why) with the field
  differences against the record before, from ``core.diffs``; the staff page ``core:change-history``.
- ``reason_display``: a stored change reason in the page's language. Reasons are stored as their
  English source string (marked with ``gettext_noop`` where they are written) and translated here,
  so one history reads in bokmål, nynorsk or English; "Import: file.csv" translates its prefix.
- ``bulk_update_with_full_history``: ``bulk_update`` whose history records hold the objects'
  many-to-many values too (simple-history's own bulk path records them empty, which reads as
  "owners removed").
- ``published_periods`` and ``in_periods``: when an object was public, from its records, for the
  public change logs, which show nothing from before publication or from unpublished periods.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from veikart.core.diffs import FieldDiff, Names, diffable_fields, field_diffs, state_of
from veikart.core.history_writes import write_history

_KINDS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}

Period = tuple[datetime.datetime, datetime.datetime | None]


@dataclass
class HistoryEntry:
    when: Any
    who: Any
    kind: str
    reason: str
    changes: list[FieldDiff]


def reason_display(reason: str | None) -> str:
    """A stored change reason in the active language ("" for none).

    A reason of the form "Prefix: detail" whose whole text has no translation has its prefix
    translated ("Import: data.csv" → "Import: data.csv" / "Innlesing: data.csv").
    """
    if not reason:
        return ""
    translated = gettext(reason)
    if translated != reason or ": " not in reason:
        return translated
    prefix, detail = reason.split(": ", 1)
    return f"{gettext(prefix)}: {detail}"


def history_entries(obj: models.Model, *, names: Names | None = None) -> list[HistoryEntry]:
    """The object's history, newest first; each change compared with the record before it.

    The first record lists no changes (there is nothing to compare it with).
    """
    model = type(obj)
    fields = diffable_fields(model)
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    names = names or Names()
    states = record_states(model, records, fields)
    entries = []
    for index, record in enumerate(records):
        changes: list[FieldDiff] = []
        if index + 1 < len(records):
            changes = field_diffs(model, states[index + 1], states[index], names=names)
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=record.history_user,
                kind=str(_KINDS.get(record.history_type, record.history_type)),
                reason=reason_display(record.history_change_reason),
                changes=changes,
            )
        )
    return entries


def record_states(model: type[models.Model], records: Sequence[Any], fields: Sequence[models.Field]) -> list[dict]:
    """``diffs.state_of`` for many history records of ``model``, reading each many-to-many field in one query."""
    plain = [f for f in fields if not f.many_to_many]
    states = [state_of(record, plain) for record in records]
    ids = [record.history_id for record in records]
    for f in fields:
        if not f.many_to_many or f not in HistoricalRecords.m2m_models:
            continue
        target = f"{f.m2m_reverse_field_name()}_id"
        rows = HistoricalRecords.m2m_models[f].objects.filter(history_id__in=ids).values_list("history_id", target)
        by_record: dict[int, set] = {}
        for history_id, target_id in rows:
            by_record.setdefault(history_id, set()).add(target_id)
        for record, state in zip(records, states, strict=True):
            state[f.name] = frozenset(by_record.get(record.history_id, ()))
    return states


def bulk_update_with_full_history(
    objs: Sequence[models.Model],
    model: type[models.Model],
    fields: list[str],
    *,
    user: Any = None,
    reason: str = "",
    batch_size: int = 1000,
) -> int:
    """``bulk_update`` the objects and write one history record each, with their many-to-many values.

    The records carry the many-to-many rows as they are in the database when this runs (a bulk
    update does not touch them), so the next diff shows no change to them. The records are written
    by the database (``core.history_writes``). Returns how many were written.
    """
    model._default_manager.bulk_update(objs, fields, batch_size=batch_size)
    return write_history(model, [obj.pk for obj in objs], user=user, reason=reason)


def published_periods(
    records: Iterable[Any], *, is_public: Callable[[Any], bool] = lambda record: record.is_published
) -> list[Period]:
    """The periods an object was public, from its history records in any order: (start, end or None).

    A period starts at the first record that is public and ends at the next that is not (or that
    deletes the object); None means it is public still.
    """
    periods: list[Period] = []
    start = None
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        public = record.history_type != "-" and is_public(record)
        if public and start is None:
            start = record.history_date
        elif not public and start is not None:
            periods.append((start, record.history_date))
            start = None
    if start is not None:
        periods.append((start, None))
    return periods


def intersect_periods(first: list[Period], second: list[Period]) -> list[Period]:
    """The periods in both lists (e.g. an item published within a published strategy)."""
    result = []
    for start_a, end_a in first:
        for start_b, end_b in second:
            start = max(start_a, start_b)
            ends = [end for end in (end_a, end_b) if end is not None]
            end = min(ends) if ends else None
            if end is None or start < end:
                result.append((start, end))
    return sorted(result)


def in_periods(when: datetime.datetime, periods: list[Period]) -> bool:
    return any(start <= when and (end is None or when < end) for start, end in periods)


def period_start(when: datetime.datetime, periods: list[Period]) -> datetime.datetime | None:
    """The start of the period ``when`` falls in, or None."""
    for start, end in periods:
        if start <= when and (end is None or when < end):
            return start
    return None


@dataclass
class PublicEntry:
    """One line of a public change log: when, what happened (translated), and the fields that changed."""

    when: datetime.datetime
    headline: str = ""
    changes: list[FieldDiff] = field(default_factory=list)


def publication_entries(periods: list[Period]) -> list[PublicEntry]:
    """ "Published." at the start of the first public period, "Published again." at each later one."""
    return [
        PublicEntry(start, gettext("Published.") if index == 0 else gettext("Published again."))
        for index, (start, _end) in enumerate(periods)
    ]


def inside_periods(when: datetime.datetime, periods: list[Period]) -> bool:
    """Within a public period and after its start (the start itself is the "published" entry)."""
    start = period_start(when, periods)
    return start is not None and start != when


def public_changes(
    model: type[models.Model],
    records: Sequence[Any],
    periods: list[Period],
    fields: Sequence[str],
    *,
    names: Names | None = None,
) -> list[PublicEntry]:
    """Entries for the records of one object made inside public periods, each diffed with the one before.

    ``records`` oldest first. The record before a public change shows the state at the start of
    its period or later, which was public, so no value from an unpublished time appears.
    """
    model_fields = [model._meta.get_field(name) for name in fields]
    states = record_states(model, records, model_fields)
    entries = []
    for index in range(1, len(records)):
        if inside_periods(records[index].history_date, periods):
            changes = field_diffs(model, states[index - 1], states[index], fields=fields, names=names)
            if changes:
                entries.append(PublicEntry(records[index].history_date, changes=changes))
    return entries


def public_child_changes(
    model: type[models.Model],
    records: Sequence[Any],
    periods: list[Period],
    fields: Sequence[str],
    *,
    subject: Callable[[Any], str],
    headlines: dict[str, str],
    names: Names | None = None,
) -> list[tuple[PublicEntry, Any, Any]]:
    """Entries for the records of an object's parts (milestones, targets) made inside public periods.

    ``records`` oldest first, of any number of parts; ``headlines`` maps "+", "~" and "-" to a
    translated text with ``%(subject)s``. Returns (entry, record before or None, record) so the
    caller can add events of its own (a milestone marked done). A change that alters none of
    ``fields`` has an entry with no changes.
    """
    model_fields = [model._meta.get_field(name) for name in fields]
    previous: dict[Any, Any] = {}
    result = []
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        if not inside_periods(record.history_date, periods):
            continue
        changes: list[FieldDiff] = []
        if record.history_type == "~" and before is not None:
            old, new = record_states(model, [before, record], model_fields)
            changes = field_diffs(model, old, new, fields=fields, names=names)
        headline = headlines[record.history_type] % {"subject": subject(record)}
        result.append((PublicEntry(record.history_date, headline, changes), before, record))
    return result
