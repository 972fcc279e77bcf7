"""Tidy CSV and Open SDG CSV imports: good files, malformed files, idempotence and corrections."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from veikart.core import db
from veikart.indicators.models import Indicator, Observation, ObservationImport
from veikart.indicators.services import observations_import
from veikart.indicators.tests.factories import make_indicator, make_regions

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    make_regions()
    return make_indicator(code="KJ", scale_max=356)


def run(text: str | bytes, name: str = "data.csv", **options):
    data = text.encode() if isinstance(text, str) else text
    return observations_import(stream=io.BytesIO(data), file_name=name, **options)


def series(indicator, breakdown_key=""):
    return {o.period: o.value for o in Observation.objects.filter(indicator=indicator, breakdown_key=breakdown_key)}


def test_a_tidy_csv_imports_totals_and_breakdowns(indicator):
    report = run("period,region,value\n2022,,101\n2023,,274\n2023,Vest,40\n2023,01,100\n", indicator_code="KJ")
    assert report.ok, report.problems
    assert report.created == 4
    assert series(indicator) == {"2022": Decimal("101"), "2023": Decimal("274")}
    assert series(indicator, "region=02") == {"2023": Decimal("40")}
    assert Observation.objects.get(breakdown_key="region=01").source_import_id == report.import_id


def test_an_indicator_column_names_each_rows_indicator(indicator):
    other = make_indicator(code="HN")
    report = run("indicator;period;value;status;note\nKJ;2023;274;;\nHN;2023;109,5;p;millioner\n")
    assert report.ok, report.problems
    observation = Observation.objects.get(indicator=other)
    assert observation.value == Decimal("109.5")
    assert observation.status == Observation.Status.PROVISIONAL
    assert observation.note == "millioner"


def test_windows_1252_with_blank_lines_and_trailing_empty_columns_is_read(indicator):
    data = "period;region;value;;\r\n\r\n2023;Sør-Øst;12;;\r\n".encode("cp1252")
    make_regions()
    from veikart.indicators.models import DimensionValue

    DimensionValue.objects.filter(code="01").update(label="Sør-Øst")
    report = run(data, indicator_code="KJ")
    assert report.ok, report.problems
    assert series(indicator, "region=01") == {"2023": Decimal("12")}


def test_the_same_file_twice_changes_nothing(indicator):
    text = "period,value\n2022,101\n2023,274\n"
    run(text, indicator_code="KJ")
    second = run(text, indicator_code="KJ")
    assert second.ok
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)
    assert not second.written
    assert ObservationImport.objects.count() == 1


def test_a_corrected_value_updates_the_observation_and_its_history(indicator):
    run("period,value\n2022,101\n2023,274\n", indicator_code="KJ")
    report = run("period,value\n2022,101\n2023,275\n", indicator_code="KJ")
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    observation = Observation.objects.get(indicator=indicator, period="2023")
    assert observation.value == 275
    values = [record.value for record in observation.history.order_by("history_id")]
    assert values == [274, 275]
    assert report.changes[0].old == 274 and report.changes[0].new == 275


def test_a_dry_run_reports_but_writes_nothing(indicator):
    report = run("period,value\n2023,274\n", indicator_code="KJ", dry_run=True)
    assert report.ok and report.created == 1
    assert not Observation.objects.exists()
    assert not ObservationImport.objects.exists()


def test_every_problem_is_reported_with_its_row_and_column_and_nothing_is_written(indicator):
    text = (
        "period,region,value\n"
        "2022,,101\n"
        "2023,,lots\n"  # wrong type
        ",,5\n"  # missing period
        "2023,Atlantis,4\n"  # unknown dimension value
        "2022,,102\n"  # duplicate key
        "2024,,400\n"  # outside the scale 0–356
        "2025-Q9,,1\n"  # not a period
    )
    report = run(text, indicator_code="KJ")
    assert not report.ok
    messages = [str(p) for p in report.problems]
    assert any(m.startswith("Row 3, column value") and "not a number" in m for m in messages)
    assert any(m.startswith("Row 4, column period") and "missing" in m for m in messages)
    assert any(m.startswith("Row 5, column region") and "Atlantis" in m for m in messages)
    assert any(m.startswith("Row 6") and "second value" in m for m in messages)
    assert any(m.startswith("Row 7, column value") and "outside the scale" in m for m in messages)
    assert any(m.startswith("Row 8, column period") for m in messages)
    assert report.problem_count == 6
    assert not Observation.objects.exists()


def test_an_unknown_dimension_column_is_a_problem(indicator):
    report = run("period,planet,value\n2023,Mars,1\n", indicator_code="KJ")
    assert [p.column for p in report.problems] == ["planet"]


def test_an_unknown_indicator_is_a_problem(indicator):
    report = run("indicator,period,value\nNOPE,2023,1\n")
    assert "not a known indicator" in str(report.problems[0])


def test_an_empty_file_is_a_problem(indicator):
    assert "empty" in str(run("", indicator_code="KJ").problems[0])
    assert "no observations" in str(run("period,value\n\n", indicator_code="KJ").problems[0])


def test_a_file_without_a_value_column_is_a_problem(indicator):
    assert "no value column" in str(run("period,amount\n2023,1\n", indicator_code="KJ").problems[0])


def test_an_open_sdg_csv_imports_with_blank_disaggregations_as_totals(indicator):
    text = "Year,Units,GeoCode,region,Value\n2022,antall,,,101\n2023,antall,,,274\n2023,antall,NO-46,Vest,40\n"
    report = run(text, name="indicator_KJ.csv")
    assert report.ok, report.problems
    assert report.file_format == "open-sdg-csv"
    assert series(indicator) == {"2022": 101, "2023": 274}
    assert series(indicator, "region=02") == {"2023": 40}


def test_a_bounded_scale_refuses_values_outside_it():
    make_indicator(code="EMRAM", measure_type=Indicator.MeasureType.SCALE, scale_min=0, scale_max=7)
    report = run("period,value\n2023,8\n", indicator_code="EMRAM")
    assert "outside the scale" in str(report.problems[0])


def test_the_command_imports_and_fails_loudly_on_problems(indicator, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text("period,value\n2023,274\n")
    call_command("import_indicators", str(good), "--indicator", "KJ", "--dry-run")
    assert not Observation.objects.exists()
    call_command("import_indicators", str(good), "--indicator", "KJ")
    assert Observation.objects.count() == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("period,value\n2023,x\n")
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_indicators", str(bad), "--indicator", "KJ")
    assert "Row 2, column value" in capsys.readouterr().err


def test_a_quoted_note_over_several_lines_does_not_shift_the_row_numbers(indicator):
    report = run('period,value,note\n2022,101,"first line\nsecond line"\n2023,x,\n', indicator_code="KJ")
    assert str(report.problems[0]).startswith("Row 4, column value")


def test_the_list_filters_by_goal(client):
    from veikart.indicators.tests.factories import make_goal

    first, second = make_goal(number=1), make_goal(number=2)
    make_indicator(code="A", name="Første", goal=first)
    make_indicator(code="B", name="Andre", goal=second)
    second.strategy.status = "adopted"
    second.strategy.save()
    html = client.get("/en/indikatorer/", {"goal": "2"}).content.decode()
    assert "Andre" in html and "Første" not in html


def test_a_large_import_refreshes_the_planner_statistics_after_it_commits(
    indicator, monkeypatch, planner_row_count, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(db, "STATISTICS_REFRESH_ROWS", 3)
    with django_capture_on_commit_callbacks(execute=True):
        run("period,region,value\n2022,,101\n2023,,274\n2023,01,100\n", indicator_code="KJ")
        assert planner_row_count(Observation) != 3
    assert planner_row_count(Observation) == 3


def test_a_small_import_or_a_dry_run_leaves_the_statistics_to_the_database(indicator, monkeypatch):
    refreshed = []
    monkeypatch.setattr(db, "STATISTICS_REFRESH_ROWS", 2)
    monkeypatch.setattr(db, "refresh_statistics", lambda *models: refreshed.append(models))
    run("period,value\n2022,101\n", indicator_code="KJ")
    one_new_one_corrected = "period,value\n2021,99\n2022,102\n"
    run(one_new_one_corrected, indicator_code="KJ", dry_run=True)
    assert refreshed == []
    run(one_new_one_corrected, indicator_code="KJ")
    assert refreshed == [(Observation, Observation.history.model)]


def test_a_file_that_breaks_after_rows_were_streamed_writes_nothing(indicator):
    """Past the first block the import is already writing (one COPY on PostgreSQL); a late fault rolls it all back."""
    months = [(year, month) for year in range(1801, 2101) for month in range(1, 13)]
    rows = "".join(
        f"{year}-{month:02d},{n % 300},Merknad som fyller ut raden med litt mer tekst, og enda litt til\n"
        for n, (year, month) in enumerate(months)
    )
    body = ("period,value,note\n" + rows).encode() + b"2101-01,5,\xff\xfe\n"
    assert len(body) > 256 * 1024  # past the sample the encoding is detected from
    report = run(body, indicator_code="KJ")
    assert not report.ok
    assert "not UTF-8" in str(report.problems[0])
    assert Observation.objects.count() == 0
    assert ObservationImport.objects.count() == 0


@pytest.mark.parametrize("data", [b"\x81\x82\xff", b"\xef\xbb\xbf\x81period,value\n"])
def test_bytes_that_are_neither_utf_8_nor_windows_1252_are_a_file_problem_and_write_nothing(indicator, data):
    report = run(data, indicator_code="KJ")
    assert not report.ok
    assert "Line 1 is not" in str(report.problems[0]) and "text" in str(report.problems[0])
    assert not Observation.objects.exists()
