"""Real statistics as publishers ship them (tests/data/real/, see its README) import as they are."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from veikart.indicators import exporters
from veikart.indicators.models import Dimension, DimensionValue, Indicator, Observation
from veikart.indicators.services import observations_import
from veikart.indicators.tests.factories import make_indicator

pytestmark = pytest.mark.django_db
REAL = Path(__file__).parent / "data" / "real"


@pytest.fixture
def indicator():
    return make_indicator(code="X")


def run(name: str, **options):
    with (REAL / name).open("rb") as stream:
        return observations_import(stream=stream, file_name=name, indicator_code="X", **options)


def stored(indicator) -> dict:
    return {
        (o.period, o.breakdown_key): (o.value, o.status, o.note, o.attributes)
        for o in Observation.objects.filter(indicator=indicator)
    }


def assert_exports_import_back_unchanged(indicator: Indicator) -> None:
    before = stored(indicator)
    files = {
        "export.csv": exporters.tidy_csv([indicator]).encode(),
        "export.xlsx": exporters.xlsx_bytes([indicator]),
        "export.json": exporters.jsonstat_text([indicator]).encode(),
    }
    for name, data in files.items():
        report = observations_import(stream=io.BytesIO(data), file_name=name)
        assert report.ok, (name, report.problems)
        assert (report.created, report.updated, report.unchanged) == (0, 0, len(before)), name
        assert stored(indicator) == before, name


def test_the_ssb_house_price_table_sliced_to_one_measure_imports_with_its_dimensions(indicator, capsys):
    call_command(
        "import_indicators",
        str(REAL / "ssb-jsonstat2-boligprisindeks.json"),
        "--indicator=X",
        "--where",
        "ContentsCode=Boligindeks",
        "--create-dimensions",
    )
    out = capsys.readouterr().out
    assert "New dimension Region (region):" in out
    assert "24 without a value" in out
    assert Observation.objects.filter(indicator=indicator).count() == 264
    region = Dimension.objects.get(code="Region")
    assert region.values.count() == 11  # TOTAL "Hele landet" is the total, not a value
    assert region.values.get(code="001").label == "Oslo med Bærum"
    assert set(Dimension.objects.get(code="Boligtype").values.values_list("code", flat=True)) == {"01", "02", "03"}
    total = Observation.objects.get(indicator=indicator, period="2022-Q1", breakdown_key="Boligtype=01")
    assert str(total.value.normalize()) == "136.2"  # value[0]: Hele landet, Eneboliger, 2022K1
    assert_exports_import_back_unchanged(indicator)


def test_the_ons_open_sdg_file_sliced_by_units_imports_with_attributes_and_split_years(indicator):
    report = run("ons-opensdg-3-8-2.csv", where={"Units": "GBP (£)"}, create_dimensions=True)
    assert report.ok, report.problems
    assert (report.rows, report.created, report.skipped, report.holes) == (913, 688, 221, 4)
    headline = {o.period: o for o in Observation.objects.filter(indicator=indicator, breakdown_key="")}
    assert [p for p in ["2001/02", "2005/06", "2006", "2013", "2014/15", "2021/22"] if p in headline] == [
        "2001/02",
        "2005/06",
        "2006",
        "2013",
        "2014/15",
        "2021/22",
    ]
    assert headline["2001/02"].attributes == {
        "SERIES": "Average weekly household expenditure on health",
        "UNIT_MEASURE": "GBP (£)",
        "UNIT_MULT": "Units",
    }
    assert Observation.objects.filter(indicator=indicator, attributes__OBS_STATUS="Low reliability").exists()
    assert Dimension.objects.filter(code="disposable-income-decile").exists()
    assert_exports_import_back_unchanged(indicator)


def test_without_create_dimensions_unknown_dimensions_stay_problems(indicator):
    report = run("ssb-jsonstat2-boligprisindeks.json", where={"ContentsCode": "Boligindeks"})
    assert not report.ok
    assert "'Region' is not a known dimension" in str(report.problems[0])
    assert not Dimension.objects.exists()


def test_a_dry_run_lists_what_would_be_created_and_writes_nothing(indicator):
    report = run("estat-sdmxcsv2-driftsbalanse.csv", create_dimensions=True, dry_run=True)
    assert report.ok, report.problems
    assert report.created == 19
    [new] = report.new_dimensions
    assert (new.code, new.name, new.is_new) == ("bop_item", "Balance of payments item", True)
    assert new.values["CA"] == "Current account"
    assert not Dimension.objects.exists()
    assert not DimensionValue.objects.exists()
    assert not Observation.objects.exists()


def test_a_table_of_several_measures_must_be_sliced(indicator):
    report = run("ons-opensdg-3-8-2.csv", create_dimensions=True)
    assert "Choose a slice: Units has 2 values (GBP (£), Percentage of total expenditure (%))" in str(
        report.problems[0]
    )
    report = run("icane-jsonstat2-epa.json", create_dimensions=True)
    assert "Choose a slice: Variables has 6 values" in str(report.problems[0])


def test_a_slice_that_matches_nothing_says_what_there_is(indicator):
    report = run("ssb-jsonstat2-boligprisindeks.json", where={"ContentsCode": "KrPerM2"}, create_dimensions=True)
    assert "No row has ContentsCode = KrPerM2; it has Boligindeks." in str(report.problems[0])
    report = run("ssb-jsonstat2-boligprisindeks.json", where={"Kjonn": "1"}, create_dimensions=True)
    assert "The file has no dimension 'Kjonn' to slice by" in str(report.problems[0])


def test_the_command_refuses_a_where_that_is_not_a_pair(indicator):
    with pytest.raises(CommandError, match="not DIMENSION=CODE"):
        call_command("import_indicators", str(REAL / "ssb-jsonstat2-boligprisindeks.json"), "--where", "Boligindeks")


def test_statistics_finland_imports_with_its_total_category_as_the_total(indicator):
    report = run("statfi-jsonstat2-befolkning.json", create_dimensions=True)
    assert report.ok, report.problems
    assert report.created == 90
    assert set(Dimension.objects.get(code="Sukupuoli").values.values_list("code", flat=True)) == {"1", "2"}
    assert Dimension.objects.get(code="ika").name == "Ålder"
    assert Observation.objects.filter(indicator=indicator, breakdown_key="ika=20-24").count() == 3


def test_icane_sliced_to_one_measure_is_refused_for_its_quarters_written_2005_dash_1(indicator):
    report = run("icane-jsonstat2-epa.json", where={"Variables": "Activos"}, create_dimensions=True)
    assert report.skipped == 5400 - 900  # five of the six measures
    assert "'2005 - 1' is not a period" in str(report.problems[0])


def test_the_ons_census_json_stat_1_bundle_imports_with_all_categories_as_totals(indicator):
    report = run("ons-jsonstat1-census-alder.json", create_dimensions=True)
    assert report.ok, report.problems
    assert report.created == 261
    assert Observation.objects.filter(indicator=indicator, period="2011", breakdown_key="").count() == 1
    assert DimensionValue.objects.filter(dimension__code="CL_0000035").count() == 2  # Males, Females
    assert_exports_import_back_unchanged(indicator)


def test_statistics_iceland_open_sdg_file_imports_as_it_is(indicator):
    report = run("hagstofan-opensdg-3-2-1.csv")
    assert report.ok, report.problems
    assert report.created == 62


def test_the_oecd_sdmx_csv_1_imports_with_constants_as_attributes(indicator):
    report = run("oecd-sdmxcsv1-g20-prisvekst.csv", create_dimensions=True)
    assert report.ok, report.problems
    assert (report.file_format, report.created, report.new_dimensions) == ("sdmx-csv-1", 41, [])
    observation = Observation.objects.get(indicator=indicator, period="1985", breakdown_key="")
    assert observation.attributes == {"DECIMALS": "1", "UNIT_MEASURE": "PA", "UNIT_MULT": "0"}
    assert observation.status == Observation.Status.FINAL  # OBS_STATUS A
    assert_exports_import_back_unchanged(indicator)


def test_the_eurostat_sdmx_csv_2_with_labels_imports(indicator):
    report = run("estat-sdmxcsv2-driftsbalanse.csv", create_dimensions=True)
    assert report.ok, report.problems
    assert report.file_format == "sdmx-csv-2"
    assert Observation.objects.filter(indicator=indicator, breakdown_key="bop_item=CKA").count() == 9
    assert Observation.objects.filter(period="2023-Q1").count() == 2
    assert_exports_import_back_unchanged(indicator)
