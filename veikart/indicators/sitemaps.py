from django.urls import reverse

from veikart.core.sitemaps import _ANONYMOUS, _I18nSitemap
from veikart.indicators.models import Indicator


class IndicatorSitemap(_I18nSitemap):
    """The indicator list and every indicator the public may see."""

    def items(self):
        return ["list", *Indicator.objects.visible_to(_ANONYMOUS).order_by("code")]

    def location(self, item) -> str:
        return reverse("indicators:indicator-list") if item == "list" else item.get_absolute_url()
