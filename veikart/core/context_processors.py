from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from veikart.accounts import permissions


def site(request: HttpRequest) -> dict:
    """Site-wide template context: the site name, language links and the user's powers."""
    current = get_language()
    path = request.get_full_path()
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "url": translate_url(path, code),
                "is_current": code == current,
            }
        )
    user = request.user if hasattr(request, "user") else None
    return {
        "site_section": site_section(request),
        "SITE_NAME": settings.SITE_NAME,
        "site_languages": languages,
        "can_view_unpublished": bool(user and permissions.can_view_unpublished(user)),
        "is_strategy_office": bool(user and permissions.is_strategy_office(user)),
    }


WORKSPACE_NAMESPACES = ("workspace", "ws-")


def site_section(request: HttpRequest) -> str:
    """The header menu's section of the page: ``goals``, ``roadmap``, ``indicators``, ``portfolio``,
    ``governance``, ``history``, ``workspace``, or ``""`` for pages outside the menu (the login, the accessibility statement, errors).
    """
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    namespace = match.namespace or ""
    if namespace.startswith(WORKSPACE_NAMESPACES):
        return "workspace"
    if namespace in ("roadmap", "indicators"):
        return namespace
    if namespace == "reporting":
        return "portfolio"
    if namespace == "governance":
        return "governance"
    if match.view_name == "strategy:history":
        return "history"
    if namespace == "strategy" or match.view_name == "core:home":
        return "goals"
    return ""
