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
        "SITE_NAME": settings.SITE_NAME,
        "site_languages": languages,
        "can_view_unpublished": bool(user and permissions.can_view_unpublished(user)),
        "is_strategy_office": bool(user and permissions.is_strategy_office(user)),
    }
