"""JSON-stat is read as a stream: keys in any order, collections, statuses, and memory bounded by the metadata."""

import io
import json
import tracemalloc
from decimal import Decimal

import pytest

from veikart.indicators.importers import reader_for
from veikart.indicators.models import Dimension, DimensionValue, Observation
from veikart.indicators.services import observations_import
from veikart.indicators.tests.factories import make_indicator, make_regions
from veikart.indicators.tests.test_import_jsonstat_xlsx import SSB_STYLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    make_regions()
    return make_indicator(code="KJ", scale_max=356)


def run(document: dict, **options):
    return observations_import(stream=io.BytesIO(json.dumps(document).encode()), file_name="kj.json", **options)


def stored():
    return sorted((o.period, o.breakdown_key, o.value, o.status) for o in Observation.objects.all())


def test_value_and_status_may_come_before_id_size_and_dimension(indicator):
    assert run(SSB_STYLE, indicator_code="KJ").ok
    expected = stored()
    Observation.objects.all().delete()
    reordered = {key: SSB_STYLE[key] for key in ("status", "value", "dimension", "role", "size", "id", "class")}
    report = run(reordered, indicator_code="KJ")
    assert report.ok, report.problems
    assert stored() == expected


def test_a_collection_names_its_class_last_and_links_more_than_datasets(indicator):
    make_indicator(code="HN")
    second = dict(SSB_STYLE, extension={"indicator": "HN"}, value=[1, 2, 3, 4, 5, 6], status="p")
    collection = {
        "link": {
            "item": [
                {"href": "https://example.org/about", "label": "Not a dataset"},
                dict(SSB_STYLE, extension={"indicator": "KJ"}),
                {"value": [7], "class": "dimension"},
                second,
            ]
        },
        "class": "collection",
        "version": "2.0",
    }
    report = run(collection)
    assert report.ok, report.problems
    assert report.per_indicator == {"KJ": 5, "HN": 6}
    assert set(Observation.objects.filter(indicator__code="HN").values_list("status", flat=True)) == {"provisional"}
    assert Observation.objects.get(indicator__code="KJ", breakdown_key="region=02", period="2023").status == (
        "provisional"
    )


def test_a_status_object_out_of_position_order_marks_the_right_values(indicator):
    document = dict(SSB_STYLE, value={"3": 80, "0": 101, "1": 274}, status={"3": "p", "0": "p"})
    report = run(document, indicator_code="KJ")
    assert report.ok, report.problems
    provisional = set(Observation.objects.filter(status="provisional").values_list("period", "breakdown_key"))
    assert provisional == {("2022", ""), ("2023", "region=01")}


def test_keys_of_a_value_object_must_be_positions(indicator):
    report = run(dict(SSB_STYLE, value={"0": 1, "first": 2}), indicator_code="KJ")
    assert "The keys of value must be positions" in str(report.problems[0])
    report = run(dict(SSB_STYLE, value={"0": 1, "6": 2}), indicator_code="KJ")
    assert "value holds position 6 but the cube has 6 cells" in str(report.problems[0])


def test_a_value_that_is_an_array_is_reported_as_not_a_number(indicator):
    report = run(dict(SSB_STYLE, value=[101, [274], 30, 80, None, 40]), indicator_code="KJ")
    assert [p.where.split(" ")[0] for p in report.problems] == ["value[1]"]
    assert "not a number" in report.problems[0].message


def test_a_byte_order_mark_is_skipped(indicator):
    data = b"\xef\xbb\xbf" + json.dumps(SSB_STYLE).encode()
    report = observations_import(stream=io.BytesIO(data), file_name="kj.json", indicator_code="KJ")
    assert report.ok, report.problems
    assert report.created == 5


def test_a_document_that_is_not_an_object_is_refused(indicator):
    report = observations_import(stream=io.BytesIO(b"[1, 2, 3]"), file_name="x.json", indicator_code="KJ")
    assert "A JSON-stat document is an object." in str(report.problems[0])


MONTHS, MUNICIPALITIES, REGIONS = 100, 400, ["_T", "01", "02", "03", "04"]


def value_at(position: int) -> float:
    return (position % 35_000) / 100


def write_large_cube(path) -> int:
    """A dataset of 100 months × 5 regions × 400 municipalities = 200,000 values, values first."""
    municipality = Dimension.objects.create(code="kommune", name="Kommune")
    DimensionValue.objects.bulk_create(
        DimensionValue(dimension=municipality, code=f"{n:04d}", label=f"Kommune {n}", position=n)
        for n in range(MUNICIPALITIES)
    )
    months = [f"{2010 + m // 12}M{m % 12 + 1:02d}" for m in range(MONTHS)]
    total = MONTHS * len(REGIONS) * MUNICIPALITIES
    document = {
        "value": [value_at(n) for n in range(total)],
        "status": {"0": "p"},
        "class": "dataset",
        "id": ["Tid", "region", "kommune"],
        "size": [MONTHS, len(REGIONS), MUNICIPALITIES],
        "dimension": {
            "Tid": {"category": {"index": months}},
            "region": {"category": {"index": REGIONS}},
            "kommune": {"category": {"index": [f"{n:04d}" for n in range(MUNICIPALITIES)]}},
        },
    }
    path.write_text(json.dumps(document))
    return total


def test_a_large_file_imports_with_memory_bounded_by_its_metadata_not_its_values(indicator, tmp_path):
    path = tmp_path / "large.json"
    total = write_large_cube(path)
    size = path.stat().st_size
    with path.open("rb") as stream:
        reader = reader_for(stream, file_name=path.name)
        rows = 0
        tracemalloc.start()
        try:
            for row in reader.rows():
                rows += 1
                last = row
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert rows == total
        assert (last.where.split(" ")[0], last.period, last.cells, last.value) == (
            f"value[{total - 1}]",
            "2018M04",
            ("04", "0399"),
            Decimal(str(value_at(total - 1))),
        )
        # json.load of this file peaks at about six times its size (the text, then 200,000 floats in a
        # list); read as a stream, the reader's peak is a fraction of the file.
        assert peak < size / 2, (peak, size)
        report = observations_import(stream=stream, file_name=path.name, indicator_code="KJ")
    assert report.ok, report.problems[:3]
    assert report.created == total == Observation.objects.count()
    assert Observation.objects.get(period="2010-01", breakdown_key="kommune=0000").status == "provisional"
