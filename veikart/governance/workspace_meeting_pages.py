"""What the governance workspace pages read: the meetings a user follows, the follow-up actions they
follow, and what the start page shows of them (attention counts and panels).

Access is the models' (``Meeting.objects.visible_to``, ``Body.objects.readable_by``,
``Case.objects.visible_to``); this module only combines them.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from veikart.accounts import permissions
from veikart.workspace.registry import Attention

from .meeting_pages import case_rows
from .models import Body, Case, FollowUpAction, Meeting

# How far ahead a follow-up action counts as "due soon" on the start page and in the list.
SOON = datetime.timedelta(days=30)
# How many rows a start-page panel shows; the list behind it has the rest.
PANEL_ROWS = 10


def titled(actions: list[FollowUpAction], user) -> None:
    """Set each action's ``title``: its case's title as ``user`` may read it (one query for them all)."""
    for action, row in zip(actions, case_rows([action.decision.case for action in actions], user), strict=True):
        action.title = row.title


def meetings_for(user) -> QuerySet[Meeting]:
    """The meetings ``user`` follows in the workspace: every one for the strategy office; the summoned
    and later meetings of the bodies they sit on for a body member."""
    return Meeting.objects.visible_to(user).filter(body__in=Body.objects.readable_by(user)).select_related("body")


def follow_ups_for(user) -> QuerySet[FollowUpAction]:
    """The follow-up actions ``user`` follows: every one for the strategy office, their organisation's
    for an owner editor (of meetings they may know of), none for anyone else."""
    actions = FollowUpAction.objects.select_related(
        "responsible", "decision__case__meeting__body", "decision__case"
    ).order_by("due_on", "pk")
    if permissions.can_manage_governance(user):
        return actions
    organisation = permissions.editable_organisation(user)
    if organisation is None:
        return actions.none()
    return actions.filter(responsible=organisation, decision__case__in=Case.objects.visible_to(user))


def can_follow_up(user: Any) -> bool:
    """The list of follow-up actions: the strategy office, and owner editors (their organisation's)."""
    return permissions.can_manage_governance(user) or permissions.editable_organisation(user) is not None


def follow_up_attention(user: Any) -> list[Attention]:
    """Open follow-up actions past their due date, and those due within ``SOON``: all of them for the
    strategy office, the organisation's for an owner editor."""
    today = timezone.localdate()
    # Both counts in one query (the start page asks on every visit).
    counts = (
        follow_ups_for(user)
        .filter(done_on__isnull=True)
        .aggregate(
            overdue=Count("pk", filter=Q(due_on__lt=today)),
            soon=Count("pk", filter=Q(due_on__gte=today, due_on__lte=today + SOON)),
        )
    )
    overdue, soon = counts["overdue"], counts["soon"]
    url = reverse("ws-governance:follow-up-list")
    return [
        Attention(overdue, ngettext("follow-up action is overdue", "follow-up actions are overdue", overdue), url),
        Attention(
            soon,
            ngettext("follow-up action is due within 30 days", "follow-up actions are due within 30 days", soon),
            url,
        ),
    ]


def follow_up_panel(request: HttpRequest) -> dict[str, Any] | None:
    """The open follow-up actions most due: overdue and due within ``SOON`` for the strategy office,
    every open one of the organisation for an owner editor; hidden when there is none."""
    today = timezone.localdate()
    actions = follow_ups_for(request.user).filter(done_on__isnull=True)
    if permissions.can_manage_governance(request.user):
        actions = actions.filter(due_on__lte=today + SOON)
    rows = list(actions[:PANEL_ROWS])
    if not rows:
        return None
    titled(rows, request.user)
    return {
        "actions": rows,
        "today": today,
        "can_read_papers": permissions.can_read_governance_papers(request.user),
    }


def meetings_panel(request: HttpRequest) -> dict[str, Any] | None:
    """A body member's coming meetings (summoned, of the bodies they sit on), linking to the papers."""
    meetings = list(meetings_for(request.user).filter(starts_at__gte=timezone.now()).order_by("starts_at")[:PANEL_ROWS])
    if not meetings:
        return None
    return {"meetings": meetings}
