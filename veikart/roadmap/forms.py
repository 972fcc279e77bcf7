"""Forms of the roadmap: editing an item (with optimistic locking) and uploading an official export."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from veikart.accounts import permissions
from veikart.accounts.models import Organisation
from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import FileUnreadable
from veikart.core.exchange.reading import check_size
from veikart.core.forms import formfield_assuming_https, with_unix_newlines
from veikart.roadmap.dependencies import (
    dependency_cycle_error,
    parse_references,
    reference_of,
    resolve_references,
)
from veikart.roadmap.models import Grouping, Link, Milestone, RoadmapItem, unpublished_strategy_error
from veikart.strategy.models import Strategy, SubGoal

EDITABLE_FIELDS = ["title", "description", "phase", "status", "start_date", "end_date", "grouping", "user_groups"]
FRAMING_FIELDS = ["sub_goal", "further_sub_goals", "delivery_id", "owners", "is_published"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class RoadmapItemForm(forms.ModelForm):
    """What an owner editor may change; the strategy office also gets sub-goal, delivery id, owners, publication.

    ``version`` is the version the editor loaded; the service refuses the save
    if the item has moved on since. ``depends_on`` is typed as text (see
    ``veikart.roadmap.dependencies``) and cleans to the items the item should
    depend on: those named, which must be items of the same strategy the
    editor may see, plus any it already depends on that the editor cannot
    choose (unpublished items, items of another strategy), which are kept.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    depends_on = forms.CharField(
        label=_("Depends on"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The items that must be delivered first: their delivery ids (Leveranse-ID), or their item numbers "
            "written #123, separated by commas or new lines. Leave empty for none."
        ),
    )

    class Meta:
        model = RoadmapItem
        fields = EDITABLE_FIELDS + FRAMING_FIELDS
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 8}),
            "user_groups": forms.CheckboxSelectMultiple,
            "further_sub_goals": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version
        # Every choice is of the item's strategy, and only if the user may see that strategy.
        sub_goals = SubGoal.objects.visible_to(user).filter(strategy=self.instance.sub_goal.strategy_id)
        if not permissions.can_edit_roadmap_framing(user):
            for name in FRAMING_FIELDS:
                del self.fields[name]
        else:
            self.fields["owners"].queryset = Organisation.objects.order_by("name")
            self.fields["sub_goal"].queryset = sub_goals
            self.fields["further_sub_goals"].queryset = sub_goals
        if sub_goals.exists():
            self.fields["grouping"].queryset = Grouping.objects.filter(sub_goal__in=sub_goals)
        else:
            # A strategy the user may not see: none of its groupings is offered, and the item keeps its own.
            del self.fields["grouping"]
        self.dependency_candidates = (
            RoadmapItem.objects.visible_to(user)
            .in_strategy(self.instance.sub_goal.strategy)
            .only("pk", "title", "delivery_id")
        )
        current = list(self.instance.depends_on.only("pk", "title", "delivery_id").order_by("title", "pk"))
        choosable = set(
            self.dependency_candidates.filter(pk__in=[item.pk for item in current]).values_list("pk", flat=True)
        )
        self.current_dependencies = [item for item in current if item.pk in choosable]
        self.kept_dependencies = [item for item in current if item.pk not in choosable]
        self.initial["depends_on"] = ", ".join(reference_of(item) for item in self.current_dependencies)
        for field in self.fields.values():
            if not isinstance(field.widget, forms.CheckboxSelectMultiple | forms.CheckboxInput | forms.HiddenInput):
                field.widget.attrs.setdefault("class", "ds-input")

    def clean_description(self) -> str:
        return with_unix_newlines(self.cleaned_data["description"])

    def clean_depends_on(self) -> list[RoadmapItem]:
        items, unknown = resolve_references(
            parse_references(self.cleaned_data["depends_on"]), self.dependency_candidates
        )
        if unknown:
            raise forms.ValidationError(
                ngettext(
                    "No item of this strategy that you can see has this delivery id or item number: %(references)s.",
                    "No item of this strategy that you can see has these delivery ids or item numbers: %(references)s.",
                    len(unknown),
                )
                % {"references": ", ".join(unknown)}
            )
        if error := dependency_cycle_error(self.instance.pk, items):
            raise forms.ValidationError(error)
        return items + self.kept_dependencies

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        grouping = cleaned.get("grouping")
        sub_goal = cleaned.get("sub_goal") or self.instance.sub_goal
        if grouping and sub_goal and grouping.sub_goal_id != sub_goal.pk:
            self.add_error("grouping", _("The grouping belongs to another sub-goal."))
        # The model checks the sub-goal (``RoadmapItem.clean``); the further sub-goals are saved after it.
        is_published = cleaned.get("is_published", self.instance.is_published)
        further = cleaned.get("further_sub_goals")
        if is_published and further:
            strategies = Strategy.objects.filter(pk__in={sub_goal.strategy_id for sub_goal in further})
            if error := unpublished_strategy_error(strategies):
                self.add_error("further_sub_goals", error)
        return cleaned


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["date", "title", "is_done"]
        widgets = {
            "date": DateInput(attrs={"class": "ds-input"}),
            "title": forms.TextInput(attrs={"class": "ds-input"}),
        }


class LinkForm(forms.ModelForm):
    class Meta:
        model = Link
        fields = ["title", "url"]
        formfield_callback = formfield_assuming_https
        widgets = {
            "title": forms.TextInput(attrs={"class": "ds-input"}),
            "url": forms.URLInput(attrs={"class": "ds-input"}),
        }


MilestoneFormSet = forms.inlineformset_factory(RoadmapItem, Milestone, form=MilestoneForm, extra=1, can_delete=True)
LinkFormSet = forms.inlineformset_factory(RoadmapItem, Link, form=LinkForm, extra=1, can_delete=True)


def item_formsets(item: RoadmapItem, data=None) -> list[forms.BaseInlineFormSet]:
    """The milestone and link formsets of the edit page (bound when ``data`` is given)."""
    return [
        MilestoneFormSet(data, instance=item, prefix="milestones"),
        LinkFormSet(data, instance=item, prefix="links"),
    ]


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Roadmap export (CSV or XLSX)"),
        help_text=_(
            "The official export: Tiltaksnavn, Delmål, Strategigruppering, Veikartfase, Startdato, Sluttdato, Leveranse-ID."
        ),
    )

    publish_new = forms.BooleanField(
        label=_("Publish new items at once"),
        required=False,
        help_text=_(
            "The export has no owners, user groups or descriptions. Left unticked, new items are created "
            "unpublished, so they can be completed in the workspace and published from there."
        ),
    )

    def clean_file(self):
        """The upload, if it is within ``EXCHANGE_MAX_UPLOAD_BYTES`` and named as a CSV or XLSX file."""
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.file, limits=Limits.for_uploads())
        except FileUnreadable as error:
            raise forms.ValidationError(error.message) from None
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload
