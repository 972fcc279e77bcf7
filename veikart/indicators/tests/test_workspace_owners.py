"""Owner editors' "our indicators", their start-page panel, and the strategy office's overdue count."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from veikart.conftest import client_for
from veikart.indicators.tests.factories import add_baseline, add_observations, add_target, make_indicator
from veikart.indicators.tests.workspace_helpers import own_and_other, ws

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_december_first(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: datetime.date(2026, 12, 1))


@pytest.fixture
def world(organisation, other_organisation, on_december_first):
    own, own_hidden, other, other_hidden = own_and_other(organisation, other_organisation)
    add_observations(own, {"2025": 10})
    add_baseline(own, "2020", 1)
    add_target(own, "2030", 20)
    return {"own": own, "own_hidden": own_hidden, "other": other, "other_hidden": other_hidden}


def test_our_indicators_lists_the_organisations_indicators_published_or_not(world, owner_editor):
    response = client_for(owner_editor).get(ws("own-list"))
    assert response.status_code == 200
    assert [indicator.code for indicator, _latest, _missing in response.context["rows"]] == ["EGEN-PUB", "EGEN-UPUB"]
    assert "ANNEN-" not in response.text


def test_our_indicators_says_what_each_lacks_and_links_to_the_upload_page(world, owner_editor):
    response = client_for(owner_editor).get(ws("own-list"))
    lacks = {indicator.code: missing for indicator, _latest, missing in response.context["rows"]}
    assert lacks["EGEN-PUB"] == []
    assert lacks["EGEN-UPUB"] == [
        "Ready to publish, not published.",
        "No baseline.",
        "No target.",
        "No data for the total yet.",
    ]
    assert f"{reverse('indicators:import')}?indicator=EGEN-UPUB" in response.text


def test_an_overdue_indicator_names_the_period_it_waits_for(world, owner_editor):
    add_observations(world["own_hidden"], {"2023": 3})
    response = client_for(owner_editor).get(ws("own-list"))
    lacks = {indicator.code: missing for indicator, _latest, missing in response.context["rows"]}
    assert "Data for 2025 is overdue." in lacks["EGEN-UPUB"]


def test_the_upload_page_opens_with_the_indicator_chosen(world, owner_editor):
    page = client_for(owner_editor).get(reverse("indicators:import") + "?indicator=EGEN-UPUB").text
    # The name has no English version, so the option also says lang="nb".
    assert '<option value="EGEN-UPUB" selected lang="nb">' in page


def test_an_owner_editor_without_indicators_sees_an_empty_list_and_no_panel(other_organisation, owner_editor):
    make_indicator(code="ANNEN", responsible=other_organisation)
    assert "not responsible for any indicator" in client_for(owner_editor).get(ws("own-list")).text
    assert "Our indicators</h2>" not in client_for(owner_editor).get("/en/forvaltning/").text


def test_the_start_page_shows_an_owner_editor_its_indicators_in_short(world, owner_editor):
    page = client_for(owner_editor).get("/en/forvaltning/").text
    assert "Our indicators</h2>" in page
    assert "Your organisation is responsible for 2 indicators." in page
    assert "1 is waiting for data." in page
    assert ws("indicator-detail", pk=world["own_hidden"].pk) in page
    assert ws("indicator-detail", pk=world["own"].pk) not in page


def test_the_other_owner_editors_panel_counts_only_its_own(world, other_owner_editor):
    page = client_for(other_owner_editor).get("/en/forvaltning/").text
    assert "Your organisation is responsible for 2 indicators." in page
    assert "EGEN-" not in page


def test_the_strategy_office_is_told_how_many_indicators_are_overdue(world, strategy_office):
    response = client_for(strategy_office).get("/en/forvaltning/")
    attention = [item for item in response.context["attention"] if "overdue" in item.label]
    assert [(item.count, item.url) for item in attention] == [(3, ws("indicator-list") + "?overdue=yes")]
    listed = client_for(strategy_office).get(attention[0].url)
    assert [indicator.code for indicator, _latest in listed.context["rows"]] == ["ANNEN-PUB", "ANNEN-UPUB", "EGEN-UPUB"]


def test_owner_editors_and_body_members_get_no_overdue_count(world, owner_editor, body_member):
    for user in (owner_editor, body_member):
        response = client_for(user).get("/en/forvaltning/")
        assert not [item for item in response.context["attention"] if "overdue" in item.label]
