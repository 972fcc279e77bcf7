"""Small files shaped like real ones, one per convention: totals, attributes, holes, slices, formats."""

import io
import json

import pytest

from veikart.indicators.models import Dimension, DimensionValue, Observation
from veikart.indicators.services import observations_import
from veikart.indicators.tests.factories import make_indicator, make_regions

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    make_regions()
    return make_indicator(code="X")


def run(text: str, name: str = "data.csv", **options):
    return observations_import(stream=io.BytesIO(text.encode()), file_name=name, indicator_code="X", **options)


def stored(indicator):
    return {(o.period, o.breakdown_key): o for o in Observation.objects.filter(indicator=indicator)}


@pytest.mark.parametrize("total", ["", "_T", "T", "TOTAL", "Total", "total", "I alt", "Alle", "All categories: Region"])
def test_publishers_totals_are_the_total(indicator, total):
    report = run(f"period,region,value\n2023,{total},274\n2023,01,100\n")
    assert report.ok, report.problems
    assert set(stored(indicator)) == {("2023", ""), ("2023", "region=01")}


def test_a_dimensions_own_total_code_is_the_total(indicator):
    Dimension.objects.filter(code="region").update(total_code="0")
    report = run("period,region,value\n2023,0,274\n2023,01,100\n")
    assert report.ok, report.problems
    assert set(stored(indicator)) == {("2023", ""), ("2023", "region=01")}


def test_a_value_coded_like_a_total_word_stays_that_value(indicator):
    DimensionValue.objects.create(dimension=Dimension.objects.get(code="region"), code="T", label="Trøndelag")
    report = run("period,region,value\n2023,T,40\n2023,_T,274\n")
    assert report.ok, report.problems
    assert set(stored(indicator)) == {("2023", ""), ("2023", "region=T")}


def test_sdmx_attributes_are_kept_and_a_provisional_status_becomes_the_status(indicator):
    text = "period,value,OBS_STATUS,UNIT_MULT,DECIMALS\n2022,10,A,3,1\n2023,11,P,3,1\n2024,12,E,3,\n"
    report = run(text)
    assert report.ok, report.problems
    rows = stored(indicator)
    assert (rows["2022", ""].status, rows["2022", ""].attributes) == ("final", {"UNIT_MULT": "3", "DECIMALS": "1"})
    assert rows["2023", ""].status == "provisional"
    assert rows["2024", ""].attributes == {"OBS_STATUS": "E", "UNIT_MULT": "3"}


def test_a_file_without_attributes_stores_none(indicator):
    assert run("period,value\n2023,1\n").ok
    assert stored(indicator)["2023", ""].attributes is None


def test_changed_attributes_are_a_correction_and_a_file_without_them_keeps_them(indicator):
    assert run("period,value,UNIT_MULT\n2023,1,3\n").ok
    report = run("period,value,UNIT_MULT\n2023,1,6\n")
    assert (report.updated, stored(indicator)["2023", ""].attributes) == (1, {"UNIT_MULT": "6"})
    report = run("period,value\n2023,1\n")
    assert (report.unchanged, stored(indicator)["2023", ""].attributes) == (1, {"UNIT_MULT": "6"})


@pytest.mark.parametrize("status", ["M", "O", "L", "Q", "Missing value", "Missing value; suppressed"])
def test_an_empty_value_with_a_missing_status_is_a_hole(indicator, status):
    report = run(f"period,value,OBS_STATUS\n2022,,{status}\n2023,5,\n")
    assert report.ok, report.problems
    assert (report.created, report.holes) == (1, 1)


@pytest.mark.parametrize("mark", ["..", ":", "."])
def test_a_no_value_mark_is_a_hole(indicator, mark):
    report = run(f"period,value\n2022,{mark}\n2023,5\n")
    assert report.ok, report.problems
    assert (report.created, report.holes) == (1, 1)


def test_an_empty_value_without_a_missing_status_is_still_a_problem(indicator):
    report = run("period,value,OBS_STATUS\n2022,,A\n")
    assert "The value is missing." in str(report.problems[0])


def test_open_sdg_readable_attribute_columns_and_a_constant_unit_are_attributes(indicator):
    text = (
        "Year,Series,region,Observation status,Unit multiplier,Units,Value\n"
        "2013/14,Spend,,Normal value,Units,GBP,4.5\n"
        "2014/2015,Spend,Vest,Low reliability,Units,GBP,4.8\n"
        "2015/16,Spend,,Missing value; suppressed,Units,GBP,\n"
    )
    report = run(text, name="indicator_X.csv")
    assert report.ok, report.problems
    rows = stored(indicator)
    assert set(rows) == {("2013/14", ""), ("2014/15", "region=02")}
    assert rows["2014/15", "region=02"].attributes == {
        "OBS_STATUS": "Low reliability",
        "SERIES": "Spend",
        "UNIT_MEASURE": "GBP",
        "UNIT_MULT": "Units",
    }
    assert report.holes == 1


def test_a_slice_on_a_csv_column_skips_the_other_rows_and_is_no_breakdown(indicator):
    text = "period,region,sex,value\n2023,01,M,1\n2023,01,F,2\n2023,,F,3\n"
    report = run(text, where={"sex": "F"})
    assert report.ok, report.problems
    assert (report.created, report.skipped) == (2, 1)
    assert set(stored(indicator)) == {("2023", "region=01"), ("2023", "")}


def test_create_dimensions_makes_codes_from_labels_and_never_creates_a_total(indicator):
    text = "period,Age group,value\n2023,All categories: Age,10\n2023,16 to 24 år,4\n2023,25-34,6\n"
    report = run(text, create_dimensions=True)
    assert report.ok, report.problems
    age = Dimension.objects.get(code="age-group")
    assert age.name == "Age group"
    assert list(age.values.values_list("code", "label")) == [("16-to-24-ar", "16 to 24 år"), ("25-34", "25-34")]
    assert set(stored(indicator)) == {("2023", ""), ("2023", "age-group=16-to-24-ar"), ("2023", "age-group=25-34")}
    again = run(text)
    assert (again.created, again.unchanged) == (0, 3)


def test_create_dimensions_adds_unknown_values_to_a_known_dimension(indicator):
    report = run("period,region,value\n2023,99,1\n", create_dimensions=True)
    assert report.ok, report.problems
    [new] = report.new_dimensions
    assert (new.code, new.is_new, new.values) == ("region", False, {"99": "99"})
    assert DimensionValue.objects.filter(dimension__code="region", code="99").exists()


JSONSTAT_1 = {
    "census": {
        "label": "A census table",
        "value": {"0": 30, "1": 10, "2": 20, "3": 31},
        "dimension": {
            "id": ["geo", "sex", "time"],
            "size": [1, 2, 2],
            "role": {"time": ["time"], "geo": ["geo"]},
            "geo": {"category": {"index": {"K1": 0}, "label": {"K1": "England"}}},
            "sex": {
                "label": "Sex",
                "category": {
                    "index": {"CI_2": 1, "CI_0": 0},
                    "label": {"CI_2": "Males", "CI_0": "All categories: Sex"},
                },
            },
            "time": {"category": {"index": {"CI_a": 0, "CI_b": 1}, "label": {"CI_a": "2011", "CI_b": "2021"}}},
        },
    }
}


def test_a_json_stat_1_bundle_with_an_unordered_index_and_opaque_periods(indicator):
    report = run(json.dumps(JSONSTAT_1), name="census.json", create_dimensions=True)
    assert report.ok, report.problems
    assert {key: o.value for key, o in stored(indicator).items()} == {
        ("2011", ""): 30,
        ("2021", ""): 10,
        ("2011", "sex=CI_2"): 20,
        ("2021", "sex=CI_2"): 31,
    }
    assert Dimension.objects.get(code="sex").values.get().label == "Males"


def test_json_stat_status_symbols_are_kept_as_obs_status(indicator):
    document = {
        "version": "2.0",
        "class": "dataset",
        "id": ["Tid"],
        "size": [3],
        "dimension": {"Tid": {"category": {"index": ["2021", "2022", "2023"]}}},
        "value": [1, 2, None],
        "status": {"1": "e", "2": ".."},
    }
    report = run(json.dumps(document), name="x.json")
    assert report.ok, report.problems
    assert (report.created, report.holes) == (2, 1)
    assert stored(indicator)["2022", ""].attributes == {"OBS_STATUS": "e"}


def test_sdmx_csv_1_columns_are_found_by_name_and_constants_are_no_breakdowns(indicator):
    text = (
        "DATAFLOW,REF_AREA,FREQ,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,COMMENT_OBS,OTHER\r\n"
        "X:Y(1.0),NO,A,_T,2022,5,A,0,,z\r\n"
        "X:Y(1.0),NO,A,F,2022,3,A,0,a note,z\r\n"
    )
    report = run(text, create_dimensions=True)
    assert report.ok, report.problems
    assert report.file_format == "sdmx-csv-1"
    rows = stored(indicator)
    assert set(rows) == {("2022", ""), ("2022", "SEX=F")}
    assert (rows["2022", "SEX=F"].note, rows["2022", "SEX=F"].attributes) == ("a note", {"UNIT_MULT": "0"})


def test_sdmx_csv_2_without_labels(indicator):
    text = (
        "STRUCTURE,STRUCTURE_ID,ACTION,geo,unit,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
        "dataflow,ESTAT:X(1.0),I,NO,PC,2023-Q1,5,p\n"
        "dataflow,ESTAT:X(1.0),I,NO,PC,2023-Q2,6,\n"
    )
    report = run(text)
    assert report.ok, report.problems
    assert report.file_format == "sdmx-csv-2"
    rows = stored(indicator)
    assert rows["2023-Q1", ""].attributes == {"OBS_FLAG": "p", "UNIT_MEASURE": "PC"}
