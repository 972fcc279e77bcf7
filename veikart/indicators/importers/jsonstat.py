"""JSON-stat 2.0: a dataset (as Statistics Norway's API returns it) or a collection of embedded datasets.

One dimension is the period: the one named in ``role.time``, else one with the id ``Tid``, ``time``,
``period``, ``year`` or ``TIME_PERIOD``. A dimension with the id ``indicator`` names the indicator of
each value; otherwise ``extension.indicator`` of the dataset or the ``--indicator`` option does. The
other dimensions are breakdowns, matched to Veikart's dimensions by id; a category coded ``_T`` or
``TOTAL`` is the total of its dimension. A dimension with a single category that is not a known
dimension (``ContentsCode``, a unit) is a constant and is skipped. ``value`` may be an array or an
object keyed by position; ``null`` values are holes in the cube and are skipped. ``status`` may be a
string, an array or an object; ``p`` marks a provisional value.

A JSON document cannot be read piece by piece without another library, so it is read whole; the cube
is still walked one value at a time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator

from veikart.indicators.importers.base import DIMENSION, Column, FileError, RawRow, Reader

TIME_IDS = {"tid", "time", "period", "year", "time_period", "år"}
TOTAL_CODES = {"_T", "TOTAL"}
INDICATOR_ID = "indicator"


def _categories(dimension_id: str, dimension: dict) -> list[str]:
    """Category codes of a dimension in index order."""
    category = dimension.get("category") if isinstance(dimension, dict) else None
    if not isinstance(category, dict):
        raise FileError(f"Dimension {dimension_id!r} has no category.")
    index = category.get("index")
    if index is None:
        labels = category.get("label")
        if isinstance(labels, dict) and len(labels) == 1:
            return list(labels)
        raise FileError(f"Dimension {dimension_id!r} has no category index.")
    if isinstance(index, list):
        return [str(code) for code in index]
    if isinstance(index, dict):
        ordered = sorted(index.items(), key=lambda item: item[1])
        if [position for _code, position in ordered] != list(range(len(ordered))):
            raise FileError(f"The category index of dimension {dimension_id!r} is not 0, 1, 2, …")
        return [str(code) for code, _position in ordered]
    raise FileError(f"The category index of dimension {dimension_id!r} is neither a list nor an object.")


class JsonStatReader(Reader):
    format_name = "json-stat"

    def __init__(self, stream, *, file_name: str = "", known_dimensions: set[str] | None = None) -> None:
        super().__init__(stream, file_name=file_name)
        self.known_dimensions = {code.casefold() for code in (known_dimensions or set())}

    def rows(self) -> Iterator[RawRow]:
        try:
            document = json.load(self.stream)
        except (ValueError, UnicodeDecodeError) as error:
            raise FileError(f"The file is not valid JSON: {error}") from None
        if not isinstance(document, dict):
            raise FileError("A JSON-stat document is an object.")
        if document.get("class") == "collection":
            items = (document.get("link") or {}).get("item") or []
            datasets = [item for item in items if isinstance(item, dict) and item.get("class") == "dataset"]
            if not datasets:
                raise FileError("The collection embeds no dataset.")
        elif document.get("class") == "dataset" or "dimension" in document:
            datasets = [document]
        else:
            raise FileError("The file is not a JSON-stat 2.0 dataset or collection.")
        # Breakdown columns are the union over datasets, so that every row has a cell for each.
        plans = [self._plan(number, dataset) for number, dataset in enumerate(datasets, start=1)]
        headers: list[str] = []
        for plan in plans:
            for dimension_id in plan["breakdowns"]:
                if dimension_id not in headers:
                    headers.append(dimension_id)
        self.dimension_columns = [Column(header, DIMENSION, index) for index, header in enumerate(headers)]
        self.has_indicator_column = any(plan["indicator_dim"] is not None or plan["indicator"] for plan in plans)
        for plan in plans:
            yield from self._walk(plan, headers)

    def _plan(self, number: int, dataset: dict) -> dict:
        prefix = f"dataset {number}: " if number > 1 else ""
        ids, sizes, dimensions = dataset.get("id"), dataset.get("size"), dataset.get("dimension")
        if not isinstance(ids, list) or not isinstance(sizes, list) or not isinstance(dimensions, dict):
            raise FileError(f"{prefix}A JSON-stat dataset needs id, size and dimension.")
        if len(ids) != len(sizes):
            raise FileError(f"{prefix}id names {len(ids)} dimensions but size gives {len(sizes)}.")
        categories = []
        for dimension_id, size in zip(ids, sizes, strict=True):
            if dimension_id not in dimensions:
                raise FileError(f"{prefix}Dimension {dimension_id!r} is in id but not in dimension.")
            codes = _categories(dimension_id, dimensions[dimension_id])
            if len(codes) != size:
                raise FileError(
                    f"{prefix}Dimension {dimension_id!r} has {len(codes)} categories but its size is {size}."
                )
            categories.append(codes)
        total = math.prod(sizes)
        values = dataset.get("value")
        if isinstance(values, list):
            if len(values) != total:
                raise FileError(
                    f"{prefix}The sizes ({' × '.join(map(str, sizes))} = {total}) do not match "
                    f"the {len(values)} values."
                )
            cells = enumerate(values)
        elif isinstance(values, dict):
            try:
                cells = sorted((int(key), value) for key, value in values.items())
            except ValueError:
                raise FileError(f"{prefix}The keys of value must be positions (0, 1, 2, …).") from None
            if cells and (cells[0][0] < 0 or cells[-1][0] >= total):
                raise FileError(f"{prefix}value holds position {cells[-1][0]} but the cube has {total} cells.")
        else:
            raise FileError(f"{prefix}The dataset has no value array or object.")
        role_time = ((dataset.get("role") or {}).get("time")) or []
        time_ids = [d for d in role_time if d in ids] or [d for d in ids if d.casefold() in TIME_IDS]
        if not time_ids:
            raise FileError(f"{prefix}No dimension is the period (give it role time, or call it Tid or period).")
        time_id = time_ids[0]
        indicator_dim = next((d for d in ids if d.casefold() == INDICATOR_ID), None)
        breakdowns = []
        for dimension_id, codes in zip(ids, categories, strict=True):
            if dimension_id in (time_id, indicator_dim):
                continue
            if len(codes) == 1 and dimension_id.casefold() not in self.known_dimensions:
                continue  # a constant such as ContentsCode
            breakdowns.append(dimension_id)
        return {
            "prefix": prefix,
            "ids": ids,
            "sizes": sizes,
            "categories": categories,
            "cells": cells,
            "status": dataset.get("status"),
            "time": time_id,
            "indicator_dim": indicator_dim,
            "indicator": (dataset.get("extension") or {}).get("indicator"),
            "breakdowns": breakdowns,
        }

    def _walk(self, plan: dict, headers: list[str]) -> Iterator[RawRow]:
        ids, sizes, categories = plan["ids"], plan["sizes"], plan["categories"]
        strides = [math.prod(sizes[i + 1 :]) for i in range(len(sizes))]
        position = {dimension_id: i for i, dimension_id in enumerate(ids)}
        time_at = position[plan["time"]]
        indicator_at = position.get(plan["indicator_dim"]) if plan["indicator_dim"] else None
        cell_at = [position.get(header) for header in headers]
        status = plan["status"]
        for index, value in plan["cells"]:
            if value is None:
                continue
            coordinates = [(index // stride) % size for stride, size in zip(strides, sizes, strict=True)]
            codes = [categories[i][coordinates[i]] for i in range(len(ids))]
            cells = tuple(
                "" if at is None or codes[at] in TOTAL_CODES or header not in plan["breakdowns"] else codes[at]
                for header, at in zip(headers, cell_at, strict=True)
            )
            if isinstance(status, str):
                symbol = status
            elif isinstance(status, list):
                symbol = status[index] if index < len(status) else None
            elif isinstance(status, dict):
                symbol = status.get(str(index))
            else:
                symbol = None
            yield RawRow(
                where=f"{plan['prefix']}value[{index}] ({', '.join(f'{d}={c}' for d, c in zip(ids, codes, strict=True))})",
                period=codes[time_at],
                value=value,
                cells=cells,
                indicator=codes[indicator_at] if indicator_at is not None else plan["indicator"],
                status=symbol,
            )
