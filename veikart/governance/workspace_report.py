"""The annual report's entry in the workspace navigation (registered from ``apps.ready``)."""

from django.utils.translation import gettext_lazy as _


def register() -> None:
    from veikart.accounts import permissions
    from veikart.workspace.registry import WorkspacePage, register_page

    register_page(
        WorkspacePage(
            key="annual-reports",
            label=_("Annual reports"),
            url_name="ws-governance:report-list",
            allowed=permissions.can_read_governance_papers,
            group="work",
            order=60,
        )
    )
