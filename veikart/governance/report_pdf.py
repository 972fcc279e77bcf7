"""The published annual report as an accessible PDF, made by the task worker from the frozen content.

The PDF is laid out by ``veikart.core.pdf.render_pdf`` (PDF/UA-1: tagged structure in reading order,
title, language, the headings as bookmarks: one per goal) from ``governance/pdf/annual_report.html``,
in bokmål, the report's language of record. Each chart is a figure whose alternative text says what
it shows; the values follow in a table. The file is stored under ``MEDIA_ROOT`` by the content's hash
(``pdf_path``), written whole or not at all, and served by the report's view: a published report
never changes, so neither does its PDF, and the report's row is never written to record it.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django_tasks import task

from veikart.core.pdf import render_pdf

from .report_models import AnnualReport
from .report_pages import report_view

logger = logging.getLogger(__name__)

PDF_LANGUAGE = "nb"


def pdf_path(report: AnnualReport) -> Path:
    """Where a published report's PDF is stored: by strategy, year and the frozen content's hash."""
    return (
        Path(settings.MEDIA_ROOT)
        / "governance"
        / "annual-reports"
        / report.strategy.slug
        / f"arsrapport-{report.year}-{report.content_hash[:16]}.pdf"
    )


def annual_report_pdf_bytes(report: AnnualReport) -> bytes:
    """The PDF of a published report, from its frozen content."""
    if not report.is_published:
        raise ValueError("Only a published report has a PDF.")
    with translation.override(PDF_LANGUAGE):
        context = report_view(report.content, pdf=True)
        title = translation.gettext("Annual report %(year)s") % {"year": report.year}
        document_title = f"{title}: {context['strategy_title'].text}"
        return render_pdf(
            "governance/pdf/annual_report.html",
            {**context, "report": report, "document_title": document_title, "document_language": PDF_LANGUAGE},
        )


@task()
def annual_report_pdf(*, report_id: int) -> None:
    """Make and store the PDF of the published report ``report_id`` (nothing if it is not published or
    the PDF is there already)."""
    report = AnnualReport.objects.select_related("strategy").filter(pk=report_id).first()
    if report is None or not report.is_published:
        return
    path = pdf_path(report)
    if path.exists():
        return
    data = annual_report_pdf_bytes(report)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside its place and renamed: a reader never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, path)
    logger.info("Stored the PDF of annual report %s (%s bytes) at %s", report.pk, len(data), path)
