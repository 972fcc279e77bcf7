"""The demo's portfolio: the flags it is arranged to show (issue 12: "the overview flags the demo item
whose colour disagrees with its indicators")."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from veikart.indicators.models import Indicator
from veikart.reporting import pages
from veikart.reporting.flags import COLOUR_AGAINST_INDICATORS, DEPENDENCY_SLIP
from veikart.reporting.models import BenefitLink
from veikart.reporting.snapshot_models import PortfolioSnapshot
from veikart.strategy.models import Strategy

pytestmark = pytest.mark.django_db


def test_the_demo_portfolio_flags_one_green_item_against_its_indicator_and_one_dependant_of_a_slip(
    demo, anonymous_client
):
    strategy = Strategy.objects.published().current()
    periods = pages.published_periods(strategy)
    rows = pages.portfolio_rows(periods, periods[0])
    flagged = {
        row.item.title: [(flag.kind, strip_tags(flag.reason)) for flag in row.flags] for row in rows if row.flags
    }
    assert periods[0].name == "2026 T1"
    assert flagged.keys() == {"Helseverktøy (Helsenorge)", "Felles analysemiljø for helseregistre"}
    ((kind, reason),) = flagged["Helseverktøy (Helsenorge)"]
    assert kind == COLOUR_AGAINST_INDICATORS and "Bruk av Helsenorge: besøk" in reason
    ((kind, reason),) = flagged["Felles analysemiljø for helseregistre"]
    assert kind == DEPENDENCY_SLIP and "Helseanalyseplattform for sekundærbruk" in reason
    # Items linked to the same falling indicator but reported yellow are not flagged: they report a deviation.
    assert BenefitLink.objects.filter(indicator__code="helsenorge-besok").count() == 2
    page = anonymous_client.get(reverse("reporting:portfolio")).content.decode()
    assert "Helseverktøy (Helsenorge)" in page
    # The filter "only flagged items" counts them over the whole portfolio.
    page = anonymous_client.get(reverse("reporting:portfolio"), {"flagged": "on"}).content.decode()
    assert "(2 flagget)" in page


def test_the_demo_links_only_published_indicators_and_the_snapshots_freeze_them(demo):
    assert not BenefitLink.objects.exclude(indicator__in=Indicator.objects.published()).exists()
    snapshot = PortfolioSnapshot.objects.get(title="Til NUIT-møte 1/2026")
    frozen = {entry["title"]: entry["indicators"] for entry in snapshot.document["items"]}
    (visits,) = frozen["Helseverktøy (Helsenorge)"]
    assert (visits["code"], visits["status"], visits["latest_value"]) == ("helsenorge-besok", "at_risk", "109.5")
