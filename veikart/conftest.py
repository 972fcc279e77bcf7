"""Personas shared by every app's tests: one per role, an outsider and an anonymous visitor.

``outsider`` is a logged-in user with no role; ``other_owner_editor`` edits for
another organisation than ``owner_editor``.
"""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

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


@pytest.fixture(scope="module")
def _demo_for_module(django_db_setup, django_db_blocker):
    """The demo, loaded once per test module in a transaction rolled back at the module's end.

    Loading it takes seconds (every app's demo, the search index, two frozen snapshots); each
    test's own transaction (``db``) is a savepoint within this one, so what a test changes is
    undone after it, and the next test of the module finds the demo as loaded.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(_demo_for_module, db):
    """The full demo content (what `make run` shows), shared by the tests of a module (``_demo_for_module``)."""


def _planner_row_count(model) -> int | None:
    """The row count of ``model``'s table in the planner's statistics; None if it was never analysed.

    ``ANALYZE`` records the count in ``pg_class.reltuples`` (-1 before the first analysis) on
    PostgreSQL and at the head of each ``sqlite_stat1`` row of the table on SQLite.
    """
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
            count = int(cursor.fetchone()[0])
            return None if count < 0 else count
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return None
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
        row = cursor.fetchone()
        return None if row is None else int(row[0].split()[0])


@pytest.fixture
def planner_row_count():
    """``planner_row_count(Model)``: how many rows the database's planner believes the table holds."""
    return _planner_row_count


def run_task_worker() -> int:
    """One pass of the database backend's worker over every ready task (mail and the rest); the number run.

    Through the worker's own ``run_task``, as ``db_worker --batch`` does, but without its loop, which
    closes the database connection between tasks (and with it the test's transaction).
    """
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    done = 0
    while True:
        # Claimed under a row lock in a transaction of its own, as the worker does (PostgreSQL refuses
        # the lock outside one: browser tests run in autocommit); run outside it.
        with transaction.atomic():
            result = DBTaskResult.objects.ready().get_locked()
            if result is None:
                break
            result.claim(worker.worker_id)
        worker.run_task(result)
        done += 1
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists(), "a task failed"
    return done


def sent_mail() -> list:
    """The mail sent so far (Django's in-memory mail box), once the task worker has run what is queued."""
    run_task_worker()
    return mail.outbox
