from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from veikart.core.content import LanguageLabel, in_languages
from veikart.core.widgets import FastSelect
from veikart.strategy.models import Goal, OverarchingGoal, Scenario, Strategy, SubGoal, TargetGroup
from veikart.workspace.forms import WorkspaceFormMixin


class CompareForm(forms.Form):
    """Choose two visible strategy versions to compare; the choices are the given strategies only."""

    older = forms.ChoiceField(label=_("From version"))
    newer = forms.ChoiceField(label=_("To version"))

    def __init__(self, *args, strategies: list[Strategy], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._by_slug = {strategy.slug: strategy for strategy in strategies}
        choices = [(strategy.slug, strategy.content_label()) for strategy in strategies]
        for name in ("older", "newer"):
            self.fields[name].choices = choices
            self.fields[name].widget = FastSelect(attrs={"class": "ds-input"}, choices=choices)

    def clean(self) -> dict:
        """The chosen strategies; the same one twice is valid (``same_version`` tells the page)."""
        cleaned = super().clean()
        older, newer = cleaned.get("older"), cleaned.get("newer")
        if older and newer:
            cleaned["older"], cleaned["newer"] = self._by_slug[older], self._by_slug[newer]
        return cleaned

    @property
    def same_version(self) -> Strategy | None:
        """The version chosen on both sides, when it is one (call after ``is_valid()``)."""
        older, newer = self.cleaned_data.get("older"), self.cleaned_data.get("newer")
        return older if older is not None and older == newer else None

    @staticmethod
    def default_pair(strategies: list[Strategy]) -> tuple[Strategy, Strategy] | None:
        """The current strategy and the version it revises, when both are visible."""
        current = next((s for s in strategies if s.status == Strategy.Status.ADOPTED), None)
        if current and current.previous_version and current.previous_version in strategies:
            return current.previous_version, current
        return None


# Workspace forms: the strategy office edits the framework. Uniqueness within a
# version is checked here, on the field, because the version itself is not a
# field of these forms (Django would skip the database constraint's check).

code_validator = RegexValidator(
    r"^[0-9A-Za-z][0-9A-Za-z.-]*$", _("Use letters, digits, full stops and hyphens only, such as 1A.")
)


class StrategyFilterForm(forms.Form):
    """Filters of the list of strategy versions; every field may be empty."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    published = forms.ChoiceField(
        label=_("Published"),
        required=False,
        choices=[("", _("All")), ("yes", _("Published")), ("no", _("Not published"))],
    )
    gaps = forms.BooleanField(label=_("Only versions in use with goals without sub-goals"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All")), *Strategy.Status.choices]
        for name in ("status", "published"):
            self.fields[name].widget.attrs["class"] = "ds-input"

    def filter(self, queryset):
        """``queryset`` narrowed by the valid filters (an invalid value is ignored)."""
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["published"]:
            queryset = queryset.filter(is_published=data["published"] == "yes")
        if data["gaps"]:
            queryset = queryset.filter(pk__in=Goal.objects.without_sub_goals_in_use().values("strategy"))
        return queryset


class StrategyForm(WorkspaceFormMixin, forms.ModelForm):
    class Meta:
        model = Strategy
        fields = [
            *in_languages("title"),
            "slug",
            "version_label",
            "status",
            "period_start",
            "period_end",
            "published_on",
            "previous_version",
            "summary",
            *in_languages("vision"),
        ]
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "vision": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"slug": _("The last part of the public address: lower-case letters, digits and hyphens.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        others = Strategy.objects.order_by("-period_start", "-pk")
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["previous_version"].queryset = others
        for name in ("period_start", "period_end"):
            self.fields[name].validators += [MinValueValidator(1900), MaxValueValidator(2200)]

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start is not None and end is not None and end < start:
            self.add_error("period_end", _("The last year cannot be before the first year."))
        return cleaned


class OverarchingGoalForm(WorkspaceFormMixin, forms.ModelForm):
    class Meta:
        model = OverarchingGoal
        fields = ["number", *in_languages("title", "description")]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, strategy: Strategy, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.strategy = strategy

    def clean_number(self) -> int:
        number = self.cleaned_data["number"]
        taken = OverarchingGoal.objects.filter(strategy=self.instance.strategy, number=number)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Number %(number)s is already in use in this version."), params={"number": number}
            )
        return number


class GoalForm(WorkspaceFormMixin, forms.ModelForm):
    class Meta:
        model = Goal
        fields = [
            "number",
            *in_languages("title", "short_title", "description"),
            "depends_on",
            "sustainable_development_goals",
            "continues",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "depends_on": forms.CheckboxSelectMultiple,
            "sustainable_development_goals": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, strategy: Strategy, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.strategy = strategy
        same_version = Goal.objects.filter(strategy=strategy)
        if self.instance.pk:
            same_version = same_version.exclude(pk=self.instance.pk)
        self.fields["depends_on"].queryset = same_version
        _offer_other_versions(self.fields["continues"], Goal.objects, strategy, "number")

    def clean_number(self) -> int:
        number = self.cleaned_data["number"]
        taken = Goal.objects.filter(strategy=self.instance.strategy, number=number)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Goal number %(number)s is already in use in this version."), params={"number": number}
            )
        return number


def _offer_other_versions(field: forms.ModelChoiceField, objects, strategy: Strategy, order: str) -> None:
    """Make ``field`` (a ``continues`` link) offer the goals or sub-goals of every other version, newest
    version first, each labelled with its version."""
    field.queryset = (
        objects.exclude(strategy=strategy)
        .select_related("strategy")
        .order_by("-strategy__period_start", "strategy__pk", order)
    )
    field.label_from_instance = _of_version_label
    field.widget.choices = field.choices


def _of_version_label(part: Goal | SubGoal) -> LanguageLabel:
    """``Version: 3. Goal title`` (or ``Version: 3A Sub-goal``), in the page's language; marked bokmål if
    either part fell back."""
    version, title = part.strategy.content_label(), part.content_label()
    label = LanguageLabel(f"{version}: {title}")
    label.lang = version.lang or title.lang
    return label


class LineForm(WorkspaceFormMixin, forms.Form):
    """One line of an ordered list (an outcome, a benefit objective); an empty line is left out."""

    text = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class BaseLineFormSet(forms.BaseFormSet):
    legend = ""

    def texts(self) -> list[str]:
        """The non-empty lines in the order given (call after ``is_valid()``)."""
        return [text for form in self.forms if (text := form.cleaned_data.get("text", "").strip())]


LineFormSet = forms.formset_factory(LineForm, formset=BaseLineFormSet, extra=2, max_num=50, validate_max=True)


def line_formset(data, *, prefix: str, legend: str, lines) -> BaseLineFormSet:
    """A formset of the ``lines`` (objects with ``text``) plus two empty rows, bound to ``data`` on a POST."""
    formset = LineFormSet(data, prefix=prefix, initial=[{"text": line.text} for line in lines])
    formset.legend = legend
    # Each row gets its own label, so that a screen reader tells the lines apart.
    for number, form in enumerate(formset.forms, start=1):
        form.fields["text"].label = _("Line %(number)s") % {"number": number}
    return formset


class SubGoalForm(WorkspaceFormMixin, forms.ModelForm):
    class Meta:
        model = SubGoal
        fields = ["goal", "code", *in_languages("title", "short_title", "description"), "continues"]
        widgets = {"title": forms.TextInput, "description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"code": _("Unique within the version, such as 1A.")}

    def __init__(self, *args, strategy: Strategy, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.strategy = strategy
        self.fields["goal"].queryset = Goal.objects.filter(strategy=strategy)
        self.fields["code"].validators.append(code_validator)
        _offer_other_versions(self.fields["continues"], SubGoal.objects, strategy, "code")

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        taken = SubGoal.objects.filter(strategy=self.strategy, code__iexact=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("The code %(code)s is already in use in this version."), params={"code": code}
            )
        return code


class ScenarioForm(WorkspaceFormMixin, forms.ModelForm):
    class Meta:
        model = Scenario
        fields = ["goal", "code", "title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, strategy: Strategy, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(strategy=strategy)
        self.fields["code"].validators.append(code_validator)

    def clean(self) -> dict:
        cleaned = super().clean()
        goal, code = cleaned.get("goal"), cleaned.get("code")
        if goal and code and Scenario.objects.filter(goal=goal, code=code).exclude(pk=self.instance.pk).exists():
            self.add_error("code", _("The code %(code)s is already in use for this goal.") % {"code": code})
        return cleaned

    def validate_unique(self) -> None:
        # ``clean`` reports a taken code on the field; the generic message would repeat it.
        pass


class TargetGroupForm(WorkspaceFormMixin, forms.ModelForm):
    class Meta:
        model = TargetGroup
        fields = ["kind", "name", "description", "position"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"position": _("Where it comes in its list: 1 first.")}

    def __init__(self, *args, strategy: Strategy, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.strategy = strategy
        if not self.instance.pk:
            last = strategy.target_groups.aggregate(last=Max("position"))["last"] or 0
            self.fields["position"].initial = last + 1

    def clean(self) -> dict:
        cleaned = super().clean()
        kind, name = cleaned.get("kind"), cleaned.get("name")
        taken = TargetGroup.objects.filter(strategy=self.instance.strategy, kind=kind, name=name)
        if kind and name and taken.exclude(pk=self.instance.pk).exists():
            self.add_error("name", _("This name is already in the list."))
        return cleaned


class RevisionStartForm(WorkspaceFormMixin, forms.Form):
    """The one thing a new revision needs that the version in force cannot give it: its label."""

    version_label = forms.CharField(
        label=_("Version label of the revision"),
        max_length=Strategy._meta.get_field("version_label").max_length,
        help_text=_("For example “Revisjon 2027”. It tells the revision apart from the version in force."),
    )
