"""The demo's 2026 cycle, as `make run` shows it: its own events beside the demo's reporting deadlines
and meetings."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from veikart.governance import cycle_demo
from veikart.governance.models import CycleEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_the_demo_cycle_2026_has_its_events_the_reporting_deadlines_and_the_meetings(client, demo):
    with translation.override("nb"):
        html = client.get(f"{reverse('governance:cycle')}?year=2026").content.decode()
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    for expected in (
        "Årlig statusrapport for 2025 sendes til NUIT",
        "Høring av forslag til revidert strategi",
        "Nasjonalt e-helseråd: årlig revisjon av strategien",
        "Frist for statusrapportering 2026 T1",
        "Statusrapportering 2026 T2 åpner",
        "Møte NUIT 1/2026",
        "Møte NUIT 4/2026",
        "Møte e-helserådet 1/2026",
    ):
        assert expected in text, expected


def test_loading_the_demo_cycle_again_changes_nothing(demo):
    before = list(CycleEvent.objects.order_by("pk").values())
    cycle_demo.load()
    assert list(CycleEvent.objects.order_by("pk").values()) == before
    assert CycleEvent.objects.filter(year=2026).count() == len(cycle_demo.EVENTS)
    assert not CycleEvent.history.filter(history_type="~").exists()
