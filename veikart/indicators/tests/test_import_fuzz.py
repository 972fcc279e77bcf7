"""Seeded fuzzing of the indicator import: mutated files of every format never crash and never half-write.

Each format starts from a good file; hypothesis mutates its bytes (flips, inserted bytes that break
encodings or are control characters, cuts, repeated blocks) or, for a workbook, the worksheet XML
inside a valid archive. Every mutant goes through the service (and some through the upload page as
the strategy office): the outcome is a report, ok or with problems, never an exception or a 500;
a refused file leaves the observations and the import records exactly as they were. Derandomised,
so a failure is the same on every run; bounded to well under a minute.
"""

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from veikart.conftest import client_for
from veikart.core.tests.exchange_files import with_sheet
from veikart.indicators.models import Observation, ObservationImport
from veikart.indicators.services import observations_import
from veikart.indicators.tests.factories import make_indicator, make_regions
from veikart.indicators.tests.uploading import upload as upload_file

pytestmark = pytest.mark.django_db

TIDY = b"indicator;period;region;value;status\nKJ;2022;;101;final\nKJ;2023;01;30,5;p\nKJ;2023K2;02;40;\n"
OPEN_SDG = b"Year,Units,region,OBS_STATUS,Value\n2021,,,A,100\n2022,,01,P,20.5\n"
JSON_STAT = json.dumps(
    {
        "version": "2.0",
        "class": "dataset",
        "id": ["region", "Tid"],
        "size": [2, 2],
        "role": {"time": ["Tid"]},
        "dimension": {
            "region": {"category": {"index": {"_T": 0, "01": 1}}},
            "Tid": {"category": {"index": {"2022": 0, "2023": 1}}},
        },
        "value": [101, 274, None, 40],
        "status": {"3": "p"},
    }
).encode()


def _workbook() -> bytes:
    workbook = Workbook()
    for row in [["period", "region", "value"], ["2022", "", 101], ["2023", "01", 30.5]]:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


XLSX = _workbook()
SEEDS = {"tidy.csv": TIDY, "indicator_KJ.csv": OPEN_SDG, "kj.json": JSON_STAT, "kj.xlsx": XLSX}
NASTY = [b"\x00", b"\x81", b"\xff", b"\xef\xbb\xbf", b"\r", b'"', b";", b"{", b"[" * 200, b"9999", b"nan", b"\x1b"]

mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10_000), st.integers(1, 255)),
    st.tuples(st.just("insert"), st.integers(0, 10_000), st.sampled_from(NASTY)),
    st.tuples(st.just("cut"), st.integers(0, 10_000), st.integers(1, 64)),
    st.tuples(st.just("repeat"), st.integers(0, 10_000), st.integers(2, 50)),
)


def mutate(data: bytes, steps) -> bytes:
    for kind, at, argument in steps:
        at = at % (len(data) + 1)
        if kind == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ argument]) + data[at + 1 :]
        elif kind == "insert":
            data = data[:at] + argument + data[at:]
        elif kind == "cut":
            data = data[:at] + data[at + argument :]
        elif kind == "repeat":
            data = data[:at] + data[at : at + 16] * argument + data[at + 16 :]
    return data


def mutate_sheet(workbook: bytes, steps) -> bytes:
    """The workbook with its worksheet XML mutated: the archive stays valid, so the XML parser is what is tried."""
    return with_sheet(workbook, lambda xml: mutate(xml, steps))


def state():
    return Observation.objects.count(), ObservationImport.objects.count(), Observation.history.count()


def check(data: bytes, name: str) -> None:
    before = state()
    report = observations_import(stream=io.BytesIO(data), file_name=name)
    if not report.ok:
        assert state() == before, f"a refused {name} changed the database"
        assert report.problems and all(str(problem) for problem in report.problems)
    Observation.objects.all().delete()
    ObservationImport.objects.all().delete()


FUZZ = settings(
    derandomize=True,
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def indicator():
    make_regions()
    return make_indicator(code="KJ", scale_max=10_000)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_the_seed_files_import(indicator, name):
    report = observations_import(stream=io.BytesIO(SEEDS[name]), file_name=name, indicator_code="KJ")
    assert report.ok, [str(problem) for problem in report.problems]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_mutated_files_never_crash_nor_half_write(indicator, name):
    @FUZZ
    @given(steps=st.lists(mutation, min_size=1, max_size=4))
    def run(steps):
        check(mutate(SEEDS[name], steps), name)

    run()


def test_mutated_worksheets_never_crash_nor_half_write(indicator):
    @FUZZ
    @given(steps=st.lists(mutation, min_size=1, max_size=4))
    def run(steps):
        check(mutate_sheet(XLSX, steps), "kj.xlsx")

    run()


def upload(client, data: bytes, name: str):
    return upload_file(client, data, name=name, write=True)


def test_the_seed_file_uploads(indicator, strategy_office):
    response = upload(client_for(strategy_office), TIDY, "tidy.csv")
    assert response.status_code == 200 and Observation.objects.count() == 3


def test_mutated_uploads_never_answer_500(indicator, strategy_office):
    client = client_for(strategy_office)

    @settings(FUZZ, max_examples=25)
    @given(name=st.sampled_from(sorted(SEEDS)), steps=st.lists(mutation, min_size=1, max_size=3))
    def run(name, steps):
        before = state()
        response = upload(client, mutate(SEEDS[name], steps), name)
        assert response.status_code in (200, 400), response.status_code
        if response.status_code == 400:
            assert state() == before

    run()
