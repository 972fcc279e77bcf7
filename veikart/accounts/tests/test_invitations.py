"""Inviting a user by e-mail: the mail, the link that works once and expires, and a new invitation replacing the old."""

import re
from datetime import datetime, timedelta

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from veikart.accounts.models import User
from veikart.accounts.tokens import InvitationTokenGenerator
from veikart.conftest import client_for, run_task_worker, sent_mail

INVITE = "/forvaltning/brukere/inviter/"
NEW_PASSWORD = "et-langt-og-hemmelig-passord-42"


def invite(client, owner, **changes):
    data = {
        "first_name": "Ingrid",
        "last_name": "Invitert",
        "email": "Ingrid.Invitert@Example.org",
        "role": "owner_editor",
        "organisation": owner.pk,
        "language": "nb",
        **changes,
    }
    return client.post(INVITE, data)


def link_in(message) -> str:
    """The path of the first link in the mail's body."""
    url = re.search(r"https?://\S+", message.body).group(0)
    return "/" + url.split("/", 3)[3]


def choose_password(link: str, password: str = NEW_PASSWORD) -> tuple[Client, object]:
    """Open ``link`` as a stranger and choose a password there; returns the client and the last response."""
    client = Client()
    response = client.get(link)
    if response.status_code == 302:
        form_url = response["Location"]
        response = client.post(form_url, {"new_password1": password, "new_password2": password})
    return client, response


def test_an_invitation_creates_a_user_without_a_password_and_mails_a_link(strategy_office, organisation, settings):
    response = invite(client_for(strategy_office), organisation)
    assert response.status_code == 302
    user = User.objects.get(email="ingrid.invitert@example.org")
    assert user.username == "ingrid.invitert@example.org"
    assert not user.has_usable_password()
    assert user.invited_at is not None and user.invitation_pending
    assert len(sent_mail()) == 1
    message = sent_mail()[0]
    assert message.to == ["ingrid.invitert@example.org"]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert "invitert" in message.subject.lower()
    assert "/konto/invitasjon/" in message.body
    assert "Brukernavnet ditt er ingrid.invitert@example.org" in message.body


def test_the_mail_never_holds_a_password(strategy_office, organisation):
    invite(client_for(strategy_office), organisation)
    user = User.objects.get(email="ingrid.invitert@example.org")
    body = sent_mail()[0].body
    assert user.password not in body
    assert not re.search(r"(?i)passord\s*:\s*\S", body)


def test_the_mail_is_in_the_language_chosen_for_the_user(strategy_office, organisation):
    invite(client_for(strategy_office), organisation, language="en")
    message = sent_mail()[0]
    assert "You are invited" in message.subject
    assert "/en/konto/invitasjon/" in message.body
    invite(client_for(strategy_office), organisation, email="nils@example.org", language="nn")
    assert "Brukarnamnet ditt" in sent_mail()[1].body


def test_the_link_lets_the_user_choose_a_password_and_logs_them_in(strategy_office, organisation):
    invite(client_for(strategy_office), organisation)
    client, response = choose_password(link_in(sent_mail()[0]))
    assert response.status_code == 302
    assert response["Location"] == "/forvaltning/"
    user = User.objects.get(email="ingrid.invitert@example.org")
    assert user.check_password(NEW_PASSWORD)
    assert client.get("/forvaltning/").status_code == 200


def test_the_link_works_once(strategy_office, organisation):
    invite(client_for(strategy_office), organisation)
    link = link_in(sent_mail()[0])
    choose_password(link)
    _client, response = choose_password(link, "et-annet-langt-passord-99")
    assert response.status_code == 200
    assert "Invitasjonslenken er utløpt" in response.text
    assert User.objects.get(email="ingrid.invitert@example.org").check_password(NEW_PASSWORD)


def test_the_link_expires_after_the_configured_number_of_days(strategy_office, organisation, settings, monkeypatch):
    settings.INVITATION_MAX_AGE_DAYS = 2
    invite(client_for(strategy_office), organisation)
    link = link_in(sent_mail()[0])
    later = datetime.now() + timedelta(days=2, minutes=1)
    monkeypatch.setattr(InvitationTokenGenerator, "_now", lambda self: later)
    _client, response = choose_password(link)
    assert response.status_code == 200
    assert "Invitasjonslenken er utløpt" in response.text
    assert not User.objects.get(email="ingrid.invitert@example.org").has_usable_password()


def test_the_link_still_works_just_before_it_expires(strategy_office, organisation, settings, monkeypatch):
    settings.INVITATION_MAX_AGE_DAYS = 2
    invite(client_for(strategy_office), organisation)
    later = datetime.now() + timedelta(days=2, minutes=-1)
    monkeypatch.setattr(InvitationTokenGenerator, "_now", lambda self: later)
    _client, response = choose_password(link_in(sent_mail()[0]))
    assert response.status_code == 302


def test_a_new_invitation_sends_one_valid_link_and_the_old_one_stops_working(strategy_office, organisation):
    client = client_for(strategy_office)
    invite(client, organisation)
    user = User.objects.get(email="ingrid.invitert@example.org")
    resend = f"/forvaltning/brukere/{user.pk}/send-invitasjon/"
    assert client.get(resend).status_code == 200
    assert client.post(resend).status_code == 302
    assert len(sent_mail()) == 2
    old, new = link_in(sent_mail()[0]), link_in(sent_mail()[1])
    assert old != new
    _client, response = choose_password(old)
    assert response.status_code == 200 and "Invitasjonslenken er utløpt" in response.text
    _client, response = choose_password(new)
    assert response.status_code == 302


def test_no_invitation_is_resent_to_someone_who_has_a_password(strategy_office, owner_editor):
    response = client_for(strategy_office).post(f"/forvaltning/brukere/{owner_editor.pk}/send-invitasjon/")
    assert response.status_code == 302
    assert sent_mail() == []


def test_deactivating_an_invited_user_makes_their_link_stop_working(strategy_office, organisation):
    client = client_for(strategy_office)
    invite(client, organisation)
    user = User.objects.get(email="ingrid.invitert@example.org")
    client.post(f"/forvaltning/brukere/{user.pk}/deaktiver/")
    _client, response = choose_password(link_in(sent_mail()[0]))
    assert response.status_code == 200
    assert not User.objects.get(pk=user.pk).has_usable_password()


def test_a_tampered_or_malformed_link_answers_a_page_not_an_error(db):
    for link in ["/konto/invitasjon/MQ/abc-def/", "/konto/invitasjon/!!!/x/", "/konto/invitasjon/OTk5OTk5/1-2/"]:
        response = Client().get(link)
        assert response.status_code == 200
        assert "Invitasjonslenken er utløpt" in response.text


def test_a_weak_password_is_refused_and_the_user_stays_without_one(strategy_office, organisation):
    invite(client_for(strategy_office), organisation)
    _client, response = choose_password(link_in(sent_mail()[0]), "kort")
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.text
    assert not User.objects.get(email="ingrid.invitert@example.org").has_usable_password()


def test_an_email_address_another_user_has_is_refused_with_a_clear_message(strategy_office, organisation, owner_editor):
    owner_editor.email = "ingrid.invitert@example.org"
    owner_editor.save()
    response = invite(client_for(strategy_office), organisation)
    assert response.status_code == 200
    assert "En annen bruker har allerede denne e-postadressen" in response.text
    assert 'value="Ingrid"' in response.text
    assert sent_mail() == []


def test_inviting_the_same_address_twice_creates_one_user(strategy_office, organisation):
    client = client_for(strategy_office)
    invite(client, organisation)
    response = invite(client, organisation, email="INGRID.invitert@example.org")
    assert response.status_code == 200
    assert User.objects.filter(email__iexact="ingrid.invitert@example.org").count() == 1
    assert len(sent_mail()) == 1


def test_an_owner_editor_must_have_an_organisation(strategy_office, organisation):
    response = invite(client_for(strategy_office), organisation, organisation="")
    assert response.status_code == 200
    assert "En eierredaktør må høre til en organisasjon" in response.text
    assert not User.objects.filter(email="ingrid.invitert@example.org").exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"email": "ikke-en-adresse"},
        {"email": ""},
        {"role": "superuser"},
        {"organisation": "999999"},
        {"language": "sv"},
    ],
)
def test_bad_input_is_refused_without_a_user_or_a_mail(strategy_office, organisation, changes):
    response = invite(client_for(strategy_office), organisation, **changes)
    assert response.status_code == 200
    assert User.objects.count() == 1  # the strategy office itself
    assert sent_mail() == []


def test_a_mail_server_that_refuses_fails_the_task_not_the_page_and_the_user_can_be_invited_again(
    strategy_office, organisation, monkeypatch
):
    """The page queues the mail and answers at once; the worker's attempt fails and is recorded as failed."""

    def refuse(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("veikart.core.tasks.send_mail", refuse)
    response = invite(client_for(strategy_office), organisation)
    assert response.status_code == 302
    user = User.objects.get(email="ingrid.invitert@example.org")
    assert user.invitation_pending
    with pytest.raises(AssertionError, match="a task failed"):
        run_task_worker()
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED"]
