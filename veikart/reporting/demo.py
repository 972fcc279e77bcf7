"""Demo status reporting: three periods (2025 T3 and 2026 T1 closed and published, 2026 T2 open), about
thirty portfolio items among the demo roadmap's published items, and reports in every state, one of them
returned with a note. Every report is invented and flagged so (``is_demo``: the pages say so beside it).

Benefit links tie demo items to the demo indicators, arranged so that the portfolio of 2026 T1 shows
one flag of each kind: "Helseverktøy (Helsenorge)" is reported green while the Helsenorge visits it is
meant to raise have fallen since 2021, and "Helseanalyseplattform for sekundærbruk" expects its end half
a year later than before while "Felles analysemiljø for helseregistre", which depends on it, keeps its
dates.

Idempotent: periods, memberships and reports are found by their natural keys and saved only when
something differs; the workflow log is written once, when a report is created.
"""

from __future__ import annotations

import datetime

from veikart.accounts.models import User
from veikart.core.demo import upsert
from veikart.indicators.models import Indicator
from veikart.roadmap.models import RoadmapItem
from veikart.strategy.models import Strategy

from .models import (
    BenefitLink,
    PortfolioMembership,
    ReportingPeriod,
    StatusArea,
    StatusColour,
    StatusReport,
    StatusReportArea,
    StatusReportRisk,
    StatusReportTransition,
)
from .scale import AREAS, COLOURS, with_translations

DEMO_STRATEGY = "e-helsestrategi-2023-2030"
PORTFOLIO_SIZE = 30

# name, opens, deadline, state, published at
PERIODS = [
    ("2025 T3", "2025-09-01", "2025-10-15", ReportingPeriod.State.CLOSED, "2025-11-05"),
    ("2026 T1", "2026-01-12", "2026-02-27", ReportingPeriod.State.CLOSED, "2026-03-20"),
    ("2026 T2", "2026-11-02", "2026-12-11", ReportingPeriod.State.OPEN, None),
]

# Overall colours per item (by position in the portfolio) in the two closed periods: a mix that gives
# the overview items that got better, worse and stayed the same.
_PATTERN_T3 = "ggyggrgyggygggryggyggygrgggygg"
_PATTERN_T1 = "gyyggygggryggygggyrggyggygrggy"
_COLOURS = {"g": "green", "y": "yellow", "r": "red"}
_NARRATIVE = {
    "green": "Leveransen følger planen. Neste milepæl er bekreftet, og ressursene er på plass.",
    "yellow": "Leveransen har noe avvik: en milepæl er flyttet noen uker, men sluttdatoen holder.",
    "red": "Leveransen har vesentlige avvik: leverandøren er forsinket, og ny plan legges fram for styringsgruppen.",
}
# item title, indicator code, how the item moves it (invented for the demo).
BENEFIT_LINKS = [
    ("Helseverktøy (Helsenorge)", "helsenorge-besok", "Nye helseverktøy skal gi flere grunner til å bruke Helsenorge."),
    ("Digitalt helsekort for gravide", "helsenorge-besok", "Helsekortet for gravide er en tjeneste på Helsenorge."),
    (
        "Fullmakter og representasjon på Helsenorge",
        "digital-kontakt",
        "Flere kan ha digital kontakt på vegne av andre.",
    ),
    ("Digital dialog med fastlegen", "digital-kontakt", "Digital dialog er den vanligste digitale kontakten."),
    (
        "Dokumentdeling mellom sykehus og kommuner",
        "kjernejournal-kommuner",
        "Dokumentdelingen bygger på kjernejournal.",
    ),
    ("Dokumentdeling mellom sykehus og kommuner", "dokumentdeling", ""),
    ("Digital hjemmeoppfølging av kronisk syke", "digital-hjemmeoppfolging", ""),
    (
        "Felles anskaffelser av velferdsteknologi",
        "velferdsteknologi",
        "Felles anskaffelser gjør det lettere å ta i bruk.",
    ),
    ("Helseanalyseplattform for sekundærbruk", "helsedataservice-soknader", ""),
    ("Felles analysemiljø for helseregistre", "forskningsartikler", ""),
]
# (item title, period): the expected end date a report gives, when the end is expected to move.
EXPECTED_ENDS = {("Helseanalyseplattform for sekundærbruk", "2026 T1"): "2029-06-30"}
SLIP_NARRATIVE = (
    "Leveransen har noe avvik: sluttdatoen er ventet et halvt år senere enn planlagt, fordi "
    "tilgangsstyringen må på plass før plattformen åpnes for flere registre."
)
RETURN_NOTE = "Kostnadsstatus mangler begrunnelse. Beskriv avviket og hva som gjøres, og send rapporten inn på nytt."


def _at(day: str, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(hour), tzinfo=datetime.UTC)


def _portfolio_items(strategy: Strategy) -> list[RoadmapItem]:
    """Thirty published items: those of the demo owners NHN and Oslo first (so their editors have reports to
    write), then the rest, by name."""
    published = list(
        RoadmapItem.objects.published()
        .in_strategy(strategy)
        .filter(owners__isnull=False)
        .distinct()
        .order_by("title", "pk")
    )
    owned = {item.pk: {owner.short_name for owner in item.owners.all()} for item in published}
    nhn = [item for item in published if "NHN" in owned[item.pk]][:8]
    oslo = [item for item in published if "Oslo" in owned[item.pk] and item not in nhn][:6]
    chosen = nhn + oslo
    chosen += [item for item in published if item not in chosen][: PORTFOLIO_SIZE - len(chosen)]
    return chosen


def _report(item, period, state, colour_key, *, colours, areas, office, owner_user, when, note=""):
    colour = colours[colour_key]
    expected_end = EXPECTED_ENDS.get((item.title, period.name))
    submitted = state in (StatusReport.State.SUBMITTED, StatusReport.State.APPROVED, StatusReport.State.RETURNED)
    reviewed = state in (StatusReport.State.APPROVED, StatusReport.State.RETURNED)
    report, _changed = upsert(
        StatusReport,
        {"item": item, "period": period, "revision": 1},
        {
            "state": state,
            "overall": colour,
            "narrative": SLIP_NARRATIVE if expected_end else _NARRATIVE[colour_key],
            "expected_end_date": datetime.date.fromisoformat(expected_end) if expected_end else None,
            "next_steps": "Følge opp neste milepæl og rapportere på nytt neste periode.",
            "review_note": note,
            "is_demo": True,
            "submitted_at": when if submitted else None,
            "reviewed_at": when + datetime.timedelta(days=5) if reviewed else None,
            "reviewed_by": office if reviewed else None,
        },
    )
    for area in areas:
        area_colour = colour if area.key in ("progress", "risk") else colours["green"]
        comment = "" if area_colour.key == "green" else _NARRATIVE[colour_key].split(":")[0]
        upsert(StatusReportArea, {"report": report, "area": area}, {"colour": area_colour, "comment": comment})
    if colour_key != "green":
        upsert(
            StatusReportRisk,
            {"report": report, "position": 1},
            {
                "description": "Forsinket leveranse fra leverandør",
                "likelihood": 3 if colour_key == "yellow" else 4,
                "consequence": 3 if colour_key == "yellow" else 4,
                "mitigation": "Ukentlig oppfølging og avklart reserveplan.",
                "owner": "Prosjektleder",
            },
        )
    if not report.transitions.exists():
        Action = StatusReportTransition.Action
        steps = [(Action.CREATED, owner_user, "draft", "")]
        if submitted:
            steps.append((Action.SUBMITTED, owner_user, "submitted", ""))
        if state == StatusReport.State.APPROVED:
            steps.append((Action.APPROVED, office, "approved", ""))
        if state == StatusReport.State.RETURNED:
            steps.append((Action.RETURNED, office, "returned", note))
        previous = ""
        for action, by, to_state, text in steps:
            step = StatusReportTransition.objects.create(
                report=report, action=action, from_state=previous, to_state=to_state, by=by, note=text
            )
            StatusReportTransition.objects.filter(pk=step.pk).update(at=when)
            previous = to_state
    return report


def _benefit_links(items: list[RoadmapItem], office) -> None:
    by_title = {item.title: item for item in items}
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    for title, code, note in BENEFIT_LINKS:
        if title in by_title and code in indicators:
            upsert(
                BenefitLink,
                {"item": by_title[title], "indicator": indicators[code]},
                {"note": note, "created_by": office},
            )


def load(*, demo_passwords: bool = False) -> None:
    strategy = Strategy.objects.filter(slug=DEMO_STRATEGY).first()
    if strategy is None:
        return
    office = User.objects.filter(username="strategikontor").first()
    periods = []
    for name, opens, deadline, state, published in PERIODS:
        period, _changed = upsert(
            ReportingPeriod,
            {"strategy": strategy, "name": name},
            {
                "opens": datetime.date.fromisoformat(opens),
                "deadline": datetime.date.fromisoformat(deadline),
                "state": state,
                "is_published": published is not None,
                "published_at": _at(published) if published else None,
                "published_by": office if published else None,
            },
        )
        periods.append(period)
    items = _portfolio_items(strategy)
    for position, item in enumerate(items):
        upsert(
            PortfolioMembership,
            {"item": item},
            {
                "since": datetime.date(2024, 3, 1),
                "reason": "Tatt inn i nasjonal portefølje etter NUITs reviderte kriterier (demo).",
                "programme": items[0] if 1 <= position <= 2 else None,
            },
        )
    # The migration seeds the scale; a database emptied since (as between browser tests) gets it again.
    for colour in COLOURS:
        StatusColour.objects.get_or_create(key=colour["key"], defaults=with_translations("colour", colour))
    for area in AREAS:
        StatusArea.objects.get_or_create(key=area["key"], defaults=with_translations("area", area))
    colours = {colour.key: colour for colour in StatusColour.objects.all()}
    areas = list(StatusArea.objects.all())
    editors = {}
    for user in User.objects.filter(role=User.Role.OWNER_EDITOR).select_related("organisation"):
        editors.setdefault(user.organisation_id, user)

    def owner_user(item):
        return next((editors[owner.pk] for owner in item.owners.all() if owner.pk in editors), None)

    t3, t1, t2 = periods
    for position, item in enumerate(items):
        common = {"colours": colours, "areas": areas, "office": office, "owner_user": owner_user(item)}
        _report(
            item,
            t3,
            StatusReport.State.APPROVED,
            _COLOURS[_PATTERN_T3[position % 30]],
            when=_at("2025-10-10"),
            **common,
        )
        _report(
            item,
            t1,
            StatusReport.State.APPROVED,
            _COLOURS[_PATTERN_T1[position % 30]],
            when=_at("2026-02-20"),
            **common,
        )
    # The open period: reports in every state, one returned with a note; the rest not begun yet.
    open_states = [
        (0, StatusReport.State.APPROVED, "green", ""),
        (1, StatusReport.State.RETURNED, "yellow", RETURN_NOTE),
        (2, StatusReport.State.SUBMITTED, "yellow", ""),
        (3, StatusReport.State.DRAFT, "green", ""),
        (8, StatusReport.State.SUBMITTED, "red", ""),
        (9, StatusReport.State.DRAFT, "yellow", ""),
        (14, StatusReport.State.SUBMITTED, "green", ""),
        (15, StatusReport.State.APPROVED, "yellow", ""),
        (16, StatusReport.State.SUBMITTED, "yellow", ""),
    ]
    for position, state, colour, note in open_states:
        if position < len(items):
            item = items[position]
            common = {"colours": colours, "areas": areas, "office": office, "owner_user": owner_user(item)}
            _report(item, t2, state, colour, when=_at("2026-11-20"), note=note, **common)
    _benefit_links(items, office)
    from .snapshot_demo import load as load_snapshots

    load_snapshots(office)
