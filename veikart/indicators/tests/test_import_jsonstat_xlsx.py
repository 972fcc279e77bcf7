"""JSON-stat and XLSX imports, malformed input, and round trips through every export format."""

import io
import json
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import Workbook

from veikart.indicators import exporters
from veikart.indicators.models import Observation
from veikart.indicators.services import observations_import
from veikart.indicators.tests.factories import make_indicator, make_regions

pytestmark = pytest.mark.django_db

SSB_STYLE = {
    "version": "2.0",
    "class": "dataset",
    "label": "Kommuner som bruker kjernejournal",
    "id": ["ContentsCode", "region", "Tid"],
    "size": [1, 3, 2],
    "role": {"time": ["Tid"]},
    "dimension": {
        "ContentsCode": {"category": {"index": {"Antall": 0}, "label": {"Antall": "Antall kommuner"}}},
        "region": {"category": {"index": {"_T": 0, "01": 1, "02": 2}}},
        "Tid": {"category": {"index": {"2022": 0, "2023": 1}}},
    },
    "value": [101, 274, 30, 80, None, 40],
    "status": {"5": "p"},
}


@pytest.fixture
def indicator():
    make_regions()
    return make_indicator(code="KJ", scale_max=356)


def run(data: bytes, name: str, **options):
    return observations_import(stream=io.BytesIO(data), file_name=name, **options)


def as_json(document) -> bytes:
    return json.dumps(document).encode()


def snapshot():
    return sorted(
        (o.indicator.code, o.period, o.breakdown_key, o.value, o.status, o.note)
        for o in Observation.objects.select_related("indicator")
    )


def test_a_statistics_office_dataset_imports_with_its_time_dimension_and_status(indicator):
    report = run(as_json(SSB_STYLE), "kj.json", indicator_code="KJ")
    assert report.ok, report.problems
    assert report.created == 5  # the null is a hole in the cube
    total = {o.period: o.value for o in Observation.objects.filter(breakdown_key="")}
    assert total == {"2022": 101, "2023": 274}
    assert Observation.objects.get(breakdown_key="region=02", period="2023").status == "provisional"


def test_values_may_be_an_object_keyed_by_position(indicator):
    document = dict(SSB_STYLE, value={"0": 101, "1": 274})
    report = run(as_json(document), "kj.json", indicator_code="KJ")
    assert report.ok and report.created == 2


def test_sizes_that_do_not_match_the_values_are_a_clear_error(indicator):
    document = dict(SSB_STYLE, value=[101, 274, 30])
    report = run(as_json(document), "kj.json", indicator_code="KJ")
    assert "1 × 3 × 2 = 6" in str(report.problems[0]) and "3 values" in str(report.problems[0])
    assert not Observation.objects.exists()


def test_a_category_count_that_differs_from_the_size_is_a_clear_error(indicator):
    document = json.loads(json.dumps(SSB_STYLE))
    document["size"] = [1, 4, 2]
    report = run(as_json(document), "kj.json", indicator_code="KJ")
    assert "'region' has 3 categories but its size is 4" in str(report.problems[0])


def test_a_dataset_without_a_period_dimension_is_refused(indicator):
    document = json.loads(json.dumps(SSB_STYLE))
    document["role"] = {}
    document["id"][2] = "When"
    document["dimension"]["When"] = document["dimension"].pop("Tid")
    report = run(as_json(document), "kj.json", indicator_code="KJ")
    assert "period" in str(report.problems[0])


def test_an_unknown_category_is_reported_with_its_cell(indicator):
    document = json.loads(json.dumps(SSB_STYLE))
    document["dimension"]["region"]["category"]["index"] = {"_T": 0, "01": 1, "99": 2}
    report = run(as_json(document), "kj.json", indicator_code="KJ")
    problem = report.problems[0]
    assert problem.where.startswith("value[5]") and "'99'" in problem.message


def test_broken_json_and_an_empty_file_are_problems(indicator):
    assert "not valid JSON" in str(run(b"{", "x.json", indicator_code="KJ").problems[0])
    assert "empty" in str(run(b"", "x.json", indicator_code="KJ").problems[0])


def test_an_xlsx_workbook_imports_and_reports_problems_by_row_and_column(indicator):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["period", "region", "value"])
    sheet.append([2023, None, 274])
    sheet.append(["2023", "Vest", 40.5])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = run(buffer.getvalue(), "kj.xlsx", indicator_code="KJ")
    assert report.ok, report.problems
    assert Observation.objects.get(breakdown_key="region=02").value == Decimal("40.5")
    sheet.append([2024, "Atlantis", "many"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    problems = [str(p) for p in run(buffer.getvalue(), "kj.xlsx", indicator_code="KJ").problems]
    assert "Row 4, column value" in problems[0] or "Row 4, column value" in problems[1]


def test_a_file_that_is_not_a_workbook_is_a_problem(indicator):
    assert "not an XLSX" in str(run(b"hello", "x.xlsx", indicator_code="KJ").problems[0])


@pytest.fixture
def loaded(indicator):
    other = make_indicator(code="HN")
    text = (
        "indicator,period,region,value,status,note\n"
        "KJ,2022,,101,final,rett over 100\nKJ,2023,,274,final,\nKJ,2023,02,40.25,provisional,\n"
        "HN,2019,,37.2,final,\nHN,2023-Q2,01,1.5,final,\n"
    )
    assert observations_import(stream=io.BytesIO(text.encode()), file_name="seed.csv").ok
    return indicator, other


@pytest.mark.parametrize(
    ("export", "name"),
    [
        (lambda inds: exporters.tidy_csv(inds).encode(), "export.csv"),
        (lambda inds: exporters.xlsx_bytes(inds), "export.xlsx"),
        (lambda inds: exporters.jsonstat_text(inds).encode(), "export.json"),
    ],
)
def test_every_export_imports_back_unchanged(loaded, export, name):
    before = snapshot()
    report = run(export(list(loaded)), name)
    assert report.ok, report.problems
    assert (report.created, report.updated, report.unchanged) == (0, 0, 5)
    assert snapshot() == before


def test_a_json_stat_export_of_one_indicator_rebuilds_it_in_an_empty_database(loaded):
    indicator, _other = loaded
    before = [row for row in snapshot() if row[0] == "KJ"]
    data = exporters.jsonstat_text([indicator]).encode()
    Observation.objects.filter(indicator=indicator).delete()
    report = run(data, "kj.json")
    assert report.ok, report.problems
    # The note is not part of JSON-stat; everything else comes back.
    assert [row[:5] for row in snapshot() if row[0] == "KJ"] == [row[:5] for row in before]


def test_an_open_sdg_file_and_a_json_stat_file_export_back_to_the_same_data(indicator):
    open_sdg = "Year,region,Value\n2022,,101\n2023,,274\n2023,Vest,40\n"
    assert run(open_sdg.encode(), "indicator_KJ.csv").ok
    exported = json.loads(exporters.jsonstat_text([indicator]))
    assert exported["id"] == ["period", "region"]
    assert exported["size"] == [2, 2]
    assert exported["value"] == {"0": 101, "2": 274, "3": 40}
    assert exporters.tidy_csv([indicator]).splitlines()[1:] == [
        "KJ;2022;;101;final;",
        "KJ;2023;;274;final;",
        "KJ;2023;02;40;final;",
    ]


def test_the_csv_download_opens_in_norwegian_excel(indicator):
    assert run(b"period;region;value\n2023;;274,5\n", "kj.csv", indicator_code="KJ").ok
    with translation.override("nb"):
        data = b"".join(exporters.tidy_csv_chunks([indicator]))
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == ["indicator;period;value;status;note", "KJ;2023;274,5;final;"]


def test_a_note_that_looks_like_a_formula_is_never_one_and_imports_back_unchanged(indicator):
    hostile = '=HYPERLINK("http://x.example","klikk")'
    text = f'period;value;note\n2022;101;"{hostile.replace(chr(34), chr(34) * 2)}"\n2023;102;+1\n'
    assert run(text.encode(), "kj.csv", indicator_code="KJ").ok
    before = snapshot()
    assert {row[5] for row in before} == {hostile, "+1"}
    csv_text = exporters.tidy_csv([indicator])
    assert "'=HYPERLINK" in csv_text and ";'+1" in csv_text
    workbook = exporters.xlsx_bytes([indicator])
    from openpyxl import load_workbook

    cells = [cell for row in load_workbook(io.BytesIO(workbook)).active.iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    for data, name in ((csv_text.encode(), "back.csv"), (workbook, "back.xlsx")):
        report = run(data, name)
        assert report.ok and report.unchanged == 2, report.problems
        assert snapshot() == before
