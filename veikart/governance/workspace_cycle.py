"""The annual cycle in the workspace navigation (registered from ``GovernanceConfig.ready``)."""

from django.utils.translation import gettext_lazy as _


def register() -> None:
    from veikart.accounts import permissions
    from veikart.workspace.registry import WorkspacePage, register_page

    register_page(
        WorkspacePage(
            key="governance-cycle",
            label=_("Annual cycle"),
            url_name="ws-governance:cycle",
            allowed=permissions.can_manage_governance,
            group="framework",
            order=45,
        )
    )
