"""What the workspace list's speed-ups must not change: pages chosen by key, the publication filter
compared with a value, and the name filter (trigram-indexed on PostgreSQL)."""

import pytest
from django.db import connection

from veikart.conftest import client_for
from veikart.strategy.models import SubGoal

LIST = "/forvaltning/veikart/tiltak/"

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index is PostgreSQL's")


def _titles_in_order(page: str, titles: list[str]) -> list[str]:
    found = [title for title in titles if title in page]
    return sorted(found, key=page.index)


def test_unpublished_items_by_sub_goal_are_paged_in_order_with_their_owners(make_item, strategy, nhn, strategy_office):
    first, second = SubGoal.objects.filter(strategy=strategy).order_by("pk")[:2]
    for sub_goal in (second, first):
        for number in range(30):
            title = f"Utkast {sub_goal.code} {number:02d}"
            make_item(title=title, sub_goal=sub_goal, is_published=False, owners=[nhn])
    make_item(title="Utkast publisert", sub_goal=first, is_published=True)
    # By sub-goal in the order they were registered, then by name.
    expected = [f"Utkast {code} {number:02d}" for code in (first.code, second.code) for number in range(30)]
    client = client_for(strategy_office)

    page_1 = client.get(LIST, {"publication": "unpublished", "sort": "sub_goal"}).text
    page_2 = client.get(LIST, {"publication": "unpublished", "sort": "sub_goal", "page": "2"}).text

    assert _titles_in_order(page_1, expected) == expected[:50]
    assert _titles_in_order(page_2, expected) == expected[50:]
    assert "Utkast publisert" not in page_1 + page_2
    assert "1–50 av 60" in page_1 and "51–60 av 60" in page_2
    assert page_2.count("<td>NHN</td>") == 10


def test_the_publication_filter_keeps_published_and_submitted_apart(make_item, nhn_editor, strategy_office):
    make_item(title="Ute")
    make_item(title="Inne")
    submitted = make_item(title="Sendt inn", is_published=False)
    submitted.publication_requested_at = submitted.updated_at
    submitted.save()
    client = client_for(strategy_office)

    published = client.get(LIST, {"publication": "published"}).text
    unpublished = client.get(LIST, {"publication": "unpublished"}).text
    waiting = client.get(LIST, {"publication": "submitted"}).text

    assert "Ute" in published and "Sendt inn" not in published
    assert "Sendt inn" in unpublished and "Ute" not in unpublished
    assert "Sendt inn" in waiting and "Ute" not in waiting and "Inne" not in waiting


def test_the_name_filter_finds_part_of_a_name_in_any_ascii_case_and_an_exact_delivery_id(make_item, strategy_office):
    make_item(title="Felles KOMMUNEløsning")
    make_item(title="Kommunene deler data")
    make_item(title="Fylkets tiltak", delivery_id="kommune")
    make_item(title="Helseregister")
    page = client_for(strategy_office).get(LIST, {"q": "kommune"}).text
    assert "Felles KOMMUNEløsning" in page
    assert "Kommunene deler data" in page
    assert "Fylkets tiltak" in page
    assert "Helseregister" not in page
    assert "1–3 av 3" in page


def test_the_name_filter_finds_norwegian_letters_written_as_in_the_name(make_item, strategy_office):
    make_item(title="Bærum og Ålesund")
    make_item(title="Tønsberg")
    client = client_for(strategy_office)
    assert "Bærum og Ålesund" in client.get(LIST, {"q": "ærum"}).text
    assert "Bærum og Ålesund" in client.get(LIST, {"q": "Ålesund"}).text
    assert "Tønsberg" not in client.get(LIST, {"q": "ærum"}).text


@on_postgresql
def test_on_postgresql_the_name_filter_ignores_the_case_of_æøå(make_item, strategy_office):
    make_item(title="Bærum og Ålesund")
    make_item(title="Tønsberg")
    client = client_for(strategy_office)
    assert "Bærum og Ålesund" in client.get(LIST, {"q": "BÆRUM"}).text
    assert "Bærum og Ålesund" in client.get(LIST, {"q": "ålesund"}).text
    assert "Tønsberg" in client.get(LIST, {"q": "TØNS"}).text
    assert "Tønsberg" not in client.get(LIST, {"q": "BÆRUM"}).text


@on_postgresql
def test_on_postgresql_the_name_filter_has_a_trigram_index(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'roadmap_item_title_trgm'")
        (definition,) = cursor.fetchone()
    assert "gin_trgm_ops" in definition and "upper" in definition.lower()
