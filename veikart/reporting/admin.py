"""The strategy office's admin for status reporting: the scale and areas (data), portfolio membership and
periods. Reports are read here, never changed: they change only through the workflow (``services``)."""

from django.contrib import admin

from veikart.core.admin import HistoryAdmin

from .models import (
    BenefitLink,
    PortfolioMembership,
    ReminderSent,
    ReportingPeriod,
    StatusArea,
    StatusColour,
    StatusReport,
)


@admin.register(StatusColour)
class StatusColourAdmin(HistoryAdmin):
    list_display = ["name", "key", "rank", "colour"]


@admin.register(StatusArea)
class StatusAreaAdmin(HistoryAdmin):
    list_display = ["name", "key", "order"]


@admin.register(PortfolioMembership)
class PortfolioMembershipAdmin(HistoryAdmin):
    list_display = ["item", "since", "until", "programme"]
    autocomplete_fields = ["item", "programme"]
    search_fields = ["item__title"]


@admin.register(BenefitLink)
class BenefitLinkAdmin(HistoryAdmin):
    list_display = ["item", "indicator", "created_at"]
    list_filter = ["indicator"]
    autocomplete_fields = ["item"]
    search_fields = ["item__title", "indicator__code"]
    readonly_fields = ["created_by", "created_at"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(HistoryAdmin):
    list_display = ["name", "strategy", "opens", "deadline", "state", "is_published"]
    list_filter = ["strategy", "state", "is_published"]
    readonly_fields = ["published_at", "published_by"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(StatusReport)
class StatusReportAdmin(ReadOnlyAdmin):
    list_display = ["item", "period", "revision", "state", "overall", "is_superseded"]
    list_filter = ["period", "state"]
    search_fields = ["item__title"]


@admin.register(ReminderSent)
class ReminderSentAdmin(ReadOnlyAdmin):
    list_display = ["kind", "period", "organisation", "user", "sent_at"]
    list_filter = ["kind", "period"]
