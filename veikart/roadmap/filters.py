"""The filters of the roadmap lists, all in the URL so a filtered view can be shared and bookmarked."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from veikart.accounts.models import Organisation
from veikart.core.content import LanguageLabel, content_columns, content_label, content_row, page_language
from veikart.core.filters_in_effect import FiltersInEffect, filters_in_effect
from veikart.core.widgets import FastSelect
from veikart.roadmap.models import Grouping, Phase, RoadmapItem, UserGroup
from veikart.strategy.models import Strategy, SubGoal


class IdFilter(django_filters.Filter):
    """A whole number in the URL matched against a column of ids."""

    field_class = forms.IntegerField


class RoadmapItemFilter(django_filters.FilterSet):
    """Filters on goal, sub-goal, grouping, phase, year, owner, user group and status.

    Each select's choices are read once, as plain values with their ids: a value in the URL is
    checked against them (an unknown one is a form error) and filters by that id, so no filter
    looks its object up again. Owner and user group filter with ``IN (subquery)`` rather than a
    join, so no row is repeated and no ``DISTINCT`` is needed however many owners an item has, and
    the database can start from the (small) set of the owner's items. Goals with no sub-goals have
    no items and are not offered; nor are organisations that own none of the items in ``queryset``
    (the items the viewer may see), so a draft's owner is not revealed by the owner filter.
    """

    goal = django_filters.ChoiceFilter(label=_("Goal"), method="filter_goal")
    sub_goal = django_filters.ChoiceFilter(label=_("Sub-goal"), method="filter_sub_goal")
    # Hundreds of groupings: not a select, carried as a hidden value from the goal overview's links.
    grouping = IdFilter(label=_("Grouping"), field_name="grouping_id")
    phase = django_filters.ChoiceFilter(label=_("Phase"), method="filter_phase")
    year = django_filters.TypedChoiceFilter(label=_("Year"), coerce=int, method="filter_year")
    owner = django_filters.ChoiceFilter(label=_("Owner"), method="filter_owner")
    user_group = django_filters.ChoiceFilter(label=_("User group"), method="filter_user_group")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RoadmapItem.Status.choices)

    class Meta:
        model = RoadmapItem
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, *, strategy: Strategy | None, **kwargs) -> None:
        super().__init__(data, queryset, **kwargs)
        self.strategy = strategy
        # Sub-goals by code, and for each goal number the ids of its sub-goals.
        self._sub_goals: dict[str, int] = {}
        self._goals: dict[str, list[int]] = {}
        goal_labels: dict[str, str] = {}
        sub_goal_labels: list[tuple[str, str]] = []
        self._goal_of_sub_goal: dict[str, str] = {}
        # Per sub-goal id, what a list's heading shows of it and its goal: a mapping that the
        # ``{% content %}`` tag reads, so the list needs no query of its own for its headings.
        self.sub_goal_headings: dict[int, dict[str, Any]] = {}
        # Labels in the page's language (``content_label``), a bokmål one marked with its ``lang``.
        # Read as values: loading the sub-goals and goals as models costs twice as much, their
        # descriptions and translations included.
        texts, language = ("short_title", "title"), page_language()
        columns = (
            *content_columns(*texts, language=language),
            *content_columns(*texts, prefix="goal__", language=language),
        )
        rows = (
            SubGoal.objects.filter(strategy=strategy)
            .order_by("goal__number", "code")
            .values("pk", "code", "goal__number", *columns)
        )
        for row in rows:
            number, code = str(row["goal__number"]), row["code"]
            goal = {"number": row["goal__number"], **content_row(row, *texts, prefix="goal__", language=language)}
            sub_goal = {"pk": row["pk"], "code": code, "goal": goal, **content_row(row, *texts, language=language)}
            self.sub_goal_headings[row["pk"]] = sub_goal
            self._sub_goals[code] = row["pk"]
            self._goal_of_sub_goal[code] = number
            self._goals.setdefault(number, []).append(row["pk"])
            if number not in goal_labels:
                goal_labels[number] = content_label(goal, *texts, prefix=f"{number}. ", language=language)
            # As ``SubGoal.content_label``.
            label = content_label(sub_goal, *texts, prefix=f"{code} ", language=language)
            sub_goal_labels.append((code, _shortened(label, 90)))
        sub_goal_labels.sort()
        # The phases as models: the list's rows show each in its colour (``rows.item_rows(phases=...)``).
        self.phases = {phase.pk: phase for phase in Phase.objects.all()}
        self._phases = {phase.slug: (phase.pk, phase.content_label()) for phase in self.phases.values()}
        # Only organisations that own an item of the list (what the viewer may see of this strategy).
        # Per organisation, its rows of the owners table (index led by the organisation) are read
        # until one names a visible item, looked up by id: a few index probes each. Both databases
        # plan this shape well; ``roadmapitem_id IN (visible ids)`` makes SQLite probe the index once
        # per visible item for each organisation, and a plain join makes PostgreSQL hash every item.
        visible_item = self.queryset.filter(pk=OuterRef("roadmapitem_id"))
        owned_visible = RoadmapItem.owners.through.objects.filter(organisation_id=OuterRef("pk")).filter(
            Exists(visible_item)
        )
        owners = Organisation.objects.filter(Exists(owned_visible)).order_by("name")
        self._owners = {slug: (pk, name) for pk, slug, name in owners.values_list("pk", "slug", "name")}
        self._user_groups = {
            row["slug"]: (
                row["pk"],
                content_label(content_row(row, "name", language=language), "name", language=language),
            )
            for row in UserGroup.objects.values("pk", "slug", *content_columns("name", language=language))
        }
        years = range(strategy.period_start, strategy.period_end + 1) if strategy else []
        choices = {
            "goal": list(goal_labels.items()),
            "sub_goal": sub_goal_labels,
            "phase": [(slug, name) for slug, (_pk, name) in self._phases.items()],
            "year": [(year, str(year)) for year in years],
            "owner": [(slug, name) for slug, (_pk, name) in self._owners.items()],
            "user_group": [(slug, name) for slug, (_pk, name) in self._user_groups.items()],
            "status": list(RoadmapItem.Status.choices),
        }
        # Choosing a goal narrows the sub-goals offered to its own (a chosen sub-goal of another goal
        # stays offered, so the select shows what filters the list); every code stays valid.
        chosen_goal = self.data.get("goal") if self.data else None
        if chosen_goal in goal_labels:
            chosen_sub_goal = self.data.get("sub_goal")
            choices["sub_goal"] = [
                (code, label)
                for code, label in choices["sub_goal"]
                if self._goal_of_sub_goal[code] == chosen_goal or code == chosen_sub_goal
            ]
        for name, field in self.form.fields.items():
            if name == "grouping":
                continue
            options = [("", _("All")), *(choices[name] if name != "sub_goal" else sub_goal_labels)]
            # Validation only needs the values; the widget renders the labels itself (FastSelect).
            field.choices = [(value, "") for value, _label in options]
            field.widget = FastSelect(attrs={"class": "ds-input"}, choices=[("", _("All")), *choices[name]])

    def in_effect(self) -> FiltersInEffect:
        """The filters in effect, each with the query that removes it (a grouping by its name)."""
        labels = {}
        if self.form.is_valid() and self.form.cleaned_data.get("grouping"):
            grouping = Grouping.objects.filter(pk=self.form.cleaned_data["grouping"]).first()
            labels["grouping"] = grouping.name if grouping else ""
        return filters_in_effect(self.form, self.data, value_labels=labels)

    def goal_mismatch(self) -> tuple[str, str] | None:
        """``(sub-goal code, goal number)`` when the chosen sub-goal is not under the chosen goal
        (the reason the list is empty), else None.
        """
        if not self.form.is_valid():
            return None
        goal, sub_goal = self.form.cleaned_data.get("goal"), self.form.cleaned_data.get("sub_goal")
        if goal and sub_goal and self._goal_of_sub_goal[sub_goal] != goal:
            return sub_goal, goal
        return None

    def filter_goal(self, queryset, name, value):
        return queryset.filter(sub_goal_id__in=self._goals[value])

    def filter_sub_goal(self, queryset, name, value):
        return queryset.filter(sub_goal_id=self._sub_goals[value])

    def filter_phase(self, queryset, name, value):
        return queryset.filter(phase_id=self._phases[value][0])

    def filter_year(self, queryset, name, value):
        return queryset.running_in(value) if value else queryset

    def filter_owner(self, queryset, name, value):
        through = RoadmapItem.owners.through
        owned = through.objects.filter(organisation_id=self._owners[value][0])
        return queryset.filter(pk__in=owned.values("roadmapitem_id"))

    def filter_user_group(self, queryset, name, value):
        through = RoadmapItem.user_groups.through
        for_group = through.objects.filter(usergroup_id=self._user_groups[value][0])
        return queryset.filter(pk__in=for_group.values("roadmapitem_id"))


def _shortened(label: LanguageLabel, length: int) -> LanguageLabel:
    """``label`` cut to ``length`` characters, keeping its ``lang``."""
    shortened = LanguageLabel(label[:length])
    shortened.lang = label.lang
    return shortened
