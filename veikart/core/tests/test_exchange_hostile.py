"""Hostile and damaged files are refused with a message, quickly, and never with a traceback."""

import dataclasses
import io
import time
import tracemalloc
import zipfile

import pytest
from django.utils import translation

from veikart.core.exchange.json_documents import load_json
from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import FileUnreadable
from veikart.core.exchange.reading import check_size, read_table
from veikart.core.exchange.workbooks import _cells
from veikart.core.tests.exchange_files import sheet_xml, text_cell, workbook_bytes, workbook_with_sheet_xml

LIMITS = Limits(
    max_bytes=1_000_000,
    max_rows=10_000,
    max_columns=200,
    max_cell_chars=32_767,
    max_json_depth=64,
    max_xlsx_part_bytes=50_000_000,
    max_xlsx_strings_bytes=1_000_000,
)


def refusal(data: bytes, name: str = "file.csv", limits: Limits = LIMITS) -> str:
    with translation.override("en"), pytest.raises(FileUnreadable) as refused:
        found = read_table(io.BytesIO(data), file_name=name, limits=limits)
        list(found.records)
    return refused.value.message


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\xef\xbb\xbf\xff\xfe\x81", "Line 1 is not UTF-8"),  # a byte-order mark, then not UTF-8
        (b"\x81\x8d\x8f", "Line 1 is not Windows-1252"),  # three bytes that are text in no encoding we read
        (b"period;value\n2023;1\n2024;\x81\n", "Line 3 is not Windows-1252"),
        # UTF-8 for the first 256 kB, which decide the encoding, and then not
        (b"period;value\n" + "2023;\u00e6\n".encode() * 40_000 + b"2024;\xff\n", "Line 40002 is not UTF-8"),
        (b"period;value\n2023\x00;1\n", "Line 2 holds a control character (U+0000)"),
        (b"period;value\n2023;\x1b[31m\n", "U+001B"),
        (b"period;value\n2023;" + b"9" * 40_000 + b"\n", "longer than 32767"),
        (b"", "empty"),
        (b"\n\n  \n", "no header row"),
        (b"a;" * 300, "at most 200"),
        (b";" * 300, "no header row"),  # delimiters alone are a blank line
    ],
)
def test_bad_text_is_refused_with_its_line(data, says):
    assert says in refusal(data, limits=dataclasses.replace(LIMITS, max_rows=100_000))


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    with translation.override("en"), pytest.raises(FileUnreadable) as refused:
        check_size(io.BytesIO(b"x" * 2_000_000), limits=LIMITS)
    assert refused.value.message == "The file is 1.9 MB; at most 977 kB can be imported."


def test_too_many_rows_are_refused():
    assert "more than 10000 rows" in refusal(b"a;b\n" + b"1;2\n" * 10_001)


def test_a_workbook_claiming_a_huge_sheet_is_refused_quickly_and_small():
    rows = f'<row r="1">{text_cell("A1", "period")}</row><row r="10000"><c r="XFD10000"><v>1</v></c></row>'
    data = workbook_with_sheet_xml(sheet_xml(rows, dimension="A1:XFD1048576"))
    tracemalloc.start()
    started = time.perf_counter()
    message = refusal(data, "hostile.xlsx")
    seconds, (_now, peak) = time.perf_counter() - started, tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "column XFD" in message
    assert seconds < 2 and peak < 50_000_000  # bounds of the check, not a benchmark: make bench times it


def test_a_claimed_dimension_alone_costs_nothing():
    rows = f'<row r="1">{text_cell("A1", "period")}{text_cell("B1", "value")}</row><row r="2"><c r="A2"><v>2023</v></c></row>'
    found = read_table(
        io.BytesIO(workbook_with_sheet_xml(sheet_xml(rows, dimension="A1:XFD1048576"))), file_name="", limits=LIMITS
    )
    assert found.header == ["period", "value"] and list(found.records) == [(2, [2023])]


def test_a_row_numbered_past_the_limit_is_refused():
    rows = f'<row r="1">{text_cell("A1", "a")}</row><row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    assert "row numbered 1048576" in refusal(workbook_with_sheet_xml(sheet_xml(rows)), "a.xlsx")


@pytest.mark.parametrize("value", ["nan", "inf", "1e999x"])
def test_a_cell_that_is_no_number_refuses_the_sheet_naming_the_row_before(value):
    rows = f'<row r="1">{text_cell("A1", "a")}</row><row r="2"><c r="A2"><v>{value}</v></c></row>'
    assert "after row 1" in refusal(workbook_with_sheet_xml(sheet_xml(rows)), "a.xlsx")


def test_a_very_long_cell_in_a_workbook_is_refused_naming_the_cell():
    rows = f'<row r="1">{text_cell("A1", "a")}</row><row r="2">{text_cell("B2", "y" * 40_000)}</row>'
    assert "Cell B2 is longer than" in refusal(workbook_with_sheet_xml(sheet_xml(rows)), "a.xlsx")


@pytest.mark.parametrize(
    "data",
    [
        workbook_with_sheet_xml(b"<worksheet><sheetData><row"),  # damaged XML
        workbook_with_sheet_xml(sheet_xml(""), drop=("xl/worksheets/sheet1.xml",)),  # the sheet part is gone
        b"PK\x03\x04" + b"\x00" * 100,  # a zip header and nothing else
        workbook_bytes([["a"]])[:-200],  # cut short
    ],
)
def test_damaged_workbooks_are_refused(data):
    assert refusal(data, "a.xlsx")


def test_a_workbook_with_no_rows_is_refused():
    assert "empty" in refusal(workbook_with_sheet_xml(sheet_xml("")), "a.xlsx")


def test_a_zip_bomb_is_refused_by_its_declared_size():
    limits = dataclasses.replace(LIMITS, max_xlsx_part_bytes=1_000_000)
    rows = f"<row>{text_cell('A1', 'x' * 100)}</row>" * 100_000
    data = workbook_with_sheet_xml(sheet_xml(rows))
    assert (
        len(data)
        < 100_000
        < 10_000_000
        < zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml").file_size
    )
    with translation.override("en"), pytest.raises(FileUnreadable) as refused:
        read_table(io.BytesIO(data), file_name="a.xlsx", limits=limits)
    assert "The worksheet unpacks to 14.8 MB; at most 977 kB are read." in refused.value.message


def test_deeply_nested_json_is_refused_without_recursion():
    with translation.override("en"), pytest.raises(FileUnreadable) as refused:
        load_json(io.BytesIO(b"[" * 2000 + b"]" * 2000), limits=LIMITS)
    assert "nested more than 64" in refused.value.message


@pytest.mark.parametrize("data", [b'{"a": ', b"\xff\xfe{}", b'{"a": 1} trailing', b'{"a": "\xc3"}'])
def test_broken_json_is_refused(data):
    with translation.override("en"), pytest.raises(FileUnreadable) as refused:
        load_json(io.BytesIO(data), limits=LIMITS)
    assert "not valid JSON" in refused.value.message


def test_a_control_character_in_a_worksheet_cell_is_refused_naming_the_cell():
    # XML cannot carry one, but a parser that unescapes ``_x0000_`` could: the check stands guard.
    parsed = [{"column": 1, "value": "a"}, {"column": 2, "value": "x\x00y"}]
    with translation.override("en"), pytest.raises(FileUnreadable) as refused:
        _cells(parsed, 7, LIMITS)
    assert "Cell B7 holds a control character (U+0000)" in refused.value.message


@pytest.mark.parametrize("data", [b'{"label": "a\\u0000b"}', b'{"a\\u001bb": 1}'])
def test_a_control_character_escaped_in_json_is_refused(data):
    with translation.override("en"), pytest.raises(FileUnreadable) as refused:
        load_json(io.BytesIO(data), limits=LIMITS)
    assert "holds a control character" in refused.value.message
