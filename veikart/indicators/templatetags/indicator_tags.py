from decimal import Decimal

from django import template
from django.utils.formats import number_format

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
