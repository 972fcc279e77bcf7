from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from veikart.accounts.models import Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "organisation_number"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "organisation_number"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "organisation", "role", "is_staff", "is_active"]
    list_filter = ["role", "is_staff", "is_active", "organisation"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Veikart"), {"fields": ("organisation", "role")}),
    )
