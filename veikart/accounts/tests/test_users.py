"""``is_staff`` follows the role: whoever may use the admin has it, nobody else keeps it."""

import pytest

from veikart.accounts.models import User

pytestmark = pytest.mark.django_db


def test_a_strategy_office_user_created_with_the_role_only_is_staff():
    assert User.objects.create_user("kontor-ny", role=User.Role.STRATEGY_OFFICE).is_staff


@pytest.mark.parametrize("role", ["", User.Role.BODY_MEMBER])
def test_the_staff_flag_set_by_hand_on_anyone_else_does_not_stick(role):
    user = User.objects.create_user("flagget", role=role, is_staff=True)
    user.refresh_from_db()
    assert not user.is_staff


def test_an_owner_editor_is_not_staff_even_if_ticked(owner_editor):
    owner_editor.is_staff = True
    owner_editor.save()
    owner_editor.refresh_from_db()
    assert not owner_editor.is_staff


def test_the_flag_goes_with_the_role_and_with_deactivation(outsider):
    outsider.role = User.Role.STRATEGY_OFFICE
    outsider.save(update_fields=["role"])
    outsider.refresh_from_db()
    assert outsider.is_staff
    outsider.is_active = False
    outsider.save(update_fields=["is_active"])
    outsider.refresh_from_db()
    assert not outsider.is_staff


def test_a_superuser_is_staff():
    assert User.objects.create_superuser("super", "super@example.org", "pw-test-123!").is_staff
