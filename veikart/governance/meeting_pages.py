"""What the public governance pages show of meetings and cases, assembled for a viewer.

Every page reads through the models' access rules (``Meeting.objects.visible_to``,
``Case.objects.visible_to`` and ``papers_readable_by``, ``Decision.objects.visible_to``) and never
decides on its own who sees what. A list of cases learns which papers the viewer reads in one query
(``readable_case_ids``), so no row asks again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.shortcuts import get_object_or_404

from veikart.accounts import permissions
from veikart.indicators.models import Indicator
from veikart.roadmap.models import RoadmapItem
from veikart.strategy.models import Goal, SubGoal

from .models import Body, Case, Decision, Meeting


@dataclass(frozen=True)
class CaseRow:
    """A case as the viewer may read it: ``title`` is None when it is exempt with a title that is not
    public; ``papers`` says whether the viewer reads its papers (background, decision, links)."""

    case: Case
    title: str | None
    papers: bool

    @property
    def exempt_marker(self) -> bool:
        """An exempt case shown in full to someone who may read it: the page says it is exempt."""
        return self.case.is_exempt and self.papers


def readable_case_ids(case_ids: Iterable[int], user) -> set[int]:
    """Of ``case_ids``, those whose papers ``user`` reads (one query; ``Case.objects.papers_readable_by``)."""
    ids = list(case_ids)
    if not ids:
        return set()
    return set(Case.objects.papers_readable_by(user).filter(pk__in=ids).values_list("pk", flat=True))


def case_rows(cases: Iterable[Case], user) -> list[CaseRow]:
    cases = list(cases)
    readable = readable_case_ids((case.pk for case in cases), user)
    rows = []
    for case in cases:
        papers = case.pk in readable
        title = case.title if (papers or not case.is_exempt or case.title_is_public) else None
        rows.append(CaseRow(case=case, title=title, papers=papers))
    return rows


def body_or_404(slug: str) -> Body:
    return get_object_or_404(Body, slug=slug)


def meeting_or_404(user, body_slug: str, year: int, number: int) -> Meeting:
    """The meeting if ``user`` may see it (a draft is 404 for all but the strategy office)."""
    return get_object_or_404(
        Meeting.objects.visible_to(user).select_related("body"), body__slug=body_slug, year=year, number=number
    )


def case_or_404(user, body_slug: str, year: int, number: int) -> Case:
    """The case if ``user`` may know of it (its meeting visible to them); its papers may still be exempt."""
    return get_object_or_404(
        Case.objects.visible_to(user).select_related("meeting__body"), body__slug=body_slug, year=year, number=number
    )


def meetings_by_year(body: Body, user) -> list[tuple[int, list[Meeting]]]:
    """The body's meetings the viewer may see, newest year first, each year's in date order."""
    meetings = Meeting.objects.visible_to(user).filter(body=body).select_related("body").order_by("-year", "starts_at")
    years: list[tuple[int, list[Meeting]]] = []
    for meeting in meetings:
        if not years or years[-1][0] != meeting.year:
            years.append((meeting.year, []))
        years[-1][1].append(meeting)
    return years


def case_links(case: Case, user) -> dict[str, Any]:
    """The goals, sub-goals, roadmap items and indicators the case is linked to that ``user`` may see
    (each app's ``visible_to``); the snapshots only for those who may read snapshots."""
    links: dict[str, Any] = {
        "goals": list(case.goals.filter(pk__in=Goal.objects.visible_to(user)).select_related("strategy")),
        "sub_goals": list(
            case.sub_goals.filter(pk__in=SubGoal.objects.visible_to(user)).select_related("goal__strategy")
        ),
        "roadmap_items": list(case.roadmap_items.filter(pk__in=RoadmapItem.objects.visible_to(user))),
        "indicators": list(case.indicators.filter(pk__in=Indicator.objects.visible_to(user))),
        "snapshots": [],
    }
    if permissions.can_read_portfolio_snapshots(user):
        links["snapshots"] = list(case.snapshots.only("pk", "title", "taken_at").order_by("-taken_at"))
    return links


def decision_of(case: Case, user) -> Decision | None:
    """The case's decision if there is one the viewer may know of (with its follow-up actions)."""
    return (
        Decision.objects.visible_to(user).filter(case=case).prefetch_related("follow_up_actions__responsible").first()
    )
