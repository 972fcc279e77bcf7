"""The decision log (``/styring/vedtak/``): every decision of every body the viewer may know of,
newest first, 20 a page, filtered from the query string and searched with the site's Norwegian
full-text search (``decision_search``).

Filters: ``body`` (slug), ``year``, ``kind`` (case type), ``goal`` (a goal of the current strategy
version), ``follow_up`` (``open``: an action not done; ``overdue``: an action past its date and not
done; ``done``: actions, all done; ``none``: no actions), ``q`` (words). A value that is not one of
the choices is shown as an error in the form and filters nothing. The goal and the follow-ups of an
exempt decision belong to its papers, so those two filters only find decisions whose papers the
viewer reads: filtering by them never tells the public what an exempt case concerns.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from veikart.core.content import content_in_language
from veikart.core.filters_in_effect import filters_in_effect
from veikart.core.search import clean_query
from veikart.roadmap.models import render_markdown
from veikart.strategy.models import Goal, Strategy

from .decision_search import id_in, matching
from .meeting_pages import readable_case_ids
from .models import Body, Case, Decision, FollowUpAction, Meeting, papers_readable_condition

PAGE_SIZE = 20


class FollowUp:
    OPEN = "open"
    OVERDUE = "overdue"
    DONE = "done"
    NONE = "none"

    CHOICES = [
        (OPEN, _("Open follow-up actions")),
        (OVERDUE, _("Overdue follow-up actions")),
        (DONE, _("All follow-up actions done")),
        (NONE, _("No follow-up actions")),
    ]


class DecisionFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=1000)
    body = forms.ChoiceField(label=_("Body"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)
    kind = forms.ChoiceField(label=_("Case type"), required=False)
    goal = forms.ChoiceField(label=_("Goal"), required=False)
    follow_up = forms.ChoiceField(label=_("Follow-up"), required=False)

    def __init__(self, *args, bodies: list[Body], years: list[int], goals: list[Goal], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["body"].choices = everything + [(body.slug, body.short_name) for body in bodies]
        self.fields["year"].choices = everything + [(str(year), str(year)) for year in years]
        self.fields["kind"].choices = everything + list(Case.Kind.choices)
        self.fields["goal"].choices = everything + [
            (str(goal.number), _("Goal %(number)s: %(title)s") % {"number": goal.number, "title": _goal_title(goal)})
            for goal in goals
        ]
        self.fields["follow_up"].choices = everything + FollowUp.CHOICES

    def valid_values(self) -> dict[str, str]:
        """The fields with a valid, non-empty value (an invalid one is reported by the form and ignored)."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value and name not in self.errors
        }


def _goal_title(goal: Goal) -> str:
    return content_in_language(goal, "short_title", "title").text


def _follow_up_condition(status: str):
    actions = FollowUpAction.objects.filter(decision=OuterRef("pk"))
    today = timezone.localdate()
    # Open and overdue actions are few: the decisions are read from them (an uncorrelated list), not
    # asked of every decision.
    if status == FollowUp.OPEN:
        return id_in(FollowUpAction.objects.filter(done_on__isnull=True).order_by().values("decision"))
    if status == FollowUp.OVERDUE:
        overdue = FollowUpAction.objects.filter(done_on__isnull=True, due_on__lt=today)
        return id_in(overdue.order_by().values("decision"))
    if status == FollowUp.DONE:
        return Exists(actions) & ~Exists(actions.filter(done_on__isnull=True))
    return ~Exists(actions)


def filtered_decisions(user, values: dict[str, str], *, goals: list[Goal]) -> QuerySet[Decision]:
    """The decisions ``user`` may know of, narrowed by the valid ``values`` of the filter form, newest first."""
    decisions = Decision.objects.visible_to(user)
    if values.get("body"):
        decisions = decisions.filter(case__body__slug=values["body"])
    if values.get("year"):
        decisions = decisions.filter(case__year=int(values["year"]))
    if values.get("kind"):
        decisions = decisions.filter(case__kind=values["kind"])
    if values.get("goal") or values.get("follow_up"):
        # Joins on the decision's case, not ``case__in=<subquery>``, which SQLite seeks pair by pair.
        decisions = decisions.filter(papers_readable_condition(user, prefix="case__"))
    if values.get("goal"):
        goal = next(goal for goal in goals if str(goal.number) == values["goal"])
        decisions = decisions.filter(case__goals=goal)
    if values.get("follow_up"):
        decisions = decisions.filter(_follow_up_condition(values["follow_up"]))
    if values.get("q") and (condition := matching(clean_query(values["q"]), user)) is not None:
        decisions = decisions.filter(condition)
    return decisions.order_by("-decided_on", "-pk")


@dataclass(frozen=True)
class DecisionRow:
    """A decision as the viewer may read it (``papers`` False: exempt, shown as existence and basis)."""

    decision: Decision
    title: str | None
    papers: bool

    @property
    def case(self) -> Case:
        return self.decision.case

    @property
    def exempt_marker(self) -> bool:
        return self.case.is_exempt and self.papers


def decision_rows(decisions: list[Decision], user) -> list[DecisionRow]:
    """Rows for ``decisions`` (loaded with their case, meeting and body): one query for the papers the
    viewer reads, one for the follow-up actions of those."""
    readable = readable_case_ids((decision.case_id for decision in decisions), user)
    shown = [decision for decision in decisions if decision.case_id in readable]
    actions: dict[int, list[FollowUpAction]] = {}
    for action in FollowUpAction.objects.filter(decision__in=shown).select_related("responsible"):
        actions.setdefault(action.decision_id, []).append(action)
    rows = []
    for decision in decisions:
        case = decision.case
        papers = case.pk in readable
        decision.shown_actions = actions.get(decision.pk, [])
        decision.text_html = render_markdown(decision.text) if papers else ""
        title = case.title if (papers or not case.is_exempt or case.title_is_public) else None
        rows.append(DecisionRow(decision=decision, title=title, papers=papers))
    return rows


def page_of_decisions(decisions: QuerySet[Decision], number: str | None, user) -> tuple[Page, list[DecisionRow]]:
    """The page ``number`` of ``decisions`` and its rows.

    The page's ids are chosen first, sorting only narrow rows; then those twenty are read whole with
    their case, meeting and body. (Sorting the joined rows with their texts cost tens of milliseconds
    on ten thousand decisions, and more the deeper the page.)"""
    page = Paginator(decisions.values_list("pk", flat=True), PAGE_SIZE).get_page(number)
    ids = list(page.object_list)
    loaded = Decision.objects.select_related("case__meeting__body", "case__body").in_bulk(ids)
    page.object_list = [loaded[pk] for pk in ids]
    return page, decision_rows(page.object_list, user)


def decision_years(user) -> list[int]:
    """The years of the decisions ``user`` may know of, newest first.

    Read from the meetings (a case's year is its meeting's), a few hundred rows each asked whether it
    has a decision, rather than from every decided case."""
    decided = Decision.objects.filter(case__meeting=OuterRef("pk"))
    meetings = Meeting.objects.visible_to(user).filter(Exists(decided))
    return list(meetings.order_by("-year").values_list("year", flat=True).distinct())


@require_GET
def decision_log(request: HttpRequest) -> HttpResponse:
    user = request.user
    strategy = Strategy.objects.visible_to(user).current()
    goals = list(Goal.objects.filter(strategy=strategy).order_by("number")) if strategy else []
    bodies = list(Body.objects.all())
    years = decision_years(user)
    form = DecisionFilterForm(request.GET or None, bodies=bodies, years=years, goals=goals)
    values = form.valid_values() if form.is_bound else {}
    # The filters in effect are the valid ones: a bad value is reported by the form, not listed as a filter.
    applied = request.GET.copy()
    for name in form.errors:
        applied.pop(name, None)
    in_effect = filters_in_effect(DecisionFilterForm(applied, bodies=bodies, years=years, goals=goals), applied)
    page, rows = page_of_decisions(filtered_decisions(user, values, goals=goals), request.GET.get("page"), user)
    return render(
        request,
        "governance/public_decision_log.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": clean_query(values.get("q", "")),
            "in_effect": in_effect,
        },
    )
