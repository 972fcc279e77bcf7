"""Indicator texts people read, in nynorsk and English beside bokmål (``veikart.core.content``)."""

from modeltranslation.translator import TranslationOptions, register

from veikart.indicators.models import Indicator


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "definition")
