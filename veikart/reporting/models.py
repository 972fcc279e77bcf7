"""Status reporting and the national portfolio: periods, portfolio membership, the colour scale,
status reports with their areas, risks and milestone updates, and the log of each report's workflow.

What the public may see is decided once, in ``StatusReportQuerySet.published``: the live approved
revision of a report, in a published period, about a published roadmap item.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from veikart.accounts import permissions
from veikart.accounts.models import Organisation
from veikart.core.content import translation_columns
from veikart.roadmap.models import Milestone, Phase, RoadmapItem, render_markdown
from veikart.strategy.models import Strategy


class ReportingPeriodQuerySet(models.QuerySet):
    def published(self) -> ReportingPeriodQuerySet:
        """Periods whose approved reports the public may read: published, of a published strategy."""
        return self.filter(is_published=True, strategy__in=Strategy.objects.published())

    def visible_to(self, user) -> ReportingPeriodQuerySet:
        """Every period for those who read reports before publication; published ones for everyone else."""
        if permissions.can_read_status_reports(user) or permissions.can_list_own_status_reports(user):
            return self
        return self.published()


class ReportingPeriod(models.Model):
    """One round of status reporting (*rapporteringsperiode*) of a strategy, such as "2026 T2".

    A planned period takes no report yet; an open one takes drafts and submissions; a closed one takes
    only late submissions of reports already begun and the strategy office's review; a locked one takes
    nothing. Publishing makes its approved reports public.
    """

    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        LOCKED = "locked", _("Locked")

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("strategy"), on_delete=models.PROTECT, related_name="reporting_periods"
    )
    name = models.CharField(_("name"), max_length=50, help_text=_("Such as “2026 T2”."))
    opens = models.DateField(_("opens"))
    deadline = models.DateField(_("deadline"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PLANNED)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-opens", "-pk"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "name"], name="reporting_period_name_unique_per_strategy"),
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens")), name="reporting_period_deadline_after_opens"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["planned", "open", "closed", "locked"]), name="reporting_period_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(published_at__isnull=False),
                name="reporting_period_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.opens and self.deadline and self.deadline < self.opens:
            raise ValidationError({"deadline": _("The deadline cannot be before the period opens.")})

    @property
    def takes_new_reports(self) -> bool:
        """Whether an owner may begin a report in this period."""
        return self.state == self.State.OPEN

    @property
    def takes_submissions(self) -> bool:
        """Whether reports already begun may be saved, submitted and reviewed (late ones after closing)."""
        return self.state in (self.State.OPEN, self.State.CLOSED)


class PortfolioMembershipQuerySet(models.QuerySet):
    def published(self) -> PortfolioMembershipQuerySet:
        return self.filter(item__in=RoadmapItem.objects.published())


class PortfolioMembership(models.Model):
    """A roadmap item in the national portfolio from a date, with the reason it was taken in.

    A programme is an item whose members name it as their ``programme`` (the roadmap item has no
    parent of its own, so the hierarchy lives here, where it matters).
    """

    item = models.OneToOneField(
        RoadmapItem, verbose_name=_("roadmap item"), on_delete=models.CASCADE, related_name="portfolio_membership"
    )
    since = models.DateField(_("in the portfolio from"))
    until = models.DateField(_("in the portfolio until"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    programme = models.ForeignKey(
        RoadmapItem,
        verbose_name=_("programme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_members",
        help_text=_("The programme item this item is part of, if any."),
    )
    history = HistoricalRecords()

    objects = PortfolioMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["item__title", "pk"]
        verbose_name = _("portfolio membership")
        verbose_name_plural = _("portfolio memberships")
        constraints = [
            models.CheckConstraint(
                condition=~Q(programme=models.F("item")), name="portfolio_membership_not_own_programme"
            ),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=models.F("since")),
                name="portfolio_membership_until_after_since",
            ),
        ]

    def __str__(self) -> str:
        return str(self.item)


class StatusColour(models.Model):
    """One step of the status scale (green, yellow, red), with the words that always go with it.

    Held as data so an organisation may word its own scale; ``rank`` orders them from best (1) to worst,
    which decides whether a status got better or worse between periods.
    """

    key = models.SlugField(_("key"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    definition = models.TextField(_("definition"))
    rank = models.PositiveSmallIntegerField(_("rank"), unique=True, help_text=_("1 is the best status."))
    colour = models.CharField(
        _("colour"), max_length=7, validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour is written #rrggbb."))]
    )
    history = HistoricalRecords(excluded_fields=translation_columns("name", "definition"))

    class Meta:
        ordering = ["rank"]
        verbose_name = _("status colour")
        verbose_name_plural = _("status colours")

    def __str__(self) -> str:
        return self.name


class StatusArea(models.Model):
    """An area each report gives a status and comment for (progress and time, cost, …); held as data."""

    key = models.SlugField(_("key"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords(excluded_fields=translation_columns("name", "description"))

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("status area")
        verbose_name_plural = _("status areas")

    def __str__(self) -> str:
        return self.name


class StatusReportQuerySet(models.QuerySet):
    def live(self) -> StatusReportQuerySet:
        """The newest revision of each item and period: the one being worked on, or the approved one."""
        return self.filter(is_superseded=False)

    def published(self) -> StatusReportQuerySet:
        """What the public may read: approved, not superseded, in a published period, of a published item."""
        # The item is tested per report (EXISTS on its key) rather than against the list of every published
        # item (IN): a period has a few thousand reports, the roadmap tens of thousands of items.
        return self.filter(
            Exists(RoadmapItem.objects.published().filter(pk=OuterRef("item_id"))),
            state=StatusReport.State.APPROVED,
            is_superseded=False,
            period__in=ReportingPeriod.objects.published(),
        )

    def visible_to(self, user) -> StatusReportQuerySet:
        """Reports ``user`` may read.

        The strategy office: all of them. Body members: every submitted and approved one, published or
        not. An owner editor: its organisation's items' reports in every state, and what is published.
        Everyone else: what is published.
        """
        if permissions.is_strategy_office(user):
            return self
        if permissions.can_read_status_reports(user):
            return self.filter(state__in=[StatusReport.State.SUBMITTED, StatusReport.State.APPROVED])
        organisation = permissions.editable_organisation(user)
        if organisation is not None:
            own = self.filter(item__in=RoadmapItem.objects.filter(owners=organisation))
            return (own | self.published()).distinct()
        return self.published()


class StatusReport(models.Model):
    """A status report on one roadmap item for one period.

    Workflow: draft → submitted → approved, or returned (with a review note) → submitted again. An
    approved report is never edited: a correction is a new revision (``revision`` + 1, with a reason)
    that goes through the workflow again, and the approved one it corrects stays public until the
    correction is approved (then it is superseded). Every transition is in ``transitions``.
    ``version`` rises with every change, so a save or a review that started from an older version is
    refused (``services``).
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        APPROVED = "approved", _("Approved")

    WORKING_STATES = (State.DRAFT, State.SUBMITTED, State.RETURNED)

    item = models.ForeignKey(
        RoadmapItem, verbose_name=_("roadmap item"), on_delete=models.CASCADE, related_name="status_reports"
    )
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("reporting period"), on_delete=models.PROTECT, related_name="reports"
    )
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    is_superseded = models.BooleanField(_("superseded"), default=False)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    overall = models.ForeignKey(
        StatusColour,
        verbose_name=_("overall status"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    narrative = models.TextField(_("status in words"), blank=True, help_text=_("Markdown: paragraphs, lists, links."))
    next_steps = models.TextField(_("next steps"), blank=True)
    expected_phase = models.ForeignKey(
        Phase,
        verbose_name=_("expected phase change"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The phase the item is expected to move to, if it changes."),
    )
    expected_end_date = models.DateField(
        _("expected end date"), null=True, blank=True, help_text=_("Only when the end date is expected to change.")
    )
    review_note = models.TextField(_("review note"), blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords()

    objects = StatusReportQuerySet.as_manager()

    class Meta:
        ordering = ["period", "item__title", "revision"]
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        constraints = [
            models.UniqueConstraint(fields=["item", "period", "revision"], name="status_report_revision_unique"),
            # At most one revision in the workflow and one live approved revision per item and period.
            models.UniqueConstraint(
                fields=["item", "period"],
                condition=Q(state__in=["draft", "submitted", "returned"]),
                name="status_report_one_working_per_item_period",
            ),
            models.UniqueConstraint(
                fields=["item", "period"],
                condition=Q(state="approved", is_superseded=False),
                name="status_report_one_live_approved_per_item_period",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "submitted", "returned", "approved"]), name="status_report_state_valid"
            ),
            models.CheckConstraint(condition=Q(revision__gte=1), name="status_report_revision_positive"),
            models.CheckConstraint(
                condition=Q(revision=1) | ~Q(correction_reason=""), name="status_report_correction_has_reason"
            ),
            models.CheckConstraint(
                condition=~Q(state="returned") | ~Q(review_note=""), name="status_report_returned_has_note"
            ),
            models.CheckConstraint(
                condition=~Q(state__in=["submitted", "approved"]) | Q(overall__isnull=False),
                name="status_report_submitted_has_overall",
            ),
            models.CheckConstraint(
                condition=Q(is_superseded=False) | Q(state="approved"), name="status_report_only_approved_superseded"
            ),
        ]
        indexes = [models.Index(fields=["period", "state"], name="status_report_period_state")]

    def __str__(self) -> str:
        return f"{self.item} – {self.period}"

    @property
    def narrative_html(self) -> SafeString:
        return render_markdown(self.narrative)

    @property
    def next_steps_html(self) -> SafeString:
        return render_markdown(self.next_steps)

    @property
    def is_editable(self) -> bool:
        """A draft or a returned report may be changed; a submitted or approved one may not."""
        return self.state in (self.State.DRAFT, self.State.RETURNED)


class StatusReportArea(models.Model):
    """A report's status and comment for one area."""

    report = models.ForeignKey(StatusReport, on_delete=models.CASCADE, related_name="areas")
    area = models.ForeignKey(StatusArea, verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")
    colour = models.ForeignKey(
        StatusColour, verbose_name=_("status"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    comment = models.TextField(_("comment"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "area__order", "area__name"]
        verbose_name = _("area status")
        verbose_name_plural = _("area statuses")
        constraints = [models.UniqueConstraint(fields=["report", "area"], name="status_report_area_unique")]

    def __str__(self) -> str:
        return f"{self.area}: {self.colour or '–'}"


class StatusReportRisk(models.Model):
    """One line of a report's small risk register."""

    report = models.ForeignKey(StatusReport, on_delete=models.CASCADE, related_name="risks")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    description = models.TextField(_("risk"))
    likelihood = models.PositiveSmallIntegerField(
        _("likelihood (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    consequence = models.PositiveSmallIntegerField(
        _("consequence (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    mitigation = models.TextField(_("mitigation"), blank=True)
    owner = models.CharField(_("risk owner"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "position"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        constraints = [
            models.UniqueConstraint(fields=["report", "position"], name="status_report_risk_position_unique"),
            models.CheckConstraint(
                condition=Q(likelihood__gte=1, likelihood__lte=5), name="status_report_risk_likelihood_1_5"
            ),
            models.CheckConstraint(
                condition=Q(consequence__gte=1, consequence__lte=5), name="status_report_risk_consequence_1_5"
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def score(self) -> int:
        return self.likelihood * self.consequence


class StatusReportMilestone(models.Model):
    """A milestone update in a report: a milestone's new date or that it is done (or a new milestone)."""

    report = models.ForeignKey(StatusReport, on_delete=models.CASCADE, related_name="milestone_updates")
    milestone = models.ForeignKey(
        Milestone, verbose_name=_("milestone"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"))
    is_done = models.BooleanField(_("done"), default=False)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "date", "pk"]
        verbose_name = _("milestone update")
        verbose_name_plural = _("milestone updates")

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.title}"


class StatusReportTransition(models.Model):
    """One step of a report's workflow: who did what, when, with which note."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        SUBMITTED = "submitted", _("Submitted")
        RESUBMITTED = "resubmitted", _("Submitted again")
        RETURNED = "returned", _("Returned")
        APPROVED = "approved", _("Approved")
        CORRECTION = "correction", _("Correction begun")

    report = models.ForeignKey(StatusReport, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    from_state = models.CharField(_("from"), max_length=10, blank=True)
    to_state = models.CharField(_("to"), max_length=10)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["report", "at", "pk"]
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class ReminderSent(models.Model):
    """A reminder mail sent to one user, so the daily job never sends it twice.

    A deadline reminder is about a period and an organisation; a return notice is about one report.
    """

    class Kind(models.TextChoices):
        BEFORE_DEADLINE = "before_deadline", _("Before the deadline")
        AT_DEADLINE = "at_deadline", _("At the deadline")
        RETURNED = "returned", _("Report returned")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reminders")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    report = models.ForeignKey(StatusReport, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # The return a notice is about: a report returned twice gets two notices.
    transition = models.ForeignKey(
        StatusReportTransition, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "period", "organisation", "user"],
                condition=Q(transition__isnull=True),
                name="reminder_once_per_period_organisation_user",
            ),
            models.UniqueConstraint(
                fields=["kind", "transition", "user"],
                condition=Q(transition__isnull=False),
                name="reminder_once_per_return_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.period} → {self.user_id}"


from .benefit_models import BenefitLink  # noqa: E402, F401  (the indicators an item is meant to move)
from .saved_views import SavedPortfolioView  # noqa: E402, F401  (saved portfolio views)
from .snapshot_models import PortfolioSnapshot, PortfolioSnapshotEntry  # noqa: E402, F401  (frozen snapshots)
