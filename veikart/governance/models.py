"""The national governance bodies and their papers: bodies and memberships, meetings numbered per body
and year, cases numbered per body and year with their links, decisions, follow-up actions and
attachments.

Two rules are decided here, once:

- **Who reads a body's papers** (``Body.objects.readable_by``): the strategy office reads every body's;
  a person reads the papers of the bodies they are a member of today, and no others.
- **What the public sees** (``Meeting.objects.public``, ``Case.objects.public``): meetings that have been
  summoned; of a case exempt from public access under the Freedom of Information Act
  (*offentleglova*) only that it exists, its number, its type, its legal basis and, where allowed,
  its title (``Case.public_title``). The papers themselves (background, proposed decision,
  attachments, the decision's text) are read through ``Case.papers_readable_by``.

A meeting whose minutes are approved is read-only, and so are its cases, decisions and attachments;
``services`` refuses every change (``MeetingLocked``).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from veikart.accounts import permissions
from veikart.accounts.models import Organisation
from veikart.core.content import translation_columns


class BodyQuerySet(models.QuerySet):
    def readable_by(self, user) -> BodyQuerySet:
        """The bodies whose restricted papers ``user`` reads: every one for the strategy office, else the
        bodies with a membership of ``user`` in force today."""
        if permissions.is_strategy_office(user):
            return self
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(pk__in=Membership.objects.current().filter(user=user).values("body"))


class Body(models.Model):
    """A governance body (*styringsorgan*): the national council, NUIT, NUFA."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("Council")
        COMMITTEE = "committee", _("Committee")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=30, unique=True, help_text=_("Used in meeting numbers, such as “NUIT 3/2026”.")
    )
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COMMITTEE)
    mandate = models.TextField(_("mandate"), blank=True, help_text=_("Markdown."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords(excluded_fields=translation_columns("name", "mandate"))

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("governance:body", kwargs={"slug": self.slug})


class MembershipQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> MembershipQuerySet:
        """Memberships in force on ``on`` (default today): begun, and not ended before that day."""
        on = on or timezone.localdate()
        return self.filter(Q(starts__lte=on), Q(ends__isnull=True) | Q(ends__gte=on))


class Membership(models.Model):
    """A person's seat on a body, with their position and the dates it runs.

    ``user`` links the seat to a login, which is what lets the person read the body's restricted
    papers; a seat without a user is shown on the body's page only.
    """

    class Position(models.TextChoices):
        CHAIR = "chair", _("Chair")
        MEMBER = "member", _("Member")
        OBSERVER = "observer", _("Observer")
        SECRETARY = "secretary", _("Secretary")

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="memberships")
    person_name = models.CharField(_("name"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="body_memberships",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    position = models.CharField(
        pgettext_lazy("membership", "position"), max_length=20, choices=Position.choices, default=Position.MEMBER
    )
    starts = models.DateField(_("from"))
    ends = models.DateField(_("to"), null=True, blank=True)
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["body", "position", "person_name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__isnull=True) | Q(ends__gte=F("starts")), name="membership_ends_not_before_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_name} ({self.body})"

    def clean(self) -> None:
        if self.starts and self.ends and self.ends < self.starts:
            raise ValidationError({"ends": _("A membership cannot end before it starts.")})


class MeetingQuerySet(models.QuerySet):
    def public(self) -> MeetingQuerySet:
        """Meetings the public may see: summoned, held or with approved minutes (not drafts)."""
        return self.exclude(state=Meeting.State.DRAFT)

    def visible_to(self, user) -> MeetingQuerySet:
        """Every meeting for the strategy office (who prepares the drafts); the public ones for everyone else."""
        if permissions.is_strategy_office(user):
            return self
        return self.public()


class Meeting(models.Model):
    """A meeting of a body, numbered per body and year ("NUIT 3/2026").

    Draft → summoned (the agenda is sent, and public) → held (decisions may be recorded) → minutes
    approved (read-only from then on).
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUMMONED = "summoned", _("Summoned")
        HELD = "held", _("Held")
        MINUTES_APPROVED = "minutes_approved", _("Minutes approved")

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings")
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("number"))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_link = models.URLField(_("video link"), blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    minutes = models.TextField(
        _("minutes"), blank=True, help_text=_("Markdown: who attended, and anything recorded besides the decisions.")
    )
    summoned_at = models.DateTimeField(_("summoned"), null=True, blank=True)
    held_at = models.DateTimeField(_("marked held"), null=True, blank=True)
    minutes_approved_at = models.DateTimeField(_("minutes approved"), null=True, blank=True)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["body", "year", "number"], name="meeting_number_unique_per_body_year"),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="meeting_ends_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "summoned", "held", "minutes_approved"]), name="meeting_state_valid"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="meeting_number_positive"),
        ]
        indexes = [models.Index(fields=["body", "year"], name="meeting_body_year")]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting", kwargs={"body": self.body.slug, "year": self.year, "number": self.number})

    @property
    def label(self) -> str:
        """The meeting's name in the papers: "NUIT 3/2026"."""
        return f"{self.body.short_name} {self.number}/{self.year}"

    @property
    def is_locked(self) -> bool:
        """Approved minutes: nothing of the meeting, its cases, decisions or attachments may change."""
        return self.state == self.State.MINUTES_APPROVED

    @property
    def is_held(self) -> bool:
        return self.state in (self.State.HELD, self.State.MINUTES_APPROVED)

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("A meeting cannot end before it starts.")})
        if self.starts_at and self.year and self.starts_at.year != self.year:
            raise ValidationError({"year": _("The meeting's year must be the year of its date.")})


class CaseQuerySet(models.QuerySet):
    def public(self) -> CaseQuerySet:
        """Cases the public may know of: those on a meeting the public sees (exempt ones included, whose
        papers stay hidden: see ``Case.papers_readable_by``)."""
        # A join, not ``meeting__in=<subquery>``: beside another IN (a full-text match), SQLite would
        # seek every pair of the two lists.
        return self.exclude(meeting__state=Meeting.State.DRAFT)

    def visible_to(self, user) -> CaseQuerySet:
        """The cases ``user`` may know of (their papers may still be exempt)."""
        return self if permissions.is_strategy_office(user) else self.public()

    def papers_readable_by(self, user) -> CaseQuerySet:
        """The cases whose papers ``user`` reads: public ones on a public meeting; exempt ones only for
        the strategy office and the members of the case's body."""
        if permissions.is_strategy_office(user):
            return self
        return self.public().filter(papers_readable_condition(user))


def papers_readable_condition(user, prefix: str = "") -> Q:
    """The exemption's half of ``CaseQuerySet.papers_readable_by`` as a condition, on ``Case`` or, through
    ``prefix`` (such as ``"case__"``), on a model that points at one: not exempt, or of a body ``user``
    sits on. The caller keeps to what ``user`` may know of; the strategy office needs no condition."""
    if permissions.is_strategy_office(user):
        return Q()
    bodies = list(Body.objects.readable_by(user).values_list("pk", flat=True))
    return Q(**{f"{prefix}is_exempt": False}) | Q(**{f"{prefix}body__in": bodies})


class Case(models.Model):
    """A case (*sak*) on a meeting's agenda, numbered per body and year ("Sak 14/2026").

    ``body`` and ``year`` are copied from the meeting so the database can keep numbers unique; they
    are never set by hand.
    """

    class Kind(models.TextChoices):
        APPROVAL = "approval", _("For approval")
        INFORMATION = "information", _("For information")
        DISCUSSION = "discussion", _("For discussion")

    class Standing(models.TextChoices):
        NONE = "", _("Not a standing item")
        AGENDA = "agenda", _("Approval of the summons and agenda")
        MINUTES = "minutes", _("Approval of the minutes")
        PORTFOLIO = "portfolio", _("The national e-health portfolio")

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="cases")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="cases", editable=False)
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.PositiveSmallIntegerField(_("case number"))
    position = models.PositiveSmallIntegerField(_("place on the agenda"), default=0)
    kind = models.CharField(_("case type"), max_length=20, choices=Kind.choices, default=Kind.INFORMATION)
    standing = models.CharField(_("standing item"), max_length=20, choices=Standing.choices, blank=True, default="")
    title = models.CharField(_("title"), max_length=300)
    background = models.TextField(_("background"), blank=True, help_text=_("Markdown."))
    proposed_decision = models.TextField(_("proposed decision"), blank=True, help_text=_("Markdown."))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), null=True, blank=True)
    is_exempt = models.BooleanField(
        _("exempt from public access"),
        default=False,
        help_text=_("Under the Freedom of Information Act (offentleglova); the legal basis is then required."),
    )
    exemption_basis = models.CharField(
        _("legal basis for exemption"), max_length=200, blank=True, help_text=_("Such as “offl. § 14”.")
    )
    title_is_public = models.BooleanField(
        _("title may be public"), default=True, help_text=_("For an exempt case: whether the public may see its title.")
    )
    goals = models.ManyToManyField("strategy.Goal", verbose_name=_("goals"), blank=True, related_name="cases")
    sub_goals = models.ManyToManyField(
        "strategy.SubGoal", verbose_name=_("sub-goals"), blank=True, related_name="cases"
    )
    roadmap_items = models.ManyToManyField(
        "roadmap.RoadmapItem", verbose_name=_("roadmap items"), blank=True, related_name="cases"
    )
    indicators = models.ManyToManyField(
        "indicators.Indicator", verbose_name=_("indicators"), blank=True, related_name="cases"
    )
    snapshots = models.ManyToManyField(
        "reporting.PortfolioSnapshot", verbose_name=_("portfolio snapshots"), blank=True, related_name="cases"
    )
    history = HistoricalRecords(m2m_fields=[goals, sub_goals, roadmap_items, indicators, snapshots])

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "position", "number"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.UniqueConstraint(fields=["body", "year", "number"], name="case_number_unique_per_body_year"),
            models.CheckConstraint(condition=Q(is_exempt=False) | ~Q(exemption_basis=""), name="case_exempt_has_basis"),
            models.CheckConstraint(condition=Q(number__gte=1), name="case_number_positive"),
        ]
        # Each case's meeting beside its id: the decision log counts thousands of decisions on public
        # meetings from this index alone, not from the case rows with their texts.
        indexes = [models.Index(fields=["id", "meeting"], name="case_meeting_of_id")]

    def __str__(self) -> str:
        return f"{self.label} {self.title}"

    def save(self, *args, **kwargs) -> None:
        self.body_id = self.meeting.body_id
        self.year = self.meeting.year
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("governance:case", kwargs={"body": self.body.slug, "year": self.year, "number": self.number})

    @property
    def label(self) -> str:
        """The case's number in the papers: "Sak 14/2026"."""
        return _("Case %(number)s/%(year)s") % {"number": self.number, "year": self.year}

    def clean(self) -> None:
        if self.is_exempt and not self.exemption_basis.strip():
            raise ValidationError({"exemption_basis": _("An exempt case needs its legal basis, such as “offl. § 14”.")})

    def public_title(self, user=None) -> str | None:
        """The title as ``user`` may read it: None when the case is exempt with a title that is not public."""
        if not self.is_exempt or self.title_is_public:
            return self.title
        if user is not None and Case.objects.papers_readable_by(user).filter(pk=self.pk).exists():
            return self.title
        return None

    def papers_readable_by(self, user) -> bool:
        """Whether ``user`` reads this case's papers (background, proposed decision, attachments, decision)."""
        if not self.is_exempt:
            return self.meeting.state != Meeting.State.DRAFT or permissions.is_strategy_office(user)
        return permissions.is_strategy_office(user) or Body.objects.readable_by(user).filter(pk=self.body_id).exists()


class DecisionQuerySet(models.QuerySet):
    def public(self) -> DecisionQuerySet:
        """Decisions the public may know of (an exempt case's decision shows only that it exists)."""
        # Joins, not ``case__in=<subquery>``: beside the decision log's full-text IN, SQLite would seek
        # every pair of the two lists (seconds on ten thousand decisions).
        return self.exclude(case__meeting__state=Meeting.State.DRAFT)

    def visible_to(self, user) -> DecisionQuerySet:
        """The decisions ``user`` may know of: every one for the strategy office, else the public ones."""
        return self if permissions.is_strategy_office(user) else self.public()


class Decision(models.Model):
    """What a body decided on a case (*vedtak*), recorded once the meeting is held."""

    class Outcome(models.TextChoices):
        UNANIMOUS = "unanimous", _("Unanimous")
        DISSENT = "dissent", _("With dissent")

    case = models.OneToOneField(Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="decision")
    text = models.TextField(_("decision"), help_text=_("Markdown."))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.UNANIMOUS)
    dissent = models.TextField(_("dissent"), blank=True, help_text=_("Who dissented, and their view."))
    decided_on = models.DateField(_("decided on"))
    review_on = models.DateField(
        _("review date"), null=True, blank=True, help_text=_("When the decision should be revisited.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(condition=Q(outcome="unanimous") | ~Q(dissent=""), name="decision_dissent_recorded"),
            models.CheckConstraint(
                condition=Q(review_on__isnull=True) | Q(review_on__gte=F("decided_on")),
                name="decision_review_not_before_decision",
            ),
        ]
        indexes = [models.Index(fields=["decided_on"], name="decision_decided_on")]

    def __str__(self) -> str:
        return str(self.case)

    def clean(self) -> None:
        errors = {}
        if self.outcome == self.Outcome.DISSENT and not self.dissent.strip():
            errors["dissent"] = _("Record who dissented and their view.")
        if self.review_on and self.decided_on and self.review_on < self.decided_on:
            errors["review_on"] = _("The review date cannot be before the decision.")
        if errors:
            raise ValidationError(errors)


class FollowUpAction(models.Model):
    """Something a decision asks an organisation to do by a date, tracked to done."""

    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="follow_up_actions"
    )
    description = models.CharField(_("what"), max_length=500)
    responsible = models.ForeignKey(
        Organisation, verbose_name=_("responsible organisation"), on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        indexes = [models.Index(fields=["responsible", "done_on", "due_on"], name="follow_up_open_by_org")]

    def __str__(self) -> str:
        return self.description

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    @property
    def is_overdue(self) -> bool:
        return self.done_on is None and self.due_on < timezone.localdate()


def attachment_path(instance: Attachment, filename: str) -> str:
    """Stored under the case's body and year, by content hash: a name from the uploader is never a path."""
    return f"governance/{instance.case.body.slug}/{instance.case.year}/{instance.sha256}.pdf"


class Attachment(models.Model):
    """A PDF attached to a case (checked through the exchange layer's limits before it is stored)."""

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="attachments")
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["case", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title


# The annual cycle, the generated meeting packs and minutes, the annual status report and the decisions'
# search texts live in modules of their own; imported here so Django finds their models.
from .cycle_models import CycleEvent  # noqa: E402, F401
from .document_models import MeetingDocument  # noqa: E402, F401
from .report_models import AnnualReport, GoalNarrative  # noqa: E402, F401
from .search_models import DecisionSearch  # noqa: E402, F401
