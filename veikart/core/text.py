"""Text helpers shared by the apps."""

from django.utils.text import slugify

_NORWEGIAN = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def norwegian_slugify(value: str) -> str:
    """A URL slug that keeps Norwegian letters readable (``Sør-Øst`` → ``sor-ost``)."""
    return slugify(value.translate(_NORWEGIAN))
