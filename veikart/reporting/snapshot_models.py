"""Frozen portfolio snapshots: the portfolio as it stood at a moment, kept as data and never changed.

A ``PortfolioSnapshot`` holds the whole frozen document (JSON) and the SHA-256 of its canonical
serialisation; ``PortfolioSnapshotEntry`` rows repeat what a comparison needs per item (status, phase,
dates) so two snapshots compare without reading their documents. Neither is ever changed or deleted:
``save`` of a stored row, ``delete`` and the QuerySet's ``update`` and ``delete`` raise
``SnapshotImmutable``. Items are named by their id and title as frozen, not by a foreign key, so
deleting an item later changes nothing here.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SnapshotImmutable(Exception):
    """A frozen snapshot (or one of its rows) cannot be changed or deleted."""


def canonical_bytes(document: Any) -> bytes:
    """The canonical serialisation the hash is taken of: JSON with sorted keys, no spaces, UTF-8.

    The document holds only strings, integers, booleans, None, lists and objects (dates as ISO strings),
    so the same document always gives the same bytes, whichever database stored it.
    """
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def content_hash(document: Any) -> str:
    """SHA-256 (hex) of ``canonical_bytes(document)``."""
    return hashlib.sha256(canonical_bytes(document)).hexdigest()


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise SnapshotImmutable("A frozen snapshot is never changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise SnapshotImmutable("A frozen snapshot is never deleted.")


class ImmutableModel(models.Model):
    """Written once (``create``), then never saved, updated or deleted again."""

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise SnapshotImmutable("A frozen snapshot is never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise SnapshotImmutable("A frozen snapshot is never deleted.")


class PortfolioSnapshot(ImmutableModel):
    """The portfolio frozen at ``taken_at`` under a title (such as "Til NUIT-møte 3/2026")."""

    title = models.CharField(_("title"), max_length=200)
    taken_at = models.DateTimeField(_("frozen at"))
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("frozen by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    document = models.JSONField(_("frozen content"))
    # A copy of the document's scale, so a comparison shows the frozen words without reading documents.
    scale = models.JSONField(_("status scale"), default=list)
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64)
    item_count = models.PositiveIntegerField(_("items"))
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-taken_at", "-pk"]
        verbose_name = _("portfolio snapshot")
        verbose_name_plural = _("portfolio snapshots")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(content_hash__regex=r"^[0-9a-f]{64}$"), name="portfolio_snapshot_hash_is_sha256"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def hash_matches(self) -> bool:
        """Whether the stored document still gives the stored hash (it always should)."""
        return content_hash(self.document) == self.content_hash


class PortfolioSnapshotEntry(ImmutableModel):
    """One item of a snapshot, as frozen: what a comparison of two snapshots reads."""

    snapshot = models.ForeignKey(PortfolioSnapshot, on_delete=models.PROTECT, related_name="entries")
    item_id = models.PositiveIntegerField(_("roadmap item id"))
    title = models.CharField(_("name"), max_length=500)
    overall_key = models.CharField(_("overall status"), max_length=20, blank=True)
    overall_rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    period_name = models.CharField(_("reporting period"), max_length=50, blank=True)
    phase_name = models.CharField(_("phase"), max_length=100, blank=True)
    phase_order = models.PositiveSmallIntegerField(_("phase order"), null=True, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    # The report's expected end date if it gave one, else the item's end date: what a slip is measured on.
    forecast_end = models.DateField(_("expected end"), null=True, blank=True)

    class Meta:
        ordering = ["snapshot", "title", "item_id"]
        verbose_name = _("snapshot item")
        verbose_name_plural = _("snapshot items")
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "item_id"], name="portfolio_snapshot_entry_unique_item")
        ]

    def __str__(self) -> str:
        return self.title
