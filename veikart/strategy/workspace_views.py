"""The strategy office edits the framework in the workspace: versions, their goals, sub-goals and other parts.

Every view is for ``permissions.can_edit_framework`` only (403 for others who
are logged in). Objects are looked up within their strategy version, so a
hand-typed URL that mixes versions answers 404.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Model, QuerySet
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from veikart.accounts import permissions
from veikart.strategy import services
from veikart.strategy.forms import (
    GoalForm,
    OverarchingGoalForm,
    ScenarioForm,
    StrategyFilterForm,
    StrategyForm,
    SubGoalForm,
    TargetGroupForm,
    line_formset,
)
from veikart.strategy.models import Goal, OverarchingGoal, Scenario, Strategy, SubGoal, TargetGroup
from veikart.workspace.listing import Column, listing

GET_POST = require_http_methods(["GET", "POST"])


def _query_pk(request: HttpRequest, name: str) -> int | None:
    """The primary key given as ``?name=``, or None when it is missing or not a number."""
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() else None


def framework_editor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Log in first (anonymous visitors are redirected), then the strategy office only (403 for everyone else)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not permissions.can_edit_framework(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _add_errors(form: BaseForm, error: ValidationError) -> None:
    """Put a service's ``ValidationError`` on the form: on its fields where the form has them, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _list_crumb() -> tuple[str, str]:
    return (_("Strategy versions"), reverse("ws-strategy:strategy-list"))


def _crumbs(strategy: Strategy) -> list[tuple[str, str]]:
    return [_list_crumb(), (str(strategy), reverse("ws-strategy:strategy-detail", args=[strategy.pk]))]


def _structure_url(strategy: Strategy) -> str:
    return reverse("ws-strategy:strategy-detail", args=[strategy.pk])


def _form_page(request: HttpRequest, *, title: str, form: BaseForm, strategy: Strategy | None, **extra: Any):
    context = {
        "title": title,
        "form": form,
        "breadcrumbs": _crumbs(strategy) if strategy else [_list_crumb()],
        "cancel_url": _structure_url(strategy) if strategy else reverse("ws-strategy:strategy-list"),
        **extra,
    }
    return render(request, "workspace/form.html", context)


# Versions


@framework_editor_required
@require_GET
def strategy_list(request: HttpRequest) -> HttpResponse:
    """Every strategy version, published or not, sortable and filtered by status, publication and gaps."""
    filters = StrategyFilterForm(request.GET)
    queryset = filters.filter(Strategy.objects.annotate(goal_count=Count("goals", distinct=True)))
    columns = [
        Column("title", gettext_lazy("Title"), ("title",)),
        Column("version", gettext_lazy("Version"), ("version_label",)),
        Column("status", gettext_lazy("Status"), ("status",)),
        Column("period", gettext_lazy("Period"), ("period_start", "period_end")),
        Column("published", gettext_lazy("Published"), ("is_published",)),
        Column("goals", gettext_lazy("Goals"), ("goal_count",)),
    ]
    context = {"listing": listing(request, queryset, columns=columns, default="-period"), "filters": filters}
    return render(request, "strategy/workspace/strategy_list.html", context)


@framework_editor_required
@GET_POST
def strategy_create(request: HttpRequest) -> HttpResponse:
    """A new version, a draft unless chosen otherwise; it may name the version it revises. Nothing is copied."""
    initial = {"status": Strategy.Status.DRAFT}
    if previous := Strategy.objects.filter(pk=_query_pk(request, "previous")).first():
        initial.update(previous_version=previous, period_start=previous.period_start, period_end=previous.period_end)
    form = StrategyForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            strategy = services.framework_object_save(obj=form.instance, user=request.user, clash_field="slug")
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The version is created. It is not published."))
            return redirect(_structure_url(strategy))
    return _form_page(request, title=_("New strategy version"), form=form, strategy=None)


@framework_editor_required
@GET_POST
def strategy_edit(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_object_or_404(Strategy, pk=pk)
    # The heading and breadcrumbs name the version as stored, not as half-typed.
    title = _("Edit %(strategy)s") % {"strategy": strategy}
    stored = Strategy.objects.get(pk=pk)
    form = StrategyForm(request.POST or None, instance=strategy)
    if form.is_valid():
        try:
            services.framework_object_save(obj=form.instance, user=request.user, clash_field="slug")
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(_structure_url(strategy))
    return _form_page(request, title=title, form=form, strategy=stored)


@framework_editor_required
@require_GET
def strategy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The version's structure (goals → sub-goals, overarching goals, scenarios, target groups) with edit links."""
    strategy = get_object_or_404(Strategy.objects.select_related("previous_version"), pk=pk)
    goals = strategy.goals.prefetch_related("sub_goals", "scenarios", "outcomes")
    context = {
        "strategy": strategy,
        "goals": goals,
        "overarching_goals": strategy.overarching_goals.all(),
        "target_groups": strategy.target_groups.all(),
        "title": str(strategy),
        "breadcrumbs": [_list_crumb()],
    }
    return render(request, "strategy/workspace/strategy_detail.html", context)


def _publication(request: HttpRequest, pk: int, *, publish: bool) -> HttpResponse:
    strategy = get_object_or_404(Strategy, pk=pk)
    if request.method == "POST":
        services.strategy_set_published(strategy=strategy, published=publish, user=request.user)
        messages.success(request, _("The version is published.") if publish else _("The version is unpublished."))
        return redirect(_structure_url(strategy))
    if publish:
        title = _("Publish %(strategy)s") % {"strategy": strategy}
        question = _("Publish this version so that everyone can read it?")
        consequences = [
            _("Its page, its goals and its sub-goals become public and are listed in the sitemap."),
            _("Roadmap items and indicators keep their own publication."),
        ]
    else:
        title = _("Unpublish %(strategy)s") % {"strategy": strategy}
        question = _("Take this version off the public site?")
        consequences = [
            _("Its page, its goals and its sub-goals answer “not found” to the public."),
            _("Its roadmap items disappear from the public roadmap until it is published again."),
            _("The strategy office, staff and governance body members can still read it."),
        ]
    context = {
        "title": title,
        "question": question,
        "consequences": consequences,
        "submit_label": _("Publish") if publish else _("Unpublish"),
        "cancel_url": _structure_url(strategy),
        "danger": not publish,
        "breadcrumbs": _crumbs(strategy),
    }
    return render(request, "workspace/confirm.html", context)


@framework_editor_required
@GET_POST
def strategy_publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _publication(request, pk, publish=True)


@framework_editor_required
@GET_POST
def strategy_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    return _publication(request, pk, publish=False)


# Goals and sub-goals, with their ordered lines


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
            _add_errors(form, error)
        else:
            messages.success(request, _("The goal is saved."))
            return redirect(_structure_url(strategy))
    return _form_page(request, title=title, form=form, strategy=strategy, formsets=[outcomes])


@framework_editor_required
@GET_POST
def sub_goal_form(request: HttpRequest, pk: int, item_pk: int | None = None) -> HttpResponse:
    """Create (no ``item_pk``; ``?goal=`` preselects the goal) or edit a sub-goal with its benefit objectives."""
    strategy = get_object_or_404(Strategy, pk=pk)
    sub_goal = get_object_or_404(SubGoal, strategy=strategy, pk=item_pk) if item_pk else None
    title = _("Edit sub-goal %(code)s") % {"code": sub_goal.code} if sub_goal else _("New sub-goal")
    data = request.POST or None
    initial = {}
    if sub_goal is None and (goal := strategy.goals.filter(pk=_query_pk(request, "goal")).first()):
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
            _add_errors(form, error)
        else:
            messages.success(request, _("The sub-goal is saved."))
            return redirect(_structure_url(strategy))
    return _form_page(request, title=title, form=form, strategy=strategy, formsets=[objectives])


# Overarching goals, scenarios and target groups: one form each, no lines


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
    if kind == "scenario" and (goal := strategy.goals.filter(pk=_query_pk(request, "goal")).first()):
        initial["goal"] = goal
    form = part.form_class(request.POST or None, instance=obj, strategy=strategy, initial=initial)
    if form.is_valid():
        try:
            services.framework_object_save(obj=form.instance, user=request.user, clash_field=part.clash_field)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(_structure_url(strategy))
    return _form_page(request, title=str(part.edit_title if obj else part.new_title), form=form, strategy=strategy)


@framework_editor_required
@GET_POST
def part_delete(request: HttpRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    """Delete a part of the version after confirmation, or explain what still depends on it (nothing deleted)."""
    part = PARTS[kind]
    strategy = get_object_or_404(Strategy, pk=pk)
    obj = get_object_or_404(part.within(strategy), pk=item_pk)
    context = {"title": str(part.delete_title), "breadcrumbs": _crumbs(strategy), "object": obj}
    blockers = services.blockers_of(obj)
    if request.method == "POST" and not blockers:
        try:
            services.framework_object_delete(obj=obj, user=request.user)
        except services.StillInUse as refusal:
            blockers = refusal.blockers
        else:
            messages.success(request, _("“%(object)s” is deleted.") % {"object": obj})
            return redirect(_structure_url(strategy))
    if blockers:
        context.update(blockers=blockers, back_url=_structure_url(strategy))
        status = 409 if request.method == "POST" else 200
        return render(request, "strategy/workspace/cannot_delete.html", context, status=status)
    context.update(
        question=_("Delete “%(object)s”? This cannot be undone.") % {"object": obj},
        consequences=[part.goes_with_it] if part.goes_with_it else [],
        submit_label=_("Delete"),
        cancel_url=_structure_url(strategy),
        danger=True,
    )
    return render(request, "workspace/confirm.html", context)
