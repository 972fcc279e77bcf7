"""The admin site, let in by role.

Django's default admin site admits active users with ``is_staff`` and then
asks model permissions. Veikart's site asks ``permissions.can_use_admin``
instead, both on every admin page and on the admin's own login form, so the
strategy office and superusers get in and nobody else does, whatever flags or
groups a user carries. What each may do there is answered by
``veikart.accounts.backends.RolePermissionBackend`` from the same module.

``veikart.accounts.admin_config.VeikartAdminConfig`` stands in
``INSTALLED_APPS`` where ``django.contrib.admin`` would, which makes this site
``admin.site``.
"""

from __future__ import annotations

from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from veikart.accounts import permissions


class AdminLoginForm(AdminAuthenticationForm):
    """The admin's login form, refusing anyone the admin would not let in (with Django's own message)."""

    def confirm_login_allowed(self, user) -> None:
        # Not the parent's check, which reads ``is_staff``: the role decides, as everywhere else.
        AuthenticationForm.confirm_login_allowed(self, user)
        if not permissions.can_use_admin(user):
            raise ValidationError(
                self.error_messages["invalid_login"],
                code="invalid_login",
                params={"username": self.username_field.verbose_name},
            )


class VeikartAdminSite(AdminSite):
    site_header = _("Veikart administration")
    site_title = _("Veikart administration")
    login_form = AdminLoginForm

    def has_permission(self, request: HttpRequest) -> bool:
        """Whether the user may see any admin page: the strategy office and superusers only."""
        return permissions.can_use_admin(request.user)
