"""Strategy versions: the list, a version's structure, create, edit, publish and unpublish."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from veikart.core.content import sentence
from veikart.strategy import revision, services
from veikart.strategy.forms import StrategyFilterForm, StrategyForm
from veikart.strategy.models import Strategy
from veikart.strategy.workspace_views import (
    GET_POST,
    add_errors,
    crumbs,
    form_page,
    framework_editor_required,
    list_crumb,
    query_pk,
    structure_url,
    version_name,
)
from veikart.workspace.listing import Column, listing


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
    if previous := Strategy.objects.filter(pk=query_pk(request, "previous")).first():
        initial.update(previous_version=previous, period_start=previous.period_start, period_end=previous.period_end)
    form = StrategyForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            strategy = services.framework_object_save(obj=form.instance, user=request.user, clash_field="slug")
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The version is created. It is not published."))
            return redirect(structure_url(strategy))
    return form_page(request, title=_("New strategy version"), form=form, strategy=None)


@framework_editor_required
@GET_POST
def strategy_edit(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_object_or_404(Strategy, pk=pk)
    # The heading and breadcrumbs name the version as stored, not as half-typed.
    title = sentence(_("Edit %(strategy)s"), strategy=version_name(strategy))
    stored = Strategy.objects.get(pk=pk)
    form = StrategyForm(request.POST or None, instance=strategy)
    if form.is_valid():
        try:
            services.framework_object_save(obj=form.instance, user=request.user, clash_field="slug")
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(structure_url(strategy))
    return form_page(request, title=title, form=form, strategy=stored)


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
        "title": version_name(strategy),
        "breadcrumbs": [list_crumb()],
        "may_start_revision": revision.start_refusal(strategy) is None,
        "open_revision": revision.open_revision_of(strategy),
        "may_adopt": revision.adopt_refusal(strategy) is None,
    }
    return render(request, "strategy/workspace/strategy_detail.html", context)


def _publication(request: HttpRequest, pk: int, *, publish: bool) -> HttpResponse:
    strategy = get_object_or_404(Strategy, pk=pk)
    if request.method == "POST":
        services.strategy_set_published(strategy=strategy, published=publish, user=request.user)
        messages.success(request, _("The version is published.") if publish else _("The version is unpublished."))
        return redirect(structure_url(strategy))
    if publish:
        title = sentence(_("Publish %(strategy)s"), strategy=version_name(strategy))
        question = _("Publish this version so that everyone can read it?")
        consequences = [
            _("Its page, its goals and its sub-goals become public and are listed in the sitemap."),
            _("Roadmap items and indicators keep their own publication."),
        ]
    else:
        title = sentence(_("Unpublish %(strategy)s"), strategy=version_name(strategy))
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
        "cancel_url": structure_url(strategy),
        "danger": not publish,
        "breadcrumbs": crumbs(strategy),
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
