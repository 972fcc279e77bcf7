from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "veikart.indicators"
    verbose_name = _("Target indicators")
    demo_loader = "veikart.indicators.demo.load"
    demo_order = 40

    def ready(self) -> None:
        from veikart.core.sections import register_section
        from veikart.core.sitemaps import register_sitemap
        from veikart.indicators import (  # noqa: F401 - connect their signals
            deletion,
            goal_lineage,
            revisions,
            search_documents,
        )
        from veikart.indicators.sections import goal_indicators, sub_goal_indicators
        from veikart.indicators.sitemaps import IndicatorSitemap

        register_section("goal", order=20, template="indicators/_goal_section.html", context=goal_indicators)
        register_section("sub_goal", order=20, template="indicators/_goal_section.html", context=sub_goal_indicators)
        register_sitemap("indicators", IndicatorSitemap)
        search_documents.register()
        self._register_workspace()

    def _register_workspace(self) -> None:
        from veikart.accounts import permissions
        from veikart.indicators.workspace_start import overdue_attention, own_panel
        from veikart.workspace.registry import (
            AttentionCheck,
            Panel,
            WorkspacePage,
            register_attention,
            register_page,
            register_panel,
        )

        register_page(
            WorkspacePage(
                key="indicators",
                label=_("Indicators"),
                url_name="ws-indicators:indicator-list",
                allowed=permissions.can_edit_indicators,
                group="work",
                order=30,
            )
        )
        register_page(
            WorkspacePage(
                key="own-indicators",
                label=_("Our indicators"),
                url_name="ws-indicators:own-list",
                allowed=permissions.can_list_own_indicators,
                group="work",
                order=30,
            )
        )
        register_page(
            WorkspacePage(
                key="indicator-dimensions",
                label=_("Dimensions"),
                url_name="ws-indicators:dimension-list",
                allowed=permissions.can_edit_indicators,
                group="reference",
                order=30,
            )
        )
        register_panel(
            Panel(
                key="own-indicators",
                order=30,
                allowed=permissions.can_list_own_indicators,
                template="indicators/workspace/_own_panel.html",
                context=own_panel,
            )
        )
        register_attention(
            AttentionCheck(
                key="indicators-overdue", order=30, allowed=permissions.can_edit_indicators, find=overdue_attention
            )
        )
