"""The generated papers of a meeting: the meeting pack (summons) and the minutes, as stored PDFs.

One ``MeetingDocument`` per meeting, kind and audience. The public version leaves out the papers of
exempt cases; the restricted version, for the strategy office and the body's members, has everything.
``source_hash`` is the hash of the data the file was made from (``documents.document_source``): the
file is current while the papers still give that hash, and is made again by the task worker when they
do not. Files live under ``MEDIA_ROOT`` under a name made from their content's hash, and are only ever
served through ``document_views``, which checks who may read which version.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def document_path(instance: MeetingDocument, filename: str) -> str:
    """Under the body and year, named by the content's hash (passed as ``filename``): never a user's name."""
    meeting = instance.meeting
    return f"governance/documents/{meeting.body.slug}/{meeting.year}/{filename}"


class MeetingDocument(models.Model):
    """A meeting's pack or minutes for one audience, as a tagged PDF made by the task worker."""

    class Kind(models.TextChoices):
        PACK = "pack", _("Meeting pack")
        MINUTES = "minutes", _("Minutes")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Public")
        RESTRICTED = "restricted", _("Restricted")

    meeting = models.ForeignKey(
        "governance.Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    file = models.FileField(_("file"), upload_to=document_path, max_length=300)
    source_hash = models.CharField(_("source hash (SHA-256)"), max_length=64)
    generated_at = models.DateTimeField(_("generated"))
    page_count = models.PositiveIntegerField(_("pages"))
    size = models.PositiveIntegerField(_("size (bytes)"))

    class Meta:
        ordering = ["meeting", "kind", "audience"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "kind", "audience"], name="meeting_document_unique"),
            models.CheckConstraint(condition=Q(kind__in=["pack", "minutes"]), name="meeting_document_kind_valid"),
            models.CheckConstraint(
                condition=Q(audience__in=["public", "restricted"]), name="meeting_document_audience_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} {self.kind} ({self.audience})"
