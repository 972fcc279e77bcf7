"""PDFs from templates are tagged PDF/UA with title, language and bookmarks, and fetch nothing but the site's
own static files."""

import io

import pypdf
import pytest
from django.utils import translation

from veikart.core import pdf


def _read(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def test_a_pdf_is_tagged_with_title_language_and_bookmarks():
    with translation.override("nn"):
        data = pdf.render_pdf("core/pdf/base.html", {"document_title": "Møtebok NUIT 4/2026"})
    reader = _read(data)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nn"
    assert reader.metadata.title == "Møtebok NUIT 4/2026"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


def test_layout_refuses_every_address_but_the_static_files():
    for url in ("file:///etc/passwd", "http://127.0.0.1:8000/", "veikart-static:/../../config/settings.py"):
        with pytest.raises(ValueError):
            pdf._static_file(url)
    assert pdf._static_file("veikart-static:/css/pdf.css").startswith(b"/*")
