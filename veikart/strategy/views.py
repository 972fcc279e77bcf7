"""Public pages of the strategy framework."""

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from veikart.core.sections import sections_for
from veikart.strategy.comparison import compare_strategies
from veikart.strategy.forms import CompareForm
from veikart.strategy.models import Goal, Strategy, SubGoal


def get_strategy_for(request: HttpRequest, slug: str) -> Strategy:
    """The strategy with ``slug`` if the user may see it, else 404 (drafts do not reveal themselves)."""
    return get_object_or_404(Strategy.objects.visible_to(request.user), slug=slug)


def get_goal_for(request: HttpRequest, slug: str, number: int) -> Goal:
    strategy = get_strategy_for(request, slug)
    return get_object_or_404(
        Goal.objects.select_related("strategy", "continues__strategy").prefetch_related(
            "outcomes",
            "scenarios",
            "sustainable_development_goals",
            "depends_on",
            "dependants",
            "sub_goals__benefit_objectives",
            "continued_by__strategy",
        ),
        strategy=strategy,
        number=number,
    )


def in_force_unless(strategy: Strategy) -> Strategy | None:
    """The version in force, for the banner on a page of ``strategy``; None when ``strategy`` is
    the adopted version (no banner).
    """
    if strategy.status == Strategy.Status.ADOPTED:
        return None
    return Strategy.objects.in_force()


def get_sub_goal_for(request: HttpRequest, slug: str, code: str) -> SubGoal:
    strategy = get_strategy_for(request, slug)
    return get_object_or_404(
        SubGoal.objects.select_related("goal__strategy").prefetch_related("benefit_objectives"),
        strategy=strategy,
        code__iexact=code,
    )


@require_GET
def strategy_detail(request: HttpRequest, slug: str) -> HttpResponse:
    strategy = get_strategy_for(request, slug)
    goals = strategy.goals.prefetch_related("sub_goals")
    return render(
        request,
        "strategy/strategy_detail.html",
        {
            "strategy": strategy,
            "in_force": in_force_unless(strategy),
            "goals": goals,
            "overarching_goals": strategy.overarching_goals.all(),
            "target_groups": strategy.target_groups.all(),
        },
    )


@require_GET
def goal_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    goal = get_goal_for(request, slug, number)
    visible_ids = set(Strategy.objects.visible_to(request.user).values_list("pk", flat=True))
    lineage_back = goal.continues if goal.continues and goal.continues.strategy_id in visible_ids else None
    lineage_forward = [g for g in goal.continued_by.all() if g.strategy_id in visible_ids]
    return render(
        request,
        "strategy/goal_detail.html",
        {
            "strategy": goal.strategy,
            "in_force": in_force_unless(goal.strategy),
            "goal": goal,
            "lineage_back": lineage_back,
            "lineage_forward": lineage_forward,
            "sections": sections_for("goal", request, goal),
        },
    )


@require_GET
def sub_goal_detail(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    sub_goal = get_sub_goal_for(request, slug, code)
    return render(
        request,
        "strategy/sub_goal_detail.html",
        {
            "strategy": sub_goal.goal.strategy,
            "in_force": in_force_unless(sub_goal.goal.strategy),
            "goal": sub_goal.goal,
            "sub_goal": sub_goal,
            "sections": sections_for("sub_goal", request, sub_goal),
        },
    )


@require_GET
def strategy_history(request: HttpRequest) -> HttpResponse:
    """Every visible version with the visible version it revises, and what changed between two of them
    (chosen in the form).

    The same version chosen twice is no error: the page says that a version compared with itself
    has no changes, and offers the version it revises (``revised``) when that is visible.
    """
    strategies = list(
        Strategy.objects.visible_to(request.user)
        .select_related("previous_version")
        .annotate(goal_count=Count("goals"))
        .order_by("-period_start", "-published_on", "-pk")
    )
    form = CompareForm(request.GET or None, strategies=strategies)
    comparison = same_version = None
    if form.is_bound:
        if form.is_valid():
            same_version = form.same_version
            if same_version is None:
                comparison = compare_strategies(form.cleaned_data["older"], form.cleaned_data["newer"])
    else:
        default = CompareForm.default_pair(strategies)
        if default:
            comparison = compare_strategies(*default)
            form = CompareForm(initial={"older": default[0].slug, "newer": default[1].slug}, strategies=strategies)
    return render(
        request,
        "strategy/history.html",
        {
            "strategies": strategies,
            "form": form,
            "comparison": comparison,
            "same_version": same_version,
            "revised": same_version and same_version.previous_version in strategies and same_version.previous_version,
        },
    )
