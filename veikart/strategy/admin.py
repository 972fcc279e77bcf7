from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from veikart.core.admin import HistoryAdmin
from veikart.strategy.models import (
    BenefitObjective,
    Goal,
    GoalOutcome,
    OverarchingGoal,
    Scenario,
    Strategy,
    SubGoal,
    SustainableDevelopmentGoal,
    TargetGroup,
)


class OverarchingGoalInline(TranslationTabularInline):
    model = OverarchingGoal
    extra = 0


class TargetGroupInline(admin.TabularInline):
    model = TargetGroup
    extra = 0


@admin.register(Strategy)
class StrategyAdmin(TranslationAdmin, HistoryAdmin):
    list_display = [
        "title",
        "version_label",
        "period_start",
        "period_end",
        "status",
        "is_published",
    ]
    list_filter = ["status", "is_published"]
    search_fields = ["title", "version_label"]
    prepopulated_fields = {"slug": ["title", "version_label"]}
    inlines = [OverarchingGoalInline, TargetGroupInline]


class GoalOutcomeInline(TranslationTabularInline):
    model = GoalOutcome
    extra = 0


class ScenarioInline(admin.StackedInline):
    model = Scenario
    extra = 0


@admin.register(Goal)
class GoalAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["number", "title", "strategy", "continues"]
    list_filter = ["strategy"]
    search_fields = ["title", "short_title"]
    filter_horizontal = ["depends_on", "sustainable_development_goals"]
    autocomplete_fields = ["continues"]
    inlines = [GoalOutcomeInline, ScenarioInline]


class BenefitObjectiveInline(admin.TabularInline):
    model = BenefitObjective
    extra = 0


@admin.register(SubGoal)
class SubGoalAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["code", "short_title", "goal", "strategy"]
    list_filter = ["strategy"]
    search_fields = ["code", "title", "short_title"]
    inlines = [BenefitObjectiveInline]


@admin.register(SustainableDevelopmentGoal)
class SustainableDevelopmentGoalAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "title_en"]
