"""What the indicators add to the workspace's start page: the owner editors' "our indicators" panel
and the strategy office's count of indicators whose data is overdue (one query each)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import ngettext

from veikart.accounts import permissions
from veikart.indicators.checklist import missing, with_checklist
from veikart.indicators.freshness import overdue_count
from veikart.indicators.models import Indicator
from veikart.workspace.registry import Attention


def own_indicators(request: HttpRequest) -> QuerySet:
    """The owner editor's organisation's indicators, published or not, annotated for ``missing``."""
    organisation = permissions.editable_organisation(request.user)
    return with_checklist(Indicator.objects.filter(responsible=organisation)).order_by("code")


def own_panel(request: HttpRequest) -> dict | None:
    """The start page's "our indicators" for an owner editor: how many, how many wait for data, and up
    to five that lack something; None (no panel) when the organisation is responsible for none."""
    indicators = list(own_indicators(request))
    if not indicators:
        return None
    lacking = [indicator for indicator in indicators if missing(indicator)]
    overdue = sum(1 for indicator in indicators if indicator.is_overdue)
    return {
        "count": len(indicators),
        "lacking": lacking[:5],
        "overdue": overdue,
        "url": reverse("ws-indicators:own-list"),
    }


def overdue_attention(user) -> list[Attention]:
    """The strategy office's "indicators whose data is overdue", linking to the filtered list."""
    count = overdue_count(Indicator.objects.all())
    label = ngettext(
        "indicator whose data is overdue for its frequency",
        "indicators whose data is overdue for their frequency",
        count,
    )
    return [Attention(count=count, label=label, url=reverse("ws-indicators:indicator-list") + "?overdue=yes")]
