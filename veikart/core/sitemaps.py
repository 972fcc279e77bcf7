"""sitemap.xml: every public page, in each language, through the public QuerySets only."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from veikart.strategy.models import Goal, Strategy, SubGoal

# Other apps' sitemaps list what an anonymous visitor may see; the framework's use ``published()``
# because body members may read more than the public.
_ANONYMOUS = AnonymousUser()


class _I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(_I18nSitemap):
    def items(self) -> list[str]:
        return ["core:home", "core:accessibility", "strategy:history"]

    def location(self, item: str) -> str:
        return reverse(item)


class StrategySitemap(_I18nSitemap):
    def items(self):
        return Strategy.objects.published().order_by("pk")


class GoalSitemap(_I18nSitemap):
    def items(self):
        return Goal.objects.published().select_related("strategy").order_by("pk")


class SubGoalSitemap(_I18nSitemap):
    def items(self):
        return SubGoal.objects.published().select_related("goal__strategy").order_by("pk")


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": StaticPagesSitemap,
    "strategies": StrategySitemap,
    "goals": GoalSitemap,
    "sub-goals": SubGoalSitemap,
}


def register_sitemap(name: str, sitemap: type[Sitemap]) -> None:
    """Later modules add their public pages here (called from ``AppConfig.ready``)."""
    SITEMAPS[name] = sitemap
