"""The annual cycle's own events (*årshjulet*): what recurs each year and is not kept elsewhere.

Reporting deadlines live in status reporting's periods and meetings in ``Meeting``; the cycle reads
those where they are (``veikart.governance.cycle``) and stores only the rest here: the annual status
report, the annual revision, a consultation, anything else the strategy office wants in the year.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from veikart.core.content import translation_columns


class CycleEvent(models.Model):
    """An event of a year's cycle: a day, or a span of days within the year.

    ``year`` is the cycle the event belongs to, and both dates fall inside it (a span that would run
    into the next year is two events, one per cycle), so copying a cycle to the next year is moving
    every date by one year.
    """

    class Kind(models.TextChoices):
        # The first two are read live from reporting periods and meetings, never stored.
        REPORTING_DEADLINE = "reporting_deadline", _("Reporting deadline")
        MEETING = "meeting", _("Meeting")
        ANNUAL_REPORT = "annual_report", _("Annual status report")
        ANNUAL_REVISION = "annual_revision", _("Annual revision")
        OTHER = "other", _("Other")

    STORED_KINDS = (Kind.ANNUAL_REPORT, Kind.ANNUAL_REVISION, Kind.OTHER)

    year = models.PositiveSmallIntegerField(_("year"))
    starts = models.DateField(_("date"))
    ends = models.DateField(_("end date"), null=True, blank=True, help_text=_("For an event over several days."))
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=[(kind.value, kind.label) for kind in STORED_KINDS],
        default=Kind.OTHER,
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    body = models.ForeignKey(
        "governance.Body",
        verbose_name=_("body"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cycle_events",
        help_text=_("The body the event concerns, if any."),
    )
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        editable=False,
    )
    history = HistoricalRecords(excluded_fields=translation_columns("title", "description"))

    class Meta:
        ordering = ["starts", "ends", "pk"]
        verbose_name = _("cycle event")
        verbose_name_plural = _("cycle events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__isnull=True) | Q(ends__gte=F("starts")), name="cycle_event_ends_not_before_start"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["annual_report", "annual_revision", "other"]), name="cycle_event_kind_stored"
            ),
        ]
        indexes = [models.Index(fields=["year", "starts"], name="cycle_event_year_starts")]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts:%Y-%m-%d})"

    def clean(self) -> None:
        errors = {}
        if self.kind and self.kind not in self.STORED_KINDS:
            errors["kind"] = _("Reporting deadlines and meetings come from their own pages; choose another kind.")
        if self.year and self.starts and self.starts.year != self.year:
            errors["starts"] = _("The date must be in %(year)s, the year of the cycle.") % {"year": self.year}
        if self.starts and self.ends:
            if self.ends < self.starts:
                errors["ends"] = _("The end date cannot be before the date.")
            elif self.year and self.ends.year != self.year:
                errors["ends"] = _("The end date must be in %(year)s, the year of the cycle.") % {"year": self.year}
        if errors:
            raise ValidationError(errors)
