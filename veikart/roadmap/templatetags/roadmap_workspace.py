"""Template helpers for the roadmap's workspace pages."""

from django import template

from veikart.roadmap import colours

register = template.Library()


@register.simple_tag
def contrast_with_white(colour: str) -> float:
    """``{% contrast_with_white phase.colour as ratio %}``: the contrast of white text on the colour (0 if malformed)."""
    try:
        return round(colours.contrast_with_white(colour), 1)
    except (TypeError, ValueError):
        return 0.0
