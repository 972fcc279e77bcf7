"""Forms of the indicator pages in the workspace (``/forvaltning/indikatorer/``).

The model's own validation runs on every form (bounds, periods, overlapping targets); what needs
other rows (sub-goals of the goal, stored values within new bounds, codes in use) is checked by
the services in ``editing``, whose errors the views put back on the form.
"""

from __future__ import annotations

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from veikart.accounts.models import Organisation
from veikart.core.content import in_languages
from veikart.indicators.models import Baseline, Dimension, DimensionValue, Indicator, Target
from veikart.strategy.models import Goal, SubGoal
from veikart.workspace.forms import WorkspaceFormMixin

PERIOD_HELP = _("A year (2030), a quarter (2030-Q4), a month (2030-12) or a day (2030-12-31).")
VALUE_HELP = _("A number; a decimal comma or point.")


class NumberField(forms.DecimalField):
    """A decimal typed the Norwegian way or the English way, in any language: ``2,5``, ``2.5``, ``1 000``."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace("\xa0", "")
            if "," in value and "." not in value:
                value = value.replace(",", ".")
        return super().to_python(value)


def _goal_label(goal: Goal) -> str:
    return f"{goal.strategy.title}: {goal}"


class IndicatorForm(WorkspaceFormMixin, forms.ModelForm):
    source_url = forms.URLField(
        label=capfirst(Indicator._meta.get_field("source_url").verbose_name),
        max_length=500,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Indicator
        fields = [
            "code",
            *in_languages("name"),
            "goal",
            "sub_goals",
            *in_languages("definition"),
            "rationale",
            "measure_type",
            "scale_min",
            "scale_max",
            "unit",
            "direction",
            "frequency",
            "source_kind",
            "source_name",
            "source_url",
            "responsible",
            "status",
            "status_reason",
        ]
        field_classes = {"scale_min": NumberField, "scale_max": NumberField}
        widgets = {
            "sub_goals": forms.CheckboxSelectMultiple,
            "definition": forms.Textarea(attrs={"rows": 4}),
            "rationale": forms.Textarea(attrs={"rows": 3}),
            "status_reason": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "code": _(
                "Short and stable; used in addresses and data files. Letters, digits, dots, hyphens, underscores."
            ),
            "sub_goals": _("Only sub-goals of the chosen goal."),
            "scale_min": _("Needed for a bounded scale (e.g. 0 for HIMSS EMRAM); a percentage is 0–100 unless set."),
            "scale_max": _("Needed for a bounded scale (e.g. 7 for HIMSS EMRAM)."),
            "status_reason": _("Needed when the indicator is retired."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        goal = self.fields["goal"]
        goal.queryset = Goal.objects.select_related("strategy").order_by(
            "-strategy__period_start", "strategy", "number"
        )
        goal.label_from_instance = _goal_label
        sub_goals = self.fields["sub_goals"]
        sub_goals.queryset = SubGoal.objects.select_related("goal__strategy").order_by(
            "-goal__strategy__period_start", "goal__strategy", "goal__number", "code"
        )
        sub_goals.label_from_instance = lambda sub_goal: f"{sub_goal} ({_goal_label(sub_goal.goal)})"
        self.fields["responsible"].queryset = Organisation.objects.order_by("name")
        for name in ("scale_min", "scale_max"):
            self.fields[name].localize = True
            self.fields[name].widget = forms.TextInput(attrs={"class": "ds-input", "inputmode": "decimal"})
            if self.fields[name].help_text:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}_helptext"


class _PeriodValueForm(WorkspaceFormMixin, forms.ModelForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].help_text = PERIOD_HELP
        value = self.fields["value"]
        value.localize = True
        value.help_text = VALUE_HELP
        value.widget = forms.TextInput(attrs={"class": "ds-input", "inputmode": "decimal"})
        for name in ("period", "value"):
            self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}_helptext"


class TargetForm(_PeriodValueForm):
    class Meta:
        model = Target
        fields = ["period", "value", "justification", "is_demo"]
        field_classes = {"value": NumberField}
        widgets = {"justification": forms.Textarea(attrs={"rows": 3})}


class BaselineForm(_PeriodValueForm):
    class Meta:
        model = Baseline
        fields = ["period", "value", "note"]
        field_classes = {"value": NumberField}
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class DimensionForm(WorkspaceFormMixin, forms.ModelForm):
    class Meta:
        model = Dimension
        fields = ["code", "name", "position", "total_code"]
        help_texts = {"code": _("Used in data files and breakdown keys, e.g. “region” or “kommune”.")}


class DimensionValueForm(WorkspaceFormMixin, forms.ModelForm):
    class Meta:
        model = DimensionValue
        fields = ["code", "label", "parent", "position"]
        help_texts = {
            "code": _("Unique within the dimension, e.g. a municipality number."),
            "parent": _("The value this one is part of, e.g. a municipality's region."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        parent = self.fields["parent"]
        parent.queryset = (
            DimensionValue.objects.select_related("dimension")
            .exclude(pk=self.instance.pk)
            .order_by("dimension__position", "dimension__code", "position", "code")
        )
        parent.label_from_instance = lambda value: f"{value.dimension.name}: {value.label} ({value.code})"

    def clean_code(self) -> str:
        # Checked here so the message sits at the field (the database's rule would be a form-wide error).
        code = self.cleaned_data["code"]
        taken = DimensionValue.objects.filter(dimension_id=self.instance.dimension_id, code=code)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("This dimension already has a value with the code “%(code)s”."), params={"code": code}
            )
        return code


class IndicatorFilterForm(WorkspaceFormMixin, forms.Form):
    """The filters of the workspace's indicator list (a GET form)."""

    YES_NO = [("", _("All")), ("yes", _("Yes")), ("no", _("No"))]

    goal = forms.ModelChoiceField(label=_("Goal"), queryset=Goal.objects.none(), required=False, empty_label=_("All"))
    responsible = forms.ModelChoiceField(
        label=_("Responsible organisation"), queryset=Organisation.objects.none(), required=False, empty_label=_("All")
    )
    published = forms.ChoiceField(label=_("Published"), choices=YES_NO, required=False)
    overdue = forms.ChoiceField(label=_("Data overdue"), choices=YES_NO, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.select_related("strategy").order_by(
            "-strategy__period_start", "strategy", "number"
        )
        self.fields["goal"].label_from_instance = _goal_label
        self.fields["responsible"].queryset = Organisation.objects.filter(indicators__isnull=False).distinct()

    def filter(self, indicators):
        """``indicators`` narrowed by the valid filters (an invalid one is ignored and shown as an error)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("goal"):
            indicators = indicators.filter(goal=data["goal"])
        if data.get("responsible"):
            indicators = indicators.filter(responsible=data["responsible"])
        if data.get("published"):
            indicators = indicators.filter(is_published=data["published"] == "yes")
        if data.get("overdue"):
            indicators = indicators.filter(is_overdue=data["overdue"] == "yes")
        return indicators
