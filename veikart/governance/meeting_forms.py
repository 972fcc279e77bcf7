"""The workspace forms of governance: bodies, memberships, meetings, cases, attachments, decisions,
follow-up actions and minutes.

Each form turns what was typed into the plain data ``services`` (and ``bodies``) take; it checks
what a single form can (an end before a start), and the services check the rest.
"""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veikart.accounts.models import Organisation, User
from veikart.core.content import in_languages
from veikart.indicators.models import Indicator
from veikart.reporting.snapshot_models import PortfolioSnapshot
from veikart.roadmap.models import RoadmapItem
from veikart.strategy.models import Goal, Strategy, SubGoal
from veikart.workspace.forms import WorkspaceFormMixin

from . import services
from .bodies import MembershipData
from .models import Body, Case, Decision, Meeting, Membership

_DATE = {"type": "date"}
_TIME = {"type": "time"}


class BodyForm(WorkspaceFormMixin, forms.ModelForm):
    """A body's name and mandate, in bokmål, nynorsk and English side by side."""

    class Meta:
        model = Body
        fields = [*in_languages("name", "mandate")]
        widgets = {
            "mandate": forms.Textarea(attrs={"rows": 8}),
            "mandate_nn": forms.Textarea(attrs={"rows": 8}),
            "mandate_en": forms.Textarea(attrs={"rows": 8}),
        }


class MembershipForm(WorkspaceFormMixin, forms.Form):
    person_name = forms.CharField(label=_("Name"), max_length=200)
    user = forms.ModelChoiceField(
        label=_("User"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("The member's login, if they have one: it lets them read the body's restricted papers."),
    )
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.all(), required=False)
    position = forms.ChoiceField(label=_("Position"), choices=Membership.Position.choices)
    starts = forms.DateField(label=_("From"), widget=forms.DateInput(attrs=_DATE))
    ends = forms.DateField(label=_("To"), widget=forms.DateInput(attrs=_DATE), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(
            is_active=True, role__in=[User.Role.BODY_MEMBER, User.Role.STRATEGY_OFFICE]
        ).order_by("username")

    def clean(self) -> dict:
        cleaned = super().clean()
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        if starts and ends and ends < starts:
            self.add_error("ends", _("A membership cannot end before it starts."))
        return cleaned

    def membership_data(self) -> MembershipData:
        data = self.cleaned_data
        return MembershipData(
            person_name=data["person_name"],
            position=data["position"],
            starts=data["starts"],
            ends=data["ends"],
            user_id=data["user"].pk if data["user"] else None,
            organisation_id=data["organisation"].pk if data["organisation"] else None,
        )


class MembershipEndForm(WorkspaceFormMixin, forms.Form):
    ends = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs=_DATE))


class MeetingForm(WorkspaceFormMixin, forms.Form):
    """A meeting's time and place; ``body`` and ``number`` only when it is created."""

    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.all())
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs=_DATE))
    starts = forms.TimeField(label=_("Starts"), widget=forms.TimeInput(attrs=_TIME, format="%H:%M"))
    ends = forms.TimeField(label=_("Ends"), widget=forms.TimeInput(attrs=_TIME, format="%H:%M"), required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    video_link = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")
    number = forms.IntegerField(
        label=_("Meeting number"),
        min_value=1,
        max_value=999,
        required=False,
        help_text=_("Leave empty for the body's next number in the meeting's year."),
    )

    def __init__(self, *args, meeting: Meeting | None = None, **kwargs) -> None:
        if meeting is not None:
            starts_at = timezone.localtime(meeting.starts_at)
            kwargs.setdefault(
                "initial",
                {
                    "date": starts_at.date(),
                    "starts": starts_at.time(),
                    "ends": timezone.localtime(meeting.ends_at).time() if meeting.ends_at else None,
                    "place": meeting.place,
                    "video_link": meeting.video_link,
                },
            )
        super().__init__(*args, **kwargs)
        if meeting is not None:
            del self.fields["body"], self.fields["number"]

    def clean(self) -> dict:
        cleaned = super().clean()
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        if starts and ends and ends < starts:
            self.add_error("ends", _("A meeting cannot end before it starts."))
        return cleaned

    def meeting_data(self) -> services.MeetingData:
        data = self.cleaned_data
        starts_at = timezone.make_aware(datetime.datetime.combine(data["date"], data["starts"]))
        ends_at = timezone.make_aware(datetime.datetime.combine(data["date"], data["ends"])) if data["ends"] else None
        return services.MeetingData(
            starts_at=starts_at,
            ends_at=ends_at,
            place=data["place"],
            video_link=data["video_link"],
            number=data.get("number"),
        )


def _with_linked(choices: QuerySet, linked: list[int]) -> QuerySet:
    """The sensible choices, plus whatever the case already links to (so saving never drops a link)."""
    return choices.model.objects.filter(Q(pk__in=choices.values("pk")) | Q(pk__in=linked))


class CaseForm(WorkspaceFormMixin, forms.Form):
    """A case's papers and links; the links offered are the current strategy's goals, sub-goals,
    roadmap items and indicators and the frozen snapshots (plus any the case already has)."""

    number = forms.IntegerField(
        label=_("Case number"),
        min_value=1,
        max_value=9999,
        required=False,
        help_text=_("Leave empty for the body's next case number in the meeting's year."),
    )
    kind = forms.ChoiceField(label=_("Case type"), choices=Case.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    background = forms.CharField(
        label=_("Background"), required=False, widget=forms.Textarea(attrs={"rows": 8}), help_text=_("Markdown.")
    )
    proposed_decision = forms.CharField(
        label=_("Proposed decision"), required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text=_("Markdown.")
    )
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=1, max_value=600, required=False)
    is_exempt = forms.BooleanField(label=_("Exempt from public access"), required=False)
    exemption_basis = forms.CharField(
        label=_("Legal basis for exemption"),
        max_length=200,
        required=False,
        help_text=_("Required for an exempt case, such as “Unntatt offentlighet, offl. § 14”."),
    )
    title_is_public = forms.BooleanField(
        label=_("The title of an exempt case may be public"), required=False, initial=True
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals"), queryset=Goal.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    sub_goals = forms.ModelMultipleChoiceField(
        label=_("Sub-goals"), queryset=SubGoal.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    roadmap_items = forms.ModelMultipleChoiceField(
        label=_("Roadmap items"),
        queryset=RoadmapItem.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Choose one or more (Ctrl or Cmd and click, or Shift and the arrow keys)."),
    )
    indicators = forms.ModelMultipleChoiceField(
        label=_("Indicators"), queryset=Indicator.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    snapshots = forms.ModelMultipleChoiceField(
        label=_("Portfolio snapshots"),
        queryset=PortfolioSnapshot.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, case: Case | None = None, **kwargs) -> None:
        linked = {name: [] for name in ("goals", "sub_goals", "roadmap_items", "indicators", "snapshots")}
        if case is not None:
            linked = {name: list(getattr(case, name).values_list("pk", flat=True)) for name in linked}
            kwargs.setdefault(
                "initial",
                {
                    "kind": case.kind,
                    "title": case.title,
                    "background": case.background,
                    "proposed_decision": case.proposed_decision,
                    "duration_minutes": case.duration_minutes,
                    "is_exempt": case.is_exempt,
                    "exemption_basis": case.exemption_basis,
                    "title_is_public": case.title_is_public,
                    **linked,
                },
            )
        super().__init__(*args, **kwargs)
        self.case = case
        if case is not None:
            del self.fields["number"]
        strategy = Strategy.objects.current()
        goals = Goal.objects.filter(strategy=strategy).order_by("number")
        sub_goals = SubGoal.objects.filter(strategy=strategy).order_by("code")
        items = RoadmapItem.objects.filter(sub_goal__strategy=strategy).order_by("title")
        indicators = Indicator.objects.filter(Q(goal__isnull=True) | Q(goal__strategy=strategy)).order_by("code")
        snapshots = PortfolioSnapshot.objects.order_by("-taken_at")
        for name, choices in [
            ("goals", goals),
            ("sub_goals", sub_goals),
            ("roadmap_items", items),
            ("indicators", indicators),
            ("snapshots", snapshots),
        ]:
            field = self.fields[name]
            field.queryset = _with_linked(choices, linked[name]).order_by(*choices.query.order_by)
            if hasattr(field.queryset.model, "content_label"):
                field.label_from_instance = field.queryset.model.content_label
            field.widget.choices = field.choices

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("is_exempt") and not cleaned.get("exemption_basis", "").strip():
            self.add_error("exemption_basis", _("An exempt case needs its legal basis, such as “offl. § 14”."))
        return cleaned

    def case_data(self) -> services.CaseData:
        data = self.cleaned_data
        return services.CaseData(
            title=data["title"],
            kind=data["kind"],
            background=data["background"],
            proposed_decision=data["proposed_decision"],
            duration_minutes=data["duration_minutes"],
            is_exempt=data["is_exempt"],
            exemption_basis=data["exemption_basis"],
            title_is_public=data["title_is_public"],
            standing=self.case.standing if self.case is not None else "",
            number=data.get("number"),
            **{
                name: [obj.pk for obj in data[name]]
                for name in ("goals", "sub_goals", "roadmap_items", "indicators", "snapshots")
            },
        )


class AttachmentForm(WorkspaceFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    file = forms.FileField(
        label=_("PDF file"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        help_text=_("A PDF document."),
    )


class DecisionForm(WorkspaceFormMixin, forms.Form):
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 5}), help_text=_("Markdown."))
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Decision.Outcome.choices, widget=forms.RadioSelect, initial="unanimous"
    )
    dissent = forms.CharField(
        label=_("Dissent"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("With dissent: who dissented, and their view."),
    )
    review_on = forms.DateField(
        label=_("Review date"),
        required=False,
        widget=forms.DateInput(attrs=_DATE),
        help_text=_("When the decision should be revisited, if it should."),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("outcome") == Decision.Outcome.DISSENT and not cleaned.get("dissent", "").strip():
            self.add_error("dissent", _("Record who dissented and their view."))
        return cleaned

    def decision_data(self) -> services.DecisionData:
        data = self.cleaned_data
        return services.DecisionData(
            text=data["text"], outcome=data["outcome"], dissent=data["dissent"], review_on=data["review_on"]
        )


class FollowUpForm(WorkspaceFormMixin, forms.Form):
    description = forms.CharField(label=_("What is to be done"), max_length=500)
    responsible = forms.ModelChoiceField(label=_("Responsible organisation"), queryset=Organisation.objects.all())
    due_on = forms.DateField(label=_("Due"), widget=forms.DateInput(attrs=_DATE))


class MinutesForm(WorkspaceFormMixin, forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Markdown: who attended, and anything recorded besides the decisions. Public once the meeting is "
            "held: never quote exempt papers here."
        ),
    )
