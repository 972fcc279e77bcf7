"""The strategy office's admin for governance: bodies and their members. Meetings, cases and decisions
are read here, never changed: they change through ``services`` (numbers, states, the lock on approved
minutes), from the workspace."""

from django.contrib import admin

from veikart.core.admin import HistoryAdmin

from .models import Body, Case, Meeting, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user", "organisation"]


@admin.register(Body)
class BodyAdmin(HistoryAdmin):
    list_display = ["short_name", "name", "kind", "order"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [MembershipInline]


class ReadOnlyAdmin(HistoryAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "starts_at", "state"]
    list_filter = ["body", "year", "state"]


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "meeting", "kind", "is_exempt"]
    list_filter = ["body", "year", "kind", "is_exempt"]
    search_fields = ["title"]
