"""The status scale and the report areas a new installation starts with (data, editable in the admin).

Wording as the Norwegian Directorate of Health writes the scale out: green "i samsvar med plan", yellow
"noe avvik", red "vesentlige avvik". Areas as Prosjektportalen reports them.
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
