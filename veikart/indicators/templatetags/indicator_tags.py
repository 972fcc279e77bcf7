from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html

register = template.Library()


@register.filter
def figure(value) -> str:
    """A measured value in the reader's language: ``1 234,5`` in Norwegian, ``1,234.5`` in English."""
    if value is None or value == "":
        return "–"
    if isinstance(value, Decimal):
        value = value.normalize()
        if value == value.to_integral_value():
            value = value.quantize(Decimal(1))
    elif isinstance(value, float):
        value = int(value) if value == int(value) else round(value, 2)
    return number_format(value, force_grouping=True)


@register.filter
def status_tag(progress) -> str:
    """The status of a ``Progress`` (or a target's assessment) as a coloured tag.

    A filter rather than an included template: the list shows one per indicator.
    """
    return format_html('<span class="ds-tag" data-color="{}">{}</span>', progress.status_colour, progress.status_label)
