"""The strategy office's pages for organisations and users in the workspace (``/forvaltning/``)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from veikart.accounts import permissions


def require_people_manager(request: HttpRequest) -> None:
    """Refuse (403) anyone but the strategy office."""
    if not permissions.can_manage_people(request.user):
        raise PermissionDenied
