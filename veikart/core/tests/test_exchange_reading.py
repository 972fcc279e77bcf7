"""Reading CSV and XLSX as they come: encodings, delimiters, blank lines, real publishers' files."""

import gc
import io
from pathlib import Path

import pytest
from django.utils import translation

from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import FileUnreadable
from veikart.core.exchange.reading import CSV, JSON, XLSX, file_kind, read_table
from veikart.core.tests.exchange_files import workbook_bytes

DATA = Path(__file__).parent / "data"
LIMITS = Limits(
    max_bytes=10_000_000,
    max_rows=1000,
    max_columns=50,
    max_cell_chars=1000,
    max_json_depth=20,
    max_xlsx_part_bytes=10_000_000,
    max_xlsx_strings_bytes=1_000_000,
)


def table(data: bytes, name: str = "file.csv"):
    found = read_table(io.BytesIO(data), file_name=name, limits=LIMITS)
    return found, list(found.records)


def test_it_reads_norwegian_excel_csv_in_windows_1252_with_semicolons():
    found, records = table("Tiltaksnavn;Delmål\r\nSøk i journal;1A\r\n\r\n;\r\nÆ;2B\r\n".encode("cp1252"))
    assert found.header == ["Tiltaksnavn", "Delmål"]
    assert found.delimiter == ";" and found.encoding == "Windows-1252"
    assert records == [(2, ["Søk i journal", "1A"]), (5, ["Æ", "2B"])]


def test_it_reads_utf8_with_a_byte_order_mark_and_utf16():
    _found, records = table("\ufeffa,b\n1,ø\n".encode())
    assert records == [(2, ["1", "ø"])]
    found, records = table("a\tb\r\n1\tø\r\n".encode("utf-16"))
    assert found.header == ["a", "b"] and records == [(2, ["1", "ø"])]


def test_a_quoted_cell_over_several_lines_keeps_the_line_it_starts_on():
    _found, records = table(b'a;b\n"one\ntwo";1\n3;4\n')
    assert records == [(2, ["one\ntwo", "1"]), (4, ["3", "4"])]


def test_real_publishers_files_read_with_every_row(db):
    found, records = table((DATA / "oecd-sdmxcsv1-g20-prisvekst.csv").read_bytes())
    assert found.header[0] == "DATAFLOW" and "OBS_VALUE" in found.header and len(records) == 41
    found, records = table((DATA / "hagstofan-opensdg-3-2-1.csv").read_bytes())
    assert found.header == ["Year", "Value"] and len(records) == 62
    assert records[-1][1][0] == "2022"  # no newline after the last row


def test_a_workbook_keeps_cell_types_and_row_numbers():
    found, records = table(workbook_bytes([["period", "value"], [None, None], [2023, 1.5], ["2024", "x"]]), "a.xlsx")
    assert found.file_format == "xlsx" and found.header == ["period", "value"]
    assert records == [(3, [2023, 1.5]), (4, ["2024", "x"])]


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"PK\x03\x04rest", XLSX), (b'\xef\xbb\xbf {"a": 1}', JSON), (b"[1]", JSON), (b"a;b", CSV)],
)
def test_the_kind_of_file_is_told_by_its_content(head, kind):
    assert file_kind(io.BytesIO(head), file_name="whatever.csv") == kind


@pytest.mark.parametrize(
    ("head", "says"),
    [(b"\xd0\xcf\x11\xe0\xa1\xb1", ".xls"), (b"%PDF-1.7", "PDF"), (b"\x1f\x8b\x08", "gzip")],
)
def test_formats_no_import_reads_are_refused_with_what_to_do(head, says):
    with translation.override("en"), pytest.raises(FileUnreadable) as refused:
        file_kind(io.BytesIO(head))
    assert says in refused.value.message


def test_refusals_speak_the_active_language():
    with translation.override("nn"), pytest.raises(FileUnreadable) as refused:
        table(b"a;b\n1\x00;2\n")
    with translation.override("en"), pytest.raises(FileUnreadable) as in_english:
        table(b"a;b\n1\x00;2\n")
    assert refused.value.message != in_english.value.message
    assert "Line 2" in in_english.value.message and "U+0000" in refused.value.message


def test_a_line_of_delimiters_alone_is_blank_before_the_header_as_it_is_among_the_records():
    found, records = table(b';;\r\n"";""\r\nTiltaksnavn;Delm\xc3\xa5l\r\n;;\r\nNoe;1A\r\n')
    assert found.header == ["Tiltaksnavn", "Delmål"] and found.header_row == 3
    assert records == [(5, ["Noe", "1A"])]


def test_a_file_of_blank_lines_and_delimiters_has_no_header():
    with pytest.raises(FileUnreadable):
        table(b"\r\n;;\r\n , \r\n")


@pytest.mark.parametrize("data", [b"a;b\n1;2\n", workbook_bytes([["a", "b"], [1, 2]])])
def test_a_table_whose_records_are_never_read_leaves_the_callers_stream_open(data):
    stream = io.BytesIO(data)
    found = read_table(stream, file_name="file", limits=LIMITS)
    del found
    gc.collect()
    assert not stream.closed and stream.seek(0) == 0
