"""JSON-stat 2.0 and 1.x: a dataset (as Statistics Norway's API returns it), a 2.0 collection of embedded
datasets, or a 1.x bundle (datasets under named top-level keys, as the ONS and older APIs answer).

One dimension is the period: the one named in ``role.time``, else one with the id ``Tid``, ``time``,
``period``, ``year`` or ``TIME_PERIOD``. A dimension with the id ``indicator`` names the indicator of
each value; otherwise ``extension.indicator`` of the dataset or the ``--indicator`` option does. The
other dimensions are breakdown columns named by their id, with the category labels alongside; the
resolver matches them to Veikart's dimensions, knows the totals (``_T``, ``TOTAL``, a label such as
"Total" or "All categories: Age") and can slice the cube (``--where``). A dimension with a single
category is a constant (``Column`` role ``CONSTANT``: a breakdown only if Veikart has the dimension);
one named in ``role.metric`` with several categories (ContentsCode, Variables) must be sliced to one.
``value`` may be an array or an object keyed by position; ``null`` values are holes in the cube and
are skipped (the resolver counts them as holes, or as outside the slice). ``status`` may be a string, an array or an object; its symbol is
the attribute ``OBS_STATUS`` of the value (``p`` makes it provisional). ``extension.attributes``
(``{"UNIT_MULT": {"3": "0"}}``, by position), which Veikart's own export writes, gives further
attributes.

JSON-stat 1.x differs in where things sit: the dataset is the value of a named key (a bundle, no
``class``), ``id``, ``size`` and ``role`` sit inside ``dimension`` next to the dimension objects, and
a category ``index`` is an object in any key order; the order comes from its numbers.

The file is read as a stream (ijson), in two passes, because the keys of a JSON-stat object may come
in any order (``value`` may precede ``id``, ``size`` and ``dimension``). The first pass builds
everything but the ``value`` and ``status`` of each dataset: of ``value`` it keeps only its shape (how
many values, the lowest and highest position), of ``status`` a compact lookup (one byte per symbol,
plus its position in a status object). The second pass reads ``value`` again, one value at a time.
Memory holds the metadata, that lookup and the parser's buffer, never the values.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from veikart.core.exchange.json_documents import json_events
from veikart.core.exchange.limits import Limits
from veikart.indicators.importers.base import (
    ATTRIBUTE,
    ATTRIBUTE_NAMES,
    ATTRIBUTES,
    CONSTANT,
    DIMENSION,
    METRIC,
    Column,
    FileError,
    RawRow,
    Reader,
)
from veikart.indicators.periods import PeriodError, parse_period

TIME_IDS = {"tid", "time", "period", "year", "time_period", "år"}
INDICATOR_ID = "indicator"
# Top-level keys of a JSON-stat 2.0 dataset that hold objects: a ``value`` inside one of these is not
# a dataset's values (whereas a 1.x bundle holds each dataset's ``value`` under the dataset's name).
_DATASET_KEYS = {"dimension", "extension", "link", "note", "role", "error", "child", "href", "updated"}
# Where the value and status of a dataset sit (ijson prefixes): in a dataset document, or in a
# dataset embedded in a collection's ``link.item``.
_ITEM_AT = "link.item.item"
_VALUE_AT = {"value", f"{_ITEM_AT}.value"}
_STATUS_AT = {"status", f"{_ITEM_AT}.status"}
_OPENING = ("start_map", "start_array")
_CLOSING = ("end_map", "end_array")
_NESTED = "[…]"  # stands for an array or object where a single value belongs


def _is_bundle_member(prefix: str, member: str) -> bool:
    """True if ``prefix`` is ``<name>.<member>`` of a 1.x bundle's dataset called ``name``."""
    name, dot, rest = prefix.partition(".")
    return bool(dot) and rest == member and name not in _DATASET_KEYS


def _events(stream, limits: Limits) -> Iterator[tuple[str, str, Any]]:
    """ijson's ``(prefix, event, value)`` events over ``stream`` from its start, within ``limits`` (nesting depth).

    Broken JSON raises ``FileError`` (the exchange layer's ``FileUnreadable``).
    """
    return json_events(stream, limits=limits)


def _skip(events: Iterator) -> None:
    """Consume the rest of the array or object just opened."""
    depth = 1
    for _prefix, event, _value in events:
        if event in _OPENING:
            depth += 1
        elif event in _CLOSING:
            depth -= 1
            if depth == 0:
                return


def _members(events: Iterator) -> Iterator[tuple[str | None, Any]]:
    """``(key, value)`` for each member of the array or object just opened (key None in an array).

    A member that is itself an array or object is skipped and given as ``_NESTED``.
    """
    key = None
    for _prefix, event, value in events:
        if event == "map_key":
            key = value
        elif event in _CLOSING:
            return
        elif event in _OPENING:
            _skip(events)
            yield key, _NESTED
        else:
            yield key, value


def _build(events: Iterator, event: str, value: Any) -> Any:
    """The JSON value that starts with ``event``, built whole except the value and status of datasets."""
    if event == "start_map":
        built: dict[str, Any] = {}
        key = ""
        for prefix, member_event, member in events:
            if member_event == "end_map":
                break
            if member_event == "map_key":
                key = member
            elif member_event in _OPENING and (prefix in _VALUE_AT or _is_bundle_member(prefix, "value")):
                built[key] = _Values.read(events, is_array=member_event == "start_array")
            elif member_event in _OPENING and (prefix in _STATUS_AT or _is_bundle_member(prefix, "status")):
                built[key] = _Statuses.read(events, is_array=member_event == "start_array")
            else:
                built[key] = _build(events, member_event, member)
        return built
    if event == "start_array":
        items = []
        for _prefix, member_event, member in events:
            if member_event == "end_array":
                break
            items.append(_build(events, member_event, member))
        return items
    return value


@dataclass(slots=True)
class _Values:
    """The shape of a dataset's ``value`` array or object, read without keeping the values."""

    is_array: bool
    count: int = 0
    lowest: int = 0
    highest: int = 0
    keys_are_positions: bool = True

    @classmethod
    def read(cls, events: Iterator, *, is_array: bool) -> _Values:
        shape = cls(is_array=is_array)
        for key, _value in _members(events):
            shape.count += 1
            if is_array:
                continue
            try:
                position = int(key)
            except ValueError:
                shape.keys_are_positions = False
                continue
            if shape.count == 1 or position < shape.lowest:
                shape.lowest = position
            if shape.count == 1 or position > shape.highest:
                shape.highest = position
        return shape


class _Statuses:
    """A dataset's ``status`` array or object as a compact lookup: one byte per symbol (and its position).

    A status array gives the symbol of each value by position; a status object only of some, keyed by
    position. The few distinct symbols (``p``, ``e``…) are numbered; 0 stands for none.
    """

    def __init__(self, *, is_array: bool) -> None:
        self.symbols: list[Any] = [None]
        self.codes = bytearray()
        self.positions: array | None = None if is_array else array("q")

    @classmethod
    def read(cls, events: Iterator, *, is_array: bool) -> _Statuses:
        statuses = cls(is_array=is_array)
        numbers: dict[Any, int] = {None: 0}
        in_order = True
        for key, symbol in _members(events):
            code = numbers.get(symbol)
            if code is None:
                if len(statuses.symbols) > 255:
                    raise FileError(_("The status holds more than 255 different symbols."))
                code = numbers[symbol] = len(statuses.symbols)
                statuses.symbols.append(symbol)
            if statuses.positions is None:
                statuses.codes.append(code)
                continue
            try:
                position = int(key)
                if statuses.positions and position < statuses.positions[-1]:
                    in_order = False
                statuses.positions.append(position)
            except (ValueError, OverflowError):
                continue  # not a position: it can belong to no value
            statuses.codes.append(code)
        if not in_order and statuses.positions is not None:
            order = sorted(range(len(statuses.positions)), key=statuses.positions.__getitem__)
            statuses.positions = array("q", (statuses.positions[i] for i in order))
            statuses.codes = bytearray(statuses.codes[i] for i in order)
        return statuses

    def at(self, index: int) -> Any:
        """The status symbol of the value at ``index``, or None."""
        if self.positions is None:
            return self.symbols[self.codes[index]] if index < len(self.codes) else None
        found = bisect.bisect_left(self.positions, index)
        if found < len(self.positions) and self.positions[found] == index:
            return self.symbols[self.codes[found]]
        return None


def _is_period(text: str) -> bool:
    try:
        parse_period(text)
    except PeriodError:
        return False
    return True


def _labels(dimension: dict) -> dict[str, str]:
    """The labels of a dimension's categories by code (empty if it gives none)."""
    labels = dimension.get("category", {}).get("label")
    if not isinstance(labels, dict):
        return {}
    return {str(code): str(label) for code, label in labels.items() if isinstance(label, str | int | float)}


def _categories(dimension_id: str, dimension: dict) -> list[str]:
    """Category codes of a dimension in index order."""
    category = dimension.get("category") if isinstance(dimension, dict) else None
    if not isinstance(category, dict):
        raise FileError(_("Dimension %(id)r has no category.") % {"id": dimension_id})
    index = category.get("index")
    if index is None:
        labels = category.get("label")
        if isinstance(labels, dict) and len(labels) == 1:
            return list(labels)
        raise FileError(_("Dimension %(id)r has no category index.") % {"id": dimension_id})
    if isinstance(index, list):
        return [str(code) for code in index]
    if isinstance(index, dict):
        ordered = sorted(index.items(), key=lambda item: item[1])
        if [position for _code, position in ordered] != list(range(len(ordered))):
            raise FileError(_("The category index of dimension %(id)r is not 0, 1, 2, …") % {"id": dimension_id})
        return [str(code) for code, _position in ordered]
    raise FileError(_("The category index of dimension %(id)r is neither a list nor an object.") % {"id": dimension_id})


class JsonStatReader(Reader):
    format_name = "json-stat"

    def rows(self) -> Iterator[RawRow]:
        document = self._metadata()
        bundle = {
            name: member
            for name, member in document.items()
            if isinstance(member, dict) and "dimension" in member and isinstance(member.get("value"), _Values)
        }
        if "class" not in document and "dimension" not in document and bundle:
            datasets: dict = bundle  # JSON-stat 1.x: datasets under their names
        elif document.get("class") == "collection":
            link = document.get("link")
            items = link.get("item") if isinstance(link, dict) else None
            datasets = {
                position: item
                for position, item in enumerate(items if isinstance(items, list) else [])
                if isinstance(item, dict) and item.get("class") == "dataset"
            }
            if not datasets:
                raise FileError(_("The collection embeds no dataset."))
        elif document.get("class") == "dataset" or "dimension" in document:
            datasets = {None: document}
        else:
            raise FileError(_("The file is not a JSON-stat dataset, collection or bundle."))
        # Breakdown columns are the union over datasets, so that every row has a cell for each.
        plans = {
            position: self._plan(number, dataset)
            for number, (position, dataset) in enumerate(datasets.items(), start=1)
        }
        headers: list[str] = []
        columns: dict[str, Column] = {}
        attributes: list[str] = ["OBS_STATUS"]
        for plan in plans.values():
            for dimension_id, column in plan["breakdowns"].items():
                if dimension_id not in columns:
                    headers.append(dimension_id)
                    columns[dimension_id] = Column(
                        dimension_id, column.role, len(headers) - 1, column.attribute, column.labels, column.label
                    )
                else:
                    known = columns[dimension_id]
                    known.labels = {**(known.labels or {}), **(column.labels or {})}
                    if known.role != column.role:
                        known.role = DIMENSION  # a constant in one dataset and not in another is a breakdown
            # After the status symbol (OBS_STATUS too), so that an attribute given in both wins from here.
            attributes.extend(key for key in plan["attributes"] if key not in attributes[1:])
        self.dimension_columns = [columns[header] for header in headers]
        self.attribute_columns = [Column(key, ATTRIBUTE, index, attribute=key) for index, key in enumerate(attributes)]
        self.has_indicator_column = any(
            plan["indicator_dim"] is not None or plan["indicator"] for plan in plans.values()
        )
        yield from self._values(plans, headers, attributes)

    def _metadata(self) -> dict:
        """First pass: the document without the values of its datasets (see ``_Values``, ``_Statuses``)."""
        events = _events(self.stream, self.limits)
        first = next(events, None)
        if first is None:
            raise FileError(_("The file is not valid JSON: it is empty."))
        _prefix, event, value = first
        if event != "start_map":
            if event in _OPENING:
                _skip(events)
            for _rest in events:
                pass  # broken JSON is reported as such
            raise FileError(_("A JSON-stat document is an object."))
        document = _build(events, event, value)
        for _rest in events:
            pass  # the parser checks that nothing follows the document
        return document

    def _values(self, plans: dict, headers: list[str], attributes: list[str]) -> Iterator[RawRow]:
        """Second pass: each dataset's values, read again from the file one at a time."""
        events = _events(self.stream, self.limits)
        item = -1  # the position in a collection's link.item
        for prefix, event, _value in events:
            if prefix == _ITEM_AT and event not in _CLOSING and event != "map_key":
                item += 1
            elif event in _OPENING and (prefix in _VALUE_AT or _is_bundle_member(prefix, "value")):
                if prefix == "value":
                    plan = plans.get(None)
                elif prefix in _VALUE_AT:
                    plan = plans.get(item)
                else:
                    plan = plans.get(prefix.partition(".")[0])
                if plan is None:
                    _skip(events)
                    continue
                members = _members(events)
                if event == "start_array":
                    cells = enumerate(value for _key, value in members)
                else:
                    cells = ((int(key), value) for key, value in members)
                yield from self._walk(plan, headers, attributes, cells)

    def _plan(self, number: int, dataset: dict) -> dict:
        prefix = f"dataset {number}: " if number > 1 else ""
        ids, sizes, dimensions = dataset.get("id"), dataset.get("size"), dataset.get("dimension")
        role = dataset.get("role")
        if ids is None and sizes is None and isinstance(dimensions, dict):
            # JSON-stat 1.x: id, size and role sit inside dimension.
            ids, sizes, role = dimensions.get("id"), dimensions.get("size"), dimensions.get("role")
        if not isinstance(ids, list) or not isinstance(sizes, list) or not isinstance(dimensions, dict):
            raise FileError(prefix + _("A JSON-stat dataset needs id, size and dimension."))
        if len(ids) != len(sizes):
            raise FileError(
                prefix
                + _("id names %(ids)s dimensions but size gives %(sizes)s.") % {"ids": len(ids), "sizes": len(sizes)}
            )
        categories = []
        for dimension_id, size in zip(ids, sizes, strict=True):
            if dimension_id not in dimensions:
                raise FileError(prefix + _("Dimension %(id)r is in id but not in dimension.") % {"id": dimension_id})
            codes = _categories(dimension_id, dimensions[dimension_id])
            if len(codes) != size:
                raise FileError(
                    f"{prefix}Dimension {dimension_id!r} has {len(codes)} categories but its size is {size}."
                )
            categories.append(codes)
        total = math.prod(sizes)
        values = dataset.get("value")
        if not isinstance(values, _Values):
            raise FileError(prefix + _("The dataset has no value array or object."))
        if values.is_array and values.count != total:
            raise FileError(
                f"{prefix}The sizes ({' × '.join(map(str, sizes))} = {total}) do not match the {values.count} values."
            )
        if not values.is_array and not values.keys_are_positions:
            raise FileError(prefix + _("The keys of value must be positions (0, 1, 2, …)."))
        if not values.is_array and values.count and (values.lowest < 0 or values.highest >= total):
            raise FileError(
                prefix
                + _("value holds position %(position)s but the cube has %(total)s cells.")
                % {"position": values.highest, "total": total}
            )
        role = role if isinstance(role, dict) else {}
        role_time = role.get("time") or []
        if isinstance(role_time, str):
            role_time = [role_time]  # one id where the format asks for a list of them
        elif not isinstance(role_time, list):
            role_time = []
        time_ids = [d for d in role_time if d in ids] or [d for d in ids if d.casefold() in TIME_IDS]
        if not time_ids:
            raise FileError(prefix + _("No dimension is the period (give it role time, or call it Tid or period)."))
        time_id = time_ids[0]
        # A period coded opaquely (the ONS's ``CI_0000001``) is read from its label (``2011``).
        time_labels = _labels(dimensions[time_id])
        periods = [
            code if _is_period(code) or not _is_period(time_labels.get(code, "")) else time_labels[code]
            for code in categories[ids.index(time_id)]
        ]
        indicator_dim = next((d for d in ids if d.casefold() == INDICATOR_ID), None)
        metrics = set(role.get("metric") or [])
        breakdowns: dict[str, Column] = {}
        for dimension_id, codes in zip(ids, categories, strict=True):
            if dimension_id in (time_id, indicator_dim):
                continue
            if len(codes) == 1:
                kind = CONSTANT  # such as ContentsCode in a table of one measure
            elif dimension_id in metrics:
                kind = METRIC
            else:
                kind = DIMENSION
            dimension = dimensions[dimension_id]
            label = dimension.get("label")
            breakdowns[dimension_id] = Column(
                dimension_id,
                kind,
                len(breakdowns),
                attribute=ATTRIBUTE_NAMES.get(dimension_id.casefold(), ""),
                labels=_labels(dimension),
                label=label if isinstance(label, str) else "",
            )
        extension = dataset.get("extension") if isinstance(dataset.get("extension"), dict) else {}
        given = extension.get("attributes") if isinstance(extension.get("attributes"), dict) else {}
        attributes = {
            key: by_position
            for key, by_position in given.items()
            if key in ATTRIBUTES and isinstance(by_position, dict)
        }
        return {
            "prefix": prefix,
            "ids": ids,
            "sizes": sizes,
            "categories": categories,
            "status": dataset.get("status"),
            "time": time_id,
            "periods": periods,
            "indicator_dim": indicator_dim,
            "indicator": extension.get("indicator"),
            "breakdowns": breakdowns,
            "attributes": attributes,
        }

    def _walk(
        self, plan: dict, headers: list[str], attributes: list[str], values: Iterator[tuple[int, Any]]
    ) -> Iterator[RawRow]:
        """One row per value; ``values`` gives each value with its position in the cube.

        A ``null`` is passed on as a row whose value is None, a hole the resolver skips (or counts as
        outside the slice).
        """
        ids, sizes, categories = plan["ids"], plan["sizes"], plan["categories"]
        axes = [(math.prod(sizes[i + 1 :]), size) for i, size in enumerate(sizes)]
        position = {dimension_id: i for i, dimension_id in enumerate(ids)}
        time_codes = plan["periods"]
        indicator_at = position.get(plan["indicator_dim"]) if plan["indicator_dim"] else None
        # Worked out once per category, not per value: this runs once per value of files with millions.
        places = [[f"{d}={code}" for code in codes] for d, codes in zip(ids, categories, strict=True)]
        columns = []
        for header in headers:
            at = position.get(header) if header in plan["breakdowns"] else None
            columns.append((at, categories[at] if at is not None else None))
        status = plan["status"]
        given = [plan["attributes"].get(key) for key in attributes[1:]]
        where = f"{plan['prefix']}value"
        for index, value in values:
            coordinates = [(index // stride) % size for stride, size in axes]
            if isinstance(status, str):
                symbol = status
            elif isinstance(status, _Statuses):
                symbol = status.at(index)
            else:
                symbol = None
            key = str(index)
            found = tuple([None if by_position is None else by_position.get(key) for by_position in given])
            yield RawRow(
                where=f"{where}[{index}] ({', '.join([places[i][at] for i, at in enumerate(coordinates)])})",
                period=time_codes[coordinates[position[plan["time"]]]],
                value=value,
                cells=tuple(["" if at is None else cells[coordinates[at]] for at, cells in columns]),
                indicator=categories[indicator_at][coordinates[indicator_at]]
                if indicator_at is not None
                else plan["indicator"],
                attributes=(symbol, *found),
            )
