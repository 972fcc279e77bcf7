"""The strategy office lists, creates, edits, publishes and unpublishes strategy versions."""

import logging

import pytest

from veikart.conftest import client_for
from veikart.strategy.models import Strategy

LIST = "/forvaltning/strategi/"


def _version(**changes) -> dict:
    data = {
        "title": "E-helsestrategi",
        "slug": "e-helsestrategi-2031",
        "version_label": "2031",
        "status": "draft",
        "period_start": "2031",
        "period_end": "2035",
        "published_on": "",
        "previous_version": "",
        "summary": "",
        "vision": "",
    }
    data.update(changes)
    return data


def test_the_list_shows_every_version_with_its_status_and_publication(strategy_office, draft):
    text = client_for(strategy_office).get(LIST).text
    assert "Utkast til revisjon" in text and "Revisjon 2027" in text and "2027–2030" in text
    assert "E-helsestrategi" in text


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"published": "no"}, "Utkast til revisjon", "E-helsestrategi"),
        ({"status": "adopted"}, "E-helsestrategi", "Utkast til revisjon"),
        ({"gaps": "on"}, "Utkast til revisjon", "E-helsestrategi"),
    ],
)
def test_the_list_filters(strategy_office, draft, query, shown, hidden):
    rows = client_for(strategy_office).get(LIST, query).context["listing"].rows
    assert [strategy.title for strategy in rows] == [shown]
    assert hidden not in [strategy.title for strategy in rows]


def test_a_hand_typed_filter_or_sort_never_fails(strategy_office, draft):
    response = client_for(strategy_office).get(LIST, {"status": "nonsense", "sort": "-nope", "page": "x"})
    assert response.status_code == 200
    assert len(response.context["listing"].rows) == 2


def test_a_new_version_is_a_draft_that_names_the_version_it_revises(strategy_office, published_version):
    client = client_for(strategy_office)
    form = client.get(f"{LIST}ny/", {"previous": published_version.pk}).context["form"]
    assert form.initial["previous_version"] == published_version
    response = client.post(f"{LIST}ny/", _version(previous_version=published_version.pk))
    created = Strategy.objects.get(slug="e-helsestrategi-2031")
    assert response.status_code == 302 and response["Location"] == f"{LIST}{created.pk}/"
    assert created.status == "draft" and not created.is_published
    assert created.previous_version == published_version
    assert created.goals.count() == 0, "nothing is copied from the previous version"
    assert created.history.first().history_user == strategy_office


def test_a_malformed_previous_version_in_the_address_is_ignored(strategy_office, db):
    assert client_for(strategy_office).get(f"{LIST}ny/", {"previous": "abc"}).status_code == 200


def test_a_period_that_ends_before_it_starts_is_an_error_on_the_last_year_and_the_input_is_kept(strategy_office, db):
    response = client_for(strategy_office).post(f"{LIST}ny/", _version(period_start="2035", period_end="2031"))
    assert response.status_code == 200
    assert "period_end" in response.context["form"].errors
    assert 'value="e-helsestrategi-2031"' in response.text
    assert not Strategy.objects.exists()


def test_a_taken_slug_is_an_error_on_the_field(strategy_office, published_version):
    response = client_for(strategy_office).post(f"{LIST}ny/", _version(slug=published_version.slug))
    assert "slug" in response.context["form"].errors
    assert Strategy.objects.count() == 1


@pytest.mark.parametrize(
    "bad",
    [
        {"period_start": "tjue"},
        {"period_end": "20300"},
        {"status": "secret"},
        {"slug": "ikke gyldig/"},
        {"published_on": "31.02.2031"},
        {"previous_version": "999999"},
        {"title": ""},
    ],
)
def test_bad_input_is_an_error_not_a_crash(strategy_office, db, bad):
    response = client_for(strategy_office).post(f"{LIST}ny/", _version(**bad))
    assert response.status_code == 200
    assert set(bad) & set(response.context["form"].errors)
    assert not Strategy.objects.exists()


def test_editing_a_version_changes_it_and_a_version_cannot_revise_itself(strategy_office, draft):
    client = client_for(strategy_office)
    response = client.post(f"{LIST}{draft.pk}/endre/", _version(slug=draft.slug, previous_version=draft.pk))
    assert "previous_version" in response.context["form"].errors
    response = client.post(
        f"{LIST}{draft.pk}/endre/",
        _version(slug=draft.slug, status="consultation", vision="Ett liv, én journal", published_on="2027-03-01"),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "consultation" and draft.vision == "Ett liv, én journal"
    assert str(draft.published_on) == "2027-03-01"
    assert not draft.is_published, "editing never publishes"


def test_publishing_asks_first_then_publishes_and_logs(strategy_office, draft, caplog):
    client = client_for(strategy_office)
    page = client.get(f"{LIST}{draft.pk}/publiser/")
    assert page.status_code == 200 and 'method="post"' in page.text
    draft.refresh_from_db()
    assert not draft.is_published, "opening the confirmation changes nothing"
    with caplog.at_level(logging.INFO, logger="veikart.strategy.services"):
        assert client.post(f"{LIST}{draft.pk}/publiser/").status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    assert "kontor published strategy" in caplog.text
    assert client_for(None).get(draft.get_absolute_url()).status_code == 200


def test_unpublishing_takes_the_version_off_the_public_site(strategy_office, published_version, caplog):
    with caplog.at_level(logging.INFO, logger="veikart.strategy.services"):
        client_for(strategy_office).post(f"{LIST}{published_version.pk}/avpubliser/")
    published_version.refresh_from_db()
    assert not published_version.is_published
    assert "kontor unpublished strategy" in caplog.text
    assert client_for(None).get(published_version.get_absolute_url()).status_code == 404
    assert published_version.history.first().history_user == strategy_office


def test_the_structure_page_shows_goals_then_sub_goals_with_edit_links(strategy_office, draft):
    goal = draft.goals.get(number=1)
    sub_goal = draft.sub_goals.get()
    text = client_for(strategy_office).get(f"{LIST}{draft.pk}/").text
    assert text.index("Sømløse tjenester") < text.index("Deling av journaldata") < text.index("Trygg informasjonsflyt")
    assert f"{LIST}{draft.pk}/mal/{goal.pk}/endre/" in text
    assert f"{LIST}{draft.pk}/delmal/{sub_goal.pk}/endre/" in text
    assert f"{LIST}{draft.pk}/publiser/" in text
