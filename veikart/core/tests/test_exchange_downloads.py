"""Downloads open in Norwegian Excel, never carry a live formula, and read back to the same values."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import load_workbook

from veikart.core.exchange.downloads import (
    ENGLISH,
    NORWEGIAN,
    csv_bytes,
    csv_cell,
    dialect_for,
    download_response,
    plain_number,
    xlsx_bytes,
)
from veikart.core.exchange.limits import Limits
from veikart.core.exchange.reading import read_table

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "\tTab",
    "\rReturn",
    "'=already",
    "''=twice",
    "'''-thrice",
    "'plain",
    "plain",
]


def read_back(data: bytes, name: str):
    found = read_table(io.BytesIO(data), file_name=name, limits=Limits.for_uploads())
    return found.header, [cells for _number, cells in found.records]


def test_csv_is_semicolons_with_a_bom_and_norwegian_numbers_and_dates():
    data = csv_bytes(["Navn", "Verdi", "Dato"], [["Æ", Decimal("1.50"), datetime.date(2026, 5, 17)]], dialect=NORWEGIAN)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == "Navn;Verdi;Dato\r\nÆ;1,5;17.05.2026\r\n"
    english = csv_bytes(["a", "b"], [[Decimal("0.0001"), datetime.date(2026, 5, 17)]], dialect=ENGLISH)
    assert english.decode("utf-8-sig") == "a;b\r\n0.0001;2026-05-17\r\n"


def test_the_dialect_follows_the_language():
    with translation.override("nn"):
        assert dialect_for() is NORWEGIAN
    assert dialect_for("en") is ENGLISH


@pytest.mark.parametrize(
    ("value", "text"), [(Decimal("274.000000"), "274"), (Decimal("1E-7"), "0.0000001"), (-0.0, "0"), (12, "12")]
)
def test_numbers_are_plain(value, text):
    assert plain_number(value) == text


def test_no_csv_cell_starts_a_formula_and_each_reads_back_unchanged():
    data = csv_bytes(["text", "number"], [[text, Decimal("-0.8")] for text in HOSTILE], dialect=NORWEGIAN)
    for line in data.decode("utf-8-sig").split("\r\n")[1:-1]:
        assert line[:1] not in ("=", "+", "-", "@", "\t", "\r"), line
    _header, rows = read_back(data, "export.csv")
    assert [row[0] for row in rows] == HOSTILE
    assert {row[1] for row in rows} == {"-0,8"}  # a negative number stays a number


def test_no_xlsx_cell_is_a_formula_and_each_reads_back_unchanged():
    data = xlsx_bytes(["text"], [[text] for text in HOSTILE])
    sheet = load_workbook(io.BytesIO(data)).active  # not data_only: a formula would show as one
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row)
    _header, rows = read_back(data, "export.xlsx")
    # XML turns a carriage return in text into a line feed, in every spreadsheet program.
    assert [row[0] for row in rows] == [text.replace("\r", "\n") for text in HOSTILE]


def test_xlsx_keeps_numbers_and_dates_typed():
    data = xlsx_bytes(["a", "b"], [[Decimal("1.5"), datetime.date(2026, 5, 17)]])
    _header, rows = read_back(data, "export.xlsx")
    assert rows == [[1.5, datetime.datetime(2026, 5, 17)]]


def test_a_download_names_its_file_safely():
    response = download_response(b"x", file_name='veikart "2026".csv', kind="csv")
    assert response["Content-Disposition"] == 'attachment; filename="veikart2026.csv"'
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_every_text_cell_is_written_as_csv_cell_writes_it_on_the_fast_path_too():
    texts = [*HOSTILE, "", "'plain", "x=1", " =space first", "'", "-", "Æ;ø", 'with "quotes"']
    data = csv_bytes(["text"], [[text] for text in texts], dialect=NORWEGIAN)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["text"])
    writer.writerows([[csv_cell(text, NORWEGIAN)] for text in texts])
    assert data.decode("utf-8-sig") == buffer.getvalue()
