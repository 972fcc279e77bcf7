"""The annual report's page (title, heading, and the body of contents and goals), rendered as HTML:
live for a draft, and for a published report once per language and kept (``AnnualReportRendering``).

A published report's content never changes, so neither does its page in a language as long as
the code that renders it is the same. ``rendering_version`` fingerprints that code: the modules and
templates that turn content into HTML and the language's compiled catalogues. A stored rendering is
used only when the report's content hash, the language and that fingerprint all match; after a
release that changes the rendering, the first reader of each language renders it again. The task
worker renders every language when a report is published (``annual_report_pages``), so readers
normally find it made.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django_tasks import task

from .report_models import AnnualReport, AnnualReportRendering
from .report_pages import report_view

logger = logging.getLogger(__name__)

TITLE_TEMPLATE = "governance/_report_title.html"
HEADING_TEMPLATE = "governance/_report_heading.html"
BODY_TEMPLATE = "governance/_report_main.html"
_VEIKART = Path(__file__).resolve().parent.parent
# What turns the frozen content into the page body (the catalogues are added per language).
RENDERING_SOURCES = (
    "governance/report_pages.py",
    "governance/report_rendering.py",
    "governance/templates/governance/_report_title.html",
    "governance/templates/governance/_report_heading.html",
    "governance/templates/governance/_report_main.html",
    "governance/templates/governance/_report_body.html",
    "governance/templates/governance/_report_matrix.html",
    "indicators/charts.py",
    "indicators/progress.py",
    "indicators/templatetags/indicator_tags.py",
    "core/content.py",
    "core/templatetags/site_tags.py",
)


@functools.cache
def rendering_version(language: str) -> str:
    """A SHA-256 over the rendering's sources and ``language``'s compiled catalogues (read once a process)."""
    digest = hashlib.sha256(language.encode())
    paths = [_VEIKART / name for name in RENDERING_SOURCES]
    paths += sorted(_VEIKART.glob(f"*/locale/{language}/LC_MESSAGES/django.mo"))
    paths += [Path(root) / language / "LC_MESSAGES" / "django.mo" for root in settings.LOCALE_PATHS]
    for path in paths:
        digest.update(str(path.relative_to(_VEIKART.parent) if path.is_relative_to(_VEIKART.parent) else path).encode())
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()


@dataclass(frozen=True)
class ReportPage:
    """What the report's page shows around the site's frame: its title (plain text), heading (h1, the
    preview notice, the lead and the facts) and body (the contents and the goals), in one language."""

    title: str
    heading_html: SafeString
    body_html: SafeString


def render_page(
    report: AnnualReport, content: dict[str, Any], *, preview: bool = False, can_manage: bool = False
) -> ReportPage:
    """The page of ``report`` from ``content`` (frozen, or assembled for a preview) in the active language."""
    context = {**report_view(content), "report": report, "preview": preview, "can_manage": can_manage}
    return ReportPage(
        title=render_to_string(TITLE_TEMPLATE, context).strip(),
        heading_html=mark_safe(render_to_string(HEADING_TEMPLATE, context)),
        body_html=mark_safe(render_to_string(BODY_TEMPLATE, context)),
    )


def published_page(report: AnnualReport) -> ReportPage:
    """The published ``report``'s page in the active language: the stored rendering, or rendered from
    the frozen content now and stored. Reads ``report.content`` only when it renders."""
    if not report.is_published:
        raise ValueError("Only a published report's page is kept.")
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = {
        "report": report,
        "content_hash": report.content_hash,
        "language": language,
        "version": rendering_version(language),
    }
    stored = AnnualReportRendering.objects.filter(**key).values_list("title", "heading_html", "html").first()
    if stored is not None:
        title, heading, body = stored
        return ReportPage(title=title, heading_html=mark_safe(heading), body_html=mark_safe(body))
    page = render_page(report, report.content)
    try:
        with transaction.atomic():
            AnnualReportRendering.objects.create(
                **key, title=page.title, heading_html=page.heading_html, html=page.body_html
            )
    except IntegrityError:  # another request stored the same rendering meanwhile
        pass
    else:
        logger.info("Stored the %s page of annual report %s (%s characters)", language, report.pk, len(page.body_html))
    return page


@task()
def annual_report_pages(*, report_id: int) -> None:
    """Render and store the page of the published report ``report_id`` in every language."""
    report = AnnualReport.objects.select_related("strategy").filter(pk=report_id).first()
    if report is None or not report.is_published:
        return
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            published_page(report)
