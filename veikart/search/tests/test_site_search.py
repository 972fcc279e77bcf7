"""The site search: every kind, the draft boundary, spelling suggestions, codes, empty and bad queries."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import translation

from veikart.conftest import client_for
from veikart.search.pages import site_search
from veikart.strategy.models import Goal, Strategy, SubGoal

SEARCH = reverse("search:results")
ANONYMOUS = AnonymousUser()


def shown(query: str, user=ANONYMOUS, kind: str | None = None) -> list[tuple[str, str]]:
    """(kind, title) of the first page of hits ``user`` gets for ``query``."""
    results = site_search(query=query, kind=kind, user=user)
    return [(hit.kind, hit.title) for _label, hit in results.page.object_list] if results.page else []


def test_one_query_finds_goals_sub_goals_roadmap_items_and_indicators_each_with_its_kind(site):
    results = site_search(query="journal", kind=None, user=ANONYMOUS)
    assert {count.source.kind: count.count for count in results.counts} == {
        "goal": 1,
        "sub_goal": 1,
        "indicator": 0,
        "roadmap_item": 1,
        "decision": 0,
    }
    assert shown("helsenorge") == [
        ("sub_goal", "Innsyn og dialog gjennom Helsenorge"),
        ("indicator", "Bruk av Helsenorge: besøk"),
        ("roadmap_item", "Helseverktøy på Helsenorge"),
    ]


def test_the_results_can_be_narrowed_to_one_kind_and_keep_the_counts_of_all(site):
    results = site_search(query="helsenorge", kind="indicator", user=ANONYMOUS)
    assert [hit.kind for _label, hit in results.page.object_list] == ["indicator"]
    assert results.total == 3


def test_an_unknown_kind_is_ignored(site):
    assert len(shown("helsenorge", kind="nothing")) == 3


@pytest.mark.parametrize("persona", [None, "outsider", "owner_editor", "body_member"])
def test_draft_items_and_indicators_are_neither_found_nor_counted_for_the_public(site, persona, request):
    user = request.getfixturevalue(persona) if persona else ANONYMOUS
    results = site_search(query="hemmeligprosjekt", kind=None, user=user)
    assert results.total == 0
    assert shown("hemmeligmåling", user=user) == []
    assert ("roadmap_item", "Hemmeligprosjekt i journal") not in shown("journal", user=user)


def test_the_strategy_office_finds_draft_items_and_indicators(site, strategy_office):
    assert shown("hemmeligprosjekt", user=strategy_office) == [("roadmap_item", "Hemmeligprosjekt i journal")]
    assert shown("hemmeligmåling", user=strategy_office) == [("indicator", "Hemmeligmåling av journal")]


@pytest.fixture
def draft_version(db) -> Strategy:
    """The only strategy version, unpublished, with a goal and a sub-goal."""
    strategy = Strategy.objects.create(
        title="Utkast", slug="utkast", status=Strategy.Status.DRAFT, period_start=2031, period_end=2040
    )
    goal = Goal.objects.create(strategy=strategy, number=1, title="Hemmelig framtidsmål")
    SubGoal.objects.create(goal=goal, code="1A", title="Hemmelig delmål")
    return strategy


@pytest.mark.parametrize("persona", [None, "outsider", "owner_editor"])
def test_goals_and_sub_goals_of_an_unpublished_version_are_not_found_by_the_public(draft_version, persona, request):
    user = request.getfixturevalue(persona) if persona else ANONYMOUS
    assert shown("hemmelig", user=user) == []
    assert shown("1A", user=user) == []


def test_body_members_find_goals_and_sub_goals_of_the_version_they_may_read(draft_version, body_member):
    assert shown("hemmelig", user=body_member) == [("goal", "Hemmelig framtidsmål"), ("sub_goal", "Hemmelig delmål")]


def test_a_misspelt_word_shows_the_results_of_its_clear_correction_with_a_note(site, anonymous_client):
    results = site_search(query="helsnorge", kind=None, user=ANONYMOUS)
    assert results.corrected and results.shown_query == "helsenorge"
    assert results.total == 3
    page = anonymous_client.get(SEARCH, {"q": "helsnorge"}).content.decode()
    assert "helsnorge" in page and "Helseverktøy på <mark>Helsenorge</mark>" in page


def test_kjernjournal_finds_kjernejournal(site):
    results = site_search(query="kjernjournal", kind=None, user=ANONYMOUS)
    assert results.shown_query == "kjernejournal"
    assert shown("kjernjournal") == [("roadmap_item", "Kjernejournal for alle")]


def test_a_query_with_no_hits_and_no_close_word_suggests_nothing(site):
    results = site_search(query="xyzzyq", kind=None, user=ANONYMOUS)
    assert (results.total, results.suggestions, results.corrected) == (0, [], False)


@pytest.mark.parametrize("query", ["1A", "1a", "1 a", " 1 A "])
def test_a_sub_goal_code_lists_the_sub_goal_then_its_roadmap_items(site, query):
    assert shown(query) == [
        ("sub_goal", "Innsyn og dialog gjennom Helsenorge"),
        ("roadmap_item", "Digital dialog med fastlege"),
        ("roadmap_item", "Helseverktøy på Helsenorge"),
    ]


def test_a_delivery_id_or_an_item_number_finds_that_item_first(site):
    item = site["items"]["helsenorge"]
    assert shown("56876000010000001")[0] == ("roadmap_item", "Helseverktøy på Helsenorge")
    assert ("roadmap_item", "Helseverktøy på Helsenorge") in shown(str(item.pk))


def test_an_indicator_code_finds_that_indicator_first(site):
    assert shown("HELSENORGE-BESOK")[0] == ("indicator", "Bruk av Helsenorge: besøk")


def test_a_draft_items_delivery_id_finds_nothing_for_the_public(site):
    site["items"]["draft"].delivery_id = "99"
    site["items"]["draft"].save()
    assert ("roadmap_item", "Hemmeligprosjekt i journal") not in shown("99")


def test_an_empty_search_offers_the_goals_the_indicators_recent_items_and_how_to_search(site, anonymous_client):
    results = site_search(query="  ", kind=None, user=ANONYMOUS)
    with translation.override("en"):
        titles = {str(label): [hit.title for hit in hits] for label, hits in results.starting_points}
    assert titles["The goals of the strategy"] == [goal.title for goal in site["goals"]]
    assert titles["Target indicators"] == ["Bruk av Helsenorge: besøk"]
    assert "Hemmeligprosjekt i journal" not in titles["Recently changed roadmap items"]
    page = anonymous_client.get(SEARCH).content.decode()
    assert 'id="search-help-heading"' in page and "Aktiv medvirkning i egen helse" in page


@pytest.mark.parametrize(
    "query",
    [
        "journal " * 500,
        "jour\x00nal\x1b[31m\r\n",
        "?!.,;:-()",
        "%",
        "_",
        "%_%",
        '"',
        "'; DROP TABLE search_searchword; --",
        "😀 helse ✓",
        "עברית",
        "ÆØÅ æøå",
        "a" * 5000,
        "*",
        "NEAR(a b)",
        "helse OR journal",
        "-journal",
    ],
)
def test_bad_input_never_answers_500(site, anonymous_client, query):
    response = anonymous_client.get(SEARCH, {"q": query, "page": "x", "type": "<b>"})
    assert response.status_code == 200


def test_htmx_requests_get_only_the_results(site):
    response = client_for(None).get(SEARCH, {"q": "journal"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert b"<html" not in response.content and b'id="site-search-results"' in response.content


@pytest.mark.parametrize(
    ("prefix", "heading", "lang"), [("", "Søk", "nb"), ("/nn", "Søk", "nn"), ("/en", "Search", "en")]
)
def test_the_page_speaks_each_language(site, anonymous_client, prefix, heading, lang):
    page = anonymous_client.get(f"{prefix}/sok/", {"q": "journal"}).content.decode()
    assert f'<html lang="{lang}"' in page
    assert f'data-size="xl">{heading}</h1>' in page


def test_the_header_links_every_page_to_the_site_search(site, anonymous_client):
    page = anonymous_client.get(reverse("core:home")).content.decode()
    assert f'action="{SEARCH}"' in page and 'id="header-q"' in page
