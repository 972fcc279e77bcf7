"""Status reporting and the portfolio at national scale: 20,000 roadmap items, 2,000 of them in the
portfolio, 12 reporting periods, 24,000 reports (``portfolio_data``: approved in the eleven closed
periods, mixed states in the open one).

Runs after the roadmap benchmark, on its items (generated when run alone, ``BENCH_ONLY=status``).
Measures the public portfolio overview with and without filters and the workspace's lists of a
period's reports (target p95 ≤ 100 ms), an item's status history (the item page and its section alone,
≤ 50 ms) and an owner editor submitting a report through the workspace form (a POST, p95 ≤ 100 ms).
Freezing and comparing snapshots are in ``bench_snapshots``.
"""

from __future__ import annotations

import sys
import time

from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse

from benchmarks.portfolio_data import ensure_portfolio
from benchmarks.results import Results, ok_response

OVERVIEW = "p95 ≤ 100 ms"
HISTORY = "p95 ≤ 50 ms"
SUBMIT = "p95 ≤ 100 ms"
SUBMISSIONS = 60  # three warm-up posts and fifty timed ones, each on a draft of its own
REPORTER = "benk-rapportor"


def _reporter_with_drafts():
    """An owner editor whose organisation owns ``SUBMISSIONS`` items with a draft in the open period
    (besides the items it owns already); returns the user and the drafts as (item, period, version)."""
    from veikart.accounts.models import Organisation, User
    from veikart.reporting.models import ReportingPeriod, StatusReport
    from veikart.roadmap.models import RoadmapItem

    organisation = Organisation.objects.order_by("pk").first()
    with transaction.atomic():
        user, _created = User.objects.get_or_create(
            username=REPORTER,
            defaults={"role": User.Role.OWNER_EDITOR, "organisation": organisation, "email": f"{REPORTER}@example.org"},
        )
        drafts = list(
            StatusReport.objects.filter(state=StatusReport.State.DRAFT, period__state=ReportingPeriod.State.OPEN)
            .order_by("pk")
            .values_list("item_id", "period_id", "version")[:SUBMISSIONS]
        )
        RoadmapItem.owners.through.objects.bulk_create(
            [
                RoadmapItem.owners.through(roadmapitem_id=item_id, organisation_id=organisation.pk)
                for item_id, _period, _version in drafts
            ],
            ignore_conflicts=True,
        )
    return user, drafts


def _submitter(client: Client, drafts: list[tuple[int, int, int]]):
    """A callable that submits the next draft through the report form, as the owner's browser does."""
    from veikart.reporting.models import StatusArea

    areas = list(StatusArea.objects.values_list("key", flat=True))
    queue = iter(drafts)

    def submit() -> None:
        item_id, period_id, version = next(queue)
        submit.posted += 1
        data = {
            "version": version,
            "overall": "yellow",
            "narrative": "Piloten er **forsinket** to måneder; ny plan er lagt.",
            "next_steps": "Ny plan til styringsgruppen.",
            "expected_phase": "",
            "expected_end_date": "",
            "risks-TOTAL_FORMS": "2",
            "risks-INITIAL_FORMS": "0",
            "risks-MIN_NUM_FORMS": "0",
            "risks-MAX_NUM_FORMS": "20",
            "risks-0-description": "Leverandøren blir forsinket.",
            "risks-0-likelihood": "3",
            "risks-0-consequence": "4",
            "risks-0-mitigation": "Tett oppfølging.",
            "risks-0-owner": "Prosjektleder",
            "milestones-TOTAL_FORMS": "2",
            "milestones-INITIAL_FORMS": "0",
            "milestones-MIN_NUM_FORMS": "0",
            "milestones-MAX_NUM_FORMS": "30",
            "milestones-0-title": "Ny pilotdato",
            "milestones-0-date": "2027-03-01",
            "milestones-0-note": "Flyttet etter forsinkelsen.",
            "action": "submit",
        }
        for key in areas:
            data[f"area_{key}"] = "green"
            data[f"area_{key}_comment"] = "Som planlagt."
        url = reverse("ws-reporting:report-edit", kwargs={"item_pk": item_id, "period_pk": period_id})
        response = client.post(url, data)
        if response.status_code != 302:
            raise AssertionError(f"submitting the report of item {item_id} answered {response.status_code}")

    submit.posted = 0
    return submit


def _section_renderer(item):
    """The item page's status section alone: its context and its template."""
    from veikart.reporting.sections import item_status

    request = RequestFactory().get(item.get_absolute_url())

    def render() -> str:
        return render_to_string("reporting/_item_section.html", {"section": item_status(request, item)})

    return render


def run(results: Results) -> None:
    from veikart.accounts.models import Organisation, User
    from veikart.reporting.models import PortfolioMembership, ReportingPeriod, StatusReport
    from veikart.reporting.pages import item_history
    from veikart.roadmap.models import Phase, RoadmapItem

    started = time.perf_counter()
    ensure_portfolio()
    results.value("add 2,000 portfolio items and 24,000 reports", time.perf_counter() - started, "s")
    assert StatusReport.objects.count() >= 24_000

    public = Client()
    portfolio = reverse("reporting:portfolio")
    results.timed("portfolio page, no filter", ok_response(public, portfolio), target=OVERVIEW)
    results.timed("portfolio page, goal 2", ok_response(public, f"{portfolio}?goal=2"), target=OVERVIEW)
    results.timed("portfolio page, status red", ok_response(public, f"{portfolio}?status=red"), target=OVERVIEW)
    busiest = (
        Organisation.objects.filter(roadmap_items__portfolio_membership__isnull=False)
        .annotate(count=Count("roadmap_items"))
        .order_by("-count", "pk")
        .first()
    )
    results.timed("portfolio page, one owner", ok_response(public, f"{portfolio}?owner={busiest.pk}"), target=OVERVIEW)
    phase = Phase.objects.order_by("order").first()
    results.timed(
        "portfolio page, goal 1, phase, status yellow",
        ok_response(public, f"{portfolio}?goal=1&phase={phase.pk}&status=yellow"),
        target=OVERVIEW,
    )
    older = ReportingPeriod.objects.published().order_by("-opens")[3]
    results.timed(
        "portfolio page, an older period", ok_response(public, f"{portfolio}?period={older.pk}"), target=OVERVIEW
    )
    results.timed(
        "portfolio download, CSV (no filter)",
        ok_response(public, reverse("reporting:portfolio-export", kwargs={"fmt": "csv"})),
        repeat=5,
        warmup=1,
    )

    office, member = Client(), Client()
    office.force_login(User.objects.get(username="strategikontor"))
    member.force_login(User.objects.get(username="nuit-medlem"))
    review = reverse("ws-reporting:review")
    results.timed("workspace: review queue (submitted)", ok_response(office, review), target=OVERVIEW)
    results.timed("workspace: every report of the period", ok_response(office, f"{review}?state=all"), target=OVERVIEW)
    results.timed(
        "workspace: all reports, by status, page 10",
        ok_response(office, f"{review}?state=all&sort=overall&page=10"),
        target=OVERVIEW,
    )
    results.timed("workspace: reports, body member", ok_response(member, review), target=OVERVIEW)
    try:
        overview = reverse("ws-reporting:portfolio")
    except NoReverseMatch:
        print("  (skipped the workspace portfolio overview: no page ws-reporting:portfolio)", file=sys.stderr)
    else:
        results.timed("workspace: portfolio overview", ok_response(office, overview), target=OVERVIEW)
        results.timed(
            "workspace: portfolio overview, goal 2, status red",
            ok_response(office, f"{overview}?goal=2&status=red"),
            target=OVERVIEW,
        )

    item = (
        RoadmapItem.objects.filter(
            is_published=True, pk__in=PortfolioMembership.objects.values("item_id"), delivery_id__startswith="5687"
        )
        .order_by("pk")
        .first()
    )
    results.timed("item page with its status history", ok_response(public, item.get_absolute_url()), target=HISTORY)
    results.timed("item status section alone (11 periods)", _section_renderer(item), target=HISTORY)
    office_user = User.objects.get(username="strategikontor")
    results.timed(
        "item status history, strategy office (service)", lambda: item_history(item, office_user), target=HISTORY
    )

    user, drafts = _reporter_with_drafts()
    owner = Client()
    owner.force_login(user)
    results.timed(
        "workspace: our status reports (owner editor)", ok_response(owner, reverse("ws-reporting:own-reports"))
    )
    submit = _submitter(owner, drafts)
    results.timed("submit a report (the form's POST)", submit, repeat=min(50, len(drafts) - 3), target=SUBMIT)
    submitted = StatusReport.objects.filter(
        item_id__in=[item_id for item_id, _period, _version in drafts],
        period_id=drafts[0][1],
        state=StatusReport.State.SUBMITTED,
    ).count()
    assert submitted == submit.posted, (submitted, submit.posted)
