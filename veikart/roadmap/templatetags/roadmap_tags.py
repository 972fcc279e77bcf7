from django import template
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.translation import pgettext

from veikart.core.templatetags.site_tags import content

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with ``changes`` applied (a value of None removes the key)."""
    query: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value not in (None, ""):
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def phase_tag(phase) -> str:
    """A phase as a tag in its colour, or nothing for an item without a phase.

    A filter rather than an included template: a list shows one per row. A visually hidden
    "Phase:" tells a screen reader what the colour tells the eye.
    """
    if not phase:
        return ""
    return format_html(
        '<span class="vk-phase" style="--vk-phase-colour: {}"><span class="ds-sr-only">{} </span>{}</span>',
        phase.colour,
        pgettext("label before a roadmap item's phase", "Phase:"),
        content(phase, "name"),
    )
