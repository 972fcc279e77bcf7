"""How readable a phase's label is on its colour: the WCAG 2 contrast ratio against white text.

The timeline writes each phase's name in white on the phase colour
(``roadmap.css``), so a colour needs 4.5:1 against white for small text (WCAG
1.4.3, level AA).
"""

from __future__ import annotations

MINIMUM_CONTRAST = 4.5


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """The relative luminance (0 black to 1 white) of a ``#rrggbb`` colour."""
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return 0.2126 * _linear(red) + 0.7152 * _linear(green) + 0.0722 * _linear(blue)


def contrast_with_white(colour: str) -> float:
    """The contrast ratio of white text on ``colour``, from 1 (white) to 21 (black)."""
    return 1.05 / (relative_luminance(colour) + 0.05)


def readable_with_white(colour: str) -> bool:
    return contrast_with_white(colour) >= MINIMUM_CONTRAST
