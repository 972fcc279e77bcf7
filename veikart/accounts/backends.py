"""Django's model permissions, answered by the role.

The admin asks ``user.has_perm("roadmap.change_roadmapitem")`` and
``user.has_module_perms("roadmap")``; Veikart decides such things by role, in
``veikart.accounts.permissions``. This backend passes the admin's questions on
to those rules, so the role is the one source of truth and no group or
permission row has to be kept in step with it: a user who becomes strategy
office has the admin at once, and loses it with the role.

It authenticates nobody (``ModelBackend`` checks passwords). Django's
``ModelBackend`` still answers for groups and per-user permissions, which only
superusers can hand out (see ``veikart.accounts.admin``) and which open
nothing on their own: the admin site itself lets in only those
``permissions.can_use_admin`` allows (``veikart.accounts.admin_site``).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from veikart.accounts import permissions


class RolePermissionBackend(BaseBackend):
    """Every permission on a model of Veikart's own apps for whoever may administer them; nothing else."""

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        app_label, _dot, _codename = perm.partition(".")
        return permissions.can_administer(user_obj, app_label)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return permissions.can_administer(user_obj, app_label)
