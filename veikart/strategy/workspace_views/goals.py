"""Goals and sub-goals, each saved with its ordered lines (outcomes, benefit objectives) in one go."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from veikart.strategy import services
from veikart.strategy.forms import GoalForm, SubGoalForm, line_formset
from veikart.strategy.models import Goal, Strategy, SubGoal
from veikart.strategy.workspace_views import (
    GET_POST,
    add_errors,
    form_page,
    framework_editor_required,
    query_pk,
    structure_url,
)


@framework_editor_required
@GET_POST
def goal_form(request: HttpRequest, pk: int, item_pk: int | None = None) -> HttpResponse:
    """Create (no ``item_pk``) or edit a goal with its outcomes, dependencies, SDG links and lineage."""
    strategy = get_object_or_404(Strategy, pk=pk)
    goal = get_object_or_404(Goal, strategy=strategy, pk=item_pk) if item_pk else None
    title = _("Edit goal %(number)s") % {"number": goal.number} if goal else _("New goal")
    data = request.POST or None
    form = GoalForm(data, instance=goal, strategy=strategy)
    outcomes = line_formset(
        data,
        prefix="outcomes",
        legend=_("By 2030 we have achieved (one line each)"),
        lines=goal.outcomes.all() if goal else [],
    )
    if form.is_valid() and outcomes.is_valid():
        try:
            services.goal_save(
                goal=form.instance,
                outcomes=outcomes.texts(),
                depends_on=form.cleaned_data["depends_on"],
                sustainable_development_goals=form.cleaned_data["sustainable_development_goals"],
                user=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The goal is saved."))
            return redirect(structure_url(strategy))
    return form_page(request, title=title, form=form, strategy=strategy, formsets=[outcomes])


@framework_editor_required
@GET_POST
def sub_goal_form(request: HttpRequest, pk: int, item_pk: int | None = None) -> HttpResponse:
    """Create (no ``item_pk``; ``?goal=`` preselects the goal) or edit a sub-goal with its benefit objectives."""
    strategy = get_object_or_404(Strategy, pk=pk)
    sub_goal = get_object_or_404(SubGoal, strategy=strategy, pk=item_pk) if item_pk else None
    title = _("Edit sub-goal %(code)s") % {"code": sub_goal.code} if sub_goal else _("New sub-goal")
    data = request.POST or None
    initial = {}
    if sub_goal is None and (goal := strategy.goals.filter(pk=query_pk(request, "goal")).first()):
        initial["goal"] = goal
    form = SubGoalForm(data, instance=sub_goal, strategy=strategy, initial=initial)
    objectives = line_formset(
        data,
        prefix="objectives",
        legend=_("Benefit objectives (one line each)"),
        lines=sub_goal.benefit_objectives.all() if sub_goal else [],
    )
    if form.is_valid() and objectives.is_valid():
        try:
            services.sub_goal_save(sub_goal=form.instance, benefit_objectives=objectives.texts(), user=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The sub-goal is saved."))
            return redirect(structure_url(strategy))
    return form_page(request, title=title, form=form, strategy=strategy, formsets=[objectives])
