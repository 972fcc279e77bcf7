"""Who may open and post to each indicator page of the workspace, by GET and by direct POST."""

from __future__ import annotations

import pytest

from veikart.conftest import client_for
from veikart.indicators.models import Dimension, Indicator, Target
from veikart.indicators.tests.factories import add_baseline, add_target, make_regions
from veikart.indicators.tests.workspace_helpers import own_and_other, ws

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(organisation, other_organisation):
    own, own_hidden, other, other_hidden = own_and_other(organisation, other_organisation)
    target = add_target(own, "2030", 300)
    add_baseline(own, "2022", 100)
    region = make_regions()
    value = region.values.get(code="01")
    return {
        "own": own,
        "own_hidden": own_hidden,
        "other": other,
        "other_hidden": other_hidden,
        "target": target,
        "region": region,
        "value": value,
    }


def _office_urls(world) -> list[str]:
    own, target, region, value = world["own"], world["target"], world["region"], world["value"]
    return [
        ws("indicator-list"),
        ws("indicator-create"),
        ws("indicator-edit", pk=own.pk),
        ws("indicator-publish", pk=world["own_hidden"].pk),
        ws("indicator-unpublish", pk=own.pk),
        ws("baseline-edit", pk=own.pk),
        ws("baseline-delete", pk=own.pk),
        ws("target-create", pk=own.pk),
        ws("target-edit", pk=own.pk, target_pk=target.pk),
        ws("target-delete", pk=own.pk, target_pk=target.pk),
        ws("dimension-list"),
        ws("dimension-create"),
        ws("dimension-detail", pk=region.pk),
        ws("dimension-edit", pk=region.pk),
        ws("value-create", pk=region.pk),
        ws("value-edit", pk=region.pk, value_pk=value.pk),
        ws("value-delete", pk=region.pk, value_pk=value.pk),
    ]


def test_the_strategy_office_opens_every_page(world, strategy_office):
    client = client_for(strategy_office)
    for url in [*_office_urls(world), ws("indicator-detail", pk=world["other_hidden"].pk)]:
        assert client.get(url).status_code == 200, url


def test_an_anonymous_visitor_is_sent_to_the_login_page_from_every_page(world, anonymous_client):
    for url in [*_office_urls(world), ws("own-list"), ws("indicator-detail", pk=world["own"].pk)]:
        response = anonymous_client.get(url)
        assert response.status_code == 302, url
        assert "/logg-inn/" in response["Location"]
        if (
            url != ws("indicator-list")
            and url != ws("dimension-list")
            and url != ws("dimension-detail", pk=world["region"].pk)
        ):
            assert anonymous_client.post(url).status_code == 302, url


@pytest.mark.parametrize("persona", ["owner_editor", "other_owner_editor", "body_member", "outsider"])
def test_no_one_but_the_strategy_office_opens_or_posts_to_the_editing_pages(world, persona, request):
    client = client_for(request.getfixturevalue(persona))
    for url in _office_urls(world):
        assert client.get(url).status_code in (403, 405), url
        assert client.post(url, {"code": "X", "name": "X", "period": "2031", "value": "1"}).status_code in (403, 405), (
            url
        )


def test_direct_posts_by_an_owner_editor_change_nothing(world, owner_editor):
    client = client_for(owner_editor)
    own, target = world["own"], world["target"]
    client.post(ws("indicator-edit", pk=own.pk), {"code": own.code, "name": "Endret", "measure_type": "count"})
    client.post(ws("indicator-unpublish", pk=own.pk))
    client.post(ws("indicator-publish", pk=world["own_hidden"].pk))
    client.post(ws("target-edit", pk=own.pk, target_pk=target.pk), {"period": "2030", "value": "1"})
    client.post(ws("target-delete", pk=own.pk, target_pk=target.pk))
    client.post(ws("target-create", pk=own.pk), {"period": "2031", "value": "1"})
    client.post(ws("baseline-delete", pk=own.pk))
    client.post(ws("value-delete", pk=world["region"].pk, value_pk=world["value"].pk))
    client.post(ws("dimension-create"), {"code": "ny", "name": "Ny", "position": "0"})
    own.refresh_from_db()
    assert own.name != "Endret" and own.is_published
    assert not Indicator.objects.get(pk=world["own_hidden"].pk).is_published
    assert list(Target.objects.filter(indicator=own).values_list("period", "value")) == [("2030", 300)]
    assert hasattr(Indicator.objects.get(pk=own.pk), "baseline")
    assert world["region"].values.filter(pk=world["value"].pk).exists()
    assert not Dimension.objects.filter(code="ny").exists()


@pytest.mark.parametrize("persona", ["body_member", "outsider"])
def test_a_role_without_indicators_cannot_open_our_indicators_or_an_indicator(world, persona, request):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(ws("own-list")).status_code == 403
    assert client.get(ws("indicator-detail", pk=world["own"].pk)).status_code == 403


def test_the_strategy_office_has_no_our_indicators_page(strategy_office):
    assert client_for(strategy_office).get(ws("own-list")).status_code == 403


def test_an_owner_editor_opens_its_own_indicators_published_or_not(world, owner_editor):
    client = client_for(owner_editor)
    assert client.get(ws("indicator-detail", pk=world["own"].pk)).status_code == 200
    assert client.get(ws("indicator-detail", pk=world["own_hidden"].pk)).status_code == 200


def test_an_owner_editor_cannot_see_another_organisations_unpublished_indicator(world, owner_editor):
    client = client_for(owner_editor)
    assert client.get(ws("indicator-detail", pk=world["other_hidden"].pk)).status_code == 404
    assert client.get(ws("indicator-detail", pk=world["other"].pk)).status_code == 200


def test_the_other_owner_editor_sees_the_mirror_image(world, other_owner_editor):
    client = client_for(other_owner_editor)
    assert client.get(ws("indicator-detail", pk=world["own_hidden"].pk)).status_code == 404
    assert client.get(ws("indicator-detail", pk=world["other_hidden"].pk)).status_code == 200
    page = client.get(ws("own-list")).text
    assert "ANNEN-UPUB" in page and "ANNEN-PUB" in page
    assert "EGEN-" not in page


def test_an_owner_editor_sees_no_editing_links_on_its_indicator(world, owner_editor):
    page = client_for(owner_editor).get(ws("indicator-detail", pk=world["own"].pk)).text
    assert ws("indicator-edit", pk=world["own"].pk) not in page
    assert ws("target-create", pk=world["own"].pk) not in page
    assert "?indicator=EGEN-PUB" in page


def test_a_missing_indicator_answers_404_to_the_strategy_office(strategy_office):
    client = client_for(strategy_office)
    assert client.get(ws("indicator-detail", pk=999)).status_code == 404
    assert client.post(ws("indicator-publish", pk=999)).status_code == 404
    assert client.get(ws("target-edit", pk=999, target_pk=1)).status_code == 404


def test_a_target_of_another_indicator_is_not_found_under_this_one(world, strategy_office):
    url = ws("target-delete", pk=world["other"].pk, target_pk=world["target"].pk)
    assert client_for(strategy_office).post(url).status_code == 404
    assert Target.objects.filter(pk=world["target"].pk).exists()


def test_the_navigation_shows_each_role_its_indicator_pages(strategy_office, owner_editor, body_member):
    office = client_for(strategy_office).get("/en/forvaltning/").text
    assert ws("indicator-list") in office and ws("dimension-list") in office and ws("own-list") not in office
    owner = client_for(owner_editor).get("/en/forvaltning/").text
    assert ws("own-list") in owner and ws("indicator-list") + '"' not in owner
    body = client_for(body_member).get("/en/forvaltning/").text
    assert "/forvaltning/indikatorer/" not in body
