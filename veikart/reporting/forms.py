"""The workspace forms of status reporting: a report (overall, areas, narrative, risks, milestone
updates), a review note, a correction's reason, a new period and a benefit link. Each turns into the
plain data the services take."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from veikart.core.content import content_in_language, content_label
from veikart.roadmap.models import Phase
from veikart.workspace.forms import WorkspaceFormMixin

from .models import ReportingPeriod, StatusArea, StatusColour
from .services import AreaStatus, MilestoneUpdate, ReportContent, Risk


def colour_choices(colours: list[StatusColour], *, blank: str | None = None) -> list[tuple[str, str]]:
    """Each colour with its words and definition (a colour is never shown alone)."""
    choices = [("", blank)] if blank else []
    return choices + [
        (colour.key, content_label(colour, "name", suffix=f" – {content_in_language(colour, 'definition').text}"))
        for colour in colours
    ]


class ReportForm(WorkspaceFormMixin, forms.Form):
    """A status report: overall status, a status and comment per area (the areas are data), the narrative,
    the next steps, an expected phase change and end date. Risks come in ``RiskFormSet``."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    overall = forms.ChoiceField(label=_("Overall status"), widget=forms.RadioSelect, required=False)
    narrative = forms.CharField(
        label=_("Status in words"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=20_000,
        help_text=_(
            "Markdown: paragraphs, lists, links. Shown to the public once the report is approved and the period published."
        ),
    )
    next_steps = forms.CharField(
        label=_("Next steps"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5_000
    )
    expected_phase = forms.ModelChoiceField(
        label=_("Expected phase change"),
        queryset=Phase.objects.all(),
        required=False,
        help_text=_("The phase the item is expected to move to, if it changes."),
    )
    expected_end_date = forms.DateField(
        label=_("Expected end date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Only when the end date is expected to change."),
    )

    def __init__(self, *args, **kwargs) -> None:
        self.colours = list(StatusColour.objects.all())
        self.areas = list(StatusArea.objects.all())
        super().__init__(*args, **kwargs)
        self.fields["overall"].choices = colour_choices(self.colours)
        self.area_fields = []
        for area in self.areas:
            colour_name, comment_name = f"area_{area.key}", f"area_{area.key}_comment"
            self.fields[colour_name] = forms.ChoiceField(
                label=_("Status: %(area)s") % {"area": content_in_language(area, "name").text},
                choices=[(colour.key, content_label(colour, "name")) for colour in self.colours]
                + [("", _("Not assessed"))],
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[comment_name] = forms.CharField(
                label=_("Comment: %(area)s") % {"area": content_in_language(area, "name").text},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=5_000,
            )
            self.area_fields.append((area, self[colour_name], self[comment_name]))
        # The mixin styled the fields made before; style the area fields too.
        for name, field in self.fields.items():
            if name.startswith("area_") and isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("class", "ds-input")

    def main_fields(self) -> list:
        return [self[name] for name in ("narrative", "next_steps", "expected_phase", "expected_end_date")]

    def content(self, risks: list[Risk], milestones: list[MilestoneUpdate] = ()) -> ReportContent:
        data = self.cleaned_data
        return ReportContent(
            overall=data["overall"] or None,
            narrative=data["narrative"],
            next_steps=data["next_steps"],
            expected_phase_id=data["expected_phase"].pk if data["expected_phase"] else None,
            expected_end_date=data["expected_end_date"],
            areas=tuple(
                AreaStatus(area.key, data[f"area_{area.key}"] or None, data[f"area_{area.key}_comment"])
                for area in self.areas
            ),
            risks=tuple(risks),
            milestones=tuple(milestones),
        )

    @staticmethod
    def initial_from(report) -> dict:
        if report is None:
            return {}
        initial = {
            "version": report.version,
            "overall": report.overall.key if report.overall_id else "",
            "narrative": report.narrative,
            "next_steps": report.next_steps,
            "expected_phase": report.expected_phase_id,
            "expected_end_date": report.expected_end_date,
        }
        for row in report.areas.select_related("area", "colour"):
            initial[f"area_{row.area.key}"] = row.colour.key if row.colour_id else ""
            initial[f"area_{row.area.key}_comment"] = row.comment
        return initial


SCALE = [(str(number), str(number)) for number in range(1, 6)]


class RiskForm(WorkspaceFormMixin, forms.Form):
    """One risk; a row left empty is no risk."""

    description = forms.CharField(
        label=_("Risk"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2_000
    )
    likelihood = forms.TypedChoiceField(
        label=_("Likelihood (1–5)"), choices=[("", "–"), *SCALE], coerce=int, required=False, empty_value=None
    )
    consequence = forms.TypedChoiceField(
        label=_("Consequence (1–5)"), choices=[("", "–"), *SCALE], coerce=int, required=False, empty_value=None
    )
    mitigation = forms.CharField(
        label=_("Mitigation"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2_000
    )
    owner = forms.CharField(label=_("Risk owner"), required=False, max_length=200)

    def clean(self) -> dict:
        data = super().clean()
        filled = any(data.get(name) for name in ("description", "likelihood", "consequence", "mitigation", "owner"))
        if filled:
            for name in ("description", "likelihood", "consequence"):
                if not data.get(name):
                    self.add_error(name, _("A risk needs a description, a likelihood and a consequence."))
        return data

    def risk(self) -> Risk | None:
        data = self.cleaned_data
        if not data.get("description"):
            return None
        return Risk(data["description"], data["likelihood"], data["consequence"], data["mitigation"], data["owner"])


RiskFormSet = forms.formset_factory(RiskForm, extra=2, max_num=20, validate_max=True)


def risk_initial(report) -> list[dict]:
    if report is None:
        return []
    return [
        {
            "description": risk.description,
            "likelihood": risk.likelihood,
            "consequence": risk.consequence,
            "mitigation": risk.mitigation,
            "owner": risk.owner,
        }
        for risk in report.risks.all()
    ]


class MilestoneForm(WorkspaceFormMixin, forms.Form):
    """One milestone update: a milestone of the item's roadmap (or a new one, by its title), its date
    now, whether it is done, a note. A row left empty is no update."""

    milestone = forms.TypedChoiceField(label=_("Milestone"), coerce=int, required=False, empty_value=None)
    title = forms.CharField(
        label=_("Title of a new milestone"),
        required=False,
        max_length=300,
        help_text=_("Only for a milestone the roadmap does not have yet."),
    )
    date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The date the milestone is now expected, or was reached."),
    )
    is_done = forms.BooleanField(label=_("Done"), required=False)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2_000)

    def __init__(self, *args, milestones=(), **kwargs) -> None:
        self.milestones = {milestone.pk: milestone for milestone in milestones}
        super().__init__(*args, **kwargs)
        self.fields["milestone"].choices = [("", _("A new milestone"))] + [
            (milestone.pk, f"{milestone.title} ({milestone.date:%d.%m.%Y})") for milestone in milestones
        ]

    def clean(self) -> dict:
        data = super().clean()
        filled = any(data.get(name) for name in ("milestone", "title", "date", "is_done", "note"))
        if not filled or self.errors:
            return data
        if not data.get("milestone") and not data.get("title", "").strip():
            self.add_error("title", _("Choose a milestone of the roadmap, or give the title of a new one."))
        if not data.get("date"):
            self.add_error("date", _("A milestone update needs a date."))
        return data

    def update(self) -> MilestoneUpdate | None:
        data = self.cleaned_data
        if not data.get("date"):
            return None
        milestone = self.milestones.get(data.get("milestone"))
        return MilestoneUpdate(
            title=(data.get("title") or "").strip() or (milestone.title if milestone else ""),
            date=data["date"],
            is_done=data.get("is_done", False),
            note=data.get("note", ""),
            milestone_id=milestone.pk if milestone else None,
        )


MilestoneFormSet = forms.formset_factory(MilestoneForm, extra=2, max_num=30, validate_max=True)


def milestone_initial(report) -> list[dict]:
    if report is None:
        return []
    return [
        {
            "milestone": update.milestone_id,
            "title": "" if update.milestone_id else update.title,
            "date": update.date,
            "is_done": update.is_done,
            "note": update.note,
        }
        for update in report.milestone_updates.all()
    ]


class BenefitLinkForm(WorkspaceFormMixin, forms.Form):
    """Link an item to an indicator it is meant to move."""

    indicator = forms.TypedChoiceField(label=_("Indicator"), coerce=int)
    note = forms.CharField(
        label=_("How the item moves it"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2_000,
        help_text=_("A sentence or two; optional."),
    )

    def __init__(self, *args, indicators=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [("", "–")] + [
            (indicator.pk, indicator.content_label()) for indicator in indicators
        ]


class ReturnForm(WorkspaceFormMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Review note"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5_000,
        help_text=_("What the owner should change. It is mailed to the owner's editors."),
    )


class CorrectionForm(WorkspaceFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for the correction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2_000,
        help_text=_("The approved report stays as it is until the correction is approved."),
    )


class PeriodForm(WorkspaceFormMixin, forms.ModelForm):
    class Meta:
        model = ReportingPeriod
        fields = ["strategy", "name", "opens", "deadline"]
        widgets = {
            "opens": forms.DateInput(attrs={"type": "date"}),
            "deadline": forms.DateInput(attrs={"type": "date"}),
        }


class BulkUploadForm(WorkspaceFormMixin, forms.Form):
    """A period's reports filled in offline (``reporting.bulk``); the file is read and checked by the exchange layer."""

    period = forms.IntegerField(widget=forms.HiddenInput)
    file = forms.FileField(
        label=_("The filled-in spreadsheet (XLSX or CSV)"),
        help_text=_("The file downloaded above, with the reports filled in. You see what would change first."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xlsx", ".csv", ".txt")):
            raise forms.ValidationError(_("Upload the spreadsheet as .xlsx or .csv."))
        return upload
