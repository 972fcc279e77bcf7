"""Classifications (county and municipality codes with validity years) loaded as data into a dimension."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from veikart.indicators.classifications import ClassificationError, classification_load
from veikart.indicators.models import Dimension, DimensionValue, Observation
from veikart.indicators.services import observations_import
from veikart.indicators.tests.factories import make_indicator

pytestmark = pytest.mark.django_db
COUNTIES = Path(__file__).parent / "data" / "fylker.csv"


def load(text: str, **options):
    return classification_load(stream=io.BytesIO(text.encode()), dimension_code="kommune", **options)


def test_the_command_loads_counties_with_their_validity_years_into_a_new_dimension(capsys):
    call_command("load_classification", "fylke", str(COUNTIES), "--name", "Fylke")
    assert "8 new values" in capsys.readouterr().out
    county = Dimension.objects.get(code="fylke")
    assert county.name == "Fylke"
    viken = county.values.get(code="30")
    assert (viken.label, viken.valid_from, viken.valid_to) == ("Viken", 2020, 2023)
    assert county.values.get(code="03").valid_from is None


def test_loading_twice_changes_nothing_and_a_dry_run_writes_nothing(capsys):
    call_command("load_classification", "fylke", str(COUNTIES), "--dry-run")
    assert not Dimension.objects.exists()
    call_command("load_classification", "fylke", str(COUNTIES))
    call_command("load_classification", "fylke", str(COUNTIES))
    assert "0 new values, 0 changed, 8 unchanged" in capsys.readouterr().out


def test_codes_in_an_imported_file_match_by_code_or_label():
    call_command("load_classification", "fylke", str(COUNTIES))
    indicator = make_indicator(code="X")
    text = "period,fylke,value\n2023,Viken,5\n2024,31,6\n2024,Hele landet,11\n"
    Dimension.objects.filter(code="fylke").update(total_code="Hele landet")
    report = observations_import(stream=io.BytesIO(text.encode()), file_name="d.csv", indicator_code="X")
    assert report.ok, report.problems
    assert set(Observation.objects.filter(indicator=indicator).values_list("breakdown_key", flat=True)) == {
        "fylke=30",
        "fylke=31",
        "",
    }


def test_a_label_two_values_share_matches_only_by_code():
    load("kode;navn;gyldig fra;gyldig til\n1515;Herøy;;\n1818;Herøy;;\n")
    make_indicator(code="X")
    text = "period,kommune,value\n2023,Herøy,5\n2023,1818,6\n"
    report = observations_import(stream=io.BytesIO(text.encode()), file_name="d.csv", indicator_code="X")
    assert [str(p) for p in report.problems] == [
        "Row 2, column kommune: 'Herøy' is not a value of the dimension 'kommune'."
    ]


def test_a_reused_code_keeps_its_latest_label_and_an_existing_value_is_updated():
    DimensionValue.objects.create(
        dimension=Dimension.objects.create(code="kommune", name="Kommune"), code="1804", label="Bodø gammel"
    )
    result = load("code,label,valid from,valid to\n1804,Bodø,1838,2019\n1804,Bodø kommune,2020,\n")
    assert (result.created, result.updated) == (0, 1)
    value = DimensionValue.objects.get(code="1804")
    assert (value.label, value.valid_from, value.valid_to) == ("Bodø kommune", 2020, None)


def test_bad_rows_are_all_reported_and_nothing_is_written():
    with pytest.raises(ClassificationError) as caught:
        load("code;label;valid from;valid to\n0301;Oslo;20x0;\n;Nowhere;;\nbad code;Bad;;\n5001;Trondheim;2024;2020\n")
    problems = caught.value.problems
    assert any("'20x0' is not a year" in p for p in problems)
    assert any("Line 3: a value needs a code and a label" in p for p in problems)
    assert any(p.startswith("Line 4") for p in problems)
    assert any(p.startswith("Line 5") for p in problems)
    assert not Dimension.objects.exists()


def test_the_command_fails_loudly_without_a_label_column(tmp_path):
    path = tmp_path / "k.csv"
    path.write_text("code;valid from\n0301;2020\n")
    with pytest.raises(CommandError, match="problem"):
        call_command("load_classification", "kommune", str(path))
