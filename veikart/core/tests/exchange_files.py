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


def workbook_with_sheet_xml(sheet_xml: bytes | str, *, drop: tuple[str, ...] = ()) -> bytes:
    """A valid workbook whose first worksheet's XML is replaced by ``sheet_xml`` (parts in ``drop`` left out)."""
    if isinstance(sheet_xml, str):
        sheet_xml = sheet_xml.encode("utf-8")
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes([["x"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            if member.filename in drop:
                continue
            data = sheet_xml if member.filename == "xl/worksheets/sheet1.xml" else source.read(member.filename)
            archive.writestr(member.filename, data)
    return out.getvalue()


def sheet_xml(rows: str, *, dimension: str = "") -> str:
    """A worksheet's XML around ``rows`` (``<row>`` elements), optionally claiming ``dimension``."""
    claimed = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<worksheet xmlns="{SHEET_NS}">{claimed}<sheetData>{rows}</sheetData></worksheet>'


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
