"""Django's admin app with Veikart's admin site (``veikart.accounts.admin_site``) as ``admin.site``.

A module of its own: ``INSTALLED_APPS`` imports it before models can be, so it imports nothing else.
"""

from django.contrib.admin.apps import AdminConfig


class VeikartAdminConfig(AdminConfig):
    default_site = "veikart.accounts.admin_site.VeikartAdminSite"
