"""The annual cycle's rules: what a year holds for whom, the stored events' checks, and copying a year."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from veikart.governance import cycle
from veikart.governance.models import CycleEvent
from veikart.governance.services import Refused

from .cycle_fixtures import make_event as _event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

Kind = CycleEvent.Kind


def _uids(entries) -> list[str]:
    return [entry.uid for entry in entries]


def test_the_year_holds_its_own_events_the_reporting_deadlines_and_the_meetings_in_date_order(
    cycle_periods, cycle_meetings, nuit
):
    report = _event(2026, "2026-03-12", "Årlig statusrapport til NUIT", kind=Kind.ANNUAL_REPORT, body=nuit)
    _event(2025, "2025-06-04", "Fjorårets revisjon", kind=Kind.ANNUAL_REVISION)
    entries = cycle.year_cycle(2026, AnonymousUser())
    assert _uids(entries) == [
        f"reporting-period-{cycle_periods['across'].pk}-deadline@veikart",  # it opened in 2025: only its deadline
        f"reporting-period-{cycle_periods['inside'].pk}-opens@veikart",
        f"cycle-event-{report.pk}@veikart",
        f"meeting-{cycle_meetings['summoned'].pk}@veikart",
        f"reporting-period-{cycle_periods['inside'].pk}-deadline@veikart",
    ]
    deadline = entries[0]
    assert (deadline.kind, deadline.starts, deadline.title.text) == (
        Kind.REPORTING_DEADLINE,
        datetime.date(2026, 1, 15),
        "Deadline for status reporting 2025 T3",
    )
    meeting = entries[3]
    assert (meeting.kind, meeting.title.text, meeting.body) == (Kind.MEETING, "Meeting NUIT 1/2026", nuit)
    assert meeting.starts_at == cycle_meetings["summoned"].starts_at and not meeting.is_draft


def test_draft_meetings_and_periods_of_a_draft_strategy_are_only_for_those_who_may_see_them(
    cycle_periods, cycle_meetings, strategy_office, body_member, outsider
):
    draft_meeting = f"meeting-{cycle_meetings['draft'].pk}@veikart"
    draft_period = f"reporting-period-{cycle_periods['draft'].pk}-deadline@veikart"
    for viewer in (AnonymousUser(), outsider):
        uids = _uids(cycle.year_cycle(2026, viewer))
        assert draft_meeting not in uids and draft_period not in uids
    # A body member follows reporting in the workspace, but a meeting in draft is the office's alone.
    member = _uids(cycle.year_cycle(2026, body_member))
    assert draft_period in member and draft_meeting not in member
    office = cycle.year_cycle(2026, strategy_office)
    assert draft_meeting in _uids(office) and draft_period in _uids(office)
    assert next(entry for entry in office if entry.uid == draft_meeting).is_draft


def test_a_stored_event_is_shown_in_the_pages_language_or_marked_as_bokmal():
    _event(2026, "2026-06-04", "Årlig revisjon", title_en="Annual revision", kind=Kind.ANNUAL_REVISION)
    _event(2026, "2026-08-01", "Bare på bokmål")
    with translation.override("en"):
        revision, bokmal = cycle.year_cycle(2026, AnonymousUser())
        assert (revision.title.text, revision.title_lang) == ("Annual revision", "")
        assert (bokmal.title.text, bokmal.title_lang) == ("Bare på bokmål", "nb")
    with translation.override("nb"):
        assert cycle.year_cycle(2026, AnonymousUser())[0].title.text == "Årlig revisjon"


def test_by_month_gives_twelve_months_each_with_its_events():
    _event(2026, "2026-04-13", "Høring", ends=datetime.date(2026, 5, 22))
    months = cycle.by_month(2026, cycle.year_cycle(2026, AnonymousUser()))
    assert [first for first, _entries in months] == [datetime.date(2026, month, 1) for month in range(1, 13)]
    assert [len(entries) for _first, entries in months] == [0, 0, 0, 1] + [0] * 8


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"starts": datetime.date(2027, 1, 5)}, "starts", "The date must be in 2026"),
        ({"ends": datetime.date(2026, 3, 1)}, "ends", "The end date cannot be before the date."),
        ({"ends": datetime.date(2027, 1, 2)}, "ends", "The end date must be in 2026"),
        ({"kind": "meeting"}, "kind", "Reporting deadlines and meetings come from their own pages"),
        ({"kind": "holiday"}, "kind", "is not a valid choice"),
    ],
)
def test_a_stored_event_with_bad_dates_or_kind_is_refused_with_the_reason(strategy_office, fields, field, message):
    values = {"year": 2026, "starts": datetime.date(2026, 3, 12), "title": "Statusrapport", **fields}
    with pytest.raises(ValidationError) as refused:
        cycle.save_event(CycleEvent(**values), by=strategy_office)
    assert message in " ".join(refused.value.message_dict[field])
    assert not CycleEvent.objects.exists()


def test_only_the_strategy_office_changes_the_cycle(body_member, owner_editor, strategy_office):
    event = CycleEvent(year=2026, starts=datetime.date(2026, 3, 12), title="Statusrapport")
    for user in (AnonymousUser(), body_member, owner_editor):
        with pytest.raises(PermissionDenied):
            cycle.save_event(event, by=user)
        with pytest.raises(PermissionDenied):
            cycle.copy_cycle(2026, 2027, by=user)
    cycle.save_event(event, by=strategy_office)
    with pytest.raises(PermissionDenied):
        cycle.delete_event(event, by=body_member)
    cycle.delete_event(event, by=strategy_office)
    assert not CycleEvent.objects.exists()


def test_copying_a_year_moves_each_event_to_the_same_day_and_29_february_to_the_28th(strategy_office, nuit):
    leap = _event(2028, "2028-02-29", "Skuddårsfrist", ends=datetime.date(2028, 2, 29), kind=Kind.OTHER)
    report = _event(
        2028,
        "2028-03-12",
        "Årlig statusrapport",
        title_nn="Årleg statusrapport",
        title_en="Annual status report",
        description="Til NUIT",
        kind=Kind.ANNUAL_REPORT,
        body=nuit,
    )
    span = _event(2028, "2028-04-13", "Høring", ends=datetime.date(2028, 5, 22))
    result = cycle.copy_cycle(2028, 2029, by=strategy_office)
    assert result.already_there == 0
    copies = {copy.copied_from_id: copy for copy in CycleEvent.objects.filter(year=2029)}
    assert (copies[leap.pk].starts, copies[leap.pk].ends) == (datetime.date(2029, 2, 28), datetime.date(2029, 2, 28))
    copied_report = copies[report.pk]
    assert (copied_report.starts, copied_report.kind, copied_report.body, copied_report.description) == (
        datetime.date(2029, 3, 12),
        Kind.ANNUAL_REPORT,
        nuit,
        "Til NUIT",
    )
    assert (copied_report.title_nn, copied_report.title_en) == ("Årleg statusrapport", "Annual status report")
    assert (copies[span.pk].starts, copies[span.pk].ends) == (datetime.date(2029, 4, 13), datetime.date(2029, 5, 22))
    # The originals are untouched.
    assert CycleEvent.objects.filter(year=2028).count() == 3


def test_copying_is_logged_with_who_did_it(strategy_office, caplog):
    _event(2026, "2026-03-12", "Statusrapport")
    with caplog.at_level("INFO", logger="veikart.governance.cycle"):
        cycle.copy_cycle(2026, 2027, by=strategy_office)
    assert "Cycle 2026 copied to 2027 by kontor: 1 events created" in caplog.text


def test_copying_into_a_year_that_has_events_is_refused_unless_only_the_missing_are_added(strategy_office):
    _event(2026, "2026-03-12", "Statusrapport", kind=Kind.ANNUAL_REPORT)
    revision = _event(2026, "2026-06-04", "Revisjon", kind=Kind.ANNUAL_REVISION)
    _event(2027, "2027-03-15", "Statusrapport", kind=Kind.ANNUAL_REPORT)  # made by hand, another day
    with pytest.raises(Refused, match="2027 already has 1 events"):
        cycle.copy_cycle(2026, 2027, by=strategy_office)
    assert CycleEvent.objects.filter(year=2027).count() == 1
    result = cycle.copy_cycle(2026, 2027, by=strategy_office, only_missing=True)
    assert [event.title for event in result.created] == ["Revisjon"] and result.already_there == 1
    # Adding the missing ones again adds nothing: copies are known by their original as well.
    revision.title = "Revisjon (endret)"
    revision.save()
    again = cycle.copy_cycle(2026, 2027, by=strategy_office, only_missing=True)
    assert again.created == [] and again.already_there == 2
    assert sorted(CycleEvent.objects.filter(year=2027).values_list("starts", flat=True)) == [
        datetime.date(2027, 3, 15),
        datetime.date(2027, 6, 4),
    ]


@pytest.mark.parametrize(
    ("from_year", "to_year", "message"),
    [(2026, 2026, "two different years"), (2026, 2101, "two different years"), (2025, 2026, "no events")],
)
def test_a_copy_with_nothing_to_copy_or_impossible_years_is_refused(strategy_office, from_year, to_year, message):
    _event(2026, "2026-03-12", "Statusrapport")
    with pytest.raises(Refused, match=message):
        cycle.copy_cycle(from_year, to_year, by=strategy_office)
    assert CycleEvent.objects.count() == 1


def test_the_database_refuses_an_end_before_the_start_and_a_kind_that_is_read_live():
    from django.db import IntegrityError, transaction

    for fields in ({"ends": datetime.date(2026, 1, 1)}, {"kind": "meeting"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            _event(2026, "2026-03-12", "Feil", **fields)
