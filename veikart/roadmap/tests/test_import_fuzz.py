"""Damaged and strange exports: the import refuses them with a message, never a server error, and writes nothing.

Seeded (``derandomize``), so a run is repeatable: real-shaped CSV and XLSX exports are mutated
(bytes flipped, cut, inserted; a worksheet claiming a huge size; random cells) and given to the
upload page, as the strategy office, and to ``plan_import`` and ``roadmap_import``.
"""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veikart.core.exchange.downloads import NORWEGIAN, csv_bytes, xlsx_bytes
from veikart.core.exchange.problems import FileUnreadable
from veikart.core.tests.exchange_files import with_sheet
from veikart.roadmap.exporters import export_csv, export_xlsx
from veikart.roadmap.importers import plan_import
from veikart.roadmap.models import Grouping, RoadmapItem
from veikart.roadmap.services import roadmap_import
from veikart.roadmap.tests.test_importer import HEADER, REAL_ROWS, excel_csv

IMPORT = reverse("roadmap:import")
FUZZ = settings(
    derandomize=True,
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
ODD_BYTES = [b"\x00", b"\x81", b"\xff", b"\xfe\xff", b"\xef\xbb\xbf", b'"', b";", b"\r", b"\r\n", b"'=", b"\xc3"]

edits = st.lists(
    st.one_of(
        st.tuples(st.just("flip"), st.integers(0, 2**20), st.integers(1, 255)),
        st.tuples(st.just("cut"), st.integers(0, 2**20), st.just(0)),
        st.tuples(st.just("insert"), st.integers(0, 2**20), st.sampled_from(ODD_BYTES)),
    ),
    min_size=1,
    max_size=6,
)
cells = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), max_size=40),
    st.sampled_from(["1C", "3B", "Delmål 1D – Unge", "I bruk", "Innføring", "01.01.2025", "31.02.2025", "-"]),
    st.sampled_from(["5,6876E+16", "56876000019903546", '=HYPERLINK("http://x","y")', "+1", "@SUM(A1)", "'-"]),
    st.integers(-3, 99_999),
    st.integers(-(2**63), 2**63),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0, 0.0, 12345, 1.2345e10, 5.6876000019902934e16, 45678, -0.0]),
    st.dates(min_value=datetime.date(1900, 3, 1)),
)
rows = st.lists(st.lists(cells, min_size=2, max_size=9), min_size=1, max_size=6)


def edited(data: bytes, changes) -> bytes:
    for kind, position, value in changes:
        position %= len(data) + 1
        if kind == "flip" and position < len(data):
            data = data[:position] + bytes([data[position] ^ value]) + data[position + 1 :]
        elif kind == "cut":
            data = data[:position]
        elif kind == "insert":
            data = data[:position] + value + data[position:]
    return data


def huge(xml: bytes, *, row: bool, column: bool) -> bytes:
    xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml)
    if row:
        xml = re.sub(rb'<row r="3"', b'<row r="1048576"', xml).replace(b'r="A3"', b'r="A1048576"')
    if column:
        xml = xml.replace(b'r="B2"', b'r="XFD2"')
    return xml


@pytest.fixture
def exports(strategy, phases):
    """The official exports (CSV and XLSX, official columns and all) of a roadmap that has the real rows."""
    roadmap_import(data=excel_csv(REAL_ROWS))
    items = RoadmapItem.objects.order_by("pk")
    return {
        "csv": [excel_csv(REAL_ROWS), export_csv(items), export_csv(items, official_only=True)],
        "xlsx": [export_xlsx(items), export_xlsx(items, official_only=True)],
    }


@pytest.fixture
def office(client, strategy_office):
    client.force_login(strategy_office)
    return client


def state() -> tuple:
    return (
        RoadmapItem.objects.count(),
        RoadmapItem.history.count(),
        Grouping.objects.count(),
        list(RoadmapItem.objects.order_by("pk").values_list("title", "version", "delivery_id")),
    )


def check(office, data: bytes, file_name: str) -> None:
    """Upload page, planner and service: no exception but a refusal, and nothing written unless the file is good."""
    before = state()
    response = office.post(IMPORT, {"file": SimpleUploadedFile(file_name, data)})
    assert response.status_code == 200
    assert state() == before
    try:
        plan_import(data, file_name=file_name)
    except FileUnreadable as refused:
        assert refused.message
    assert state() == before
    with transaction.atomic():
        try:
            plan = roadmap_import(data=data, file_name=file_name)
        except FileUnreadable:
            plan = None
        if plan is None or not plan.is_valid:
            assert state() == before
        transaction.set_rollback(True)  # the next example starts from the same roadmap
    assert state() == before


@FUZZ
@given(which=st.integers(0, 2), changes=edits)
def test_a_damaged_csv_export_is_refused_or_read_never_a_server_error(exports, office, which, changes):
    check(office, edited(exports["csv"][which], changes), "veikart.csv")


@FUZZ
@given(which=st.integers(0, 1), changes=edits)
def test_a_damaged_xlsx_archive_is_refused_never_a_server_error(exports, office, which, changes):
    check(office, edited(exports["xlsx"][which], changes), "veikart.xlsx")


@FUZZ
@given(which=st.integers(0, 1), changes=edits, big_row=st.booleans(), big_column=st.booleans())
def test_a_worksheet_with_damaged_xml_or_huge_claimed_dimensions_is_refused_or_read(
    exports, office, which, changes, big_row, big_column
):
    def change(xml: bytes) -> bytes:
        return edited(huge(xml, row=big_row, column=big_column), changes)

    check(office, with_sheet(exports["xlsx"][which], change), "veikart.xlsx")


@FUZZ
@given(
    header=st.one_of(
        st.just(HEADER),
        st.just([*HEADER, "Kommentar"]),
        st.lists(st.sampled_from([*HEADER, "Kommentar", "", "ID", "Fase"]), max_size=9),
    ),
    body=rows,
)
def test_random_cells_in_a_workbook_or_a_csv_file_are_problems_never_a_server_error(exports, office, header, body):
    check(office, xlsx_bytes(header, body), "veikart.xlsx")
    check(office, csv_bytes(header, body, dialect=NORWEGIAN), "veikart.csv")
