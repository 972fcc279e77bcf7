"""Exports of observations: tidy CSV, XLSX and JSON-stat 2.0, for one indicator or several.

Every export reads the indicators it is given (callers pass ``Indicator.objects.visible_to(user)``),
so unpublished data never leaves through a download. CSV and XLSX stream rows from the database and
are written by the exchange layer's download builder (semicolons and a decimal comma in Norwegian,
no cell a live formula); JSON-stat builds one cube per indicator. Observations' attributes
(``OBS_STATUS``, ``UNIT_MULT``…) go into columns named by the attribute after ``note`` (CSV, XLSX)
or into ``extension.attributes`` by position (JSON-stat). Each format imports back unchanged (tests
prove it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from veikart.core.content import content_languages
from veikart.core.exchange.downloads import CsvDialect, csv_chunks, dialect_for, json_bytes
from veikart.core.exchange.downloads import xlsx_bytes as workbook_bytes
from veikart.indicators.importers.base import ATTRIBUTES
from veikart.indicators.models import Dimension, DimensionValue, Indicator, Observation, breakdown_from_key
from veikart.indicators.periods import parse_period

TOTAL_CODE = "_T"


def _dimensions_of(indicators: Iterable[Indicator]) -> list[str]:
    """Codes of the dimensions the observations of ``indicators`` are broken down by, in dimension order."""
    keys = Observation.objects.filter(indicator__in=list(indicators)).values_list("breakdown_key", flat=True).distinct()
    codes = {code for key in keys for code in breakdown_from_key(key)}
    order = {code: i for i, code in enumerate(Dimension.objects.values_list("code", flat=True))}
    return sorted(codes, key=lambda code: (order.get(code, len(order)), code))


def _attributes_of(indicators: Iterable[Indicator]) -> list[str]:
    """The attributes the observations of ``indicators`` carry, in the order of ``ATTRIBUTES``."""
    found: set[str] = set()
    given = Observation.objects.filter(indicator__in=list(indicators), attributes__isnull=False)
    for attributes in given.values_list("attributes", flat=True).iterator(chunk_size=5000):
        found.update(attributes or {})
    return [key for key in ATTRIBUTES if key in found]


def tidy_rows(indicators: Iterable[Indicator]) -> Iterator[list]:
    """The header and then one row per observation: indicator, period, dimensions…, value, status, note,
    attributes… (the attribute columns only if an observation has one).

    Values are ``Decimal``s; the download builder writes them in the download's dialect.
    """
    indicators = list(indicators)
    dimensions = _dimensions_of(indicators)
    attribute_keys = _attributes_of(indicators)
    yield ["indicator", "period", *dimensions, "value", "status", "note", *attribute_keys]
    codes = {indicator.pk: indicator.code for indicator in indicators}
    observations = (
        Observation.objects.filter(indicator__in=indicators)
        .order_by("indicator__code", "breakdown_key", "period_key")
        .values_list("indicator_id", "period", "breakdown_key", "value", "status", "note", "attributes")
    )
    for indicator_id, period, key, value, status, note, attributes in observations.iterator(chunk_size=5000):
        breakdown = breakdown_from_key(key)
        yield [
            codes[indicator_id],
            period,
            *(breakdown.get(code, "") for code in dimensions),
            value,
            status,
            note,
            *((attributes or {}).get(name, "") for name in attribute_keys),
        ]


def tidy_csv_chunks(indicators: Iterable[Indicator], *, dialect: CsvDialect | None = None) -> Iterator[bytes]:
    """The tidy CSV for a streaming response, as Norwegian Excel opens it (``core.exchange.downloads``)."""
    rows = tidy_rows(indicators)
    return csv_chunks(next(rows), rows, dialect=dialect or dialect_for())


def tidy_csv(indicators: Iterable[Indicator], *, dialect: CsvDialect | None = None) -> str:
    return b"".join(tidy_csv_chunks(indicators, dialect=dialect)).decode("utf-8-sig")


def xlsx_bytes(indicators: Iterable[Indicator]) -> bytes:
    """A workbook with the tidy table on its first sheet: values as numbers, every text cell as text."""
    rows = tidy_rows(indicators)
    return workbook_bytes(next(rows), rows, sheet_title="data")


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def jsonstat_dataset(indicator: Indicator) -> dict:
    """One indicator as a JSON-stat 2.0 dataset: dimensions ``period`` and one per breakdown dimension.

    A dimension's category ``_T`` is the total. Values are an object keyed by position (the cube is
    usually sparse); ``status`` marks provisional values with ``p``.
    """
    observations = list(
        Observation.objects.filter(indicator=indicator)
        .order_by("period_key")
        .values_list("period", "period_key", "breakdown_key", "value", "status", "attributes")
    )
    periods = list(dict.fromkeys(period for period, *_rest in sorted(observations, key=lambda o: o[1])))
    breakdowns = {key: breakdown_from_key(key) for key in {o[2] for o in observations}}
    dimension_codes = _dimensions_of([indicator])
    dimensions = {d.code: d for d in Dimension.objects.filter(code__in=dimension_codes)}
    categories: dict[str, list[str]] = {}
    labels: dict[str, dict[str, str]] = {}
    for code in dimension_codes:
        used = {b[code] for b in breakdowns.values() if code in b}
        values = DimensionValue.objects.filter(dimension__code=code, code__in=used).order_by("position", "code")
        categories[code] = [TOTAL_CODE, *(v.code for v in values)]
        labels[code] = {TOTAL_CODE: "Total", **{v.code: v.label for v in values}}
    ids = ["period", *dimension_codes]
    sizes = [len(periods), *(len(categories[c]) for c in dimension_codes)]
    period_at = {period: i for i, period in enumerate(periods)}
    category_at = {code: {value: i for i, value in enumerate(categories[code])} for code in dimension_codes}
    strides = [1] * len(sizes)
    for i in range(len(sizes) - 2, -1, -1):
        strides[i] = strides[i + 1] * sizes[i + 1]
    values: dict[str, int | float] = {}
    status: dict[str, str] = {}
    attributes: dict[str, dict[str, str]] = {}
    for period, _key, breakdown_key, value, obs_status, obs_attributes in observations:
        breakdown = breakdowns[breakdown_key]
        index = period_at[period] * strides[0]
        for position, code in enumerate(dimension_codes, start=1):
            index += category_at[code][breakdown.get(code, TOTAL_CODE)] * strides[position]
        values[str(index)] = _json_number(value)
        if obs_status == Observation.Status.PROVISIONAL:
            status[str(index)] = "p"
        for name, text in (obs_attributes or {}).items():
            attributes.setdefault(name, {})[str(index)] = text
    # JSON-stat has one label; the nynorsk and English names travel beside it (only those there are).
    label_translations = {
        language: text for language in content_languages()[1:] if (text := getattr(indicator, f"name_{language}"))
    }
    dataset = {
        "version": "2.0",
        "class": "dataset",
        "label": indicator.name,
        "source": indicator.source_name or None,
        "id": ids,
        "size": sizes,
        "role": {"time": ["period"]},
        "dimension": {
            "period": {
                "label": "period",
                "category": {"index": periods, "label": {p: p for p in periods}},
            },
            **{
                code: {
                    "label": dimensions[code].name if code in dimensions else code,
                    "category": {"index": categories[code], "label": labels[code]},
                }
                for code in dimension_codes
            },
        },
        "value": dict(sorted(values.items(), key=lambda item: int(item[0]))),
        "extension": {"indicator": indicator.code, "unit": indicator.unit, "label_translations": label_translations},
    }
    if attributes:
        dataset["extension"]["attributes"] = {
            name: dict(sorted(by_position.items(), key=lambda item: int(item[0])))
            for name, by_position in sorted(attributes.items())
        }
    if status:
        dataset["status"] = status
    if not dataset["source"]:
        del dataset["source"]
    return dataset


def jsonstat(indicators: Iterable[Indicator]) -> dict:
    """A dataset for one indicator; a collection embedding one dataset per indicator for several."""
    indicators = list(indicators)
    if len(indicators) == 1:
        return jsonstat_dataset(indicators[0])
    return {
        "version": "2.0",
        "class": "collection",
        "label": "Veikart indicators",
        "link": {"item": [jsonstat_dataset(indicator) for indicator in indicators]},
    }


def jsonstat_bytes(indicators: Iterable[Indicator]) -> bytes:
    return json_bytes(jsonstat(indicators))


def jsonstat_text(indicators: Iterable[Indicator]) -> str:
    return jsonstat_bytes(indicators).decode("utf-8")


def period_sorted(periods: Iterable[str]) -> list[str]:
    return sorted(periods, key=lambda text: parse_period(text).sort_key)
