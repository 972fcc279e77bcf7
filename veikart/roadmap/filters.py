"""The filters of the roadmap lists, all in the URL so a filtered view can be shared and bookmarked."""

from __future__ import annotations

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from veikart.accounts.models import Organisation
from veikart.roadmap.models import Grouping, Phase, RoadmapItem, UserGroup
from veikart.roadmap.widgets import FastSelect
from veikart.strategy.models import Goal, Strategy, SubGoal


class RoadmapItemFilter(django_filters.FilterSet):
    """Filters on phase, year, owner, user group, goal, sub-goal, grouping and status.

    Owner and user group filter with ``IN (subquery)`` rather than a join, so
    no row is repeated and no ``DISTINCT`` is needed however many owners an
    item has, and the database can start from the (small) set of the owner's items.
    """

    goal = django_filters.ModelChoiceFilter(
        label=_("Goal"), queryset=Goal.objects.none(), to_field_name="number", method="filter_goal"
    )
    sub_goal = django_filters.ModelChoiceFilter(
        label=_("Sub-goal"), queryset=SubGoal.objects.none(), to_field_name="code", field_name="sub_goal"
    )
    grouping = django_filters.ModelChoiceFilter(label=_("Grouping"), queryset=Grouping.objects.none())
    phase = django_filters.ModelChoiceFilter(label=_("Phase"), queryset=Phase.objects.all(), to_field_name="slug")
    year = django_filters.TypedChoiceFilter(label=_("Year"), coerce=int, method="filter_year")
    owner = django_filters.ModelChoiceFilter(
        label=_("Owner"),
        queryset=Organisation.objects.filter(
            Exists(RoadmapItem.owners.through.objects.filter(organisation_id=OuterRef("pk")))
        ).order_by("name"),
        to_field_name="slug",
        method="filter_owner",
    )
    user_group = django_filters.ModelChoiceFilter(
        label=_("User group"), queryset=UserGroup.objects.all(), to_field_name="slug", method="filter_user_group"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RoadmapItem.Status.choices, empty_label=_("All"))

    class Meta:
        model = RoadmapItem
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, *, strategy: Strategy | None, **kwargs) -> None:
        super().__init__(data, queryset, **kwargs)
        self.strategy = strategy
        goals = Goal.objects.filter(strategy=strategy).order_by("number")
        sub_goals = SubGoal.objects.filter(strategy=strategy).order_by("code")
        self.filters["goal"].queryset = goals
        self.filters["sub_goal"].queryset = sub_goals
        self.filters["grouping"].queryset = Grouping.objects.filter(sub_goal__strategy=strategy)
        form = self.form
        form.fields["goal"].label_from_instance = lambda goal: f"{goal.number}. {goal.short_title or goal.title}"
        form.fields["sub_goal"].label_from_instance = lambda sub: f"{sub.code} {sub.short_title or sub.title}"[:90]
        years = range(strategy.period_start, strategy.period_end + 1) if strategy else []
        form.fields["year"].choices = [("", _("All")), *((year, str(year)) for year in years)]
        for name, field in form.fields.items():
            if name == "grouping":
                continue  # hundreds of groupings: kept out of the form, carried as a hidden value
            if name == "owner":
                # Hundreds of owners: plain (slug, name) rows, no model instances.
                choices = [("", _("All")), *field.queryset.values_list("slug", "name")]
            elif hasattr(field, "queryset"):
                # Plain evaluation: the field's own iterator would open a server-side cursor per select.
                key = field.to_field_name or "pk"
                choices = [("", _("All"))] + [
                    (str(getattr(obj, key)), field.label_from_instance(obj)) for obj in field.queryset
                ]
            else:
                choices = [("", _("All"))] + [(value, label) for value, label in field.choices if value != ""]
            field.widget = FastSelect(attrs={"class": "ds-input"}, choices=choices)

    def filter_year(self, queryset, name, value):
        return queryset.running_in(value) if value else queryset

    def filter_goal(self, queryset, name, value):
        return queryset.filter(sub_goal__in=SubGoal.objects.filter(goal=value).values("pk"))

    def filter_owner(self, queryset, name, value):
        through = RoadmapItem.owners.through
        return queryset.filter(pk__in=through.objects.filter(organisation=value).values("roadmapitem_id"))

    def filter_user_group(self, queryset, name, value):
        through = RoadmapItem.user_groups.through
        return queryset.filter(pk__in=through.objects.filter(usergroup=value).values("roadmapitem_id"))
