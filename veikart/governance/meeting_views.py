"""Public governance pages: the overview of the bodies, a body, a meeting and a case (``/styring/``).

Everyone may read them; what each viewer sees is decided by ``meeting_pages`` through the models'
access rules. A draft meeting, and its cases, are 404 for all but the strategy office.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from veikart.accounts import permissions
from veikart.roadmap.models import render_markdown

from . import meeting_pages
from .models import Body, Meeting, Membership

UPCOMING = 5
RECENT = 8


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """The bodies with their mandates, the meetings to come and those held last."""
    meetings = Meeting.objects.visible_to(request.user).select_related("body")
    now = timezone.now()
    return render(
        request,
        "governance/public_overview.html",
        {
            "bodies": Body.objects.all(),
            "upcoming": list(meetings.filter(starts_at__gte=now).order_by("starts_at")[:UPCOMING]),
            "recent": list(meetings.filter(starts_at__lt=now).order_by("-starts_at")[:RECENT]),
        },
    )


@require_GET
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A body: its mandate, its members today (name, organisation, position, dates), its meetings by year."""
    body = meeting_pages.body_or_404(slug)
    members = Membership.objects.current().filter(body=body).select_related("organisation")
    return render(
        request,
        "governance/public_body.html",
        {
            "body": body,
            "members": members,
            "years": meeting_pages.meetings_by_year(body, request.user),
        },
    )


@require_GET
def meeting_detail(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    """A meeting ("NUIT 3/2026"): date, place or link, state, the agenda as the viewer may read it, and
    the minutes once it is held."""
    meeting = meeting_pages.meeting_or_404(request.user, body, year, number)
    cases = meeting.cases.select_related("meeting__body").order_by("position", "number")
    return render(
        request,
        "governance/public_meeting.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "rows": meeting_pages.case_rows(cases, request.user),
            "minutes_html": render_markdown(meeting.minutes) if meeting.is_held else "",
            "can_manage": permissions.can_manage_governance(request.user),
        },
    )


@require_GET
def case_detail(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    """A case ("Sak 14/2026"). Exempt and not readable by the viewer: its number, type and legal basis,
    its title only where public, and nothing of its papers, links or decision text."""
    case = meeting_pages.case_or_404(request.user, body, year, number)
    row = meeting_pages.case_rows([case], request.user)[0]
    decision = meeting_pages.decision_of(case, request.user)
    context = {"case": case, "row": row, "meeting": case.meeting, "body": case.meeting.body, "decision": decision}
    if row.papers:
        context |= {
            "background_html": render_markdown(case.background),
            "proposed_html": render_markdown(case.proposed_decision),
            "decision_html": render_markdown(decision.text) if decision else "",
            "links": meeting_pages.case_links(case, request.user),
        }
    return render(request, "governance/public_case.html", context)
