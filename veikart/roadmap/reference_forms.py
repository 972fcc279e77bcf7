"""Workspace forms for the roadmap's reference data: phases, groupings and user groups.

Unique names and slugs (and a grouping's name per sub-goal) are checked here as
field errors, so the database's constraints never have to refuse a save.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from veikart.core.content import in_languages
from veikart.core.text import norwegian_slugify
from veikart.roadmap.models import Grouping, Phase, UserGroup
from veikart.strategy.models import SubGoal
from veikart.workspace.forms import WorkspaceFormMixin


class _SlugFromName:
    """A slug field that may be left empty: it is then made from the name."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Used in addresses. Made from the name when left empty.")

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or norwegian_slugify(self.cleaned_data.get("name") or "")
        if not slug and "name" not in self.errors:
            raise forms.ValidationError(_("Write a slug: the name gives none."), code="required")
        return slug[:100]


class PhaseForm(WorkspaceFormMixin, _SlugFromName, forms.ModelForm):
    class Meta:
        model = Phase
        fields = [*in_languages("name"), "slug", "order", "colour", "description", "is_rollout"]
        widgets = {"colour": forms.TextInput(attrs={"placeholder": "#1e5aa0", "spellcheck": "false"})}

    def clean_colour(self) -> str:
        return (self.cleaned_data.get("colour") or "").strip().lower()


class UserGroupForm(WorkspaceFormMixin, _SlugFromName, forms.ModelForm):
    class Meta:
        model = UserGroup
        fields = [*in_languages("name"), "slug", "order", "description"]


class SubGoalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, sub_goal: SubGoal) -> str:
        return f"{sub_goal.code} {sub_goal.title} ({sub_goal.strategy.title})"


def _sub_goals():
    return SubGoal.objects.select_related("strategy").order_by("-strategy__period_start", "strategy__title", "code")


class GroupingForm(WorkspaceFormMixin, forms.ModelForm):
    sub_goal = SubGoalChoiceField(_sub_goals(), label=_("Sub-goal"))

    class Meta:
        model = Grouping
        fields = ["sub_goal", "name"]

    def clean(self) -> dict:
        cleaned = super().clean()
        sub_goal, name = cleaned.get("sub_goal"), cleaned.get("name")
        if sub_goal and name:
            taken = Grouping.objects.filter(sub_goal=sub_goal, name__iexact=name).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "name",
                    forms.ValidationError(
                        _("The sub-goal %(code)s already has a grouping with this name."),
                        code="unique",
                        params={"code": sub_goal.code},
                    ),
                )
        return cleaned


class GroupingFilterForm(WorkspaceFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    sub_goal = SubGoalChoiceField(_sub_goals(), label=_("Sub-goal"), required=False, empty_label=_("All"))
