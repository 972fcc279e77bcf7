"""A body's name and mandate in nynorsk and English beside bokmål (``veikart.core.content``)."""

from modeltranslation.translator import TranslationOptions, register

from veikart.governance.models import Body


@register(Body)
class BodyTranslation(TranslationOptions):
    fields = ("name", "mandate")
