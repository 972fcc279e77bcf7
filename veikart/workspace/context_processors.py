from django.http import HttpRequest

from veikart.accounts import permissions
from veikart.workspace.registry import navigation_for


def workspace(request: HttpRequest) -> dict:
    """Whether the header links to the workspace, and the workspace navigation (built only when used)."""
    user = getattr(request, "user", None)
    if user is None or not permissions.can_use_workspace(user):
        return {"can_use_workspace": False}
    return {"can_use_workspace": True, "workspace_navigation": lambda: navigation_for(user)}
