"""The owner filter offers only organisations that own an item the viewer may see."""

import pytest
from django.urls import reverse

from veikart.accounts.models import Organisation
from veikart.conftest import client_for
from veikart.strategy.models import Goal, Strategy, SubGoal


@pytest.fixture
def owners(make_item, nhn, oslo):
    """NHN owns a published item; Oslo only a draft; Bergen only a published item of a draft strategy."""
    make_item(title="Helseverktøy", owners=[nhn])
    make_item(title="Hemmelig utkast", owners=[oslo], is_published=False)
    draft_strategy = Strategy.objects.create(
        title="Neste strategi", slug="neste", status=Strategy.Status.DRAFT, period_start=2031, period_end=2036
    )
    goal = Goal.objects.create(strategy=draft_strategy, number=1, title="Et mål under arbeid")
    draft_sub_goal = SubGoal.objects.create(goal=goal, code="1A", title="Et delmål under arbeid")
    bergen = Organisation.objects.create(name="Bergen kommune", short_name="Bergen", slug="bergen")
    make_item(title="Tiltak i utkast til strategi", owners=[bergen], sub_goal=draft_sub_goal)
    return {"nhn": nhn, "oslo": oslo, "bergen": bergen}


def offered(response) -> set[str]:
    return {value for value, _label in response.context["filter"].form.fields["owner"].widget.choices} - {""}


@pytest.mark.parametrize("name", ["roadmap:item-list", "roadmap:timeline"])
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_public_is_offered_only_owners_of_public_items(anonymous_client, owners, name, prefix):
    response = anonymous_client.get(prefix + reverse(name))
    assert offered(response) == {"nhn"}
    page = response.content.decode()
    assert "Oslo kommune" not in page
    assert "Bergen kommune" not in page


@pytest.mark.parametrize("persona", ["outsider", "owner_editor", "body_member"])
def test_logged_in_users_without_access_to_drafts_are_not_offered_their_owners(request, owners, persona):
    response = client_for(request.getfixturevalue(persona)).get(reverse("roadmap:item-list"))
    assert offered(response) == {"nhn"}


@pytest.mark.parametrize("name", ["roadmap:item-list", "roadmap:timeline"])
def test_the_strategy_office_is_offered_the_owners_of_drafts_too(owners, strategy_office, name):
    response = client_for(strategy_office).get(reverse(name))
    # Bergen's item belongs to another strategy than the one shown, so filtering by it would find nothing.
    assert offered(response) == {"nhn", "oslo"}


def test_filtering_by_the_owner_of_a_draft_is_a_form_error_for_the_public(anonymous_client, owners):
    response = anonymous_client.get(reverse("roadmap:item-list") + "?owner=oslo")
    assert response.status_code == 200
    assert "owner" in response.context["filter"].form.errors
    assert "Hemmelig utkast" not in response.content.decode()
