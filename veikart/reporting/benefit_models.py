"""The benefit link: a roadmap item declares the indicators it is meant to move.

One row per item and indicator, with a note on how the item moves it. The link is what lets a status
report see its indicators (their status, latest value and trend), what a frozen snapshot keeps of
them, and what flags an item reported green while its indicators say otherwise (``flags``). Who may
change the links: ``permissions.can_edit_benefit_links``; the writes are in ``benefits``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from veikart.indicators.models import Indicator
from veikart.roadmap.models import RoadmapItem


class BenefitLink(models.Model):
    """A roadmap item is meant to move an indicator (*gevinstkobling*)."""

    item = models.ForeignKey(
        RoadmapItem, verbose_name=_("roadmap item"), on_delete=models.CASCADE, related_name="benefit_links"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="benefit_links"
    )
    note = models.TextField(
        _("how the item moves it"), blank=True, max_length=2_000, help_text=_("A sentence or two; optional.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "indicator__code", "pk"]
        verbose_name = _("benefit link")
        verbose_name_plural = _("benefit links")
        constraints = [
            models.UniqueConstraint(fields=["item", "indicator"], name="benefit_link_unique_per_item_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.item_id} → {self.indicator_id}"
