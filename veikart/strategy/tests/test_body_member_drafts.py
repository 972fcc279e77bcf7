"""Body members read unpublished strategy versions; the public, outsiders and owner editors still get 404."""

import pytest

from veikart.conftest import client_for
from veikart.roadmap.models import RoadmapItem
from veikart.strategy.models import Strategy


def _draft_urls(draft: Strategy) -> list[str]:
    return [
        draft.get_absolute_url(),
        draft.goals.get(number=1).get_absolute_url(),
        draft.goals.get(number=2).get_absolute_url(),
        draft.sub_goals.get().get_absolute_url(),
    ]


def test_a_body_member_reads_a_draft_version_its_goals_and_sub_goals(body_member, draft):
    client = client_for(body_member)
    for url in _draft_urls(draft):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Ikke publisert" in response.text or "Utkast til revisjon" in response.text, url
    assert "Ikke publisert" in client.get(draft.get_absolute_url()).text


@pytest.mark.parametrize("persona", [None, "outsider", "owner_editor", "other_owner_editor"])
def test_everyone_else_without_staff_rights_gets_not_found(request, draft, persona):
    client = client_for(request.getfixturevalue(persona) if persona else None)
    for url in _draft_urls(draft):
        assert client.get(url).status_code == 404, url
    assert "utkast-revisjon" not in client.get("/strategier/").text


def test_a_body_member_sees_the_draft_among_the_versions_and_can_compare_it(body_member, draft, published_version):
    response = client_for(body_member).get("/strategier/", {"older": "e-helse", "newer": "utkast-revisjon"})
    assert response.context["comparison"].newer == draft


def test_the_sitemap_never_lists_a_draft_even_for_a_body_member(body_member, draft):
    text = client_for(body_member).get("/sitemap.xml").text
    assert "/strategier/e-helse/" in text
    assert "utkast-revisjon" not in text


def test_roadmap_items_of_a_draft_stay_hidden_from_body_members(body_member, draft):
    RoadmapItem.objects.create(title="Hemmelig tiltak", sub_goal=draft.sub_goals.get(), is_published=True)
    assert "Hemmelig tiltak" not in client_for(body_member).get(draft.sub_goals.get().get_absolute_url()).text


def test_the_start_page_lists_the_drafts_a_body_member_may_read(body_member, draft):
    text = client_for(body_member).get("/forvaltning/").text
    assert 'href="/strategier/utkast-revisjon/"' in text
    assert "/forvaltning/strategi/" not in text, "a body member reads, the strategy office edits"


def test_the_start_page_panel_is_not_shown_to_owner_editors_or_when_nothing_is_unpublished(
    owner_editor, body_member, draft
):
    assert "utkast-revisjon" not in client_for(owner_editor).get("/forvaltning/").text
    Strategy.objects.update(is_published=True)
    assert "strategy-drafts-heading" not in client_for(body_member).get("/forvaltning/").text


def test_the_strategy_office_is_told_about_adopted_unpublished_versions_and_goals_without_sub_goals(
    strategy_office, draft
):
    attention = client_for(strategy_office).get("/en/forvaltning/").context["attention"]
    assert [(item.count, item.label) for item in attention] == [(1, "goal has no sub-goals")]
    Strategy.objects.filter(pk=draft.pk).update(status="adopted")
    attention = client_for(strategy_office).get("/en/forvaltning/").context["attention"]
    labels = {item.label: item for item in attention}
    adopted = labels["adopted strategy version is not published"]
    assert adopted.count == 1
    listed = client_for(strategy_office).get(adopted.url).context["listing"].rows
    assert [strategy.pk for strategy in listed] == [draft.pk]
    gaps = client_for(strategy_office).get(labels["goal has no sub-goals"].url).context["listing"].rows
    assert [strategy.pk for strategy in gaps] == [draft.pk]


def test_superseded_versions_do_not_ask_for_sub_goals(strategy_office, draft):
    Strategy.objects.filter(pk=draft.pk).update(status="superseded")
    assert client_for(strategy_office).get("/forvaltning/").context["attention"] == []
