"""What governance meetings add to the workspace: the navigation links, the follow-up actions that
need attention, and the start-page panels (open follow-up actions; a body member's coming meetings).

``register()`` is called from ``GovernanceConfig.ready``.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from veikart.accounts import permissions
from veikart.workspace.registry import (
    AttentionCheck,
    Panel,
    WorkspacePage,
    register_attention,
    register_page,
    register_panel,
)

from .workspace_meeting_pages import can_follow_up, follow_up_attention, follow_up_panel, meetings_panel


def _is_body_member(user: Any) -> bool:
    return permissions.can_read_governance_papers(user) and not permissions.can_manage_governance(user)


def register() -> None:
    for key, label, url_name, rule, group, order in [
        (
            "governance-meetings",
            _("Meetings"),
            "ws-governance:meeting-list",
            permissions.can_read_governance_papers,
            "work",
            30,
        ),
        ("governance-follow-ups", _("Follow-up actions"), "ws-governance:follow-up-list", can_follow_up, "work", 31),
        (
            "governance-bodies",
            _("Governance bodies"),
            "ws-governance:body-list",
            permissions.can_manage_governance,
            "framework",
            45,
        ),
    ]:
        register_page(WorkspacePage(key=key, label=label, url_name=url_name, allowed=rule, group=group, order=order))
    register_attention(
        AttentionCheck(key="governance-follow-ups", order=30, allowed=can_follow_up, find=follow_up_attention)
    )
    register_panel(
        Panel(
            key="governance-follow-ups",
            order=30,
            allowed=can_follow_up,
            template="governance/workspace/_follow_up_panel.html",
            context=follow_up_panel,
        )
    )
    register_panel(
        Panel(
            key="governance-meetings",
            order=31,
            allowed=_is_body_member,
            template="governance/workspace/_meetings_panel.html",
            context=meetings_panel,
        )
    )
