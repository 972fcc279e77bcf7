"""sitemap.xml entries of the roadmap, through the public QuerySets only."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from veikart.core.sitemaps import _I18nSitemap
from veikart.roadmap.models import RoadmapItem, UserGroup

_ANONYMOUS = AnonymousUser()


class RoadmapPagesSitemap(_I18nSitemap):
    def items(self) -> list[str]:
        return ["roadmap:item-list", "roadmap:by-goal", "roadmap:by-owner", "roadmap:by-user-group", "roadmap:timeline"]

    def location(self, item: str) -> str:
        return reverse(item)


class RoadmapItemSitemap(_I18nSitemap):
    def items(self):
        return RoadmapItem.objects.visible_to(_ANONYMOUS).only("pk", "updated_at").order_by("pk")

    def lastmod(self, item: RoadmapItem):
        return item.updated_at


class UserGroupSitemap(_I18nSitemap):
    def items(self):
        return UserGroup.objects.order_by("pk")
