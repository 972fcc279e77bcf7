"""The strategy office lists users, changes their role and organisation, and deactivates or reactivates them."""

import pytest

from veikart.accounts.models import User
from veikart.conftest import client_for, sent_mail

LIST = "/forvaltning/brukere/"
INVITE = "/forvaltning/brukere/inviter/"


def pages(user):
    return [
        f"/forvaltning/brukere/{user.pk}/",
        f"/forvaltning/brukere/{user.pk}/send-invitasjon/",
        f"/forvaltning/brukere/{user.pk}/deaktiver/",
        f"/forvaltning/brukere/{user.pk}/aktiver/",
    ]


def test_an_anonymous_visitor_is_sent_to_the_login_page(anonymous_client, owner_editor):
    for url in [LIST, INVITE, *pages(owner_editor)]:
        response = anonymous_client.post(url, {"role": "strategy_office"})
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/logg-inn/")
        assert anonymous_client.get(url).status_code == 302


@pytest.mark.parametrize("persona", ["outsider", "owner_editor", "other_owner_editor", "body_member"])
def test_only_the_strategy_office_may_open_or_post_to_the_user_pages(persona, request, owner_editor, organisation):
    client = client_for(request.getfixturevalue(persona))
    data = {"first_name": "X", "email": "x@example.org", "role": "strategy_office", "language": "nb"}
    for url in [LIST, INVITE, *pages(owner_editor)]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, data).status_code == (405 if url == LIST else 403), url
    owner_editor.refresh_from_db()
    assert owner_editor.role == User.Role.OWNER_EDITOR and owner_editor.is_active
    assert not User.objects.filter(email="x@example.org").exists()
    assert sent_mail() == []


def test_the_strategy_office_opens_every_user_page(strategy_office, owner_editor):
    client = client_for(strategy_office)
    for url in [
        LIST,
        INVITE,
        f"/forvaltning/brukere/{owner_editor.pk}/",
        f"/forvaltning/brukere/{owner_editor.pk}/deaktiver/",
    ]:
        assert client.get(url).status_code == 200, url


def test_the_list_shows_and_filters_users(strategy_office, owner_editor, other_owner_editor, body_member, outsider):
    client = client_for(strategy_office)
    text = client.get(LIST).text
    for user in (owner_editor, other_owner_editor, body_member, outsider):
        assert f"/forvaltning/brukere/{user.pk}/" in text
    text = client.get(LIST, {"role": "owner_editor"}).text
    assert f"/brukere/{owner_editor.pk}/" in text and f"/brukere/{body_member.pk}/" not in text
    text = client.get(LIST, {"role": "none"}).text
    assert f"/brukere/{outsider.pk}/" in text and f"/brukere/{owner_editor.pk}/" not in text
    text = client.get(LIST, {"organisation": other_owner_editor.organisation_id}).text
    assert f"/brukere/{other_owner_editor.pk}/" in text and f"/brukere/{owner_editor.pk}/" not in text
    text = client.get(LIST, {"q": "annen"}).text
    assert f"/brukere/{other_owner_editor.pk}/" in text and f"/brukere/{owner_editor.pk}/" not in text


def test_the_list_filters_by_status_and_ignores_nonsense(strategy_office, owner_editor, body_member):
    body_member.is_active = False
    body_member.save()
    client = client_for(strategy_office)
    text = client.get(LIST, {"active": "no"}).text
    assert f"/brukere/{body_member.pk}/" in text and f"/brukere/{owner_editor.pk}/" not in text
    text = client.get(LIST, {"active": "yes"}).text
    assert f"/brukere/{body_member.pk}/" not in text
    response = client.get(LIST, {"active": "maybe", "organisation": "x", "role": "king", "sort": "-x", "page": "99"})
    assert response.status_code == 200


def test_the_list_sorts_and_pages(strategy_office):
    User.objects.bulk_create(User(username=f"bruker{n:03}", last_name=f"Etternavn {n:03}") for n in range(110))
    client = client_for(strategy_office)
    assert "Etternavn 000" in client.get(LIST).text
    assert "Etternavn 109" in client.get(LIST, {"sort": "-name"}).text
    assert "Etternavn 109" in client.get(LIST, {"page": "3"}).text
    for key in ("email", "role", "organisation", "active", "last_login"):
        assert client.get(LIST, {"sort": f"-{key}"}).status_code == 200


def test_the_strategy_office_changes_a_users_role_and_organisation(strategy_office, body_member, other_organisation):
    response = client_for(strategy_office).post(
        f"/forvaltning/brukere/{body_member.pk}/",
        {
            "first_name": "Ny",
            "last_name": "Rolle",
            "role": "owner_editor",
            "organisation": other_organisation.pk,
            "language": "nn",
        },
    )
    assert response.status_code == 302
    body_member.refresh_from_db()
    assert (body_member.role, body_member.organisation, body_member.language) == (
        "owner_editor",
        other_organisation,
        "nn",
    )


def test_an_owner_editor_without_an_organisation_is_refused(strategy_office, body_member):
    response = client_for(strategy_office).post(
        f"/forvaltning/brukere/{body_member.pk}/",
        {"first_name": "Ny", "role": "owner_editor", "organisation": "", "language": "nb"},
    )
    assert response.status_code == 200
    assert "En eierredaktør må høre til en organisasjon" in response.text
    assert 'value="Ny"' in response.text
    body_member.refresh_from_db()
    assert body_member.role == "body_member"


def test_the_strategy_office_cannot_take_away_its_own_role(strategy_office):
    response = client_for(strategy_office).post(
        f"/forvaltning/brukere/{strategy_office.pk}/", {"first_name": "Meg", "role": "body_member", "language": "nb"}
    )
    assert response.status_code == 200
    assert "Du kan ikke ta fra deg din egen rolle" in response.text
    strategy_office.refresh_from_db()
    assert strategy_office.role == "strategy_office"


def test_the_strategy_office_may_change_its_own_name(strategy_office):
    response = client_for(strategy_office).post(
        f"/forvaltning/brukere/{strategy_office.pk}/",
        {"first_name": "Meg", "role": "strategy_office", "language": "nb"},
    )
    assert response.status_code == 302
    strategy_office.refresh_from_db()
    assert strategy_office.first_name == "Meg"


def test_deactivating_and_reactivating_a_user(strategy_office, owner_editor):
    client = client_for(strategy_office)
    deactivate = f"/forvaltning/brukere/{owner_editor.pk}/deaktiver/"
    assert "Deaktiver" in client.get(deactivate).text
    assert client.post(deactivate).status_code == 302
    owner_editor.refresh_from_db()
    assert not owner_editor.is_active
    assert User.objects.filter(pk=owner_editor.pk).exists()
    assert client_for(owner_editor).get("/forvaltning/").status_code in (302, 403)
    assert client.post(f"/forvaltning/brukere/{owner_editor.pk}/aktiver/").status_code == 302
    owner_editor.refresh_from_db()
    assert owner_editor.is_active


def test_nobody_can_deactivate_themselves(strategy_office):
    client = client_for(strategy_office)
    deactivate = f"/forvaltning/brukere/{strategy_office.pk}/deaktiver/"
    assert client.get(deactivate).status_code == 302
    response = client.post(deactivate, follow=True)
    assert "Du kan ikke deaktivere deg selv" in response.text
    strategy_office.refresh_from_db()
    assert strategy_office.is_active


def test_an_unknown_user_answers_404(strategy_office):
    client = client_for(strategy_office)
    for url in ["/forvaltning/brukere/999999/", "/forvaltning/brukere/999999/deaktiver/"]:
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404


def test_an_organisation_filter_link_from_the_organisation_list_works(strategy_office, owner_editor, organisation):
    text = client_for(strategy_office).get("/forvaltning/organisasjoner/").text
    assert f"/forvaltning/brukere/?organisation={organisation.pk}" in text


def test_the_lists_read_a_page_in_a_fixed_number_of_queries(
    strategy_office, organisation, django_assert_max_num_queries
):
    from veikart.accounts.models import Organisation

    Organisation.objects.bulk_create(Organisation(name=f"Etat {n:03}", slug=f"etat-{n:03}") for n in range(60))
    User.objects.bulk_create(
        User(username=f"bruker{n:03}", organisation=organisation, role=User.Role.OWNER_EDITOR) for n in range(60)
    )
    client = client_for(strategy_office)
    # Session, user, count, page, the organisation filter's choices: none per row.
    with django_assert_max_num_queries(8):
        assert client.get(LIST).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/forvaltning/organisasjoner/").status_code == 200


def test_the_edit_page_shows_the_users_organisation_chosen(strategy_office, owner_editor, organisation):
    text = client_for(strategy_office).get(f"/forvaltning/brukere/{owner_editor.pk}/").text
    assert f'<option value="{organisation.pk}" selected>Testeier A</option>' in text
    assert 'name="organisation"' in text and 'id="id_organisation"' in text
