"""Meetings, cases and decisions through their rules: numbers, states, the lock on approved minutes,
the refusals a person gets for bad input, and who reads which body's papers."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from veikart.governance import services
from veikart.governance.models import Body, Case, Meeting, Membership
from veikart.governance.services import CaseData, DecisionData, MeetingData, Refused

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    """The refusals are matched by their English msgids; the site's default language is bokmål."""
    with translation.override("en"):
        yield


def test_meetings_and_cases_are_numbered_per_body_and_year(nuit, nufa, make_meeting):
    first = make_meeting(nuit)
    second = make_meeting(nuit, days=-1)
    other = make_meeting(nufa)
    assert (first.number, second.number, other.number) == (1, 2, 1)
    assert first.label == f"NUIT 1/{first.year}"
    # Standing items: the first meeting has no minutes to approve; later ones do.
    assert list(first.cases.values_list("standing", flat=True)) == ["agenda", "portfolio"]
    assert list(second.cases.values_list("standing", flat=True)) == ["agenda", "minutes", "portfolio"]
    assert list(second.cases.values_list("number", flat=True)) == [3, 4, 5]
    assert list(other.cases.values_list("number", flat=True)) == [1, 2]


def test_a_case_number_used_twice_in_a_year_is_refused(nuit, make_meeting, strategy_office):
    meeting = make_meeting(nuit)
    with pytest.raises(Refused, match="already taken"):
        services.add_case(meeting, CaseData(title="Dobbel", number=1), by=strategy_office)
    case = services.add_case(meeting, CaseData(title="Egen", number=14), by=strategy_office)
    assert case.label == f"Case 14/{meeting.year}"
    assert services.add_case(meeting, CaseData(title="Neste"), by=strategy_office).number == 15


def test_a_meeting_number_used_twice_is_refused(nuit, make_meeting, strategy_office):
    meeting = make_meeting(nuit)
    with pytest.raises(Refused, match="already has a meeting"):
        services.create_meeting(nuit, MeetingData(starts_at=meeting.starts_at, number=1), by=strategy_office)


def test_dates_out_of_order_are_refused(nuit, strategy_office):
    now = timezone.now()
    with pytest.raises(Refused, match="cannot end before it starts"):
        services.create_meeting(
            nuit, MeetingData(starts_at=now, ends_at=now - datetime.timedelta(hours=1)), by=strategy_office
        )
    membership = Membership(
        body=nuit, person_name="X", starts=datetime.date(2026, 5, 1), ends=datetime.date(2026, 1, 1)
    )
    with pytest.raises(Exception, match="cannot end before it starts"):
        membership.full_clean()


def test_a_decision_on_a_meeting_not_yet_held_is_refused(nuit, make_meeting, strategy_office):
    meeting = make_meeting(nuit, days=7, state="summoned")
    with pytest.raises(Refused, match="has not been held yet"):
        services.record_decision(meeting.cases.first(), DecisionData(text="Vedtatt."), by=strategy_office)
    with pytest.raises(Refused, match="before it starts"):
        services.advance_meeting(meeting, Meeting.State.HELD, by=strategy_office)


def test_dissent_needs_its_record_and_the_review_date_follows_the_decision(nuit, make_meeting, strategy_office):
    case = make_meeting(nuit, state="held").cases.first()
    with pytest.raises(Refused, match="who dissented"):
        services.record_decision(case, DecisionData(text="Vedtatt.", outcome="dissent"), by=strategy_office)
    with pytest.raises(Refused, match="review date"):
        services.record_decision(
            case, DecisionData(text="Vedtatt.", review_on=datetime.date(2000, 1, 1)), by=strategy_office
        )
    decision = services.record_decision(
        case, DecisionData(text="Vedtatt.", outcome="dissent", dissent="Helse Vest stemte imot."), by=strategy_office
    )
    assert decision.decided_on == timezone.localtime(case.meeting.starts_at).date()


def test_states_move_one_step_at_a_time(nuit, make_meeting, strategy_office):
    meeting = make_meeting(nuit)
    with pytest.raises(Refused, match="cannot be moved"):
        services.advance_meeting(meeting, Meeting.State.HELD, by=strategy_office)


def test_minutes_need_every_approval_case_decided(nuit, make_meeting, strategy_office):
    meeting = make_meeting(nuit, state="held")
    with pytest.raises(Refused, match="every case for approval"):
        services.advance_meeting(meeting, Meeting.State.MINUTES_APPROVED, by=strategy_office)


def test_approved_minutes_lock_the_meeting_and_its_papers(nuit, make_meeting, strategy_office, organisation):
    meeting = make_meeting(nuit, state="minutes_approved")
    case = meeting.cases.first()
    attempts = [
        lambda: services.update_minutes(meeting, "Endret i ettertid", by=strategy_office),
        lambda: services.add_case(meeting, CaseData(title="Ny"), by=strategy_office),
        lambda: services.update_case(case, CaseData(title="Endret"), by=strategy_office),
        lambda: services.record_decision(case, DecisionData(text="Endret."), by=strategy_office),
        lambda: services.update_meeting(meeting, MeetingData(starts_at=meeting.starts_at), by=strategy_office),
        lambda: services.add_follow_up(
            case.decision, description="X", responsible=organisation, due_on=timezone.localdate(), by=strategy_office
        ),
    ]
    for attempt in attempts:
        with pytest.raises(services.MeetingLocked):
            attempt()
    case.refresh_from_db()
    assert case.title != "Endret" and case.decision.text == "Godkjent."


def test_follow_up_is_marked_done_by_the_office_or_the_responsible_organisation(
    nuit, make_meeting, strategy_office, organisation, owner_editor, other_owner_editor
):
    meeting = make_meeting(nuit, state="held")
    decision = services.record_decision(meeting.cases.first(), DecisionData(text="Vedtatt."), by=strategy_office)
    due = timezone.localdate() + datetime.timedelta(days=30)
    with pytest.raises(Refused, match="due before the decision"):
        services.add_follow_up(
            decision, description="X", responsible=organisation, due_on=datetime.date(2000, 1, 1), by=strategy_office
        )
    action = services.add_follow_up(
        decision, description="Gjør det", responsible=organisation, due_on=due, by=strategy_office
    )
    with pytest.raises(PermissionDenied):
        services.mark_follow_up_done(action, by=other_owner_editor)
    assert services.mark_follow_up_done(action, by=owner_editor).is_done


def test_only_the_strategy_office_prepares_meetings(nuit, nuit_member, owner_editor, make_meeting):
    meeting = make_meeting(nuit)
    for user in (nuit_member, owner_editor):
        with pytest.raises(PermissionDenied):
            services.create_meeting(nuit, MeetingData(starts_at=timezone.now()), by=user)
        with pytest.raises(PermissionDenied):
            services.add_case(meeting, CaseData(title="X"), by=user)


def test_an_exempt_case_needs_its_legal_basis(nuit, make_meeting, strategy_office):
    meeting = make_meeting(nuit)
    with pytest.raises(Refused, match="legal basis"):
        services.add_case(meeting, CaseData(title="Hemmelig", is_exempt=True), by=strategy_office)


@pytest.fixture
def exempt_case(nuit, make_meeting, strategy_office) -> Case:
    meeting = make_meeting(nuit, days=7, state="summoned")
    return services.add_case(
        meeting,
        CaseData(
            title="Forhandling",
            background="Posisjon",
            is_exempt=True,
            exemption_basis="offl. § 23",
            title_is_public=False,
        ),
        by=strategy_office,
    )


def test_a_member_reads_the_exempt_papers_of_their_own_body_only(
    exempt_case, nuit_member, nufa_member, strategy_office, owner_editor, body_member
):
    readers = {
        "office": strategy_office,
        "nuit": nuit_member,
        "nufa": nufa_member,
        "owner": owner_editor,
        "member of no body": body_member,
    }
    readable = {name for name, user in readers.items() if exempt_case.papers_readable_by(user)}
    assert readable == {"office", "nuit"}
    for name, user in readers.items():
        in_queryset = Case.objects.papers_readable_by(user).filter(pk=exempt_case.pk).exists()
        assert in_queryset == (name in readable), name
    # The public knows the case exists, with its basis, not its title.
    assert Case.objects.public().filter(pk=exempt_case.pk).exists()
    assert exempt_case.public_title() is None
    assert exempt_case.public_title(nuit_member) == "Forhandling"
    assert exempt_case.public_title(nufa_member) is None


def test_a_membership_that_ended_no_longer_reads_the_papers(exempt_case, nuit_member):
    Membership.objects.filter(user=nuit_member).update(ends=timezone.localdate() - datetime.timedelta(days=1))
    assert not exempt_case.papers_readable_by(nuit_member)
    assert not Body.objects.readable_by(nuit_member).exists()


def test_a_draft_meeting_is_seen_only_by_the_strategy_office(nuit, make_meeting, nuit_member, strategy_office):
    meeting = make_meeting(nuit)
    assert not Meeting.objects.visible_to(nuit_member).filter(pk=meeting.pk).exists()
    assert not Meeting.objects.public().filter(pk=meeting.pk).exists()
    assert Meeting.objects.visible_to(strategy_office).filter(pk=meeting.pk).exists()
    assert not meeting.cases.first().papers_readable_by(nuit_member)
