"""The strategy office lists, creates, edits and deletes organisations in the workspace."""

import pytest

from veikart.accounts.models import Organisation
from veikart.conftest import client_for
from veikart.roadmap.models import RoadmapItem
from veikart.strategy.models import Goal, Strategy, SubGoal

LIST = "/forvaltning/organisasjoner/"
CREATE = "/forvaltning/organisasjoner/ny/"

VALID = {"name": "Helse Vest RHF", "short_name": "Helse Vest", "slug": "", "kind": "regional_health_authority"}


def edit_url(organisation):
    return f"/forvaltning/organisasjoner/{organisation.pk}/"


def delete_url(organisation):
    return f"/forvaltning/organisasjoner/{organisation.pk}/slett/"


@pytest.fixture
def unused(db):
    return Organisation.objects.create(name="Ubrukt etat", slug="ubrukt-etat", organisation_number="983544622")


def _pages(organisation):
    return [LIST, CREATE, edit_url(organisation), delete_url(organisation)]


def test_an_anonymous_visitor_is_sent_to_the_login_page(anonymous_client, unused):
    for url in _pages(unused):
        assert anonymous_client.get(url).status_code == 302
        response = anonymous_client.post(url, VALID)
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/logg-inn/")
    assert Organisation.objects.filter(pk=unused.pk).exists()


@pytest.mark.parametrize("persona", ["outsider", "owner_editor", "other_owner_editor", "body_member"])
def test_only_the_strategy_office_may_open_or_post_to_the_organisation_pages(persona, request, unused):
    client = client_for(request.getfixturevalue(persona))
    for url in _pages(unused):
        assert client.get(url).status_code == 403, url
        # The list takes no POST at all (405); every other page refuses it (403).
        assert client.post(url, VALID).status_code == (405 if url == LIST else 403), url
    assert Organisation.objects.filter(pk=unused.pk).exists()
    assert not Organisation.objects.filter(name="Helse Vest RHF").exists()


def test_the_strategy_office_sees_every_page(strategy_office, unused):
    client = client_for(strategy_office)
    for url in _pages(unused):
        assert client.get(url).status_code == 200, url


def test_the_navigation_lists_organisations_and_users_for_the_strategy_office_only(strategy_office, owner_editor):
    assert f'href="{LIST}"' in client_for(strategy_office).get("/forvaltning/").text
    assert 'href="/forvaltning/brukere/"' in client_for(strategy_office).get("/forvaltning/").text
    assert f'href="{LIST}"' not in client_for(owner_editor).get("/forvaltning/").text


def test_the_list_filters_by_kind_and_searches_names_and_numbers(strategy_office, unused, organisation):
    Organisation.objects.create(name="Bergen kommune", slug="bergen", kind="municipality")
    client = client_for(strategy_office)
    text = client.get(LIST, {"kind": "municipality"}).text
    assert "Bergen kommune" in text and "Ubrukt etat" not in text
    text = client.get(LIST, {"q": "983544"}).text
    assert "Ubrukt etat" in text and "Bergen kommune" not in text
    text = client.get(LIST, {"q": "eier a"}).text
    assert "Testeier A" in text and "Bergen kommune" not in text


def test_the_list_sorts_and_pages(strategy_office):
    Organisation.objects.bulk_create(
        Organisation(name=f"Etat {n:03}", slug=f"etat-{n:03}", short_name=f"E{n:03}") for n in range(120)
    )
    client = client_for(strategy_office)
    first = client.get(LIST).text
    assert "Etat 000" in first and "Etat 060" not in first
    assert "Etat 119" in client.get(LIST, {"sort": "-name"}).text
    assert "Etat 119" in client.get(LIST, {"page": "3"}).text
    assert client.get(LIST, {"page": "x", "sort": "nonsense", "kind": "unknown"}).status_code == 200


def test_the_strategy_office_creates_an_organisation_with_a_slug_made_from_its_name(strategy_office):
    response = client_for(strategy_office).post(CREATE, {**VALID, "organisation_number": "983 658 725"})
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Helse Vest RHF")
    assert organisation.slug == "helse-vest-rhf"
    assert organisation.organisation_number == "983658725"
    assert organisation.history.first().history_user == strategy_office


def test_a_wrong_check_digit_is_a_clear_field_error_and_keeps_what_was_typed(strategy_office):
    response = client_for(strategy_office).post(CREATE, {**VALID, "organisation_number": "983658724"})
    assert response.status_code == 200
    assert "983658724 er ikke et organisasjonsnummer" in response.text
    assert 'value="Helse Vest RHF"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert not Organisation.objects.filter(name="Helse Vest RHF").exists()


@pytest.mark.parametrize("number", ["12345678", "abcdefghi", "12345678901"])
def test_a_number_that_is_not_nine_digits_is_refused(strategy_office, number):
    response = client_for(strategy_office).post(CREATE, {**VALID, "organisation_number": number})
    assert response.status_code == 200
    assert "Et organisasjonsnummer har ni sifre" in response.text


def test_a_taken_name_slug_or_number_is_a_field_error_not_a_server_error(strategy_office, unused):
    client = client_for(strategy_office)
    response = client.post(CREATE, {**VALID, "name": "Ubrukt etat"})
    assert response.status_code == 200
    assert "finnes allerede" in response.text
    response = client.post(CREATE, {**VALID, "slug": "ubrukt-etat"})
    assert response.status_code == 200
    assert "finnes allerede" in response.text
    response = client.post(CREATE, {**VALID, "organisation_number": "983544622"})
    assert response.status_code == 200
    assert "En annen organisasjon har allerede dette organisasjonsnummeret" in response.text
    assert not Organisation.objects.filter(name="Helse Vest RHF").exists()


def test_a_missing_name_is_a_clear_error(strategy_office):
    response = client_for(strategy_office).post(CREATE, {**VALID, "name": "", "short_name": "Kort"})
    assert response.status_code == 200
    assert 'value="Kort"' in response.text
    assert not Organisation.objects.filter(short_name="Kort").exists()


def test_an_edit_keeps_its_own_number_and_may_change_the_rest(strategy_office, unused):
    response = client_for(strategy_office).post(
        edit_url(unused),
        {"name": "Brukt etat", "slug": "ubrukt-etat", "kind": "directorate", "organisation_number": "983544622"},
    )
    assert response.status_code == 302
    unused.refresh_from_db()
    assert (unused.name, unused.kind) == ("Brukt etat", "directorate")


def test_an_unknown_organisation_answers_404(strategy_office):
    client = client_for(strategy_office)
    assert client.get("/forvaltning/organisasjoner/999999/").status_code == 404
    assert client.post("/forvaltning/organisasjoner/999999/slett/").status_code == 404


def test_an_unused_organisation_is_deleted_after_confirmation(strategy_office, unused):
    client = client_for(strategy_office)
    assert "Slett organisasjon" in client.get(delete_url(unused)).text
    assert client.post(delete_url(unused)).status_code == 302
    assert not Organisation.objects.filter(pk=unused.pk).exists()


def test_an_organisation_with_members_is_not_deleted_and_the_page_says_why(strategy_office, owner_editor, organisation):
    client = client_for(strategy_office)
    page = client.get(delete_url(organisation))
    assert page.status_code == 200
    assert "kan ikke slettes" in page.text and "Brukere: 1" in page.text
    response = client.post(delete_url(organisation))
    assert response.status_code == 409
    assert "Brukere: 1" in response.text
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_an_organisation_that_owns_roadmap_items_is_not_deleted(strategy_office, unused):
    strategy = Strategy.objects.create(title="S", slug="s", period_start=2023, period_end=2030)
    goal = Goal.objects.create(strategy=strategy, number=1, title="M")
    item = RoadmapItem.objects.create(title="Tiltak", sub_goal=SubGoal.objects.create(goal=goal, code="1A", title="D"))
    item.owners.add(unused)
    response = client_for(strategy_office).post(delete_url(unused))
    assert response.status_code == 409
    assert "Tiltak: 1" in response.text
    assert item.owners.filter(pk=unused.pk).exists()


def test_an_organisation_responsible_for_an_indicator_is_not_deleted(strategy_office, unused):
    from veikart.indicators.models import Indicator

    Indicator.objects.create(code="X1", name="Andel", measure_type=Indicator.MeasureType.COUNT, responsible=unused)
    client = client_for(strategy_office)
    assert "Indikatorer: 1" in client.get(delete_url(unused)).text
    assert client.post(delete_url(unused)).status_code == 409
    assert Organisation.objects.filter(pk=unused.pk).exists()


def test_a_reference_added_after_the_check_is_still_refused_clearly(strategy_office, unused, monkeypatch):
    from veikart.indicators.models import Indicator

    Indicator.objects.create(code="X2", name="Andel", measure_type=Indicator.MeasureType.COUNT, responsible=unused)
    calls = iter([[], None])

    def late_check(obj):
        found = next(calls)
        return found if found is not None else original(obj)

    from veikart.accounts import references, services

    original = references.references_to
    monkeypatch.setattr(services, "references_to", late_check)
    response = client_for(strategy_office).post(delete_url(unused))
    assert response.status_code == 409
    assert Organisation.objects.filter(pk=unused.pk).exists()
