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
        from veikart.roadmap import sections, signals, sitemaps, workspace_reference  # noqa: F401 - signals connect on import

        register_section("goal", order=30, template="roadmap/_goal_section.html", context=sections.goal_items)
        register_section("sub_goal", order=30, template="roadmap/_goal_section.html", context=sections.sub_goal_items)
        register_sitemap("roadmap-pages", sitemaps.RoadmapPagesSitemap)
        register_sitemap("roadmap-items", sitemaps.RoadmapItemSitemap)
        register_sitemap("roadmap-user-groups", sitemaps.UserGroupSitemap)
        workspace_reference.register_pages()
