"""The admin's users: the strategy office manages them, but nobody below a superuser grants privileges."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation

from veikart.accounts.models import User
from veikart.conftest import client_for


@pytest.fixture(autouse=True)
def bokmal():
    with translation.override("nb"):
        yield


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("super", "super@example.org", "pw-test-123!")


@pytest.fixture
def editors(db):
    return Group.objects.create(name="Redaktører")


def change_url(user) -> str:
    return reverse("admin:accounts_user_change", args=[user.pk])


def change_data(user, **changes) -> dict:
    """What the user's change page posts when saved as it is, with ``changes``."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on" if user.is_active else "",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "organisation": user.organisation_id or "",
        "role": user.role,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_the_strategy_office_changes_a_users_role(strategy_office, outsider, organisation):
    client = client_for(strategy_office)
    response = client.post(
        change_url(outsider), change_data(outsider, role=User.Role.OWNER_EDITOR, organisation=organisation.pk)
    )
    assert response.status_code == 302
    outsider.refresh_from_db()
    assert outsider.role == User.Role.OWNER_EDITOR and not outsider.is_staff


def test_the_strategy_office_cannot_make_itself_a_superuser_or_hand_itself_groups_and_permissions(
    strategy_office, editors
):
    client = client_for(strategy_office)
    permission = Permission.objects.get(codename="change_group")
    data = change_data(strategy_office, is_superuser="on", groups=[editors.pk], user_permissions=[permission.pk])
    assert client.post(change_url(strategy_office), data).status_code == 302
    strategy_office.refresh_from_db()
    assert not strategy_office.is_superuser
    assert not strategy_office.groups.exists() and not strategy_office.user_permissions.exists()


def test_the_strategy_office_cannot_make_anyone_else_a_superuser(strategy_office, outsider, editors):
    client = client_for(strategy_office)
    client.post(change_url(outsider), change_data(outsider, is_superuser="on", groups=[editors.pk]))
    outsider.refresh_from_db()
    assert not outsider.is_superuser and not outsider.groups.exists()


def test_the_strategy_office_sees_no_groups_or_permissions_and_cannot_tick_superuser(strategy_office, outsider):
    response = client_for(strategy_office).get(change_url(outsider))
    form = response.context["adminform"].form
    assert "is_superuser" not in form.fields and "is_staff" not in form.fields
    assert "groups" not in form.fields and "user_permissions" not in form.fields
    body = response.content.decode()
    assert 'name="is_superuser"' not in body and 'name="groups"' not in body


def test_the_strategy_office_cannot_change_a_superuser_or_set_its_password(strategy_office, superuser):
    client = client_for(strategy_office)
    response = client.get(change_url(superuser))
    assert response.status_code == 200 and not response.context["has_change_permission"]
    assert client.post(change_url(superuser), change_data(superuser, role="")).status_code == 403
    password_url = reverse("admin:auth_user_password_change", args=[superuser.pk])
    assert client.get(password_url).status_code == 403
    data = {"password1": "a-new-long-password-1", "password2": "a-new-long-password-1", "usable_password": "true"}
    assert client.post(password_url, data).status_code == 403
    assert client.post(reverse("admin:accounts_user_delete", args=[superuser.pk]), {"post": "yes"}).status_code == 403
    superuser.refresh_from_db()
    assert superuser.check_password("pw-test-123!") and superuser.is_active


def test_a_superuser_makes_another_superuser_and_hands_out_groups(superuser, outsider, editors):
    client = client_for(superuser)
    data = change_data(outsider, is_superuser="on", groups=[editors.pk])
    assert client.post(change_url(outsider), data).status_code == 302
    outsider.refresh_from_db()
    assert outsider.is_superuser and list(outsider.groups.all()) == [editors]


@pytest.mark.parametrize("whose", ["own", "another", "a_superuser"])
def test_no_user_page_shows_a_password_hash_beyond_djangos_masked_summary(strategy_office, outsider, superuser, whose):
    user = {"own": strategy_office, "another": outsider, "a_superuser": superuser}[whose]
    body = client_for(strategy_office).get(change_url(user)).content.decode()
    *_algorithm_and_parameters, salt, hashed = user.password.split("$")
    assert user.password not in body and hashed not in body and salt not in body
    assert hashed[:6] in body  # Django's summary: the first characters, the rest masked


@pytest.mark.parametrize(
    "url",
    [
        "/admin/accounts/user/?password__startswith=argon2",
        "/admin/accounts/organisation/?members__password__startswith=argon2",
        "/admin/roadmap/roadmapitem/?owners__members__password__startswith=argon2",
    ],
)
def test_lists_cannot_be_filtered_by_password_hash(strategy_office, url):
    assert client_for(strategy_office).get(url).status_code == 400
