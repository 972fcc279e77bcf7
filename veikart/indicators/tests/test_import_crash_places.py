"""Each place where a hostile file once crashed the indicator import (HTTP 500) is now a problem report.

The places found by fuzzing, each tried through the service: the report has a problem with a
message and the database is untouched, or (for metadata the import can do without) the file imports.
"""

import datetime
import io
import json

import pytest
from openpyxl import Workbook

from veikart.core.tests.exchange_files import sheet_xml, text_cell, workbook_with_sheet_xml
from veikart.indicators.models import Observation, ObservationImport
from veikart.indicators.services import observations_import
from veikart.indicators.tests.factories import make_indicator, make_regions

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def indicator():
    make_regions()
    return make_indicator(code="KJ", scale_max=1000)


def dataset(**changes) -> bytes:
    document = {
        "version": "2.0",
        "class": "dataset",
        "id": ["region", "Tid"],
        "size": [1, 2],
        "role": {"time": ["Tid"]},
        "extension": {"indicator": "KJ"},
        "dimension": {
            "region": {"category": {"index": {"_T": 0}}},
            "Tid": {"category": {"index": {"2022": 0, "2023": 1}}},
        },
        "value": [1, 2],
    }
    document.update(changes)
    return json.dumps(document).encode()


def workbook(*rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


HUGE_CELL = b"period,value,note\n2023,1," + b"x" * 140_000 + b"\n"
PLACES = {
    "three bytes that are not UTF-8": (b"\xc3\x28\xa0", "x.csv"),
    "a 0x81 byte": (b"period,value\n2023,1\x81\n", "x.csv"),
    "a byte-order mark, then not UTF-8": (b"\xef\xbb\xbfperiod,value\n2023,\xff\n", "x.csv"),
    "the period 0000": (b"period,value\n0000,1\n", "x.csv"),
    "the period 9999": (b"period,value\n9999,1\n", "x.csv"),
    "JSON nested 2,000 levels deep": (b'{"a": ' + b"[" * 2000 + b"]" * 2000 + b"}", "x.json"),
    "a JSON-stat role of the wrong type": (dataset(role=["Tid"]), "x.json"),
    "a JSON-stat role.time of the wrong type": (dataset(role={"time": 7}), "x.json"),
    "a JSON-stat extension of the wrong type": (dataset(extension="KJ"), "x.json"),
    "a dimension of size 0": (dataset(size=[0, 2]), "x.json"),
    "a workbook with no sheet": (b"PK\x05\x06" + b"\x00" * 18, "x.xlsx"),
    "a workbook with damaged XML": (workbook_with_sheet_xml(b"<worksheet><sheetData><row><c"), "x.xlsx"),
    "a nan cell": (
        workbook_with_sheet_xml(
            sheet_xml(
                f'<row r="1">{text_cell("A1", "period")}{text_cell("B1", "value")}</row>'
                f'<row r="2">{text_cell("A2", "2023")}<c r="B2"><v>nan</v></c></row>'
            )
        ),
        "x.xlsx",
    ),
    "an inf number": (workbook(["period", "value"], ["2023", float("inf")]), "x.xlsx"),
    "a duration cell": (workbook(["period", "value"], ["2023", datetime.timedelta(hours=3)]), "x.xlsx"),
    "a cell over 128 kB": (HUGE_CELL, "x.csv"),
    "a NUL byte": (b"period,value,note\n2023,1,a\x00b\n", "x.csv"),
}


# Metadata of the wrong type that the import can do without is ignored: the period dimension is found
# by its id (``Tid``), the indicator is the one chosen. These files import.
READ_WITHOUT_IT = {
    "a JSON-stat role of the wrong type",
    "a JSON-stat role.time of the wrong type",
    "a JSON-stat extension of the wrong type",
}


@pytest.mark.parametrize("place", sorted(READ_WITHOUT_IT))
def test_metadata_of_the_wrong_type_that_is_not_needed_is_ignored(place):
    data, name = PLACES[place]
    report = observations_import(stream=io.BytesIO(data), file_name=name, indicator_code="KJ")
    assert report.ok and report.created == 2


@pytest.mark.parametrize("place", sorted(set(PLACES) - READ_WITHOUT_IT))
def test_a_file_that_once_crashed_the_import_is_a_problem_report(place):
    data, name = PLACES[place]
    report = observations_import(stream=io.BytesIO(data), file_name=name, indicator_code="KJ")
    assert not report.ok and report.problems
    assert all(problem.message for problem in report.problems)
    assert not Observation.objects.exists() and not ObservationImport.objects.exists()
