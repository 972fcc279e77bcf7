import logging

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from veikart.accounts import permissions
from veikart.accounts.models import Organisation, User
from veikart.core.admin import HistoryAdmin

logger = logging.getLogger(__name__)

# Only superusers touch these (``permissions.can_grant_privileges``): through any of them a user could
# be raised above the strategy office. Others see whether a user is a superuser, and nothing of the rest.
PRIVILEGE_FIELDS = ("is_superuser", "groups", "user_permissions")
SUPERUSERS_ONLY_FIELDS = ("groups", "user_permissions")


@admin.register(Organisation)
class OrganisationAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "kind", "organisation_number"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "organisation_number"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Users for the strategy office, without the ways up: privileges and superusers stay with superusers.

    ``is_staff`` is shown but not edited: it follows the role (``User.save``).
    The password is Django's own read-only summary (algorithm and the first
    characters of salt and hash) with a link to set a new one, and lookups on
    it in the list's query string are refused, as in Django's ``UserAdmin``.
    """

    list_display = ["username", "email", "organisation", "role", "is_staff", "is_active"]
    list_filter = ["role", "is_staff", "is_active", "organisation"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Veikart"), {"fields": ("organisation", "role")}),
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or permissions.can_grant_privileges(request.user):
            return fieldsets
        return [
            (name, {**options, "fields": [field for field in options["fields"] if field not in SUPERUSERS_ONLY_FIELDS]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "is_staff"]
        if not permissions.can_grant_privileges(request.user):
            readonly.extend(PRIVILEGE_FIELDS)
        return readonly

    def has_change_permission(self, request, obj=None):
        """Nobody but a superuser changes a superuser (who could otherwise set its password and become it)."""
        if obj is not None and obj.is_superuser and not permissions.can_grant_privileges(request.user):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not permissions.can_grant_privileges(request.user):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.changed_data:
            logger.info(
                "%s %s user %s (%s); role %r, admin %s",
                request.user,
                "changed" if change else "added",
                obj,
                ", ".join(form.changed_data),
                obj.role,
                obj.is_staff,
            )
