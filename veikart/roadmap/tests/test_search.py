"""Norwegian full-text search: stemming, ranking, highlighting and the draft boundary."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from veikart.core.search import highlight
from veikart.roadmap.importers import plan_import
from veikart.roadmap.models import RoadmapItem, RoadmapItemSearch
from veikart.roadmap.search import ranked_item_ids
from veikart.roadmap.services import roadmap_import
from veikart.strategy.models import Goal, Strategy, SubGoal

SEARCH = reverse("roadmap:search")


def found(query: str, user=None, strategy=None) -> list[str]:
    """Titles of the current strategy's items ``user`` (default: the public) finds with ``query``, best first."""
    user = user or AnonymousUser()
    strategy = strategy or Strategy.objects.current()
    ids = ranked_item_ids(query, strategy=strategy, user=user)
    titles = dict(RoadmapItem.objects.filter(pk__in=ids).values_list("pk", "title"))
    return [titles[pk] for pk in ids]


@pytest.fixture
def items(make_item, nhn):
    return {
        "kommune": make_item(title="Felles journal for kommune og fastlege", description="Samhandling i hver kommune."),
        "helsenorge": make_item(title="Helseverktøy (Helsenorge)", description="Verktøy for innbyggere."),
        "owned": make_item(title="Nasjonal samhandlingsplattform", owners=[nhn]),
        "draft": make_item(title="Hemmelig kommuneprosjekt", is_published=False),
    }


def test_an_inflected_form_finds_the_base_form(items):
    assert found("kommunene") == ["Felles journal for kommune og fastlege"]


def test_search_ignores_case(items):
    assert found("helsenorge") == ["Helseverktøy (Helsenorge)"]


def test_owners_and_descriptions_are_searched(items):
    assert found("helsenett") == ["Nasjonal samhandlingsplattform"]
    assert found("innbyggere") == ["Helseverktøy (Helsenorge)"]


def test_an_owner_added_later_is_searchable(items, oslo):
    items["helsenorge"].owners.add(oslo)
    assert "Helseverktøy (Helsenorge)" in found("oslo")


def test_a_partial_word_finds_items_as_you_type(items):
    assert found("helseverk") == ["Helseverktøy (Helsenorge)"]


def test_every_word_must_match(items):
    assert found("kommune fastlege") == ["Felles journal for kommune og fastlege"]
    assert found("kommune helsenorge") == []


def test_a_match_in_the_name_ranks_above_one_in_the_text(make_item):
    make_item(title="Velferdsteknologi", description="Gir trygghet i kommunen.")
    make_item(title="Kommunal journal", description="Journal.")
    assert found("kommunal")[0] == "Kommunal journal"


def test_unpublished_items_never_appear_for_the_public(items, strategy_office):
    assert "Hemmelig kommuneprosjekt" not in found("kommuneprosjekt")
    assert found("kommuneprosjekt", strategy_office) == ["Hemmelig kommuneprosjekt"]


def test_publishing_and_unpublishing_an_item_reaches_the_search_at_once(items):
    draft = items["draft"]
    draft.is_published = True
    draft.save()
    assert found("kommuneprosjekt") == ["Hemmelig kommuneprosjekt"]
    draft.is_published = False
    draft.save()
    assert found("kommuneprosjekt") == []


def test_items_of_an_unpublished_strategy_are_found_by_staff_only(items, strategy, strategy_office):
    Strategy.objects.filter(pk=strategy.pk).update(is_published=False)
    strategy.refresh_from_db()
    assert found("kommune", strategy=strategy) == []
    assert "Felles journal for kommune og fastlege" in found("kommune", strategy_office, strategy=strategy)


def test_an_item_moved_to_another_strategy_is_found_there_only(items, strategy):
    other = Strategy.objects.create(
        title="Neste strategi", slug="neste", period_start=2031, period_end=2035, is_published=True
    )
    goal = Goal.objects.create(strategy=other, number=1, title="Mål")
    elsewhere = SubGoal.objects.create(goal=goal, code="1A", title="Delmål")
    item = items["kommune"]
    item.sub_goal = elsewhere
    item.save()
    assert found("kommune", strategy=strategy) == []
    assert found("kommune", strategy=other) == ["Felles journal for kommune og fastlege"]


def test_a_stale_search_row_never_shows_a_draft(client, items):
    """The results page loads its items through the visibility rule, whatever the search row says."""
    RoadmapItemSearch.objects.filter(item=items["draft"]).update(is_published=True)
    response = client.get(SEARCH, {"q": "kommuneprosjekt"})
    assert response.status_code == 200
    assert "Hemmelig" not in response.content.decode()


def test_deleted_and_renamed_items_leave_the_index(items):
    items["kommune"].delete()
    assert found("kommune") == []
    items["helsenorge"].title = "Digital egenbehandling"
    items["helsenorge"].description = ""
    items["helsenorge"].save()
    assert found("helsenorge") == []
    assert found("egenbehandling") == ["Digital egenbehandling"]


def test_imported_items_are_searchable(strategy, phases):
    data = "Tiltaksnavn;Delmål\nRask psykisk helsehjelp;1C\n".encode()
    assert plan_import(data).is_valid
    roadmap_import(data=data)
    assert found("psykiske") == ["Rask psykisk helsehjelp"]


def test_a_query_of_only_punctuation_finds_nothing(items):
    assert found('"*() OR') == []


def test_matches_are_highlighted_and_the_rest_is_escaped():
    html = highlight("Felles <b>journal</b> i kommunene", "kommune journal")
    assert html == "Felles &lt;b&gt;<mark>journal</mark>&lt;/b&gt; i <mark>kommunene</mark>"


def test_the_results_page_works_without_javascript(client, items):
    response = client.get(SEARCH, {"q": "kommunene"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<mark>kommune</mark>" in body
    assert "<html" in body


def test_htmx_requests_get_only_the_results(client, items):
    response = client.get(SEARCH, {"q": "kommune"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body
    assert 'id="search-results"' in body
    assert "Hemmelig" not in body


def test_a_result_snippet_is_the_description_without_markdown_marks():
    from veikart.core.search import snippet_source

    description = "*Demoinnhold.* Se [veiledningen](https://example.org)\nfor **alle**."
    assert snippet_source(description) == "Demoinnhold. Se veiledningen for alle."


def test_a_result_quotes_its_description_highlighted_and_names_its_owners_once(client, items):
    body = client.get(SEARCH, {"q": "samhandling"}).content.decode()
    assert "<mark>Samhandling</mark> i hver kommune." in body
    assert body.count("NHN") == 1  # on the result's own line, not again in a quoted search text


def test_the_lazy_ranking_counts_every_match_and_ranks_only_as_far_as_it_is_read(make_item, django_assert_num_queries):
    from veikart.roadmap.search import ranked_items

    for number in range(25):
        make_item(title=f"Journal {number}", description="Deling av journal." if number % 2 else "")
    make_item(title="Hemmelig journal", is_published=False)
    strategy, public = Strategy.objects.current(), AnonymousUser()
    every = ranked_item_ids("journal", strategy=strategy, user=public)
    lazy = ranked_items("journal", strategy=strategy, user=public)
    with django_assert_num_queries(1):  # the number and the first page ranked in one query
        assert len(lazy) == len(every) == 25
        assert lazy[:20] == every[:20]
        assert lazy[5:10] == every[5:10]
    assert list(lazy) == every
