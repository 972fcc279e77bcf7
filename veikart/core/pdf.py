"""Accessible PDFs from the site's own templates, with WeasyPrint.

``render_pdf`` renders a Django template to HTML and lays it out as a tagged PDF (PDF/UA-1: a
structure tree in reading order, the document title shown in the title bar, the language set, the
headings as bookmarks). The template gives the language in ``<html lang>`` and the title in
``<title>``; WeasyPrint takes both into the document.

Only files the site itself ships are fetched while laying out (stylesheets, the vendored font,
images under ``static/``): any other address, local or remote, is refused, so a link in user
content can never make the worker read a file or call a server.
"""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# fontTools logs each font subset it makes, and WeasyPrint each step of each layout, at INFO: pages of
# noise per PDF in the worker's log.
logging.getLogger("fontTools").setLevel(logging.WARNING)
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# The address stylesheets and images use in a PDF template: ``{% static %}`` paths under it.
STATIC_BASE = "veikart-static:/"


class PdfUnavailable(Exception):
    """WeasyPrint or the system's Pango is missing: the PDF cannot be made on this machine."""


def _static_file(url: str) -> bytes:
    """The bytes of ``veikart-static:/<path>`` from the static files; anything else is refused."""
    if not url.startswith(STATIC_BASE):
        raise ValueError(f"PDF layout does not fetch {url!r}: only the site's static files")
    relative = url.removeprefix(STATIC_BASE).lstrip("/").split("?", 1)[0].split("#", 1)[0]
    if ".." in relative.split("/"):
        raise ValueError(f"No static file {relative!r}")
    found = finders.find(relative)
    if not found:
        raise ValueError(f"No static file {relative!r}")
    return Path(found).read_bytes()


def _static_fetcher(weasyprint: Any) -> Any:
    """A WeasyPrint URL fetcher that serves only ``_static_file``."""

    class StaticFetcher(weasyprint.urls.URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            body = _static_file(url)
            content_type = mimetypes.guess_type(url.split("?", 1)[0])[0] or "application/octet-stream"
            return weasyprint.urls.URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    return StaticFetcher(fail_on_errors=False)


@dataclass(frozen=True)
class RenderedPdf:
    """A laid-out PDF: its bytes and how many pages it has (read from the layout, not the file)."""

    data: bytes
    page_count: int


def render_pdf_document(template_name: str, context: dict[str, Any]) -> RenderedPdf:
    """The template rendered and laid out as a tagged PDF/UA-1 document, with its page count.

    ``context`` gets ``pdf_static`` (the base for stylesheet and image addresses). Raises
    ``PdfUnavailable`` when WeasyPrint cannot be loaded.
    """
    try:
        import weasyprint  # loads Pango: only the worker and the tests need it
        import weasyprint.urls
    except OSError as error:  # the system's Pango is missing
        raise PdfUnavailable(str(error)) from error
    html = render_to_string(template_name, {**context, "pdf_static": STATIC_BASE})
    document = weasyprint.HTML(string=html, base_url=STATIC_BASE, url_fetcher=_static_fetcher(weasyprint)).render(
        pdf_variant="pdf/ua-1"
    )
    return RenderedPdf(
        data=document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False), page_count=len(document.pages)
    )


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    """The template rendered and laid out as a tagged PDF/UA-1 document (``render_pdf_document``'s bytes)."""
    return render_pdf_document(template_name, context).data
