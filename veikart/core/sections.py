"""Extension points through which later modules add sections to shared pages.

A module registers, in its ``AppConfig.ready``, a function that returns the
context of its section for an object (or None to show nothing) and the
template that renders it. The goal and sub-goal pages render every section
registered for them, in order, so the strategy app need not know about the
roadmap or the indicators. The roadmap item page renders the sections of ``"roadmap_item"`` the
same way (status reporting adds an item's status there), and the indicator page those of
``"indicator"`` (governance adds the decisions that concern it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from django.http import HttpRequest

Page = Literal["goal", "sub_goal", "roadmap_item", "indicator"]


@dataclass(frozen=True)
class Section:
    order: int
    template: str
    context: Callable[[HttpRequest, Any], dict[str, Any] | None]


_sections: dict[str, list[Section]] = defaultdict(list)


def register_section(page: Page, *, order: int, template: str, context: Callable) -> None:
    """Add a section to ``page``; ``context(request, obj)`` returns its template context or None."""
    sections = _sections[page]
    if any(section.template == template for section in sections):
        return  # ready() may run more than once in tests
    sections.append(Section(order=order, template=template, context=context))
    sections.sort(key=lambda section: section.order)


def sections_for(page: Page, request: HttpRequest, obj: Any) -> list[tuple[str, dict[str, Any]]]:
    """The (template, context) pairs of every section of ``page`` with something to show for ``obj``."""
    rendered = []
    for section in _sections[page]:
        context = section.context(request, obj)
        if context is not None:
            rendered.append((section.template, context))
    return rendered
