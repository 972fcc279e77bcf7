"""The spreadsheet's format: its sheets, their columns, and how a cell is read (status words, item ids, text)."""

from __future__ import annotations

import re
from typing import Any

from veikart.core.exchange.schema import Column, Schema
from veikart.roadmap.importers import cell_text

from ..models import StatusArea, StatusColour

IMPORT_KIND = "status-reports"
SHEET_REPORTS = "Statusrapporter"
SHEET_RISKS = "Risikoer"
SHEET_GUIDE = "Veiledning"
# The portfolio has some two thousand items; a file far longer than that is not a period's reports.
MAX_ROWS = 5_000

# The colour words people type for the seeded scale (``scale.py``), in bokmål, nynorsk and English;
# the scale's keys and names are taken as well, whatever the scale says.
COLOUR_WORDS = {
    "green": ("grønn", "grønt", "grøn", "green"),
    "yellow": ("gul", "gult", "yellow", "amber"),
    "red": ("rød", "rødt", "raud", "raudt", "red"),
}
NOT_ASSESSED_WORDS = ("ikke vurdert", "ikkje vurdert", "not assessed")
_ITEM_ID = re.compile(r"^\d{1,12}$")

ITEM_ID = Column("item_id", "Tiltak-ID", ("ID", "Item id", "Tiltaks-ID", "Tiltak ID"), required=True)
TITLE = Column("title", "Tiltak", ("Tiltaksnavn", "Roadmap item", "Item"))


def report_columns(areas: list[StatusArea]) -> Schema:
    """The columns of the sheet ``Statusrapporter``: two per area (the areas are data)."""
    per_area = []
    for area in areas:
        per_area.append(Column(f"area:{area.key}", f"{area.name}: status", (f"{area.key} status",)))
        per_area.append(Column(f"comment:{area.key}", f"{area.name}: kommentar", (f"{area.key} comment",)))
    return Schema(
        (
            ITEM_ID,
            TITLE,
            Column("owners", "Eiere", ("Eier", "Owners")),
            Column("period", "Periode", ("Period",)),
            Column("state", "Rapportstatus", ("Report state", "State")),
            Column("overall", "Samlet status", ("Samla status", "Overall status", "Status")),
            *per_area,
            Column("narrative", "Status i ord", ("Narrative", "Status in words")),
            Column("next_steps", "Neste steg", ("Neste steg", "Next steps")),
            Column("expected_phase", "Forventet faseendring", ("Forventa faseendring", "Expected phase change")),
            Column("expected_end_date", "Forventet sluttdato", ("Forventa sluttdato", "Expected end date")),
        )
    )


RISK_COLUMNS = Schema(
    (
        ITEM_ID,
        TITLE,
        Column("position", "Nr.", ("Number", "No")),
        Column("description", "Risiko", ("Risk",), required=True),
        Column("likelihood", "Sannsynlighet (1–5)", ("Sannsynlighet", "Likelihood"), required=True),
        Column("consequence", "Konsekvens (1–5)", ("Konsekvens", "Consequence"), required=True),
        Column("mitigation", "Risikoreduserende tiltak", ("Mitigation",)),
        Column("owner", "Risikoeier", ("Risk owner",)),
    )
)


def words(colour: StatusColour) -> tuple[str, ...]:
    return (colour.key, *COLOUR_WORDS.get(colour.key, ()))


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def plain_text(value: Any) -> str:
    """A text cell as the report keeps it: line ends as ``\\n``, stripped; a number or a date as text."""
    return cell_text(value).replace("\r\n", "\n").replace("\r", "\n")


def parse_item_id(value: Any) -> int | None:
    """An item id from a number cell (``12``, ``12.0``) or a text cell (``"12"``, ``" 12 "``); else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value > 0 else None
    if isinstance(value, int):
        return value if value > 0 else None
    text = str(value).strip().replace("\u00a0", "")
    return int(text) if _ITEM_ID.match(text) and int(text) > 0 else None


def colour_lookup(colours: list[StatusColour]) -> dict[str, str]:
    """Every word that names a colour (its key, its name, the colour words) → its key."""
    lookup = {}
    for colour in colours:
        for word in (*words(colour), colour.name):
            lookup[fold(word)] = colour.key
    return lookup
