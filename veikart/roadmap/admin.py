from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

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


@admin.register(RoadmapItem)
class RoadmapItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "delivery_id", "sub_goal", "phase", "status", "is_published", "is_demo"]
    list_filter = ["is_published", "is_demo", "status", "phase", "sub_goal__strategy"]
    search_fields = ["title", "delivery_id"]
    autocomplete_fields = ["grouping", "depends_on"]
    filter_horizontal = ["owners", "user_groups", "further_sub_goals"]
    list_select_related = ["sub_goal", "phase"]
    inlines = [MilestoneInline, LinkInline]
    readonly_fields = ["version", "created_at", "updated_at"]
