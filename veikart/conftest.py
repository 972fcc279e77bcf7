"""Personas shared by every app's tests: one per role, an outsider and an anonymous visitor.

``outsider`` is a logged-in user with no role; ``other_owner_editor`` edits for
another organisation than ``owner_editor``.
"""

import pytest
from django.core.management import call_command
from django.test import Client

from veikart.accounts.models import Organisation, User


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(name="Testeier A", short_name="Eier A", slug="testeier-a")


@pytest.fixture
def other_organisation(db):
    return Organisation.objects.create(name="Testeier B", short_name="Eier B", slug="testeier-b")


def _user(username: str, **fields) -> User:
    user = User(username=username, **fields)
    user.set_password("a-long-test-password")
    user.save()
    return user


@pytest.fixture
def strategy_office(db, organisation):
    return _user("kontor", role=User.Role.STRATEGY_OFFICE, is_staff=True)


@pytest.fixture
def owner_editor(db, organisation):
    return _user("eier", role=User.Role.OWNER_EDITOR, organisation=organisation)


@pytest.fixture
def other_owner_editor(db, other_organisation):
    return _user("annen-eier", role=User.Role.OWNER_EDITOR, organisation=other_organisation)


@pytest.fixture
def body_member(db, organisation):
    return _user("utvalg", role=User.Role.BODY_MEMBER, organisation=organisation)


@pytest.fixture
def outsider(db):
    return _user("utenfor")


def client_for(user: User | None) -> Client:
    """A test client logged in as ``user`` (anonymous when None)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def anonymous_client() -> Client:
    return Client()


@pytest.fixture
def demo(db):
    """The full demo content (what `make run` shows)."""
    call_command("load_demo", verbosity=0)
