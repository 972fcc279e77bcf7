"""Workbooks and text files shaped by hand, for the exchange layer's tests: tidy ones and hostile ones."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook

SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def workbook_bytes(rows: list[list]) -> bytes:
    """A workbook whose first sheet holds ``rows``."""
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_sheet(workbook: bytes, change, *, drop: tuple[str, ...] = ()) -> bytes:
    """``workbook`` with its first worksheet's XML changed by ``change`` (bytes → bytes); the archive stays whole.

    Parts named in ``drop`` are left out.
    """
    source = zipfile.ZipFile(io.BytesIO(workbook))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            if member.filename in drop:
                continue
            data = source.read(member.filename)
            if member.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            archive.writestr(member.filename, data)
    return out.getvalue()


def workbook_with_sheet_xml(sheet_xml: bytes | str, *, drop: tuple[str, ...] = ()) -> bytes:
    """A valid workbook whose first worksheet's XML is replaced by ``sheet_xml`` (parts in ``drop`` left out)."""
    data = sheet_xml.encode("utf-8") if isinstance(sheet_xml, str) else sheet_xml
    return with_sheet(workbook_bytes([["x"]]), lambda _xml: data, drop=drop)


def sheet_xml(rows: str, *, dimension: str = "") -> str:
    """A worksheet's XML around ``rows`` (``<row>`` elements), optionally claiming ``dimension``."""
    claimed = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<worksheet xmlns="{SHEET_NS}">{claimed}<sheetData>{rows}</sheetData></worksheet>'


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
