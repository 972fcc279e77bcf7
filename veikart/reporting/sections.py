"""The status section of the public roadmap item page (registered as a core section, so the roadmap
imports nothing of status reporting)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .models import StatusReport


def item_status(request: HttpRequest, item: Any) -> dict[str, Any] | None:
    """The item's latest published report and its published status history (oldest first), or None.

    The public reads the overall status, the area statuses, the status in words and the dates; the next
    steps and the risks stay in the workspace. Only ``StatusReport.objects.published()``, whoever looks: the public page shows what is public; the
    workspace shows the rest to those who may read it.
    """
    reports = list(
        StatusReport.objects.published()
        .filter(item=item)
        .select_related("period", "overall", "expected_phase")
        .order_by("period__opens", "period__pk")
    )
    if not reports:
        return None
    latest = reports[-1]
    return {"report": latest, "history": reports, "areas": latest.areas.select_related("area", "colour")}
