from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoadmapConfig(AppConfig):
    name = "veikart.roadmap"
    verbose_name = _("Roadmap")
    demo_loader = "veikart.roadmap.demo.load"
    demo_order = 30

    def ready(self) -> None:
        from veikart.core.sections import register_section
        from veikart.core.sitemaps import register_sitemap
        from veikart.roadmap import (  # noqa: F401 - signals connect on import
            search_documents,
            sections,
            signals,
            sitemaps,
            workspace_reference,
        )

        register_section("goal", order=30, template="roadmap/_goal_section.html", context=sections.goal_items)
        register_section("sub_goal", order=30, template="roadmap/_goal_section.html", context=sections.sub_goal_items)
        register_sitemap("roadmap-pages", sitemaps.RoadmapPagesSitemap)
        register_sitemap("roadmap-items", sitemaps.RoadmapItemSitemap)
        register_sitemap("roadmap-user-groups", sitemaps.UserGroupSitemap)
        search_documents.register()
        self._register_workspace()
        workspace_reference.register_pages()

    def _register_workspace(self) -> None:
        from veikart.accounts import permissions
        from veikart.roadmap import workspace_start
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
                key="roadmap-items",
                label=_("Roadmap items"),
                url_name="ws-roadmap:item-list",
                allowed=permissions.can_author_roadmap_items,
                group="work",
                order=10,
            )
        )
        register_page(
            WorkspacePage(
                key="roadmap-import",
                label=_("Import the roadmap export"),
                url_name="roadmap:import",
                allowed=permissions.can_import_roadmap,
                group="work",
                order=15,
            )
        )
        register_attention(
            AttentionCheck(
                key="roadmap-items",
                order=10,
                allowed=permissions.can_author_roadmap_items,
                find=workspace_start.item_attention,
            )
        )
        register_panel(
            Panel(
                key="roadmap-our-items",
                order=10,
                allowed=permissions.can_author_roadmap_items,
                template="roadmap/workspace/_our_items_panel.html",
                context=workspace_start.our_items_panel,
            )
        )
