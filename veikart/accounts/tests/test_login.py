"""Logging in: Argon2 hashes, a clear error, and throttling after repeated failures."""

import pytest
from django.urls import reverse

from veikart.accounts.models import User

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed_with_argon2(owner_editor):
    assert User.objects.get(pk=owner_editor.pk).password.startswith("argon2")


def test_the_login_page_is_in_the_design_and_logs_a_user_in(client, owner_editor):
    page = client.get(reverse("accounts:login"))
    assert b"ds-input" in page.content
    response = client.post(reverse("accounts:login"), {"username": "eier", "password": "a-long-test-password"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(owner_editor.pk)


def test_a_wrong_password_gives_a_clear_error_and_keeps_the_username(client, owner_editor):
    response = client.post(reverse("accounts:login"), {"username": "eier", "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'value="eier"' in response.content.decode()
    assert response.context["form"].non_field_errors()


def test_a_field_error_has_the_id_its_input_is_described_by(client):
    html = client.post(reverse("accounts:login"), {"username": "", "password": "wrong"}).content.decode()
    assert 'aria-describedby="id_username_error"' in html
    assert '<div id="id_username_error"><p class="ds-validation-message"' in html
    assert "id_password_error" not in html


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, owner_editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "eier", "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": "eier", "password": "a-long-test-password"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_owner_editor_must_belong_to_an_organisation(db):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="lost", role=User.Role.OWNER_EDITOR)
