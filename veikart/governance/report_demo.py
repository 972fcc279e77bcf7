"""The demo's annual report for 2025: built from the snapshot "Til NUIT-møte 1/2026" (the portfolio after
2026 T1, which reported the status at the turn of the year), with a short assessment per goal
(bokmål; nynorsk and English for the first goal), approved by the council's case 5/2026 at
e-helserådet 1/2026 and published, so the public sees it in ``make run``.

The council's approving case is added here, beside the report it approves. The texts are invented.
Idempotent: a published report is never touched again (it could not be changed anyway).
"""

from __future__ import annotations

import datetime

from django.db import transaction

from veikart.accounts.models import User
from veikart.core.demo import sync_m2m, upsert
from veikart.reporting.snapshot_models import PortfolioSnapshot
from veikart.strategy.models import Goal, Strategy

from .models import Body, Case, Decision, Meeting
from .report_models import AnnualReport
from .report_services import annual_report_approve, annual_report_create, annual_report_publish, goal_narrative_save

YEAR = 2025
SNAPSHOT = "Til NUIT-møte 1/2026"
COUNCIL_CASE_NUMBER = 5

NARRATIVES = {
    1: (
        "Bruken av digitale innbyggertjenester økte i 2025, og flere kommuner tok i bruk digital "
        "hjemmeoppfølging etter endt pilot. Antall besøk på Helsenorge falt likevel, mens bruken av "
        "innloggede tjenester økte: rådet har bedt om at målindikatoren suppleres i den årlige revisjonen.",
        "Bruken av digitale innbyggjartenester auka i 2025, og fleire kommunar tok i bruk digital "
        "heimeoppfølging etter avslutta pilot. Talet på besøk på Helsenorge fall likevel, medan bruken av "
        "innlogga tenester auka: rådet har bede om at målindikatoren blir supplert i den årlege revisjonen.",
        "Use of digital services for citizens grew in 2025, and more municipalities adopted digital home "
        "follow-up after the pilot ended. Visits to Helsenorge nevertheless fell while use of the logged-in "
        "services grew: the council has asked for the goal's indicator to be supplemented in the annual revision.",
    ),
    2: (
        "Tiltakene for en enklere arbeidshverdag gikk i hovedsak etter planen. Innføringen av nye "
        "journalløsninger i regionene er krevende, og flere tiltak har meldt risiko for forsinkelse.",
        "",
        "",
    ),
    3: (
        "Arbeidet med helseanalyseplattformen og et felles analysemiljø for helseregistre fortsatte. "
        "Forventet sluttdato for plattformen er flyttet et halvt år, noe som også påvirker tiltak som "
        "avhenger av den.",
        "",
        "",
    ),
    4: (
        "Deling av dokumenter og opplysninger på tvers av virksomheter økte i 2025. Arkitekturprinsipper "
        "for deling er drøftet i fagutvalget og skal prøves ut i to regioner.",
        "",
        "",
    ),
    5: (
        "Porteføljestyringen ble styrket med statusrapportering hver tertial og jevnlige øyeblikksbilder til "
        "utvalgene. Rådet sluttet seg til planen for realisering av strategien.",
        "",
        "",
    ),
}


def _council_case(goals: list[Goal], snapshot: PortfolioSnapshot) -> Case | None:
    """The council's case that approves the report (e-helserådet 1/2026, sak 5/2026), with its decision."""
    meeting = Meeting.objects.filter(body__slug="e-helseradet", year=2026, number=1).first()
    if meeting is None or meeting.body.kind != Body.Kind.COUNCIL:
        return None
    position = meeting.cases.exclude(number=COUNCIL_CASE_NUMBER).count() + 1
    case, _changed = upsert(
        Case,
        {"body": meeting.body, "year": meeting.year, "number": COUNCIL_CASE_NUMBER},
        {
            "meeting": meeting,
            "position": position,
            "kind": Case.Kind.APPROVAL,
            "title": "Årsrapport for Nasjonal e-helsestrategi 2025",
            "background": "Sekretariatet legger frem årsrapporten for 2025, bygget fra porteføljens øyeblikksbilde "
            "«Til NUIT-møte 1/2026», med indikatorene, veikartet og sekretariatets vurdering per mål.",
            "proposed_decision": "Rådet godkjenner årsrapporten for 2025.",
        },
    )
    sync_m2m(case.goals, goals)
    sync_m2m(case.snapshots, [snapshot])
    upsert(
        Decision,
        {"case": case},
        {
            "text": "Rådet godkjente årsrapporten for 2025.",
            "outcome": "unanimous",
            "decided_on": datetime.date(2026, 6, 4),
        },
    )
    return case


def load() -> None:
    """Create, approve and publish the 2025 report (nothing without the demo strategy, snapshot or office)."""
    strategy = Strategy.objects.filter(slug="e-helsestrategi-2023-2030").first()
    snapshot = PortfolioSnapshot.objects.filter(title=SNAPSHOT, is_demo=True).first()
    office = User.objects.filter(username="strategikontor").first()
    if strategy is None or snapshot is None or office is None:
        return
    report = AnnualReport.objects.filter(strategy=strategy, year=YEAR).first()
    if report is not None and report.is_published:
        return
    goals = list(Goal.objects.filter(strategy=strategy).order_by("number"))
    with transaction.atomic():
        case = _council_case(goals, snapshot)
        if report is None:
            report = annual_report_create(strategy=strategy, year=YEAR, snapshot=snapshot, by=office, is_demo=True)
        if report.state == AnnualReport.State.DRAFT:
            for goal in goals:
                text, text_nn, text_en = NARRATIVES.get(goal.number, ("", "", ""))
                if text:
                    goal_narrative_save(
                        report=report, goal=goal, text=text, text_nn=text_nn, text_en=text_en, by=office
                    )
            if case is None:
                return  # left as a draft: no council to approve it
            annual_report_approve(report=report, case=case, by=office)
        annual_report_publish(report=report, by=office)
