"""The annual status report (*årsrapport*) on a strategy and the strategy office's narrative per goal.

A report is built for one year from one frozen portfolio snapshot. Draft → approved (by a decided
case of the council) → published. While it is a draft or approved, its pages assemble the content
from the data as it stands (``annual_report.report_content``); publishing freezes that content, with
the narratives, into ``content`` with the SHA-256 of its canonical serialisation, and from then on
the report reads only ``content`` and never changes: ``save`` of a published report, ``delete``, a
QuerySet ``update``/``delete`` that reaches a published one, and any write to its narratives raise
``ReportFrozen`` (the same approach as the frozen portfolio snapshots).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veikart.reporting.snapshot_models import content_hash


class ReportFrozen(Exception):
    """A published annual report (or one of its narratives) cannot be changed or deleted."""


class AnnualReportQuerySet(models.QuerySet):
    def published(self) -> AnnualReportQuerySet:
        """Reports the public reads: published ones only (a draft or approved report answers 404)."""
        return self.filter(state=AnnualReport.State.PUBLISHED)

    def update(self, **kwargs: Any) -> int:
        if self.filter(state=AnnualReport.State.PUBLISHED).exists():
            raise ReportFrozen("A published annual report is never changed.")
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        if self.filter(state=AnnualReport.State.PUBLISHED).exists():
            raise ReportFrozen("A published annual report is never deleted.")
        return super().delete()


class AnnualReport(models.Model):
    """The status report on ``strategy`` for ``year``, built from ``snapshot``."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

    strategy = models.ForeignKey(
        "strategy.Strategy", verbose_name=_("strategy"), on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    snapshot = models.ForeignKey(
        "reporting.PortfolioSnapshot",
        verbose_name=_("portfolio snapshot"),
        on_delete=models.PROTECT,
        related_name="annual_reports",
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    approved_by_case = models.ForeignKey(
        "governance.Case",
        verbose_name=_("approved in case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_annual_reports",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    content = models.JSONField(_("frozen content"), null=True, blank=True)
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "strategy"]
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "year"], name="annual_report_one_per_strategy_year"),
            models.CheckConstraint(
                condition=Q(state="draft") | Q(approved_by_case__isnull=False, approved_at__isnull=False),
                name="annual_report_approved_has_case",
            ),
            models.CheckConstraint(
                condition=~Q(state="published")
                | Q(content__isnull=False, content_hash__regex=r"^[0-9a-f]{64}$", published_at__isnull=False),
                name="annual_report_published_is_frozen",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "approved", "published"]), name="annual_report_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.strategy} {self.year}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding and self._stored_is_published():
            raise ReportFrozen("A published annual report is never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self._stored_is_published():
            raise ReportFrozen("A published annual report is never deleted.")
        return super().delete(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def hash_matches(self) -> bool:
        """Whether the frozen content still gives the stored hash (it always should)."""
        return self.content is not None and content_hash(self.content) == self.content_hash

    def _stored_is_published(self) -> bool:
        return (
            self.pk is not None and type(self)._default_manager.filter(pk=self.pk, state=self.State.PUBLISHED).exists()
        )


class GoalNarrativeQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        if self.filter(report__state=AnnualReport.State.PUBLISHED).exists():
            raise ReportFrozen("A published annual report's narratives are never changed.")
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        if self.filter(report__state=AnnualReport.State.PUBLISHED).exists():
            raise ReportFrozen("A published annual report's narratives are never deleted.")
        return super().delete()


class GoalNarrative(models.Model):
    """What the strategy office writes about one goal's year (Markdown), in bokmål and optionally nynorsk
    and English."""

    report = models.ForeignKey(
        AnnualReport, verbose_name=_("annual report"), on_delete=models.CASCADE, related_name="narratives"
    )
    goal = models.ForeignKey("strategy.Goal", verbose_name=_("goal"), on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("narrative (bokmål)"), blank=True, help_text=_("Markdown."))
    text_nn = models.TextField(_("narrative (nynorsk)"), blank=True, help_text=_("Markdown."))
    text_en = models.TextField(_("narrative (English)"), blank=True, help_text=_("Markdown."))
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = GoalNarrativeQuerySet.as_manager()

    class Meta:
        ordering = ["report", "goal__number"]
        verbose_name = _("goal narrative")
        verbose_name_plural = _("goal narratives")
        constraints = [models.UniqueConstraint(fields=["report", "goal"], name="goal_narrative_one_per_goal")]

    def __str__(self) -> str:
        return f"{self.report} – {self.goal}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._report_published():
            raise ReportFrozen("A published annual report's narratives are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self._report_published():
            raise ReportFrozen("A published annual report's narratives are never deleted.")
        return super().delete(*args, **kwargs)

    def _report_published(self) -> bool:
        return AnnualReport.objects.filter(pk=self.report_id, state=AnnualReport.State.PUBLISHED).exists()


class AnnualReportRendering(models.Model):
    """A published report's page as HTML (its title, heading and body), rendered once from its frozen
    content per language.

    Derived data, never the record: it is keyed by the content's hash, the language and ``version``
    (a fingerprint of the code, templates and catalogues that shape the HTML, see
    ``report_rendering``), so a rendering made by other code is simply not used, and any row may be
    deleted at any time (it is made again on the next read). The report's own row is never written.
    """

    report = models.ForeignKey(
        AnnualReport, verbose_name=_("annual report"), on_delete=models.CASCADE, related_name="renderings"
    )
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64)
    language = models.CharField(_("language"), max_length=10)
    version = models.CharField(_("rendering version"), max_length=64)
    title = models.TextField(_("title"))
    heading_html = models.TextField(_("heading (HTML)"))
    html = models.TextField(_("HTML"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("annual report rendering")
        verbose_name_plural = _("annual report renderings")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "content_hash", "language", "version"], name="annual_report_rendering_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report} ({self.language})"
