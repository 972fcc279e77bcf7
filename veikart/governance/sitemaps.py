"""sitemap.xml entries of the public governance pages, through the public QuerySets only.

Exempt cases are listed too: their public page shows that they exist and their legal basis.
"""

from django.urls import reverse

from veikart.core.sitemaps import _I18nSitemap

from .models import Body, Case, Meeting


class GovernancePagesSitemap(_I18nSitemap):
    def items(self) -> list[str]:
        return ["governance:overview", "governance:decision-log"]

    def location(self, item: str) -> str:
        return reverse(item)


class BodySitemap(_I18nSitemap):
    def items(self):
        return Body.objects.order_by("pk")


class MeetingSitemap(_I18nSitemap):
    def items(self):
        return Meeting.objects.public().select_related("body").order_by("pk")


class CaseSitemap(_I18nSitemap):
    def items(self):
        return Case.objects.public().select_related("body").order_by("pk")
