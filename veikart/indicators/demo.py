"""Demo indicators: the ones the strategy draft names, with the published figures as real observations.

Published figures (Norwegian e-health monitor) carry their source in the observation note. Targets
are invented for the demo and flagged ``is_demo``; the per-region breakdown of the summary care
record indicator is invented too and flagged ``is_illustrative``. Idempotent: a second run changes
nothing and writes no history.
"""

from __future__ import annotations

from decimal import Decimal

from veikart.accounts.models import Organisation
from veikart.core.demo import sync_m2m, upsert
from veikart.indicators.models import Baseline, Dimension, DimensionValue, Indicator, Observation, Target
from veikart.strategy.models import Goal, Strategy, SubGoal

STRATEGY_SLUG = "e-helsestrategi-2023-2030"
MONITOR = "Norsk e-helsemonitor"
CITED = f"Kilde: {MONITOR}."

M = Indicator.MeasureType
REGIONS = [
    ("helse-sor-ost", "Helse Sør-Øst"),
    ("helse-vest", "Helse Vest"),
    ("helse-midt-norge", "Helse Midt-Norge"),
    ("helse-nord", "Helse Nord"),
]
MUNICIPALITIES = [
    ("0301", "Oslo", "helse-sor-ost"),
    ("4601", "Bergen", "helse-vest"),
    ("5001", "Trondheim", "helse-midt-norge"),
    ("5501", "Tromsø", "helse-nord"),
]

# code, name, goal, sub-goals, measure, bounds, unit, source kind, source, responsible (short name), definition
INDICATORS = [
    (
        "emram",
        "Digital modenhet i helseforetakene (HIMSS EMRAM)",
        2,
        ["2A"],
        M.SCALE,
        (0, 7),
        "trinn",
        Indicator.SourceKind.SURVEY,
        "HIMSS EMRAM-vurdering",
        "Hdir",
        "Gjennomsnittlig trinn på HIMSS sin modenhetsskala for elektronisk pasientjournal (0–7) i helseforetakene.",
    ),
    (
        "helsepersonell-undersokelse",
        "Helsepersonellundersøkelsen: opplevd nytte av digitale verktøy",
        2,
        ["2A", "2E"],
        M.SURVEY_SCORE,
        (1, 5),
        "skår",
        Indicator.SourceKind.SURVEY,
        "Den årlige helsepersonellundersøkelsen",
        "Hdir",
        "Gjennomsnittlig skår (1–5) på spørsmål om digitale verktøy gjør arbeidshverdagen enklere.",
    ),
    (
        "innbygger-undersokelse",
        "Innbyggerundersøkelsen: tillit til digitale helsetjenester",
        1,
        ["1A", "1E"],
        M.SURVEY_SCORE,
        (1, 5),
        "skår",
        Indicator.SourceKind.SURVEY,
        "Den årlige innbyggerundersøkelsen",
        "Hdir",
        "Gjennomsnittlig skår (1–5) for innbyggernes tillit til og nytte av digitale helsetjenester.",
    ),
    (
        "digital-kontakt",
        "Innbyggere med digital kontakt med helsetjenesten",
        1,
        ["1A"],
        M.PERCENTAGE,
        (None, None),
        "%",
        Indicator.SourceKind.SURVEY,
        MONITOR,
        "Hdir",
        "Andel innbyggere som har hatt digital kontakt med helsetjenesten siste år.",
    ),
    (
        "helsenorge-besok",
        "Bruk av Helsenorge: besøk",
        1,
        ["1A", "1C"],
        M.COUNT,
        (None, None),
        "millioner besøk",
        Indicator.SourceKind.SYSTEM,
        MONITOR,
        "NHN",
        "Antall besøk på helsenorge.no per år, i millioner.",
    ),
    (
        "digital-hjemmeoppfolging",
        "Brukere av digital hjemmeoppfølging",
        1,
        ["1B"],
        M.COUNT,
        (None, None),
        "personer",
        Indicator.SourceKind.ORGANISATION,
        "Kommunene, via KS",
        "KS",
        "Antall personer som følges opp digitalt hjemme av kommunen eller spesialisthelsetjenesten.",
    ),
    (
        "velferdsteknologi",
        "Mottakere av velferdsteknologi",
        1,
        ["1B"],
        M.COUNT,
        (None, None),
        "personer",
        Indicator.SourceKind.ORGANISATION,
        MONITOR,
        "KS",
        "Antall personer som mottar velferdsteknologiske løsninger fra kommunen.",
    ),
    (
        "kjernejournal-kommuner",
        "Kommuner som bruker kjernejournal",
        4,
        ["4A"],
        M.COUNT,
        (0, 356),
        "kommuner",
        Indicator.SourceKind.SYSTEM,
        MONITOR,
        "NHN",
        "Antall kommuner der helsepersonell i den kommunale helse- og omsorgstjenesten har tatt i bruk kjernejournal.",
    ),
    (
        "kritisk-informasjon",
        "Innbyggere med kritisk informasjon registrert",
        4,
        ["4A"],
        M.COUNT,
        (None, None),
        "personer",
        Indicator.SourceKind.SYSTEM,
        MONITOR,
        "NHN",
        "Antall innbyggere som har kritisk informasjon (for eksempel alvorlige allergier) registrert i kjernejournal.",
    ),
    (
        "legemiddelliste",
        "Pasientens legemiddelliste i bruk",
        2,
        ["2D"],
        M.PERCENTAGE,
        (None, None),
        "%",
        Indicator.SourceKind.SYSTEM,
        "Norsk helsenett",
        "NHN",
        "Andel av landets kommuner og helseforetak som bruker pasientens legemiddelliste.",
    ),
    (
        "dokumentdeling",
        "Dokumentdeling mellom virksomheter",
        4,
        ["4A"],
        M.COUNT,
        (None, None),
        "dokumenter",
        Indicator.SourceKind.SYSTEM,
        "Norsk helsenett",
        "NHN",
        "Antall journaldokumenter som deles mellom virksomheter gjennom nasjonale løsninger per år.",
    ),
    (
        "helsedataservice-soknader",
        "Søknader til Helsedataservice",
        3,
        ["3A", "3C"],
        M.COUNT,
        (None, None),
        "søknader",
        Indicator.SourceKind.ORGANISATION,
        "Helsedataservice",
        "Hdir",
        "Antall søknader om tilgang til helsedata behandlet av Helsedataservice per år.",
    ),
    (
        "forskningsartikler",
        "Forskningsartikler basert på helsedata",
        3,
        ["3C"],
        M.COUNT,
        (None, None),
        "artikler",
        Indicator.SourceKind.ORGANISATION,
        "Forskningsinstitusjonene",
        "FHI",
        "Antall vitenskapelige artikler per år som bygger på data fra nasjonale helseregistre.",
    ),
]

# code: [(period, value, note)] — published figures, source cited in the note.
PUBLISHED = {
    "kjernejournal-kommuner": [
        ("2022", "101", f"Rett over 100 kommuner; lagret som 101. {CITED}"),
        ("2023", "274", f"Ved utgangen av 2023. {CITED}"),
    ],
    "helsenorge-besok": [
        ("2019", "37.2", CITED),
        ("2020", "72.9", CITED),
        ("2021", "140.9", CITED),
        ("2022", "115.9", CITED),
        ("2023", "109.5", CITED),
    ],
    "digital-kontakt": [("2019", "33", CITED), ("2023", "57", CITED)],
    "velferdsteknologi": [("2018", "99616", CITED), ("2022", "125286", CITED)],
    "kritisk-informasjon": [("2022", "97000", f"Om lag 97 000 ved utgangen av 2022. {CITED}")],
}

BASELINES = {"kjernejournal-kommuner": ("2022", "101"), "digital-kontakt": ("2019", "33")}

# code: [(period, value, justification)] — invented for the demo.
DEMO_TARGETS = {
    "kjernejournal-kommuner": [("2025", "356", "Demomål: alle kommuner bruker kjernejournal innen 2025.")],
    "digital-kontakt": [("2030", "80", "Demomål: fire av fem innbyggere har digital kontakt innen 2030.")],
    "helsenorge-besok": [("2030", "150", "Demomål: bruken av Helsenorge øker igjen etter pandemitoppen.")],
    "velferdsteknologi": [("2030", "200000", "Demomål: flere kan bo trygt hjemme.")],
    "kritisk-informasjon": [("2030", "300000", "Demomål.")],
    "emram": [("2030", "6", "Demomål: helseforetakene når trinn 6.")],
}

# Invented split of the summary care record figures per health region; flagged illustrative.
ILLUSTRATIVE_REGIONS = {
    "kjernejournal-kommuner": {
        "2022": {"helse-sor-ost": 40, "helse-vest": 25, "helse-midt-norge": 20, "helse-nord": 16},
        "2023": {"helse-sor-ost": 110, "helse-vest": 62, "helse-midt-norge": 52, "helse-nord": 50},
    }
}
ILLUSTRATIVE_NOTE = "Illustrativ fordeling laget for demoen; ikke publiserte tall."


def _dimensions() -> None:
    region, _changed = upsert(Dimension, {"code": "region"}, {"name": "Helseregion", "position": 1})
    for position, (code, label) in enumerate(REGIONS):
        upsert(DimensionValue, {"dimension": region, "code": code}, {"label": label, "position": position})
    municipality, _changed = upsert(Dimension, {"code": "kommune"}, {"name": "Kommune", "position": 2})
    parents = {v.code: v for v in region.values.all()}
    for position, (code, label, parent) in enumerate(MUNICIPALITIES):
        upsert(
            DimensionValue,
            {"dimension": municipality, "code": code},
            {"label": label, "position": position, "parent": parents[parent]},
        )


def _observation(indicator: Indicator, period: str, value: str, *, note: str = "", key: str = "", **extra) -> None:
    upsert(
        Observation,
        {"indicator": indicator, "period": period, "breakdown_key": key},
        {"value": Decimal(value), "note": note, "status": Observation.Status.FINAL, **extra},
    )


def load(*, demo_passwords: bool = False) -> None:
    strategy = Strategy.objects.filter(slug=STRATEGY_SLUG).first()
    if strategy is None:
        return
    _dimensions()
    goals = {goal.number: goal for goal in Goal.objects.filter(strategy=strategy)}
    sub_goals = {sub_goal.code: sub_goal for sub_goal in SubGoal.objects.filter(strategy=strategy)}
    organisations = {o.short_name: o for o in Organisation.objects.all()}
    for code, name, goal, codes, measure, (low, high), unit, kind, source, responsible, definition in INDICATORS:
        indicator, _changed = upsert(
            Indicator,
            {"code": code},
            {
                "name": name,
                "goal": goals.get(goal),
                "definition": definition,
                "measure_type": measure,
                "scale_min": None if low is None else Decimal(low),
                "scale_max": None if high is None else Decimal(high),
                "unit": unit,
                "direction": Indicator.Direction.HIGHER,
                "frequency": Indicator.Frequency.YEARLY,
                "source_kind": kind,
                "source_name": source,
                "responsible": organisations.get(responsible),
                "status": Indicator.Status.PROPOSED,
                "is_published": True,
            },
        )
        sync_m2m(indicator.sub_goals, [sub_goals[c] for c in codes if c in sub_goals])
        for period, value, note in PUBLISHED.get(code, []):
            _observation(indicator, period, value, note=note, is_illustrative=False)
        if code in BASELINES:
            period, value = BASELINES[code]
            upsert(Baseline, {"indicator": indicator}, {"period": period, "value": Decimal(value)})
        for period, value, justification in DEMO_TARGETS.get(code, []):
            upsert(
                Target,
                {"indicator": indicator, "period": period},
                {"value": Decimal(value), "justification": justification, "is_demo": True},
            )
        for period, split in ILLUSTRATIVE_REGIONS.get(code, {}).items():
            for region, value in split.items():
                _observation(
                    indicator, period, str(value), note=ILLUSTRATIVE_NOTE, key=f"region={region}", is_illustrative=True
                )
