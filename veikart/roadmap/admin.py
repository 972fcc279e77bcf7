from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from veikart.core.forms import ASSUME_HTTPS
from veikart.roadmap.dependencies import dependency_cycle_error, lock_dependency_changes
from veikart.roadmap.models import Grouping, Link, Milestone, Phase, RoadmapItem, UserGroup


@admin.register(Phase)
class PhaseAdmin(SimpleHistoryAdmin):
    list_display = ["name", "order", "colour", "is_rollout"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(UserGroup)
class UserGroupAdmin(SimpleHistoryAdmin):
    list_display = ["name", "order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Grouping)
class GroupingAdmin(SimpleHistoryAdmin):
    list_display = ["name", "sub_goal"]
    list_filter = ["sub_goal__strategy"]
    search_fields = ["name"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class LinkInline(admin.TabularInline):
    model = Link
    extra = 0
    formfield_overrides = ASSUME_HTTPS


class RoadmapItemAdminForm(forms.ModelForm):
    """The admin's item form, refusing a dependency on the item itself or one that closes a cycle."""

    class Meta:
        model = RoadmapItem
        fields = "__all__"  # noqa: DJ007 - the admin shows every field

    def clean_depends_on(self):
        dependencies = self.cleaned_data["depends_on"]
        if self.instance.pk and dependencies:
            # The admin's change view validates inside the transaction that then saves, so the
            # lock is held from this check until the dependencies are saved, as on the site's form.
            lock_dependency_changes()
            if error := dependency_cycle_error(self.instance.pk, list(dependencies)):
                raise forms.ValidationError(error)
        return dependencies


@admin.register(RoadmapItem)
class RoadmapItemAdmin(SimpleHistoryAdmin):
    form = RoadmapItemAdminForm
    list_display = ["title", "delivery_id", "sub_goal", "phase", "status", "is_published", "is_demo"]
    list_filter = ["is_published", "is_demo", "status", "phase", "sub_goal__strategy"]
    search_fields = ["title", "delivery_id"]
    autocomplete_fields = ["grouping", "depends_on"]
    filter_horizontal = ["owners", "user_groups", "further_sub_goals"]
    list_select_related = ["sub_goal", "phase"]
    inlines = [MilestoneInline, LinkInline]
    readonly_fields = ["version", "created_at", "updated_at"]
