"""Field differences between two states of one object: the one implementation every page uses.

The staff change history (``core.history``), the public change logs of roadmap items and
indicators, and the edit-conflict notice all call ``field_diffs`` and render the result with the
template ``core/includes/field_diff.html``, so a change reads the same wherever it is shown.

A *state* is a mapping of field names to raw values, read by ``state_of`` from a live object or a
django-simple-history record: the column value for ordinary fields (the id for a foreign key) and
a frozenset of ids for a many-to-many field. ``field_diffs`` compares two states and turns every
difference into display text in the active language:

- text fields get a word-level diff (``segments``) with a few words of context around each change;
  long unchanged stretches are elided, so the two sides visibly differ;
- dates and times are formatted with the active language's short formats (``d.m.Y`` in Norwegian);
- choices show their labels, booleans "yes"/"no", foreign keys and many-to-many values the names of
  what they point to (a sub-goal or an indicator by its code, anything else by ``str()``);
  a many-to-many change lists what was added and removed.

What is shown must be looked up by the caller's rules: ``Names`` takes an optional base queryset
per model (e.g. the roadmap items the viewer may see), and ids outside it are left out.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext

# Words of unchanged text kept on each side of a change; longer unchanged stretches are elided.
CONTEXT_WORDS = 6
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Segment:
    """A piece of a word diff: ``kind`` is "same", "insert", "delete" or "gap" (elided unchanged text)."""

    kind: str
    text: str


@dataclass
class FieldDiff:
    """One changed field, ready to show: display texts of both sides and, where useful, the detail."""

    name: str
    label: str
    old: str
    new: str
    segments: list[Segment] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    is_set: bool = False

    @property
    def is_text(self) -> bool:
        return bool(self.segments)


class Names:
    """Looks up the names of related objects by id, batching and caching per model.

    ``querysets`` maps a model to the queryset its objects are read from (to keep out what the
    viewer may not see); other models are read from their default manager.
    """

    def __init__(self, querysets: Mapping[type[models.Model], models.QuerySet] | None = None) -> None:
        self._querysets = dict(querysets or {})
        self._cache: dict[type[models.Model], dict[Any, str]] = {}

    def load(self, model: type[models.Model], ids: Iterable[Any]) -> None:
        """Read the names of ``ids`` not read yet, in one query."""
        known = self._cache.setdefault(model, {})
        missing = {pk for pk in ids if pk is not None and pk not in known}
        if not missing:
            return
        queryset = self._querysets.get(model, model._default_manager.all())
        for obj in queryset.filter(pk__in=missing):
            known[obj.pk] = name_of(obj)
        for pk in missing:
            known.setdefault(pk, "")  # gone, or not for this viewer: shown as nothing

    def get(self, model: type[models.Model], pk: Any) -> str:
        if pk is None:
            return ""
        self.load(model, [pk])
        return self._cache[model][pk]


def name_of(obj: models.Model) -> str:
    """How a related object is named in a diff: a code where it has one (sub-goals), else ``str()``."""
    code = getattr(obj, "code", None)
    return code if isinstance(code, str) and code else str(obj)


def diffable_fields(model: type[models.Model], names: Iterable[str] | None = None) -> list[models.Field]:
    """The fields of ``model`` a diff compares: the named ones, or every editable field.

    Bookkeeping (ids, ``auto_now`` timestamps, lock versions: anything not editable) is left out.
    """
    if names is not None:
        return [model._meta.get_field(name) for name in names]
    fields = [f for f in model._meta.concrete_fields if f.editable and not f.primary_key]
    return fields + [f for f in model._meta.many_to_many if f.editable]


def state_of(obj: Any, fields: Iterable[models.Field]) -> dict[str, Any]:
    """The raw values of ``fields`` on a live object or a history record (see the module docstring).

    On a history record a many-to-many field is read from its recorded rows (one query per field;
    simple-history's accessors cannot be prefetched); a field the record does not track is left out.
    """
    state: dict[str, Any] = {}
    for f in fields:
        if f.many_to_many:
            manager = getattr(obj, f.name, None)
            if manager is None:
                continue
            if isinstance(obj, f.model):
                state[f.name] = frozenset(row.pk for row in manager.all())
            else:
                target = f.m2m_reverse_field_name()
                state[f.name] = frozenset(getattr(row, f"{target}_id") for row in manager.all())
        elif hasattr(obj, f.attname):
            state[f.name] = getattr(obj, f.attname)
    return state


def field_diffs(
    model: type[models.Model],
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    *,
    fields: Iterable[str] | None = None,
    names: Names | None = None,
    unnamed_changes: bool = False,
) -> list[FieldDiff]:
    """Every field that differs between two states of a ``model`` object, in the model's field order.

    A field missing from either state is skipped. A many-to-many change that involves only objects
    ``names`` cannot name (hidden from this viewer) is left out, or, with ``unnamed_changes``, kept
    as a change with nothing named (for an edit conflict, where that something changed matters).
    """
    names = names or Names()
    result = []
    for f in diffable_fields(model, fields):
        if f.name not in before or f.name not in after:
            continue
        old, new = before[f.name], after[f.name]
        if _same(old, new):
            continue
        label = str(f.verbose_name)
        if f.many_to_many:
            model_of = f.related_model
            names.load(model_of, set(old) | set(new))
            removed = sorted(n for n in (names.get(model_of, pk) for pk in set(old) - set(new)) if n)
            added = sorted(n for n in (names.get(model_of, pk) for pk in set(new) - set(old)) if n)
            if not added and not removed and not unnamed_changes:
                continue
            old_text = ", ".join(sorted(n for n in (names.get(model_of, pk) for pk in old) if n))
            new_text = ", ".join(sorted(n for n in (names.get(model_of, pk) for pk in new) if n))
            result.append(FieldDiff(f.name, label, old_text, new_text, added=added, removed=removed, is_set=True))
            continue
        old_text, new_text = display_value(f, old, names), display_value(f, new, names)
        segments = word_diff(old_text, new_text) if _is_text(f) and old_text and new_text else []
        result.append(FieldDiff(f.name, label, old_text, new_text, segments=segments))
    return result


def _same(old: Any, new: Any) -> bool:
    # An empty text and a missing value are the same to a reader.
    return old == new or (old in (None, "") and new in (None, ""))


def _is_text(f: models.Field) -> bool:
    return isinstance(f, (models.CharField, models.TextField)) and not f.choices


def display_value(f: models.Field, value: Any, names: Names | None = None) -> str:
    """``value`` of field ``f`` as a reader should see it, in the active language; "" for nothing."""
    if value is None or value == "":
        return ""
    if f.is_relation:
        return (names or Names()).get(f.related_model, value)
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    return plain_value(value)


def plain_value(value: Any) -> str:
    """A value of no particular field as text: localised dates, times and numbers, yes/no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, Decimal):
        # 12.5000 → 12,5 and 10.0000 → 10, without the exponent normalize() alone would give.
        exact = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
        return formats.number_format(exact, use_l10n=True)
    return str(value)


def word_diff(old: str, new: str, *, context: int = CONTEXT_WORDS) -> list[Segment]:
    """A word-level diff of two texts; unchanged stretches longer than twice ``context`` words are cut.

    Whitespace and punctuation are tokens of their own, so a changed comma shows as such. The
    segments, read without the insertions, give ``old`` (up to the elided gaps); without the
    deletions, ``new``.
    """
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    segments: list[Segment] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    opcodes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            segments.extend(_context(a[i1:i2], context, first=index == 0, last=index == len(opcodes) - 1))
            continue
        if tag in ("delete", "replace"):
            segments.append(Segment("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            segments.append(Segment("insert", "".join(b[j1:j2])))
    return segments


def _context(tokens: list[str], context: int, *, first: bool, last: bool) -> list[Segment]:
    """An unchanged stretch, cut to ``context`` words next to each change it borders."""
    words = [i for i, token in enumerate(tokens) if not token.isspace()]
    keep_head = 0 if first else context
    keep_tail = 0 if last else context
    if len(words) <= keep_head + keep_tail + 1:
        return [Segment("same", "".join(tokens))]
    head_end = words[keep_head - 1] + 1 if keep_head else 0
    tail_start = words[len(words) - keep_tail] if keep_tail else len(tokens)
    result = []
    if head_end:
        result.append(Segment("same", "".join(tokens[:head_end])))
    result.append(Segment("gap", " … "))
    if tail_start < len(tokens):
        result.append(Segment("same", "".join(tokens[tail_start:])))
    return result
