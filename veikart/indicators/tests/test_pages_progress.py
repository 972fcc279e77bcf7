"""The indicator page tells the recent trend, the projection range and its warnings, in nb and en."""

import pytest
from django.urls import reverse
from django.utils import translation

from veikart.indicators.progress import Status
from veikart.indicators.tests.factories import add_baseline, add_observations, add_target, make_indicator

pytestmark = pytest.mark.django_db

# The demo's Helsenorge visits (millions), with its demo target of 150 million by 2030.
HELSENORGE = {"2019": 37.2, "2020": 72.9, "2021": 140.9, "2022": 115.9, "2023": 109.5}


@pytest.fixture
def helsenorge():
    indicator = make_indicator(code="helsenorge-besok", name="Bruk av Helsenorge: besøk", unit="millioner besøk")
    add_observations(indicator, HELSENORGE)
    add_target(indicator, "2030", 150)
    return indicator


def _page(client, indicator, language: str) -> str:
    with translation.override(language):
        response = client.get(reverse("indicators:indicator-detail", args=[indicator.code]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_helsenorge_page_says_at_risk_falling_and_shows_the_projection_range_in_english(client, helsenorge):
    html = _page(client, helsenorge, "en")
    assert "At risk" in html
    assert "Falling over the last 2 years (since 2021). This runs against the trend since 2019." in html
    assert "That trend alone would say “On track”" in html
    assert "45.31–724.33" in html
    assert "more than 3 times the range of the observed values beyond the latest value" in html
    assert "Projection from the recent trend" in html  # the chart's legend
    assert "On track" not in html.split('id="targets-heading"')[1]


def test_the_helsenorge_page_says_the_same_in_norwegian(client, helsenorge):
    html = _page(client, helsenorge, "nb")
    with translation.override("nb"):
        at_risk = str(Status.AT_RISK.label)
    assert f'data-color="warning">{at_risk}</span>' in html
    assert (
        f"Den trenden alene ville gitt «I rute»; så lenge de siste årene peker den andre veien, er statusen høyst «{at_risk}»."
        in html
    )
    assert "Fallende de siste 2 årene (siden 2021)." in html
    assert "45,31–724,33" in html
    assert "mer enn 3 ganger" in html


def test_a_capped_projection_says_so_on_the_page(client):
    indicator = make_indicator(code="KJ", scale_max=356)
    add_baseline(indicator, "2022", 101)
    add_observations(indicator, {"2023": 274})
    add_target(indicator, "2025", 356)
    html = _page(client, indicator, "en")
    assert "Capped at the highest possible value, 356." in html
    assert "Recent trend" not in html


def test_an_indicator_without_values_says_no_data_yet(client):
    indicator = make_indicator(code="EMPTY")
    add_target(indicator, "2030", 10)
    html = _page(client, indicator, "en")
    assert "No data yet" in html
    assert "Not enough data" not in html


def test_a_single_value_explains_why_there_is_no_status_and_what_the_target_needs(client):
    indicator = make_indicator(code="kritisk-informasjon")
    add_observations(indicator, {"2022": 97000})
    add_target(indicator, "2030", 300000)
    html = _page(client, indicator, "en")
    assert "Not enough data" in html
    assert "a trend needs two points in time. Reaching 300,000 by 2030 needs growth of 15.2 % a year from 2022." in html
    html = _page(client, indicator, "nb")
    assert "Å nå 300\xa0000 innen 2030 krever en vekst på 15,2 % i året fra 2022." in html
