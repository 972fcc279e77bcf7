"""Template filters of status reporting: a status with its words, and a portfolio row's area statuses.

Filters rather than included templates where a list shows many per row: the portfolio shows six
statuses on each of its rows, and an include costs a template render each.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from veikart.core.content import content_in_language, field_value, language_mark, page_language

register = template.Library()


@register.filter
def status(colour: Any) -> SafeString:
    """A status as a coloured dot with its name (a colour is never shown alone), or "not assessed"."""
    if not colour:
        return format_html('<span class="vk-status vk-status--none">{}</span>', gettext("Not assessed"))
    if isinstance(colour, dict):
        return _status(colour)
    # A page shows the same few colours hundreds of times: each instance keeps its markup per language.
    kept = colour.__dict__.setdefault("_status_markup", {})
    language = page_language()
    if language not in kept:
        kept[language] = _status(colour)
    return kept[language]


def _status(colour: Any) -> SafeString:
    # The name in the page's language, else in bokmål marked lang="nb" (the rule of ``{% content %}``).
    shown = content_in_language(colour, "name")
    name = format_html('<span lang="{}">{}</span>', lang, shown.text) if (lang := language_mark(shown)) else shown.text
    return format_html(
        '<span class="vk-status"><span class="vk-status__dot" style="background: {}" aria-hidden="true"></span>'
        "{}</span>",
        field_value(colour, "colour"),
        name,
    )


@register.filter
def area_statuses(row: Any, areas: list) -> list:
    """A portfolio row's area statuses (``StatusReportArea`` or None) in the order of ``areas``."""
    return [row.areas.get(area.pk) for area in areas]
