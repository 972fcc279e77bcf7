"""The status scale's words people read, in nynorsk and English beside bokmål (``veikart.core.content``)."""

from modeltranslation.translator import TranslationOptions, register

from veikart.reporting.models import StatusArea, StatusColour


@register(StatusColour)
class StatusColourTranslation(TranslationOptions):
    fields = ("name", "definition")


@register(StatusArea)
class StatusAreaTranslation(TranslationOptions):
    fields = ("name", "description")
