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
        from veikart.indicators import deletion, revisions  # noqa: F401 - connect their signals
        from veikart.indicators.sections import goal_indicators, sub_goal_indicators
        from veikart.indicators.sitemaps import IndicatorSitemap

        register_section("goal", order=20, template="indicators/_goal_section.html", context=goal_indicators)
        register_section("sub_goal", order=20, template="indicators/_goal_section.html", context=sub_goal_indicators)
        register_sitemap("indicators", IndicatorSitemap)
