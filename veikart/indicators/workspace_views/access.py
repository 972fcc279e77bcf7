"""Fetching an indicator for the viewer: 403 for a role with no business here, 404 for what it may not see."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from veikart.accounts import permissions
from veikart.core.content import content_label
from veikart.indicators.models import Indicator


def require_indicator_editor(request: HttpRequest) -> None:
    """Refuse (403) everyone but the strategy office."""
    if not permissions.can_edit_indicators(request.user):
        raise PermissionDenied


def get_editable_indicator(request: HttpRequest, pk: int) -> Indicator:
    """The indicator the strategy office edits; 403 for anyone else (whether or not it exists)."""
    require_indicator_editor(request)
    return get_object_or_404(Indicator.objects.select_related("goal__strategy", "responsible"), pk=pk)


def get_workspace_indicator(request: HttpRequest, pk: int) -> Indicator:
    """The indicator if the viewer may open it in the workspace: 403 for roles without indicator pages,
    404 for an indicator it may not see (another organisation's unpublished one)."""
    if not (permissions.can_edit_indicators(request.user) or permissions.can_list_own_indicators(request.user)):
        raise PermissionDenied
    visible = permissions.workspace_indicators(request.user, Indicator.objects.all())
    return get_object_or_404(
        Indicator.objects.select_related("goal__strategy", "responsible").filter(pk__in=visible.values("pk")), pk=pk
    )


def list_crumb() -> tuple[str, str]:
    return (_("Indicators"), reverse("ws-indicators:indicator-list"))


def indicator_crumbs(indicator: Indicator, *, editor: bool = True) -> list[tuple[str, str]]:
    """Breadcrumbs down to ``indicator``'s workspace page."""
    first = list_crumb() if editor else (_("Our indicators"), reverse("ws-indicators:own-list"))
    return [
        first,
        (content_label(indicator, "name"), reverse("ws-indicators:indicator-detail", kwargs={"pk": indicator.pk})),
    ]
