"""Personas and small factories for the roadmap tests."""

from __future__ import annotations

import itertools

import pytest
from django.utils import translation

from veikart.accounts.models import Organisation, User
from veikart.roadmap.models import Phase, RoadmapItem, UserGroup
from veikart.strategy.models import Goal, Strategy, SubGoal

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def bokmal():
    """Requests activate their page's language; start every test in bokmål so reverse() gives unprefixed URLs."""
    with translation.override("nb"):
        yield


@pytest.fixture
def strategy(db) -> Strategy:
    """A published, adopted strategy with goals 1 and 3 and sub-goals 1A, 1C, 1D and 3B."""
    strategy = Strategy.objects.create(
        title="Nasjonal e-helsestrategi",
        slug="e-helsestrategi",
        status=Strategy.Status.ADOPTED,
        period_start=2023,
        period_end=2030,
        is_published=True,
    )
    goal_1 = Goal.objects.create(strategy=strategy, number=1, title="Aktiv medvirkning i egen og næres helse")
    goal_3 = Goal.objects.create(strategy=strategy, number=3, title="Helsedata til fornying og forbedring")
    for goal, code, title in [
        (goal_1, "1A", "Innbygger skal administrere behandlingsforløp"),
        (goal_1, "1C", "Digital selvhjelp, læring og mestring"),
        (goal_1, "1D", "Unge"),
        (goal_3, "3B", "Kunstig intelligens"),
    ]:
        SubGoal.objects.create(goal=goal, code=code, title=title)
    return strategy


@pytest.fixture
def sub_goal(strategy) -> SubGoal:
    return SubGoal.objects.get(strategy=strategy, code="1C")


@pytest.fixture
def phases(db) -> dict[str, Phase]:
    """The five phases seeded by the migration, by name."""
    return {phase.name: phase for phase in Phase.objects.all()}


@pytest.fixture
def nhn(db) -> Organisation:
    return Organisation.objects.create(name="Norsk helsenett SF", short_name="NHN", slug="nhn")


@pytest.fixture
def oslo(db) -> Organisation:
    return Organisation.objects.create(name="Oslo kommune", short_name="Oslo", slug="oslo")


@pytest.fixture
def citizens(db) -> UserGroup:
    return UserGroup.objects.create(name="Innbyggere", slug="innbyggere")


@pytest.fixture
def strategy_office(db) -> User:
    return User.objects.create_user("siri", password="not-used-in-tests-1", role=User.Role.STRATEGY_OFFICE)


@pytest.fixture
def nhn_editor(nhn) -> User:
    return User.objects.create_user(
        "ola", password="not-used-in-tests-1", role=User.Role.OWNER_EDITOR, organisation=nhn
    )


@pytest.fixture
def oslo_editor(oslo) -> User:
    return User.objects.create_user(
        "kari", password="not-used-in-tests-1", role=User.Role.OWNER_EDITOR, organisation=oslo
    )


@pytest.fixture
def make_item(sub_goal, phases):
    """Create an item (published unless told otherwise); owners and user_groups as lists."""

    def make(owners=(), user_groups=(), **values) -> RoadmapItem:
        values.setdefault("title", f"Tiltak {next(_counter)}")
        values.setdefault("sub_goal", sub_goal)
        values.setdefault("is_published", True)
        values.setdefault("phase", phases["Innføring"])
        item = RoadmapItem.objects.create(**values)
        if owners:
            item.owners.set(owners)
        if user_groups:
            item.user_groups.set(user_groups)
        return item

    return make
