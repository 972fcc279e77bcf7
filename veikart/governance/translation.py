"""A body's name and mandate, and a cycle event's title and description, in nynorsk and English beside
bokmål (``veikart.core.content``)."""

from modeltranslation.translator import TranslationOptions, register

from veikart.governance.models import Body, CycleEvent


@register(Body)
class BodyTranslation(TranslationOptions):
    fields = ("name", "mandate")


@register(CycleEvent)
class CycleEventTranslation(TranslationOptions):
    fields = ("title", "description")
