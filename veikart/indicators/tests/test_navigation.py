"""The indicator list shows and removes its filters, the sparklines say which way the trend goes,
and the CSV download opens as it is in Norwegian Excel (issue 11, points 5 and 6)."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from veikart.indicators.models import Indicator
from veikart.indicators.tests.factories import add_observations, make_goal, make_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal():
    return make_goal()


def _chips(html: str) -> dict[str, str]:
    return {
        " ".join(unescape(text).split()): unescape(href)
        for href, text in re.findall(r'<a class="ds-chip"[^>]*href="([^"]*)">(.*?)</a>', html, re.S)
    }


def test_every_filter_of_the_indicator_list_is_shown_and_removable(client, goal):
    indicator = make_indicator(code="KJ", goal=goal, source_name="Norsk e-helsemonitor")
    add_observations(indicator, {"2022": 101, "2023": 274})
    url = reverse("indicators:indicator-list")
    html = client.get(url, {"goal": "1", "source": "Norsk e-helsemonitor", "status": ""}).content.decode()
    chips = _chips(html)
    assert chips == {
        f"Remove filter: Goal: {goal}": "?source=Norsk+e-helsemonitor",
        "Remove filter: Source: Norsk e-helsemonitor": "?goal=1",
    }
    assert re.search(r'<a class="ds-link" href="\?">Remove all filters</a>', html)
    assert not _chips(client.get(url).content.decode())


def test_a_sparkline_says_which_way_the_trend_goes_and_which_way_is_better(client, goal):
    rising = make_indicator(code="UP", name="Besøk", goal=goal)
    add_observations(rising, {"2019": 37.2, "2023": 109.5})
    falling = make_indicator(code="DOWN", name="Ventetid", goal=goal, direction=Indicator.Direction.LOWER)
    add_observations(falling, {"2020": 40, "2024": 31})
    flat = make_indicator(code="FLAT", name="Flat", goal=goal)
    add_observations(flat, {"2020": 5, "2021": 5})
    html = client.get(reverse("indicators:indicator-list")).content.decode()
    labels = [
        unescape(label) for label in re.findall(r'class="vk-sparkline"|aria-label="(Trend of [^"]*)"', html) if label
    ]
    assert "Trend of Besøk: up from 37.2 in 2019 to 109.5 in 2023; higher is better." in labels
    assert "Trend of Ventetid: down from 40 in 2020 to 31 in 2024; lower is better." in labels
    assert "Trend of Flat: unchanged at 5 from 2020 to 2021; higher is better." in labels


def test_the_sparkline_label_is_in_the_pages_language(client, goal):
    indicator = make_indicator(code="UP", name="Besøk", goal=goal)
    add_observations(indicator, {"2019": 37.2, "2023": 109.5})
    with translation.override("nb"):
        html = client.get(reverse("indicators:indicator-list")).content.decode()
    assert "Trend for Besøk: opp fra 37,2 i 2019 til 109,5 i 2023; høyere er bedre." in unescape(html)


def test_the_csv_download_opens_in_norwegian_excel_as_it_is(client, goal):
    indicator = make_indicator(code="KJ", goal=goal)
    add_observations(indicator, {"2023": 57.5, "2024-05-17": 1234.25})
    with translation.override("nb"):
        data = client.get(reverse("indicators:indicator-download", args=["KJ", "csv"])).getvalue()
    # A byte-order mark, so Excel reads UTF-8; semicolons, decimal commas and CRLF line ends.
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    lines = text.split("\r\n")
    assert lines[0] == "indicator;period;value;status;note"
    assert lines[1].startswith("KJ;2023;57,5;")
    # A day as ISO 8601, which Excel reads as a date in every locale; no thousands separator.
    assert lines[2].startswith("KJ;2024-05-17;1234,25;")
    everything = client.get(reverse("indicators:download-all", args=["csv"])).getvalue()
    assert everything.startswith(b"\xef\xbb\xbf") and b"57.5" in everything  # English: a decimal point
