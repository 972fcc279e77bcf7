"""Governance fixtures: two bodies (NUIT and NUFA), a member of each, and a meeting builder; every test
runs in English, so messages and pages are compared with their msgids (pages under ``/en/``)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from veikart.accounts.models import User
from veikart.governance import services
from veikart.governance.models import Body, Membership

from .cycle_fixtures import cycle_meetings, cycle_periods  # noqa: F401  (the annual cycle's fixtures)


@pytest.fixture
def english():
    """English as the active language, for tests that match messages by their English text."""
    with translation.override("en"):
        yield


@pytest.fixture
def nuit(db) -> Body:
    return Body.objects.create(name="Prioriteringsutvalget", short_name="NUIT", slug="nuit", order=2)


@pytest.fixture
def nufa(db) -> Body:
    return Body.objects.create(name="Fagutvalget", short_name="NUFA", slug="nufa", order=3)


def _member_of(body: Body, username: str, organisation) -> User:
    user = User(username=username, role=User.Role.BODY_MEMBER, organisation=organisation)
    user.set_password("x")
    user.save()
    Membership.objects.create(
        body=body, person_name=username, user=user, starts=timezone.localdate() - datetime.timedelta(days=30)
    )
    return user


@pytest.fixture
def nuit_member(nuit, organisation) -> User:
    return _member_of(nuit, "nuit-medlem-test", organisation)


@pytest.fixture
def nufa_member(nufa, organisation) -> User:
    return _member_of(nufa, "nufa-medlem-test", organisation)


@pytest.fixture
def make_meeting(strategy_office):
    """``make_meeting(body, days=…, state=…)``: a meeting ``days`` from now, moved on to ``state``."""

    def make(body: Body, *, days: int = -7, state: str = "draft", standing_items: bool = True):
        starts_at = timezone.now() + datetime.timedelta(days=days)
        meeting = services.create_meeting(
            body, services.MeetingData(starts_at=starts_at), by=strategy_office, standing_items=standing_items
        )
        order = ["draft", "summoned", "held", "minutes_approved"]
        for step in order[1 : order.index(state) + 1]:
            if step == "minutes_approved":
                for case in meeting.cases.filter(kind="approval", decision__isnull=True):
                    services.record_decision(case, services.DecisionData(text="Godkjent."), by=strategy_office)
            meeting = services.advance_meeting(meeting, step, by=strategy_office)
        return meeting

    return make
