"""The strategy texts people read, in nynorsk and English beside bokmål (``veikart.core.content``)."""

from modeltranslation.translator import TranslationOptions, register

from veikart.strategy.models import Goal, GoalOutcome, OverarchingGoal, Strategy, SubGoal


@register(Strategy)
class StrategyTranslation(TranslationOptions):
    fields = ("title", "vision")


@register(OverarchingGoal)
class OverarchingGoalTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Goal)
class GoalTranslation(TranslationOptions):
    fields = ("title", "short_title", "description")


@register(GoalOutcome)
class GoalOutcomeTranslation(TranslationOptions):
    fields = ("text",)


@register(SubGoal)
class SubGoalTranslation(TranslationOptions):
    fields = ("title", "short_title", "description")
