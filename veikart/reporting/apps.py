from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "veikart.reporting"
    verbose_name = _("Status reporting")
    demo_loader = "veikart.reporting.demo.load"
    demo_order = 50

    def ready(self) -> None:
        from veikart.core.sections import register_section
        from veikart.reporting import sections

        register_section(
            "roadmap_item", order=10, template="reporting/_item_section.html", context=sections.item_status
        )
        self._register_workspace()

    def _register_workspace(self) -> None:
        from veikart.accounts import permissions
        from veikart.reporting import workspace_start
        from veikart.workspace.registry import AttentionCheck, WorkspacePage, register_attention, register_page

        for key, label, url_name, rule, group, order in [
            (
                "own-status-reports",
                _("Our status reports"),
                "ws-reporting:own-reports",
                permissions.can_list_own_status_reports,
                "work",
                20,
            ),
            (
                "status-reports",
                _("Status reports"),
                "ws-reporting:review",
                permissions.can_read_status_reports,
                "work",
                20,
            ),
            (
                "portfolio-overview",
                _("Portfolio overview"),
                "ws-reporting:portfolio",
                permissions.can_use_workspace,
                "work",
                22,
            ),
            (
                "portfolio-flags",
                _("Flags in the portfolio"),
                "ws-reporting:portfolio-flags",
                permissions.can_read_status_reports,
                "work",
                23,
            ),
            (
                "portfolio-snapshots",
                _("Portfolio snapshots"),
                "ws-reporting:snapshot-list",
                permissions.can_read_portfolio_snapshots,
                "work",
                25,
            ),
            (
                "reporting-periods",
                _("Reporting periods"),
                "ws-reporting:period-list",
                permissions.can_manage_reporting_periods,
                "framework",
                40,
            ),
        ]:
            register_page(
                WorkspacePage(key=key, label=label, url_name=url_name, allowed=rule, group=group, order=order)
            )
        register_attention(
            AttentionCheck(
                key="status-reports-to-review",
                order=20,
                allowed=permissions.can_review_status_reports,
                find=workspace_start.review_attention,
            )
        )
        register_attention(
            AttentionCheck(
                key="own-status-reports",
                order=20,
                allowed=permissions.can_list_own_status_reports,
                find=workspace_start.own_attention,
            )
        )
