"""The status section of the public roadmap item page (registered as a core section, so the roadmap
imports nothing of status reporting)."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists
from django.http import HttpRequest

from veikart.indicators.models import Indicator
from veikart.roadmap.models import RoadmapItem

from .benefit_models import BenefitLink
from .benefits import linked_indicators_of
from .models import StatusReport


def item_status(request: HttpRequest, item: Any) -> dict[str, Any] | None:
    """The item's latest published report, its published status history (oldest first) and the
    published indicators it is linked to with their status; None when it has neither report nor link.

    The public reads the overall status, the area statuses, the status in words and the dates; the next
    steps and the risks stay in the workspace. Only ``StatusReport.objects.published()``, whoever looks: the public page shows what is public; the
    workspace shows the rest to those who may read it.
    """
    if not _has_reports_or_links(item.pk):
        return None
    reports = list(
        StatusReport.objects.published()
        .filter(item=item)
        .select_related("period", "overall", "expected_phase")
        .order_by("period__opens", "period__pk")
    )
    linked = linked_indicators_of([item.pk], indicators=Indicator.objects.published()).get(item.pk, [])
    if not reports and not linked:
        return None
    latest = reports[-1] if reports else None
    return {
        "report": latest,
        "history": reports,
        "areas": latest.areas.select_related("area", "colour") if latest else [],
        "linked": linked,
    }


def _has_reports_or_links(item_id: int) -> bool:
    """Whether the item has any status report or benefit link at all, published or not.

    Most items are outside the portfolio and have neither: one query on the two item indexes
    spares them the two that read published reports and links, which cost far more to build.
    """
    return (
        RoadmapItem.objects.filter(pk=item_id)
        .filter(
            Exists(StatusReport.objects.filter(item_id=item_id)) | Exists(BenefitLink.objects.filter(item_id=item_id))
        )
        .exists()
    )
