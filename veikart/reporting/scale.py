"""The status scale and the report areas a new installation starts with (data, editable in the admin).

Wording as the Norwegian Directorate of Health writes the scale out: green "i samsvar med plan", yellow
"noe avvik", red "vesentlige avvik". Areas as Prosjektportalen reports them. ``TRANSLATIONS`` holds the
nynorsk and English words of each, by key, for the translation columns (``translation.py``).
"""

COLOURS = [
    {
        "key": "green",
        "rank": 1,
        "colour": "#1a7f37",
        "name": "I samsvar med plan",
        "definition": "Leveransen går som planlagt: fremdrift, kostnad, omfang og kvalitet er innenfor planen, "
        "og kjente risikoer er under kontroll.",
    },
    {
        "key": "yellow",
        "rank": 2,
        "colour": "#b25e00",
        "name": "Noe avvik",
        "definition": "Det er avvik fra planen som kan håndteres innenfor leveransens egne rammer, "
        "men som må følges med på.",
    },
    {
        "key": "red",
        "rank": 3,
        "colour": "#c30000",
        "name": "Vesentlige avvik",
        "definition": "Vesentlige avvik fra planen som krever beslutning utenfor leveransen; "
        "svært sannsynlig ikke levert som planlagt.",
    },
]

AREAS = [
    {"key": "progress", "order": 1, "name": "Fremdrift og tid", "description": "Milepæler og datoer mot planen."},
    {"key": "cost", "order": 2, "name": "Kostnad", "description": "Forbruk og prognose mot budsjett."},
    {
        "key": "scope",
        "order": 3,
        "name": "Omfang og kvalitet",
        "description": "Leveres det som er avtalt, med rett kvalitet?",
    },
    {"key": "risk", "order": 4, "name": "Risiko", "description": "De viktigste risikoene og hvordan de håndteres."},
    {"key": "benefits", "order": 5, "name": "Gevinstrealisering", "description": "Arbeidet med å hente ut nytten."},
]

# (nynorsk, English) of each colour's name and definition and each area's name and description, by key.
TRANSLATIONS = {
    "colour": {
        "green": {
            "name": ("I samsvar med plan", "In line with the plan"),
            "definition": (
                "Leveransen går som planlagt: framdrift, kostnad, omfang og kvalitet er innanfor planen, "
                "og kjende risikoar er under kontroll.",
                "The delivery is going as planned: progress, cost, scope and quality are within the plan, "
                "and known risks are under control.",
            ),
        },
        "yellow": {
            "name": ("Noko avvik", "Some deviation"),
            "definition": (
                "Det er avvik frå planen som kan handterast innanfor leveransen sine eigne rammer, "
                "men som må følgjast med på.",
                "There are deviations from the plan that can be handled within the delivery's own limits, "
                "but that must be watched.",
            ),
        },
        "red": {
            "name": ("Vesentlege avvik", "Significant deviation"),
            "definition": (
                "Vesentlege avvik frå planen som krev avgjerd utanfor leveransen; "
                "svært sannsynleg ikkje levert som planlagt.",
                "Significant deviations from the plan that need a decision outside the delivery; "
                "very likely not delivered as planned.",
            ),
        },
    },
    "area": {
        "progress": {
            "name": ("Framdrift og tid", "Progress and time"),
            "description": ("Milepælar og datoar mot planen.", "Milestones and dates against the plan."),
        },
        "cost": {
            "name": ("Kostnad", "Cost"),
            "description": ("Forbruk og prognose mot budsjett.", "Spending and forecast against the budget."),
        },
        "scope": {
            "name": ("Omfang og kvalitet", "Scope and quality"),
            "description": (
                "Blir det levert det som er avtalt, med rett kvalitet?",
                "Is what was agreed being delivered, at the right quality?",
            ),
        },
        "risk": {
            "name": ("Risiko", "Risk"),
            "description": (
                "Dei viktigaste risikoane og korleis dei blir handterte.",
                "The main risks and how they are handled.",
            ),
        },
        "benefits": {
            "name": ("Gevinstrealisering", "Benefit realisation"),
            "description": ("Arbeidet med å hente ut nytten.", "The work of realising the benefits."),
        },
    },
}


def with_translations(kind: str, seed: dict) -> dict:
    """``seed`` (a row of ``COLOURS`` or ``AREAS``; ``kind`` "colour" or "area") with its texts in
    the bokmål, nynorsk and English columns as well, for creating the row through the model."""
    row = dict(seed)
    for field, (nynorsk, english) in TRANSLATIONS[kind][seed["key"]].items():
        row.update({f"{field}_nb": seed[field], f"{field}_nn": nynorsk, f"{field}_en": english})
    return row
