"""The roadmap list's filters say what they do: a goal narrows the sub-goals offered, an empty
combination says why, every filter in effect can be removed, and the timeline pages above and below."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse

from veikart.roadmap.views import TIMELINE_PAGE_SIZE

pytestmark = pytest.mark.django_db


def _options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S)[0]
    return [value for value in re.findall(r'<option value="([^"]*)"', select) if value]


def _chips(html: str) -> dict[str, str]:
    """Each "Remove filter" link's text and its address."""
    return {
        " ".join(unescape(text).split()): unescape(href)
        for href, text in re.findall(r'<a class="ds-chip"[^>]*href="([^"]*)">(.*?)</a>', html, re.S)
    }


def test_choosing_a_goal_narrows_the_sub_goals_offered_without_javascript(client, strategy):
    everything = client.get(reverse("roadmap:item-list")).content.decode()
    assert _options(everything, "sub_goal") == ["1A", "1C", "1D", "3B"]
    narrowed = client.get(reverse("roadmap:item-list"), {"goal": "1"}).content.decode()
    assert _options(narrowed, "sub_goal") == ["1A", "1C", "1D"]
    # HTMX swaps the sub-goal field with the results, so it narrows in place too.
    assert 'hx-select-oob="#filter-sub_goal"' in narrowed and 'id="filter-sub_goal"' in narrowed


def test_a_sub_goal_of_another_goal_stays_shown_and_the_empty_list_says_why(client, make_item, strategy):
    make_item(title="KI-tiltak", sub_goal=strategy.sub_goals.get(code="3B"))
    response = client.get(reverse("roadmap:item-list"), {"goal": "1", "sub_goal": "3B"})
    html = response.content.decode()
    assert response.status_code == 200
    assert _options(html, "sub_goal") == ["1A", "1C", "1D", "3B"]
    assert '<option value="3B" selected>' in html
    assert "KI-tiltak" not in html
    assert "Delmål 3B hører ikke til mål 1" in html
    # The ways out: the sub-goal alone, or the whole goal.
    assert 'href="?sub_goal=3B"' in html and 'href="?goal=1"' in html


def test_an_empty_combination_without_a_mismatch_points_at_the_filters_to_remove(client, make_item, phases):
    make_item(title="I bruk", phase=phases["I bruk"])
    html = client.get(reverse("roadmap:item-list"), {"goal": "1", "phase": "innforing"}).content.decode()
    assert "Ingen tiltak passer med alle filtrene over" in html
    assert len(_chips(html)) == 2


def test_every_filter_in_effect_is_shown_and_removable_alone_or_all_at_once(client, make_item, phases, citizens):
    make_item(user_groups=[citizens])
    query = {"goal": "1", "phase": "innforing", "user_group": "innbyggere", "page": "1"}
    html = client.get(reverse("roadmap:item-list"), query).content.decode()
    chips = _chips(html)
    assert chips == {
        "Fjern filter: Mål: 1. Aktiv medvirkning i egen og næres helse": "?phase=innforing&user_group=innbyggere",
        "Fjern filter: Fase: Innføring": "?goal=1&user_group=innbyggere",
        "Fjern filter: Brukergruppe: Innbyggere": "?goal=1&phase=innforing",
    }
    assert re.search(r'<a class="ds-link" href="\?">Fjern alle filtre</a>', html)


def test_an_unfiltered_or_invalid_filter_shows_no_chips(client, make_item):
    make_item()
    assert not _chips(client.get(reverse("roadmap:item-list")).content.decode())
    html = client.get(reverse("roadmap:item-list"), {"phase": "finnes-ikke"}).content.decode()
    assert not _chips(html)


def test_the_timeline_has_its_filters_in_effect_and_a_pager_above_and_below(client, make_item):
    for n in range(TIMELINE_PAGE_SIZE + 1):
        make_item(title=f"Tiltak {n:03}", start_date=datetime.date(2024, 1, 1))
    html = client.get(reverse("roadmap:timeline"), {"goal": "1"}).content.decode()
    pagers = re.findall(r'<nav class="ds-pagination vk-pagination" aria-label="([^"]*)">', html)
    assert pagers == ["Sider, over tidslinjen", "Sider, under tabellen"]
    assert html.index(pagers[0]) < html.index('class="vk-timeline"') < html.index("<table") < html.index(pagers[1])
    assert "Fjern filter: Mål: 1. Aktiv medvirkning i egen og næres helse" in _chips(html)
