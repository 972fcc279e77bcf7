"""The roadmap items in the workspace: our items, a new item, submitting, publishing, bulk actions."""

import pytest

from veikart.conftest import client_for
from veikart.roadmap.authoring import roadmap_items_add_relation, roadmap_items_set_published
from veikart.roadmap.models import RoadmapItem, RoadmapItemSearch

LIST = "/forvaltning/veikart/tiltak/"
NEW = "/forvaltning/veikart/tiltak/ny/"


@pytest.fixture
def body(db):
    from veikart.accounts.models import User

    return User.objects.create_user("styre", password="not-used-in-tests-1", role=User.Role.BODY_MEMBER)


@pytest.fixture
def nobody(db):
    from veikart.accounts.models import User

    return User.objects.create_user("ingen", password="not-used-in-tests-1")


def test_an_owner_editor_lists_its_own_items_published_or_not_and_no_others(make_item, nhn, oslo, nhn_editor):
    make_item(title="NHN publisert", owners=[nhn])
    make_item(title="NHN utkast", owners=[nhn], is_published=False)
    make_item(title="Oslo utkast", owners=[oslo], is_published=False)
    page = client_for(nhn_editor).get(LIST).text
    assert "NHN publisert" in page
    assert "NHN utkast" in page
    assert "Oslo utkast" not in page


def test_the_strategy_office_lists_every_item(make_item, nhn, oslo, strategy_office):
    make_item(title="NHN utkast", owners=[nhn], is_published=False)
    make_item(title="Uten eier")
    page = client_for(strategy_office).get(LIST).text
    assert "NHN utkast" in page
    assert "Uten eier" in page


@pytest.mark.parametrize("persona", ["body", "nobody"])
def test_those_who_do_not_author_items_are_refused(persona, request):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(LIST).status_code == 403
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, {"title": "x"}).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(db, client):
    assert client.get(LIST).status_code == 302
    assert client.post(NEW, {"title": "x"}).status_code == 302
    assert not RoadmapItem.objects.exists()


def test_the_list_filters_by_what_is_missing_and_sorts(make_item, nhn, citizens, strategy_office):
    make_item(title="B komplett", owners=[nhn], user_groups=[citizens], description="Tekst")
    make_item(title="A uten eier", user_groups=[citizens], description="Tekst")
    client = client_for(strategy_office)
    page = client.get(LIST, {"missing": "owner"}).text
    assert "A uten eier" in page and "B komplett" not in page
    page = client.get(LIST, {"sort": "-title"}).text
    assert page.index("B komplett") < page.index("A uten eier")
    assert 'aria-sort="descending"' in page
    # A hand-typed sort or page never fails.
    assert client.get(LIST, {"sort": "password", "page": "x"}).status_code == 200


def test_an_owner_editor_creates_an_unpublished_item_owned_by_its_organisation(sub_goal, nhn, oslo, nhn_editor):
    response = client_for(nhn_editor).post(
        NEW,
        {"title": "Nytt tiltak", "sub_goal": sub_goal.pk, "status": "not_started", "owners": [oslo.pk]},
    )
    item = RoadmapItem.objects.get(title="Nytt tiltak")
    assert response.status_code == 302
    assert not item.is_published
    assert list(item.owners.all()) == [nhn]
    # One history row, and it already holds the owner: no later row shows the owner as a change.
    assert item.history.count() == 1
    assert [row.organisation_id for row in item.history.get().owners.all()] == [nhn.pk]
    # The owner editor sees its own draft on the public-style page and may edit it; others may not.
    assert client_for(nhn_editor).get(item.get_absolute_url()).status_code == 200
    assert client_for(nhn_editor).get(f"/veikart/tiltak/{item.pk}/rediger/").status_code == 200
    assert client_for(None).get(item.get_absolute_url()).status_code == 404


def test_an_item_of_another_organisation_stays_hidden(make_item, oslo, nhn_editor):
    item = make_item(owners=[oslo], is_published=False)
    client = client_for(nhn_editor)
    assert client.get(f"{LIST}{item.pk}/").status_code == 404
    assert client.get(item.get_absolute_url()).status_code == 404
    assert client.post(f"{LIST}{item.pk}/send-til-publisering/").status_code == 404


def test_a_new_item_with_bad_input_keeps_what_was_typed_and_says_what_is_wrong(sub_goal, nhn_editor):
    response = client_for(nhn_editor).post(
        NEW,
        {
            "title": "Behold meg",
            "sub_goal": sub_goal.pk,
            "status": "not_started",
            "start_date": "2027-05-01",
            "end_date": "2026-01-01",
        },
    )
    assert response.status_code == 200
    assert "Behold meg" in response.text
    assert "Sluttdatoen kan ikke være før startdatoen" in response.text
    assert "data-error-summary" in response.text
    assert not RoadmapItem.objects.exists()


def test_an_owner_submits_and_the_strategy_office_publishes(make_item, nhn, nhn_editor, strategy_office):
    item = make_item(owners=[nhn], is_published=False)
    response = client_for(nhn_editor).post(f"{LIST}{item.pk}/send-til-publisering/")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.publication_requested_by == nhn_editor
    # The owner may not publish by a direct POST.
    assert client_for(nhn_editor).post(f"{LIST}{item.pk}/publiser/").status_code == 403
    start = client_for(strategy_office).get("/forvaltning/").text
    assert "innsendt for publisering" in start
    client_for(strategy_office).post(f"{LIST}{item.pk}/publiser/")
    item.refresh_from_db()
    assert item.is_published and item.publication_requested_at is None
    assert RoadmapItemSearch.objects.get(item=item).is_published


def test_bulk_publish_and_add_owner_change_only_what_differs_with_one_history_row_each(make_item, nhn, strategy_office):
    items = [make_item(is_published=False) for _ in range(3)]
    already = make_item(is_published=True)
    ids = [item.pk for item in [*items, already]]
    before = {item.pk: item.history.count() for item in [*items, already]}
    assert roadmap_items_set_published(item_ids=ids, published=True, user=strategy_office) == 3
    assert already.history.count() == before[already.pk]
    assert all(item.history.count() == before[item.pk] + 1 for item in items)
    assert roadmap_items_add_relation(item_ids=ids, user=strategy_office, owner=nhn) == 4
    assert roadmap_items_add_relation(item_ids=ids, user=strategy_office, owner=nhn) == 0
    latest = items[0].history.order_by("-history_id").first()
    assert latest.history_user == strategy_office
    assert [row.organisation_id for row in latest.owners.all()] == [nhn.pk]
    assert latest.prev_record.diff_against(latest.prev_record.prev_record).changed_fields == ["is_published"]


def test_bulk_actions_are_for_the_strategy_office_only(make_item, nhn, nhn_editor):
    item = make_item(owners=[nhn], is_published=False)
    response = client_for(nhn_editor).post(LIST, {"action": "publish", "scope": "selected", "item": [item.pk]})
    assert response.status_code == 403
    item.refresh_from_db()
    assert not item.is_published


def test_the_bulk_form_applies_to_every_item_the_filter_matches(make_item, nhn, citizens, strategy_office):
    make_item(title="Med gruppe", user_groups=[citizens])
    lacking = [make_item(title=f"Uten {n}") for n in range(3)]
    response = client_for(strategy_office).post(
        f"{LIST}?missing=user_group", {"action": "add_user_group", "scope": "all", "user_group": citizens.pk}
    )
    assert response.status_code == 302
    assert all(item.user_groups.filter(pk=citizens.pk).exists() for item in lacking)


def test_a_bulk_action_without_its_choice_is_refused_with_a_message(make_item, strategy_office):
    item = make_item()
    response = client_for(strategy_office).post(LIST, {"action": "add_owner", "scope": "selected", "item": [item.pk]})
    assert response.status_code == 400
    assert "Velg eieren" in response.text


def test_in_the_demo_eier_oslo_sees_its_own_unpublished_items(demo):
    from veikart.accounts.models import User

    page = client_for(User.objects.get(username="eier-oslo")).get(LIST, {"publication": "unpublished"}).text
    assert "Digital timebestilling hos kommunal fysioterapi" in page
    assert "Utvidet logg over oppslag i kjernejournal" not in page  # Norsk helsenett's draft


def test_the_strategy_office_creates_an_item_with_the_owners_it_chooses(sub_goal, nhn, oslo, strategy_office):
    page = client_for(strategy_office).get(NEW).text
    assert f'<option value="{oslo.pk}">Oslo kommune</option>' in page
    client_for(strategy_office).post(
        NEW,
        {"title": "Felles", "sub_goal": sub_goal.pk, "status": "not_started", "owners": [nhn.pk, oslo.pk]},
    )
    item = RoadmapItem.objects.get(title="Felles")
    assert set(item.owners.all()) == {nhn, oslo}
    assert not item.is_published
