"""What the strategy framework adds to the workspace: its navigation entry, attention checks and a start-page panel.

Registered from ``StrategyConfig.ready``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from veikart.accounts import permissions
from veikart.strategy.models import Goal, Strategy
from veikart.workspace.registry import (
    Attention,
    AttentionCheck,
    Panel,
    WorkspacePage,
    register_attention,
    register_page,
    register_panel,
)


def framework_attention(user: Any) -> list[Attention]:
    """Adopted versions that are not published, and goals of versions in use that have no sub-goal (two counts)."""
    list_url = reverse("ws-strategy:strategy-list")
    unpublished = Strategy.objects.filter(status=Strategy.Status.ADOPTED, is_published=False).count()
    gaps = Goal.objects.without_sub_goals_in_use().count()
    return [
        Attention(
            unpublished,
            ngettext(
                "adopted strategy version is not published", "adopted strategy versions are not published", unpublished
            ),
            f"{list_url}?{urlencode({'status': Strategy.Status.ADOPTED, 'published': 'no'})}",
        ),
        Attention(
            gaps,
            ngettext("goal has no sub-goals", "goals have no sub-goals", gaps),
            f"{list_url}?gaps=on",
        ),
    ]


def drafts_panel(request: HttpRequest) -> dict[str, Any] | None:
    """The unpublished versions the viewer may read, newest first; None (no panel) when there are none."""
    strategies = list(Strategy.objects.visible_to(request.user).filter(is_published=False))
    return {"strategies": strategies} if strategies else None


def register() -> None:
    register_page(
        WorkspacePage(
            key="strategy-versions",
            label=_("Strategy versions"),
            url_name="ws-strategy:strategy-list",
            allowed=permissions.can_edit_framework,
            group="framework",
            order=10,
        )
    )
    register_attention(
        AttentionCheck(
            key="strategy-framework", order=50, allowed=permissions.can_edit_framework, find=framework_attention
        )
    )
    register_panel(
        Panel(
            key="strategy-drafts",
            order=50,
            allowed=permissions.can_read_strategy_drafts,
            template="strategy/workspace/_drafts_panel.html",
            context=drafts_panel,
        )
    )
