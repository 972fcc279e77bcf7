"""The workspace's own pages: the start page of each role."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from veikart.accounts import permissions
from veikart.workspace.registry import attention_for, panels_for


def require_workspace(request: HttpRequest) -> None:
    """Refuse (403) a logged-in user who has no role that works in the workspace."""
    if not permissions.can_use_workspace(request.user):
        raise PermissionDenied


@login_required
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """What needs the viewer's attention and the panels of their role (their items, drafts they may read …)."""
    require_workspace(request)
    context = {
        "attention": attention_for(request.user),
        "panels": panels_for(request),
        "organisation": permissions.organisation_of(request.user),
    }
    return render(request, "workspace/start.html", context)
