"""The demo's annual cycle for 2026: the events of its own (the annual status report to NUIT, the
consultation on the revised strategy, the council's annual revision). Its reporting deadlines come
from the demo's reporting periods and its meetings from the demo's meetings (``demo.py``).

Idempotent: each event is found by its year and bokmål title and brought to these values.
"""

from __future__ import annotations

import datetime

from veikart.core.demo import upsert

from .cycle_models import CycleEvent
from .models import Body

YEAR = 2026
Kind = CycleEvent.Kind

# kind, starts, ends, body slug, title (nb, nn, en), description (nb, nn, en)
EVENTS = [
    (
        Kind.ANNUAL_REVISION,
        "2026-02-02",
        None,
        None,
        (
            "Årlig revisjon starter: innspill til justering av initiativ og mål",
            "Årleg revisjon startar: innspel til justering av initiativ og mål",
            "Annual revision begins: input on adjusting initiatives and goals",
        ),
        (
            "Strategikontoret ber aktørene og fagutvalget om innspill til årets revisjon av strategien.",
            "Strategikontoret ber aktørane og fagutvalet om innspel til årets revisjon av strategien.",
            "The strategy office asks the stakeholders and the professional committee for input to this "
            "year's revision of the strategy.",
        ),
    ),
    (
        Kind.ANNUAL_REPORT,
        "2026-03-12",
        None,
        "nuit",
        (
            "Årlig statusrapport for 2025 sendes til NUIT",
            "Årleg statusrapport for 2025 blir send til NUIT",
            "Annual status report for 2025 sent to NUIT",
        ),
        (
            "Rapporten bygger på porteføljens status ved utgangen av 2025 og behandles i NUIT 1/2026.",
            "Rapporten byggjer på statusen til porteføljen ved utgangen av 2025 og blir handsama i NUIT 1/2026.",
            "The report builds on the portfolio's status at the end of 2025 and is considered at NUIT 1/2026.",
        ),
    ),
    (
        Kind.OTHER,
        "2026-04-13",
        "2026-05-22",
        None,
        (
            "Høring av forslag til revidert strategi",
            "Høyring av forslag til revidert strategi",
            "Consultation on the proposed revised strategy",
        ),
        (
            "Forslaget til justerte initiativ og mål er på høring hos aktørene i sektoren.",
            "Forslaget til justerte initiativ og mål er på høyring hos aktørane i sektoren.",
            "The proposed adjustments to initiatives and goals are out for consultation with the sector.",
        ),
    ),
    (
        Kind.ANNUAL_REVISION,
        "2026-06-04",
        None,
        "e-helseradet",
        (
            "Nasjonalt e-helseråd: årlig revisjon av strategien",
            "Nasjonalt e-helseråd: årleg revisjon av strategien",
            "National e-health council: annual revision of the strategy",
        ),
        (
            "Rådet behandler den reviderte strategien etter høringen, med NUITs anbefaling.",
            "Rådet handsamar den reviderte strategien etter høyringa, med tilrådinga frå NUIT.",
            "The council considers the revised strategy after the consultation, with NUIT's recommendation.",
        ),
    ),
]


def load() -> None:
    """Create or update the 2026 cycle's own events (inside the governance demo's transaction)."""
    bodies = {body.slug: body for body in Body.objects.all()}
    for kind, starts, ends, body, titles, descriptions in EVENTS:
        values = {
            "kind": kind,
            "starts": datetime.date.fromisoformat(starts),
            "ends": datetime.date.fromisoformat(ends) if ends else None,
            "body": bodies.get(body) if body else None,
            "title_nn": titles[1],
            "title_en": titles[2],
            "description": descriptions[0],
            "description_nn": descriptions[1],
            "description_en": descriptions[2],
        }
        upsert(CycleEvent, {"year": YEAR, "title": titles[0]}, values)
