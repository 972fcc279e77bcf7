from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "veikart.accounts"
    verbose_name = _("Accounts")
    demo_loader = "veikart.accounts.demo.load"
    demo_order = 10
    demo_summary = "veikart.accounts.demo.summary"

    def ready(self) -> None:
        from veikart.accounts import permissions
        from veikart.workspace.registry import WorkspacePage, register_page

        register_page(
            WorkspacePage(
                key="organisations",
                label=_("Organisations"),
                url_name="ws-accounts:organisation-list",
                allowed=permissions.can_manage_people,
                group="people",
                order=10,
            )
        )
        register_page(
            WorkspacePage(
                key="users",
                label=_("Users"),
                url_name="ws-accounts:user-list",
                allowed=permissions.can_manage_people,
                group="people",
                order=20,
            )
        )
