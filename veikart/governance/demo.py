"""Demo governance: the three bodies of the national model with their mandates and a few members, and
2026's meetings (four held with approved minutes, one held awaiting approval, one summoned) with
cases drawn from the source documents, decisions linked to goals, sub-goals, items and indicators,
follow-up actions and one case exempt from public access.

The mandates paraphrase the 2023 strategy's section on follow-up; the people are invented.
Idempotent: bodies, meetings and cases are found by their names and numbers and brought to these
values, so a second run changes nothing.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.db import transaction

from veikart.accounts.models import Organisation, User
from veikart.core.demo import sync_m2m, upsert, with_translations
from veikart.indicators.models import Indicator
from veikart.reporting.snapshot_models import PortfolioSnapshot
from veikart.roadmap.models import RoadmapItem
from veikart.strategy.models import Goal, Strategy, SubGoal

from . import cycle_demo, report_demo
from .models import Body, Case, Decision, FollowUpAction, Meeting, Membership

DEMO_STRATEGY = "e-helsestrategi-2023-2030"
OSLO = ZoneInfo("Europe/Oslo")

# short name, slug, kind, order, name, mandate (Markdown)
BODIES = [
    (
        "e-helserådet",
        "e-helseradet",
        Body.Kind.COUNCIL,
        1,
        "Nasjonalt e-helseråd",
        "Gir råd om strategiske veivalg og anbefaler prioritering og gjennomføring av tiltak for en helhetlig "
        "e-helseutvikling med effektiv utnyttelse av ressursene. Får jevnlig en overordnet status for "
        "strategien og har en årlig revisjon av den, der justeringer i initiativ og eventuelt mål vurderes.",
    ),
    (
        "NUIT",
        "nuit",
        Body.Kind.COMMITTEE,
        2,
        "Nasjonalt utvalg for prioritering og gjennomføring av e-helsetiltak (NUIT)",
        "Gir råd om prioriteringer, følger opp gjennomføringen av den nasjonale e-helseporteføljen og "
        "veikartet, og anbefaler strategiske tema til Nasjonalt e-helseråd. Følger jevnlig opp strategien "
        "og gir anbefalinger.",
    ),
    (
        "NUFA",
        "nufa",
        Body.Kind.COMMITTEE,
        3,
        "Nasjonalt fagutvalg for e-helse (NUFA)",
        "Gir innspill og råd om helsefaglige behov og arkitekturvalg som kan påvirke fremtidige tiltak og "
        "justering av mål.",
    ),
]

TRANSLATIONS = {
    "Nasjonalt e-helseråd": ("Nasjonalt e-helseråd", "National e-health council"),
    "Nasjonalt utvalg for prioritering og gjennomføring av e-helsetiltak (NUIT)": (
        "Nasjonalt utval for prioritering og gjennomføring av e-helsetiltak (NUIT)",
        "National committee for prioritisation and implementation of e-health initiatives (NUIT)",
    ),
    "Nasjonalt fagutvalg for e-helse (NUFA)": (
        "Nasjonalt fagutval for e-helse (NUFA)",
        "National professional committee for e-health (NUFA)",
    ),
    BODIES[0][5]: (
        "Gir råd om strategiske vegval og tilrår prioritering og gjennomføring av tiltak for ei heilskapleg "
        "e-helseutvikling med effektiv utnytting av ressursane. Får jamleg ein overordna status for strategien "
        "og har ein årleg revisjon av han, der justeringar i initiativ og eventuelt mål blir vurderte.",
        "Advises on strategic choices and recommends the prioritisation and implementation of initiatives "
        "for a coherent development of e-health that makes good use of resources. Receives a regular "
        "overall status of the strategy and holds an annual revision of it, considering adjustments to "
        "initiatives and, where needed, goals.",
    ),
    BODIES[1][5]: (
        "Gir råd om prioriteringar, følgjer opp gjennomføringa av den nasjonale e-helseporteføljen og "
        "vegkartet, og tilrår strategiske tema til Nasjonalt e-helseråd. Følgjer jamleg opp strategien og "
        "gir tilrådingar.",
        "Advises on priorities, follows up the national e-health portfolio and the roadmap, and recommends "
        "strategic topics to the national e-health council. Follows up the strategy regularly and makes "
        "recommendations.",
    ),
    BODIES[2][5]: (
        "Gir innspel og råd om helsefaglege behov og arkitekturval som kan påverke framtidige tiltak og "
        "justering av mål.",
        "Gives input and advice on clinical needs and architecture choices that may shape future "
        "initiatives and the adjustment of goals.",
    ),
}

# body, person, organisation (short name), position, from, demo user (username or None)
MEMBERS = [
    ("e-helseradet", "Ingrid Halvorsen", "Hdir", Membership.Position.CHAIR, "2024-01-01", None),
    ("e-helseradet", "Tor Aasen", "Helse Sør-Øst", Membership.Position.MEMBER, "2024-01-01", None),
    ("e-helseradet", "Marit Løvås", "KS", Membership.Position.MEMBER, "2024-01-01", None),
    ("e-helseradet", "Siri Strategi", "Hdir", Membership.Position.SECRETARY, "2024-01-01", "strategikontor"),
    ("nuit", "Per Kvamme", "Hdir", Membership.Position.CHAIR, "2024-01-01", None),
    ("nuit", "Nils Utvalg", "Helse Vest", Membership.Position.MEMBER, "2025-01-01", "nuit-medlem"),
    ("nuit", "Anne Berg", "Oslo", Membership.Position.MEMBER, "2024-01-01", None),
    ("nuit", "Jon Moe", "NHN", Membership.Position.OBSERVER, "2024-01-01", None),
    ("nufa", "Hilde Strand", "FHI", Membership.Position.CHAIR, "2024-01-01", None),
    ("nufa", "Eirik Dahl", "Helse Midt-Norge", Membership.Position.MEMBER, "2024-01-01", None),
    ("nufa", "Lise Nordby", "Bergen", Membership.Position.MEMBER, "2024-01-01", None),
]

# body, number, start (Oslo time), place, state, snapshot title or None, minutes
MEETINGS = [
    (
        "nuit",
        1,
        "2026-03-26 09:00",
        "Helsedirektoratet, Oslo",
        Meeting.State.MINUTES_APPROVED,
        "Til NUIT-møte 1/2026",
        "Til stede: alle medlemmer. Observatør fra NHN.",
    ),
    (
        "e-helseradet",
        1,
        "2026-06-04 10:00",
        "Helsedirektoratet, Oslo",
        Meeting.State.MINUTES_APPROVED,
        "Til NUIT-møte 1/2026",
        "Til stede: alle medlemmer.",
    ),
    (
        "nuit",
        2,
        "2026-06-18 09:00",
        "Digitalt møte",
        Meeting.State.MINUTES_APPROVED,
        None,
        "Til stede: alle medlemmer unntatt Anne Berg (forfall).",
    ),
    (
        "nufa",
        1,
        "2026-09-17 12:00",
        "Helse Midt-Norge, Trondheim",
        Meeting.State.HELD,
        None,
        "Til stede: alle medlemmer.",
    ),
    (
        "nuit",
        3,
        "2026-09-24 09:00",
        "Digitalt møte",
        Meeting.State.MINUTES_APPROVED,
        None,
        "Til stede: alle medlemmer.",
    ),
    ("nuit", 4, "2026-12-10 09:00", "Helsedirektoratet, Oslo", Meeting.State.SUMMONED, "Til NUIT-møte 4/2026", ""),
]


class DemoCase(NamedTuple):
    body: str
    meeting: int
    number: int
    kind: str
    title: str
    background: str = ""
    proposed: str = ""
    standing: str = ""
    exemption_basis: str = ""
    title_is_public: bool = True
    links: dict | None = None  # {"goals": [numbers], "sub_goals": [codes], "items": [titles], "indicators": [codes]}
    decision: tuple[str, str, str, str | None] | None = None  # text, outcome, dissent, review date
    follow_ups: tuple[tuple[str, str, str], ...] = ()  # what, organisation (short name), due


_A, _I, _D = Case.Kind.APPROVAL, Case.Kind.INFORMATION, Case.Kind.DISCUSSION
_ALL_GOALS = {"goals": [1, 2, 3, 4, 5]}


def _agenda(body: str, meeting: int, number: int, decided: bool = True) -> DemoCase:
    decision = ("Innkalling og saksliste ble godkjent.", "unanimous", "", None) if decided else None
    title, proposed = "Godkjenning av innkalling og saksliste", "Innkalling og saksliste godkjennes."
    return DemoCase(body, meeting, number, _A, title, proposed=proposed, standing="agenda", decision=decision)


def _minutes(body: str, meeting: int, number: int, of: str, decided: bool = True) -> DemoCase:
    decision = ("Protokollen ble godkjent.", "unanimous", "", None) if decided else None
    title, proposed = f"Godkjenning av protokoll fra {of}", f"Protokollen fra {of} godkjennes."
    return DemoCase(body, meeting, number, _A, title, proposed=proposed, standing="minutes", decision=decision)


CASES = [
    _agenda("nuit", 1, 1),
    DemoCase(
        "nuit",
        1,
        2,
        _I,
        "Nasjonal e-helseportefølje – status 2026 T1",
        background="Porteføljen rapporterte status for første periode i 2026. Statusen bygger på "
        "øyeblikksbildet «Til NUIT-møte 1/2026».",
        proposed="NUIT tar statusen for den nasjonale e-helseporteføljen til orientering.",
        standing="portfolio",
        links={"goals": [2, 4], "items": ["Helseverktøy (Helsenorge)"]},
        decision=(
            "NUIT tok statusen til orientering, og ba om at tiltak med avvik fra plan omtales særskilt i neste "
            "rapport.",
            "unanimous",
            "",
            None,
        ),
        follow_ups=(
            ("Omtale tiltak med avvik fra plan særskilt i porteføljerapporten for 2026 T2", "Hdir", "2026-06-15"),
        ),
    ),
    DemoCase(
        "nuit",
        1,
        3,
        _A,
        "Reviderte kriterier for opptak i porteføljen",
        background="NUIT reviderte porteføljens opptakskriterier tidlig i 2024. Sekretariatet foreslår at hvert "
        "tiltak i tillegg oppgir hvilke mål og delmål i strategien det understøtter, og hvilke målindikatorer "
        "det skal påvirke.",
        proposed="Kriteriene for opptak i porteføljen endres slik at hvert tiltak oppgir mål, delmål og "
        "målindikatorer det understøtter.",
        links={"goals": [5], "sub_goals": ["5A"]},
        decision=(
            "Kriteriene ble endret som foreslått. Endringen gjelder fra rapporteringsperioden 2026 T2.",
            "dissent",
            "Helse Vest ønsket at kravet om målindikatorer først skulle gjelde fra 2027.",
            "2027-03-01",
        ),
        follow_ups=(("Oppdatere veiledningen for statusrapportering med de nye kriteriene", "Hdir", "2026-05-01"),),
    ),
    DemoCase(
        "nuit",
        1,
        4,
        _D,
        "Forhandlingsposisjon i anskaffelse av felles journalløsning",
        background="Underlaget inneholder forhandlingsposisjoner i en pågående anskaffelse.",
        proposed="NUIT drøfter forhandlingsposisjonen.",
        exemption_basis="Unntatt offentlighet, offl. § 23 første ledd",
        title_is_public=False,
        links={"items": ["Ny journalløsning i Helse Midt-Norge"]},
        decision=("NUIT drøftet saken og ga sine innspill til forhandlingsposisjonen.", "unanimous", "", None),
    ),
    _agenda("e-helseradet", 1, 1),
    DemoCase(
        "e-helseradet",
        1,
        2,
        _I,
        "Nasjonal e-helseportefølje – overordnet status",
        background="NUIT har behandlet porteføljestatusen i sak 2/2026. Rådet får en overordnet status.",
        proposed="Rådet tar statusen til orientering.",
        standing="portfolio",
        links=_ALL_GOALS,
        decision=("Rådet tok statusen til orientering.", "unanimous", "", None),
    ),
    DemoCase(
        "e-helseradet",
        1,
        3,
        _A,
        "Årlig revisjon av Nasjonal e-helsestrategi",
        background="Strategien skal revideres årlig: initiativ, og om nødvendig mål, justeres etter behov. NUIT "
        "anbefaler at målindikatoren for bruk av Helsenorge suppleres, siden antall besøk har falt siden 2021 "
        "mens bruken av innloggede tjenester øker.",
        proposed="Sekretariatet starter en revisjon av strategien og legger et utkast ut på høring høsten 2026.",
        links={"goals": [2], "sub_goals": ["2A"], "indicators": ["helsenorge-besok"]},
        decision=(
            "Rådet sluttet seg til forslaget. Utkastet til revidert strategi legges frem for rådet etter høringen.",
            "unanimous",
            "",
            "2027-06-01",
        ),
        follow_ups=(("Legge utkast til revidert strategi ut på høring", "Hdir", "2026-10-01"),),
    ),
    DemoCase(
        "e-helseradet",
        1,
        4,
        _A,
        "Plan for realisering av Nasjonal e-helsestrategi",
        background="Planen beskriver hvordan aktørene skal realisere strategiens mål gjennom porteføljen og veikartet.",
        proposed="Rådet slutter seg til planen for realisering.",
        links={"goals": [1, 3], "sub_goals": ["1A"]},
        decision=("Rådet sluttet seg til planen.", "unanimous", "", "2027-06-01"),
    ),
    _agenda("nuit", 2, 5),
    _minutes("nuit", 2, 6, "NUIT 1/2026"),
    DemoCase(
        "nuit",
        2,
        7,
        _D,
        "Digital hjemmeoppfølging – veien videre",
        background="Flere kommuner har innlemmet digital hjemmeoppfølging i tjenestetilbudet etter endt pilot. "
        "NUIT drøfter hvordan tiltaket bør følges opp i porteføljen.",
        proposed="NUIT anbefaler at digital hjemmeoppfølging tas inn i porteføljen.",
        links={
            "goals": [2],
            "items": ["Digital hjemmeoppfølging av kronisk syke"],
            "indicators": ["digital-hjemmeoppfolging"],
        },
        decision=("NUIT anbefalte at tiltaket tas inn i porteføljen fra 2026 T2.", "unanimous", "", None),
        follow_ups=(("Ta digital hjemmeoppfølging inn i porteføljen", "Hdir", "2026-09-01"),),
    ),
    _agenda("nufa", 1, 1),
    DemoCase(
        "nufa",
        1,
        2,
        _D,
        "Arkitekturprinsipper for deling av helseopplysninger",
        background="NUFA drøfter felles arkitekturprinsipper for deling av helseopplysninger på tvers av virksomheter.",
        proposed="NUFA gir råd om prinsippene.",
        links={"goals": [3], "indicators": ["dokumentdeling"]},
        decision=(
            "NUFA støttet prinsippene og ba om at de prøves ut i to regioner før de anbefales nasjonalt.",
            "unanimous",
            "",
            "2027-03-15",
        ),
        follow_ups=(("Prøve ut prinsippene i Helse Midt-Norge", "Helse Midt-Norge", "2027-02-01"),),
    ),
    _agenda("nuit", 3, 8),
    _minutes("nuit", 3, 9, "NUIT 2/2026"),
    DemoCase(
        "nuit",
        3,
        10,
        _I,
        "Utkast til revidert e-helsestrategi på høring",
        background="Sekretariatet orienterer om utkastet til revidert strategi, som er sendt på høring etter "
        "rådets vedtak i sak 3/2026.",
        proposed="NUIT tar orienteringen til etterretning.",
        links={"goals": [2]},
        decision=("NUIT tok orienteringen til etterretning.", "unanimous", "", None),
    ),
    _agenda("nuit", 4, 11, decided=False),
    _minutes("nuit", 4, 12, "NUIT 3/2026", decided=False),
    DemoCase(
        "nuit",
        4,
        13,
        _I,
        "Nasjonal e-helseportefølje – status 2026 T2",
        background="Statusen bygger på øyeblikksbildet «Til NUIT-møte 4/2026».",
        proposed="NUIT tar statusen til orientering.",
        standing="portfolio",
        links=_ALL_GOALS,
    ),
    DemoCase(
        "nuit",
        4,
        14,
        _D,
        "Revidert e-helsestrategi: innspill fra høringen",
        background="Høringen av utkastet til revidert strategi er avsluttet. Sekretariatet oppsummerer innspillene "
        "og legger frem forslag til endringer før saken går til rådet.",
        proposed="NUIT drøfter høringsinnspillene og gir sine anbefalinger til rådet.",
        links=_ALL_GOALS,
    ),
]


def load(*, demo_passwords: bool = False) -> None:
    """Create or update the demo's bodies, members, meetings, cases and decisions, and 2026's cycle."""
    strategy = Strategy.objects.filter(slug=DEMO_STRATEGY).first()
    if strategy is None:
        return
    with transaction.atomic():
        bodies = _bodies()
        _members(bodies)
        meetings = _meetings(bodies)
        _cases(strategy, meetings)
        cycle_demo.load()
    report_demo.load()


def _bodies() -> dict[str, Body]:
    bodies = {}
    for short_name, slug, kind, order, name, mandate in BODIES:
        values = with_translations(
            {"name": name, "short_name": short_name, "kind": kind, "order": order, "mandate": mandate}, TRANSLATIONS
        )
        bodies[slug], _changed = upsert(Body, {"slug": slug}, values)
    return bodies


def _members(bodies: dict[str, Body]) -> None:
    organisations = {org.short_name: org for org in Organisation.objects.all()}
    for slug, person, org, position, starts, username in MEMBERS:
        user = User.objects.filter(username=username).first() if username else None
        upsert(
            Membership,
            {"body": bodies[slug], "person_name": person},
            {
                "organisation": organisations.get(org),
                "position": position,
                "starts": datetime.date.fromisoformat(starts),
                "user": user,
            },
        )


def _meetings(bodies: dict[str, Body]) -> dict[tuple[str, int], tuple[Meeting, str | None]]:
    meetings = {}
    for slug, number, starts, place, state, snapshot, minutes in MEETINGS:
        starts_at = datetime.datetime.fromisoformat(starts).replace(tzinfo=OSLO)
        held = state in (Meeting.State.HELD, Meeting.State.MINUTES_APPROVED)
        meeting, _changed = upsert(
            Meeting,
            {"body": bodies[slug], "year": starts_at.year, "number": number},
            {
                "starts_at": starts_at,
                "ends_at": starts_at + datetime.timedelta(hours=3),
                "place": place,
                "state": state,
                "minutes": minutes,
                "summoned_at": starts_at - datetime.timedelta(days=14),
                "held_at": starts_at + datetime.timedelta(hours=3) if held else None,
                "minutes_approved_at": (
                    starts_at + datetime.timedelta(days=30) if state == Meeting.State.MINUTES_APPROVED else None
                ),
            },
        )
        meetings[(slug, number)] = (meeting, snapshot)
    return meetings


def _cases(strategy: Strategy, meetings) -> None:
    goals = {goal.number: goal for goal in Goal.objects.filter(strategy=strategy)}
    sub_goals = {sub_goal.code: sub_goal for sub_goal in SubGoal.objects.filter(strategy=strategy)}
    organisations = {org.short_name: org for org in Organisation.objects.all()}
    positions: dict[int, int] = {}
    for spec in CASES:
        meeting, snapshot_title = meetings[(spec.body, spec.meeting)]
        positions[meeting.pk] = positions.get(meeting.pk, 0) + 1
        case, _changed = upsert(
            Case,
            {"body": meeting.body, "year": meeting.year, "number": spec.number},
            {
                "meeting": meeting,
                "position": positions[meeting.pk],
                "kind": spec.kind,
                "standing": spec.standing,
                "title": spec.title,
                "background": spec.background,
                "proposed_decision": spec.proposed,
                "is_exempt": bool(spec.exemption_basis),
                "exemption_basis": spec.exemption_basis,
                "title_is_public": spec.title_is_public,
            },
        )
        links = spec.links or {}
        sync_m2m(case.goals, [goals[n] for n in links.get("goals", []) if n in goals])
        sync_m2m(case.sub_goals, [sub_goals[c] for c in links.get("sub_goals", []) if c in sub_goals])
        sync_m2m(case.roadmap_items, list(RoadmapItem.objects.filter(title__in=links.get("items", []))))
        sync_m2m(case.indicators, list(Indicator.objects.filter(code__in=links.get("indicators", []))))
        snapshots = []
        if spec.standing == Case.Standing.PORTFOLIO and snapshot_title:
            snapshots = list(PortfolioSnapshot.objects.filter(title=snapshot_title, is_demo=True)[:1])
        sync_m2m(case.snapshots, snapshots)
        if spec.decision is None:
            continue
        text, outcome, dissent, review_on = spec.decision
        recorded, _changed = upsert(
            Decision,
            {"case": case},
            {
                "text": text,
                "outcome": outcome,
                "dissent": dissent,
                "decided_on": meeting.starts_at.astimezone(OSLO).date(),
                "review_on": datetime.date.fromisoformat(review_on) if review_on else None,
            },
        )
        for what, org, due in spec.follow_ups:
            due_on = datetime.date.fromisoformat(due)
            upsert(
                FollowUpAction,
                {"decision": recorded, "description": what},
                {
                    "responsible": organisations[org],
                    "due_on": due_on,
                    "done_on": due_on if meeting.state == Meeting.State.MINUTES_APPROVED else None,
                },
            )
