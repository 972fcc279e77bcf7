"""The decision log at scale: 10,000 decisions over ten years (2016–2025) across the demo's three bodies.

Each body meets eight times a year, some 42 cases a meeting, each with a decision; one case in twenty
is exempt from public access (its title not public), one in three has a follow-up action (some done,
some overdue), half are linked to a goal of the current strategy. Texts are drawn from a small
Norwegian vocabulary, so common words match thousands of decisions and rare ones a few.

Measures the decision log (``/styring/vedtak/``) as the public and as a NUIT member (who also
matches on the exempt texts of NUIT's cases), unfiltered, filtered and searched (target p95 ≤ 50 ms),
and the goal page with its "Decisions" section against the same page with the section taken out
(target: within 10 %).
"""

from __future__ import annotations

import datetime
import random
import time

from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from benchmarks.results import Results, ok_response, settle_after_bulk_load

LOG = "p95 ≤ 50 ms"
GOAL_PAGE = "within 10 % of the page without"
YEARS = range(2016, 2026)
MEETINGS_PER_YEAR = 8
DECISIONS = 10_000

WORDS = [
    "portefølje",
    "prioritering",
    "finansiering",
    "kjernejournal",
    "helsenorge",
    "e-resept",
    "journalløsning",
    "samhandling",
    "arkitektur",
    "standard",
    "kommune",
    "sykehus",
    "fastlege",
    "pasient",
    "innbygger",
    "data",
    "deling",
    "sikkerhet",
    "personvern",
    "anskaffelse",
    "plan",
    "veikart",
    "gevinst",
    "risiko",
    "tiltak",
    "utredning",
    "anbefaling",
    "revisjon",
    "strategi",
    "styring",
    "budsjett",
    "leverandør",
    "pilot",
    "innføring",
]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def ensure_decisions() -> int:
    """Create the meetings, cases, decisions, follow-ups and goal links (once), and index them."""
    from veikart.accounts.models import Organisation
    from veikart.governance.decision_search import decision_index_refresh
    from veikart.governance.models import Body, Case, Decision, FollowUpAction, Meeting
    from veikart.strategy.models import Strategy

    if Decision.objects.filter(case__year__in=list(YEARS)).count() >= DECISIONS:
        return 0
    rng = random.Random(13)
    bodies = list(Body.objects.order_by("order"))
    organisations = list(Organisation.objects.order_by("pk")[:10])
    strategy = Strategy.objects.published().current()
    goals = list(strategy.goals.values_list("pk", flat=True))
    per_meeting = -(-DECISIONS // (len(bodies) * len(YEARS) * MEETINGS_PER_YEAR))
    today = timezone.localdate()
    with transaction.atomic():
        meetings = []
        for body in bodies:
            for year in YEARS:
                for number in range(1, MEETINGS_PER_YEAR + 1):
                    starts = timezone.make_aware(datetime.datetime(year, number + 1, 10, 10))
                    meetings.append(
                        Meeting(
                            body=body,
                            year=year,
                            number=number,
                            starts_at=starts,
                            place="Oslo",
                            state=Meeting.State.MINUTES_APPROVED,
                            minutes_approved_at=starts,
                        )
                    )
        Meeting.objects.bulk_create(meetings)
        meetings = list(Meeting.objects.filter(year__in=list(YEARS)).order_by("body", "year", "number"))
        cases, numbers = [], {}
        for meeting in meetings:
            for _ in range(per_meeting):
                if len(cases) >= DECISIONS:
                    break
                key = (meeting.body_id, meeting.year)
                numbers[key] = numbers.get(key, 0) + 1
                exempt = rng.random() < 0.05
                cases.append(
                    Case(
                        meeting=meeting,
                        body_id=meeting.body_id,
                        year=meeting.year,
                        number=numbers[key],
                        position=numbers[key],
                        kind=rng.choice(["approval", "information", "discussion"]),
                        title=_text(rng, 5),
                        background=_text(rng, 40),
                        proposed_decision=_text(rng, 12),
                        is_exempt=exempt,
                        exemption_basis="Unntatt offentlighet, offl. § 14" if exempt else "",
                        title_is_public=not exempt,
                    )
                )
        Case.objects.bulk_create(cases, batch_size=2000)
        cases = list(Case.objects.filter(year__in=list(YEARS)).select_related("meeting"))
        Decision.objects.bulk_create(
            [Decision(case=case, text=_text(rng, 20), decided_on=case.meeting.starts_at.date()) for case in cases],
            batch_size=2000,
        )
        decisions = list(Decision.objects.filter(case__year__in=list(YEARS)).values_list("pk", "decided_on"))
        actions = []
        for pk, decided_on in decisions:
            if rng.random() < 1 / 3:
                due = decided_on + datetime.timedelta(days=rng.randint(30, 400))
                done = due - datetime.timedelta(days=10) if rng.random() < 0.6 and due <= today else None
                actions.append(
                    FollowUpAction(
                        decision_id=pk,
                        description=_text(rng, 6),
                        responsible=rng.choice(organisations),
                        due_on=due,
                        done_on=done,
                    )
                )
        FollowUpAction.objects.bulk_create(actions, batch_size=2000)
        links = [Case.goals.through(case_id=case.pk, goal_id=rng.choice(goals)) for case in cases if rng.random() < 0.5]
        Case.goals.through.objects.bulk_create(links, batch_size=2000)
    indexed = decision_index_refresh([pk for pk, _decided in decisions])
    # Fresh statistics (and, on PostgreSQL, a visibility map for index-only scans) after a bulk load,
    # as autovacuum or an operator would provide: without them the planner guesses 26 rows for 1,000.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    settle_after_bulk_load()
    return indexed


def _goal_page(client: Client, url: str, *, with_section: bool):
    """GET the goal page with or without governance's section (taken out of the registry for the call)."""
    from veikart.core import sections

    def get():
        saved = list(sections._sections["goal"])
        if not with_section:
            sections._sections["goal"][:] = [s for s in saved if not s.template.startswith("governance/")]
        try:
            return ok_response(client, url)()
        finally:
            sections._sections["goal"][:] = saved

    return get


def run(results: Results) -> None:
    from veikart.accounts.models import User
    from veikart.governance.models import Decision
    from veikart.strategy.models import Goal, Strategy

    started = time.perf_counter()
    indexed = ensure_decisions()
    results.value(f"create and index {indexed:,} decisions".replace(",", " "), time.perf_counter() - started, "s")
    assert Decision.objects.count() >= DECISIONS

    log = reverse("governance:decision-log")
    public = Client()
    member = Client()
    member.force_login(User.objects.get(username="nuit-medlem"))
    for label, query in [
        ("no filter", ""),
        ("page 200", "?page=200"),
        ("body NUIT, year 2020", "?body=nuit&year=2020"),
        ("goal 1", "?goal=1"),
        ("follow-up overdue", "?follow_up=overdue"),
        ("case type, goal 2, open follow-ups", "?kind=approval&goal=2&follow_up=open"),
        ("search a common word 'prioritering'", "?q=prioritering"),
        ("search two words 'kjernejournal pilot'", "?q=kjernejournal+pilot"),
        ("search a rare word 'xqzvw'", "?q=xqzvw"),
        ("search 'budsjett' in NUIT 2024", "?q=budsjett&body=nuit&year=2024"),
    ]:
        results.timed(f"decision log, {label}", ok_response(public, log + query), target=LOG)
    results.timed(
        "decision log, NUIT member, search 'anskaffelse'", ok_response(member, log + "?q=anskaffelse"), target=LOG
    )
    results.timed("decision log, NUIT member, goal 1", ok_response(member, log + "?goal=1"), target=LOG)
    results.timed(
        "site search, decisions, 'prioritering'",
        ok_response(public, reverse("search:results") + "?q=prioritering&type=decision"),
        target=LOG,
    )

    strategy = Strategy.objects.published().current()
    goal = Goal.objects.filter(strategy=strategy).order_by("number").first()
    url = goal.get_absolute_url()
    without = results.timed("goal page without its decisions", _goal_page(public, url, with_section=False))
    with_section = results.timed(
        "goal page with its decisions", _goal_page(public, url, with_section=True), target=GOAL_PAGE
    )
    results.value(
        "goal page with decisions over without (p50)",
        with_section.p50_ms / without.p50_ms if without.p50_ms else 0.0,
        "ratio",
        target="≤ 1.10",
    )
