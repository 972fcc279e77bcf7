"""Extension points of the workspace: pages in its navigation, attention checks and start-page panels.

An app registers, in its ``AppConfig.ready``, what it adds to the workspace and
who may see it (a rule from ``veikart.accounts.permissions``). The workspace
renders only what the viewer is allowed, so its start page and navigation never
name an app; later modules (status reports, governance, consultation) plug in
the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Rule = Callable[[Any], bool]

# Navigation groups, in the order the navigation shows them.
GROUPS: dict[str, Promise] = {
    "work": _("Everyday work"),
    "framework": _("Strategy framework"),
    "reference": _("Reference data"),
    "people": _("Organisations and users"),
}


@dataclass(frozen=True)
class WorkspacePage:
    """A link in the workspace navigation."""

    key: str
    label: Promise | str
    url_name: str
    allowed: Rule
    group: str = "work"
    order: int = 100


@dataclass(frozen=True)
class Attention:
    """Something that needs attention: how many, what, and the list that shows them."""

    count: int
    label: str
    url: str


@dataclass(frozen=True)
class AttentionCheck:
    key: str
    order: int
    allowed: Rule
    find: Callable[[Any], list[Attention]]


@dataclass(frozen=True)
class Panel:
    """A section of the start page; ``context(request)`` returns its template context, or None to hide it."""

    key: str
    order: int
    allowed: Rule
    template: str
    context: Callable[[HttpRequest], dict[str, Any] | None]


_pages: dict[str, WorkspacePage] = {}
_checks: dict[str, AttentionCheck] = {}
_panels: dict[str, Panel] = {}


def register_page(page: WorkspacePage) -> None:
    """Add ``page`` to the navigation (registering the same key again replaces it: ``ready()`` may run twice)."""
    if page.group not in GROUPS:
        raise ValueError(f"Unknown workspace group {page.group!r}")
    _pages[page.key] = page


def register_attention(check: AttentionCheck) -> None:
    """Add an attention check to the start page; ``check.find(user)`` returns what needs attention."""
    _checks[check.key] = check


def register_panel(panel: Panel) -> None:
    """Add a section to the start page."""
    _panels[panel.key] = panel


def navigation_for(user: Any) -> list[tuple[Promise, list[WorkspacePage]]]:
    """The navigation groups with the pages ``user`` may open, empty groups left out."""
    allowed = sorted((page for page in _pages.values() if page.allowed(user)), key=lambda page: (page.order, page.key))
    return [
        (label, pages)
        for group, label in GROUPS.items()
        if (pages := [page for page in allowed if page.group == group])
    ]


def attention_for(user: Any) -> list[Attention]:
    """Everything that needs ``user``'s attention now, with a count above zero, in the checks' order."""
    found: list[Attention] = []
    for check in sorted(_checks.values(), key=lambda check: (check.order, check.key)):
        if check.allowed(user):
            found.extend(attention for attention in check.find(user) if attention.count)
    return found


def panels_for(request: HttpRequest) -> list[tuple[str, dict[str, Any]]]:
    """The (template, context) pairs of the start-page panels the viewer may see and that have something to show."""
    rendered = []
    for panel in sorted(_panels.values(), key=lambda panel: (panel.order, panel.key)):
        if panel.allowed(request.user) and (context := panel.context(request)) is not None:
            rendered.append((panel.template, context))
    return rendered
