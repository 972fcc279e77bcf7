"""Forms of the roadmap workspace: filtering the item list, creating an item, bulk actions."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from veikart.accounts import permissions
from veikart.accounts.models import Organisation
from veikart.core.widgets import FastSelect, FastSelectMultiple
from veikart.roadmap.authoring import BULK_ACTION_LABELS, BulkAction
from veikart.roadmap.forms import DateInput
from veikart.roadmap.models import Grouping, Phase, RoadmapItem, UserGroup
from veikart.strategy.models import Strategy, SubGoal
from veikart.workspace.forms import WorkspaceFormMixin


def _sub_goals_for(user) -> QuerySet[SubGoal]:
    """Sub-goals of the strategy versions ``user`` may see, newest version first."""
    sub_goals = (
        SubGoal.objects.filter(strategy__in=Strategy.objects.visible_to(user))
        .select_related("strategy")
        .order_by("-strategy__period_start", "strategy_id", "code")
    )
    return sub_goals


def organisation_choices() -> list[tuple[str, str]]:
    """Every organisation as a (id, name) choice after an empty one, read as plain rows (400 in a country)."""
    return [
        ("", "–"),
        *((str(pk), name) for pk, name in Organisation.objects.order_by("name").values_list("pk", "name")),
    ]


class SubGoalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: SubGoal) -> str:
        return f"{obj.code} {obj.title} ({obj.strategy})"


class ItemFilterForm(WorkspaceFormMixin, forms.Form):
    """The workspace item list's filters (GET); every field optional, unknown values ignored."""

    class Publication:
        PUBLISHED = "published"
        UNPUBLISHED = "unpublished"
        SUBMITTED = "submitted"

    class Missing:
        OWNER = "owner"
        USER_GROUP = "user_group"
        DESCRIPTION = "description"

    q = forms.CharField(label=_("Name or delivery id"), required=False, max_length=200)
    sub_goal = SubGoalChoiceField(label=_("Sub-goal"), queryset=SubGoal.objects.none(), required=False)
    phase = forms.ModelChoiceField(label=_("Phase"), queryset=Phase.objects.all(), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "–"), *RoadmapItem.Status.choices], required=False)
    publication = forms.ChoiceField(
        label=_("Publication"),
        required=False,
        choices=[
            ("", "–"),
            (Publication.PUBLISHED, _("Published")),
            (Publication.UNPUBLISHED, _("Unpublished")),
            (Publication.SUBMITTED, _("Submitted for publication")),
        ],
    )
    missing = forms.ChoiceField(
        label=_("Missing"),
        required=False,
        choices=[
            ("", "–"),
            (Missing.OWNER, _("No owner")),
            (Missing.USER_GROUP, _("No user group")),
            (Missing.DESCRIPTION, _("No description")),
        ],
    )
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, user, organisations: list[tuple[str, str]] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sub_goal"].queryset = _sub_goals_for(user)
        if permissions.is_strategy_office(user):
            self.fields["owner"].choices = organisations if organisations is not None else organisation_choices()
            self.fields["owner"].widget = FastSelect(attrs={"class": "ds-input"}, choices=self.fields["owner"].choices)
        else:
            del self.fields["owner"]


class ItemCreateForm(WorkspaceFormMixin, forms.ModelForm):
    """A new item. Owner editors' items are owned by their organisation; the strategy office chooses owners."""

    sub_goal = SubGoalChoiceField(label=_("Sub-goal"), queryset=SubGoal.objects.none())

    class Meta:
        model = RoadmapItem
        fields = [
            "title",
            "description",
            "sub_goal",
            "grouping",
            "phase",
            "status",
            "start_date",
            "end_date",
            "user_groups",
            "owners",
            "delivery_id",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 6}),
            "user_groups": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        sub_goals = _sub_goals_for(user)
        self.fields["sub_goal"].queryset = sub_goals
        self.fields["grouping"].queryset = Grouping.objects.filter(sub_goal__in=sub_goals.values("pk")).select_related(
            "sub_goal"
        )
        self.fields["grouping"].label_from_instance = lambda grouping: f"{grouping.sub_goal.code}: {grouping.name}"
        self.fields["grouping"].help_text = _("A grouping of the chosen sub-goal (its code comes first).")
        self.fields["user_groups"].queryset = UserGroup.objects.all()
        if permissions.is_strategy_office(user):
            self.fields["owners"].queryset = Organisation.objects.order_by("name")
            self.fields["owners"].widget = FastSelectMultiple(
                attrs={"size": 8, "class": "ds-input"}, choices=organisation_choices()[1:]
            )
            self.fields["owners"].help_text = _("Hold Ctrl (Cmd on a Mac) to choose more than one.")
        else:
            del self.fields["owners"]
            del self.fields["delivery_id"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        grouping, sub_goal = cleaned.get("grouping"), cleaned.get("sub_goal")
        if grouping and sub_goal and grouping.sub_goal_id != sub_goal.pk:
            self.add_error("grouping", _("The grouping belongs to another sub-goal."))
        return cleaned

    def _post_clean(self) -> None:
        # The model's own checks run in the service, with the owners already decided.
        pass


class BulkActionForm(WorkspaceFormMixin, forms.Form):
    """What to do with the chosen items: the ones ticked on this page, or every item the filter matches."""

    class Scope:
        SELECTED = "selected"
        ALL = "all"

    action = forms.ChoiceField(label=_("Action"), choices=[("", "–"), *BULK_ACTION_LABELS.items()])
    scope = forms.ChoiceField(
        label=_("Apply to"),
        choices=[(Scope.SELECTED, _("The items ticked in the list")), (Scope.ALL, _("Every item the filter matches"))],
        initial=Scope.SELECTED,
        widget=forms.RadioSelect,
    )
    item = forms.TypedMultipleChoiceField(coerce=int, required=False, label=_("Items"))
    owner = forms.TypedChoiceField(label=_("Owner to add"), coerce=int, required=False, empty_value=None)
    user_group = forms.ModelChoiceField(label=_("User group to add"), queryset=UserGroup.objects.all(), required=False)

    def __init__(self, *args, organisations: list[tuple[str, str]] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Any id is accepted here; the service acts only on items the filter (and the user) allows.
        self.fields["item"].valid_value = lambda value: True
        self.fields["owner"].choices = organisations if organisations is not None else organisation_choices()
        self.fields["owner"].widget = FastSelect(attrs={"class": "ds-input"}, choices=self.fields["owner"].choices)

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == BulkAction.ADD_OWNER:
            owner = Organisation.objects.filter(pk=cleaned.get("owner") or 0).first()
            if owner is None:
                self.add_error("owner", _("Choose the owner to add."))
            cleaned["owner"] = owner
        if action == BulkAction.ADD_USER_GROUP and not cleaned.get("user_group"):
            self.add_error("user_group", _("Choose the user group to add."))
        if cleaned.get("scope") == self.Scope.SELECTED and not cleaned.get("item") and action:
            self.add_error(None, _("Tick at least one item, or choose every item the filter matches."))
        return cleaned
