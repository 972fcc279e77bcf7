from django import forms
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from veikart.core.admin import HistoryAdmin
from veikart.core.forms import ASSUME_HTTPS, formfield_assuming_https
from veikart.indicators.models import (
    Baseline,
    Dimension,
    DimensionValue,
    Indicator,
    Observation,
    ObservationImport,
    Target,
    unpublished_strategy_error,
)


class BaselineInline(admin.TabularInline):
    model = Baseline
    extra = 0


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


class IndicatorAdminForm(forms.ModelForm):
    """The admin's indicator form, refusing a published indicator on sub-goals of unpublished versions.

    Sub-goals are saved after the indicator, so its model ``clean()`` checks the goal only.
    """

    class Meta:
        model = Indicator
        fields = "__all__"  # noqa: DJ007 - the admin shows every field
        formfield_callback = formfield_assuming_https

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_published") and (
            error := unpublished_strategy_error(sub_goals=list(cleaned.get("sub_goals") or []))
        ):
            self.add_error("sub_goals", error)
        return cleaned


@admin.register(Indicator)
class IndicatorAdmin(TranslationAdmin, HistoryAdmin):
    form = IndicatorAdminForm
    list_display = ["code", "name", "goal", "measure_type", "direction", "status", "is_published"]
    list_filter = ["status", "is_published", "measure_type", "goal"]
    search_fields = ["code", "name", "source_name"]
    filter_horizontal = ["sub_goals"]
    inlines = [BaselineInline, TargetInline]
    formfield_overrides = ASSUME_HTTPS


@admin.register(Observation)
class ObservationAdmin(HistoryAdmin):
    list_display = ["indicator", "period", "breakdown_key", "value", "status", "is_illustrative"]
    list_filter = ["status", "is_illustrative"]
    search_fields = ["indicator__code", "period", "breakdown_key"]
    raw_id_fields = ["indicator", "source_import"]


class DimensionValueInline(admin.TabularInline):
    model = DimensionValue
    extra = 0
    raw_id_fields = ["parent"]


@admin.register(Dimension)
class DimensionAdmin(HistoryAdmin):
    list_display = ["code", "name", "position", "total_code"]
    inlines = [DimensionValueInline]


@admin.register(ObservationImport)
class ObservationImportAdmin(admin.ModelAdmin):
    list_display = ["file_name", "file_format", "imported_at", "imported_by", "rows", "created", "updated"]
    readonly_fields = ["sha256"]
