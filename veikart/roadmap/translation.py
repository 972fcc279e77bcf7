"""Roadmap names people read, in nynorsk and English beside bokmål (``veikart.core.content``)."""

from modeltranslation.translator import TranslationOptions, register

from veikart.roadmap.models import Phase, UserGroup


@register(Phase)
class PhaseTranslation(TranslationOptions):
    fields = ("name",)
    # Names are unique in every language; an empty translation is NULL so that many may be empty.
    empty_values = None


@register(UserGroup)
class UserGroupTranslation(TranslationOptions):
    fields = ("name",)
    empty_values = None
