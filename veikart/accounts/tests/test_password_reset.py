"""Forgot password: a link by e-mail, on the same page as an invitation's, that works once."""

import re

from django.test import Client

from veikart.conftest import sent_mail

NEW_PASSWORD = "et-nytt-langt-passord-2026"


def test_a_user_with_a_password_gets_a_link_that_works_once(owner_editor):
    owner_editor.email = "eier@example.org"
    owner_editor.save()
    response = Client().post("/konto/glemt-passord/", {"email": "EIER@example.org"})
    assert response.status_code == 302
    assert len(sent_mail()) == 1
    body = sent_mail()[0].body
    link = "/" + re.search(r"https?://\S+", body).group(0).split("/", 3)[3]
    client = Client()
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    owner_editor.refresh_from_db()
    assert owner_editor.check_password(NEW_PASSWORD)
    assert Client().get(link).status_code == 200  # the page that says the link has expired
    assert "a-long-test-password" not in body


def test_an_unknown_address_gets_the_same_answer_and_no_mail(db):
    response = Client().post("/konto/glemt-passord/", {"email": "ingen@example.org"})
    assert response.status_code == 302
    assert sent_mail() == []


def test_the_login_page_links_to_forgot_password(db):
    assert 'href="/konto/glemt-passord/"' in Client().get("/konto/logg-inn/").text
