"""Shared models: the record of each import, with its previewed file kept until it is applied."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    """One file uploaded to an import: who, when, which file (name, size, SHA-256) and what it did.

    While it is ``PREVIEWED`` the record holds the file's bytes, so that the preview made by one
    server process can be applied by another (the database is what every process shares). Applying
    or cancelling it, or leaving it longer than ``EXCHANGE_PREVIEW_MAX_AGE_HOURS``, drops the bytes
    and keeps the record.
    """

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Previewed")
        APPLIED = "applied", _("Applied")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Expired")

    kind = models.CharField(_("import"), max_length=40)
    token = models.CharField(max_length=43, unique=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PREVIEWED)
    file_name = models.CharField(_("file name"), max_length=300)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("checksum"), max_length=64)
    content = models.BinaryField(null=True, editable=False)
    options = models.JSONField(_("options"), default=dict, blank=True)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("applied or cancelled at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import record")
        verbose_name_plural = _("import records")
        indexes = [models.Index(fields=["status", "created_at"], name="core_import_status_created")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"


class SearchRevision(models.Model):
    """How many times the documents of the site search's small kinds (goals, sub-goals,
    indicators) have changed: one row.

    Search sources keep what they read of those kinds in the cache under this number
    (``core.search.kept_until_changed``), and ``core.search.documents_changed`` raises it in the
    writer's transaction. The database is what every server process shares, so each sees a change
    with its next search, and a rolled-back write leaves the number, and the cached texts, as they were.
    """

    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("search revision")

    def __str__(self) -> str:
        return str(self.number)
