"""What status reporting adds to the workspace's start page: reports to review, reports to write."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from veikart.workspace.registry import Attention

from . import pages
from .models import ReportingPeriod, StatusReport


def review_attention(user: Any) -> list[Attention]:
    """Submitted reports waiting for the strategy office, in periods that still take a review."""
    count = StatusReport.objects.filter(
        state=StatusReport.State.SUBMITTED,
        period__state__in=[ReportingPeriod.State.OPEN, ReportingPeriod.State.CLOSED],
    ).count()
    label = ngettext("status report waits for review", "status reports wait for review", count)
    return [Attention(count, label, reverse("ws-reporting:review"))]


def own_attention(user: Any) -> list[Attention]:
    """For an owner editor: returned reports, and portfolio items without a submitted report in the open period."""
    period = ReportingPeriod.objects.filter(state=ReportingPeriod.State.OPEN).order_by("-opens").first()
    if period is None:
        return []
    rows = pages.own_rows(user, period)
    returned = sum(1 for row in rows if row.report and row.report.state == StatusReport.State.RETURNED)
    unsent = sum(1 for row in rows if row.report is None or row.report.state == StatusReport.State.DRAFT)
    url = f"{reverse('ws-reporting:own-reports')}?period={period.pk}"
    return [
        Attention(returned, ngettext("status report returned to you", "status reports returned to you", returned), url),
        Attention(
            unsent,
            ngettext(
                "portfolio item without a submitted status report",
                "portfolio items without a submitted status report",
                unsent,
            ),
            url,
        ),
    ]
