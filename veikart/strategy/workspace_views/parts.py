"""Overarching goals, scenarios and target groups (one generic form each), and deleting any part of a version."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from veikart.strategy import services
from veikart.strategy.forms import OverarchingGoalForm, ScenarioForm, TargetGroupForm
from veikart.strategy.models import Goal, OverarchingGoal, Scenario, Strategy, SubGoal, TargetGroup
from veikart.strategy.workspace_views import (
    GET_POST,
    add_errors,
    crumbs,
    form_page,
    framework_editor_required,
    query_pk,
    structure_url,
)


@dataclass(frozen=True)
class Part:
    """A kind of object within a version that the generic create, edit and delete pages handle."""

    model: type[Model]
    form_class: Any
    within: Callable[[Strategy], QuerySet]
    new_title: Promise
    edit_title: Promise
    delete_title: Promise
    clash_field: str = "number"
    goes_with_it: Promise | None = None


PARTS: dict[str, Part] = {
    "overarching-goal": Part(
        OverarchingGoal,
        OverarchingGoalForm,
        lambda strategy: strategy.overarching_goals.all(),
        gettext_lazy("New overarching goal"),
        gettext_lazy("Edit overarching goal"),
        gettext_lazy("Delete overarching goal"),
    ),
    "scenario": Part(
        Scenario,
        ScenarioForm,
        lambda strategy: Scenario.objects.filter(goal__strategy=strategy),
        gettext_lazy("New scenario"),
        gettext_lazy("Edit scenario"),
        gettext_lazy("Delete scenario"),
        clash_field="code",
    ),
    "target-group": Part(
        TargetGroup,
        TargetGroupForm,
        lambda strategy: strategy.target_groups.all(),
        gettext_lazy("New target group or stakeholder"),
        gettext_lazy("Edit target group or stakeholder"),
        gettext_lazy("Delete target group or stakeholder"),
        clash_field="name",
    ),
    "goal": Part(
        Goal,
        None,
        lambda strategy: strategy.goals.all(),
        gettext_lazy("New goal"),
        gettext_lazy("Edit goal"),
        gettext_lazy("Delete goal"),
        goes_with_it=gettext_lazy("Its outcomes and scenarios are deleted with it."),
    ),
    "sub-goal": Part(
        SubGoal,
        None,
        lambda strategy: strategy.sub_goals.all(),
        gettext_lazy("New sub-goal"),
        gettext_lazy("Edit sub-goal"),
        gettext_lazy("Delete sub-goal"),
        goes_with_it=gettext_lazy("Its benefit objectives are deleted with it."),
    ),
}


@framework_editor_required
@GET_POST
def part_form(request: HttpRequest, pk: int, kind: str, item_pk: int | None = None) -> HttpResponse:
    """Create (no ``item_pk``) or edit an overarching goal, a scenario or a target group of the version."""
    part = PARTS[kind]
    strategy = get_object_or_404(Strategy, pk=pk)
    obj = get_object_or_404(part.within(strategy), pk=item_pk) if item_pk else None
    initial = {}
    if kind == "scenario" and (goal := strategy.goals.filter(pk=query_pk(request, "goal")).first()):
        initial["goal"] = goal
    form = part.form_class(request.POST or None, instance=obj, strategy=strategy, initial=initial)
    if form.is_valid():
        try:
            services.framework_object_save(obj=form.instance, user=request.user, clash_field=part.clash_field)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(structure_url(strategy))
    return form_page(request, title=str(part.edit_title if obj else part.new_title), form=form, strategy=strategy)


@framework_editor_required
@GET_POST
def part_delete(request: HttpRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    """Delete a part of the version after confirmation, or explain what still depends on it (nothing deleted)."""
    part = PARTS[kind]
    strategy = get_object_or_404(Strategy, pk=pk)
    obj = get_object_or_404(part.within(strategy), pk=item_pk)
    context = {"title": str(part.delete_title), "breadcrumbs": crumbs(strategy), "object": obj}
    blockers = services.blockers_of(obj)
    if request.method == "POST" and not blockers:
        try:
            services.framework_object_delete(obj=obj, user=request.user)
        except services.StillInUse as refusal:
            blockers = refusal.blockers
        else:
            messages.success(request, _("“%(object)s” is deleted.") % {"object": obj})
            return redirect(structure_url(strategy))
    if blockers:
        context.update(blockers=blockers, back_url=structure_url(strategy))
        status = 409 if request.method == "POST" else 200
        return render(request, "strategy/workspace/cannot_delete.html", context, status=status)
    context.update(
        question=_("Delete “%(object)s”? This cannot be undone.") % {"object": obj},
        consequences=[part.goes_with_it] if part.goes_with_it else [],
        submit_label=_("Delete"),
        cancel_url=structure_url(strategy),
        danger=True,
    )
    return render(request, "workspace/confirm.html", context)
