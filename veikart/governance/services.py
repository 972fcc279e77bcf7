"""The writes of governance: meetings through their states, cases with their numbers, decisions and
follow-up actions.

Every function takes plain data and the acting user, checks ``accounts.permissions``, and does all
of its work in one transaction or nothing. A refusal is ``PermissionDenied`` (who may not) or
``Refused`` (what may not happen now, with a translated message for the page). Numbers are given
under a lock on the body's row, so two people creating a meeting or a case at once get two numbers;
a number chosen by hand that is taken is refused, and the database's unique constraints back that.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from veikart.accounts import permissions
from veikart.accounts.models import Organisation

from .models import Body, Case, Decision, FollowUpAction, Meeting

logger = logging.getLogger(__name__)

State = Meeting.State

# The order a meeting moves in; each state may only move to the next one.
_NEXT_STATE = {State.DRAFT: State.SUMMONED, State.SUMMONED: State.HELD, State.HELD: State.MINUTES_APPROVED}

# The standing items every new meeting starts with (*faste saker*), in agenda order; the minutes item
# is left out of a body's first meeting, which has no earlier minutes to approve.
STANDING_ITEMS = (Case.Standing.AGENDA, Case.Standing.MINUTES, Case.Standing.PORTFOLIO)


class Refused(Exception):
    """The change cannot be made now (locked minutes, a taken number …); ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class MeetingLocked(Refused):
    """The meeting's minutes are approved: it and its papers are read-only."""


def _require_office(user: Any) -> None:
    if not permissions.can_manage_governance(user):
        raise PermissionDenied(_("Only the strategy office prepares governance meetings."))


def _refuse_if_locked(meeting: Meeting) -> None:
    if meeting.is_locked:
        raise MeetingLocked(
            _("The minutes of %(meeting)s are approved; its papers can no longer be changed.")
            % {"meeting": meeting.label}
        )


def _lock_body(body_id: int) -> Body:
    """Take the body's row lock, so numbers are given one at a time (a no-op on SQLite, which locks the file)."""
    return Body.objects.select_for_update().get(pk=body_id)


def _lock_meeting(meeting_id: int) -> Meeting:
    return Meeting.objects.select_for_update().select_related("body").get(pk=meeting_id)


# --- Meetings -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingData:
    """What the strategy office fills in for a meeting."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime | None = None
    place: str = ""
    video_link: str = ""
    number: int | None = None  # None: the next free number of the body's year


def create_meeting(body: Body, data: MeetingData, *, by: Any, standing_items: bool = True) -> Meeting:
    """A draft meeting of ``body``, numbered in the year of its date, with the standing items on its agenda."""
    _require_office(by)
    _check_times(data)
    year = timezone.localtime(data.starts_at).year if timezone.is_aware(data.starts_at) else data.starts_at.year
    with transaction.atomic():
        _lock_body(body.pk)
        number = data.number or _next_number(Meeting.objects.filter(body=body, year=year))
        if Meeting.objects.filter(body=body, year=year, number=number).exists():
            raise Refused(
                _("%(body)s already has a meeting %(number)s/%(year)s.")
                % {"body": body.short_name, "number": number, "year": year}
            )
        meeting = Meeting.objects.create(
            body=body,
            year=year,
            number=number,
            starts_at=data.starts_at,
            ends_at=data.ends_at,
            place=data.place,
            video_link=data.video_link,
        )
        if standing_items:
            first = not Meeting.objects.filter(body=body, starts_at__lt=meeting.starts_at).exists()
            for standing in STANDING_ITEMS:
                if standing == Case.Standing.MINUTES and first:
                    continue
                kind = Case.Kind.INFORMATION if standing == Case.Standing.PORTFOLIO else Case.Kind.APPROVAL
                _add_case(meeting, CaseData(title=str(Case.Standing(standing).label), standing=standing, kind=kind))
    logger.info("Meeting %s created by %s", meeting.label, by)
    return meeting


def update_meeting(meeting: Meeting, data: MeetingData, *, by: Any) -> Meeting:
    """Change a meeting's time and place (its number and year stay as given)."""
    _require_office(by)
    _check_times(data)
    with transaction.atomic():
        meeting = _lock_meeting(meeting.pk)
        _refuse_if_locked(meeting)
        year = timezone.localtime(data.starts_at).year if timezone.is_aware(data.starts_at) else data.starts_at.year
        if year != meeting.year:
            raise Refused(
                _("%(meeting)s is numbered in %(year)s; a meeting in another year needs a number of that year.")
                % {"meeting": meeting.label, "year": meeting.year}
            )
        meeting.starts_at, meeting.ends_at = data.starts_at, data.ends_at
        meeting.place, meeting.video_link = data.place, data.video_link
        meeting.save()
    logger.info("Meeting %s changed by %s", meeting.label, by)
    return meeting


def _check_times(data: MeetingData) -> None:
    if data.ends_at and data.ends_at < data.starts_at:
        raise Refused(_("A meeting cannot end before it starts."))


def advance_meeting(meeting: Meeting, to: str, *, by: Any) -> Meeting:
    """Move a meeting to its next state: summon it, mark it held, approve its minutes.

    Marking it held needs its start to have passed; approving the minutes needs a decision on every
    case for approval, and locks the meeting.
    """
    _require_office(by)
    with transaction.atomic():
        meeting = _lock_meeting(meeting.pk)
        if _NEXT_STATE.get(meeting.state) != to:
            raise Refused(
                _("%(meeting)s is %(state)s and cannot be moved to “%(to)s”.")
                % {"meeting": meeting.label, "state": meeting.get_state_display().lower(), "to": State(to).label}
            )
        now = timezone.now()
        if to == State.SUMMONED:
            if not meeting.cases.exists():
                raise Refused(_("A meeting without cases cannot be summoned."))
            meeting.summoned_at = now
        elif to == State.HELD:
            if meeting.starts_at > now:
                raise Refused(_("A meeting cannot be marked held before it starts."))
            meeting.held_at = now
        elif to == State.MINUTES_APPROVED:
            undecided = meeting.cases.filter(kind=Case.Kind.APPROVAL, decision__isnull=True)
            if undecided.exists():
                raise Refused(
                    _("Record the decision of every case for approval before approving the minutes: %(cases)s.")
                    % {"cases": ", ".join(str(case.label) for case in undecided)}
                )
            meeting.minutes_approved_at = now
        meeting.state = to
        meeting.save()
    logger.info("Meeting %s moved to %s by %s", meeting.label, to, by)
    return meeting


def update_minutes(meeting: Meeting, minutes: str, *, by: Any) -> Meeting:
    """The minutes' own text (attendance and the like), until they are approved."""
    _require_office(by)
    with transaction.atomic():
        meeting = _lock_meeting(meeting.pk)
        _refuse_if_locked(meeting)
        if not meeting.is_held:
            raise Refused(_("Minutes are written once the meeting is held."))
        meeting.minutes = minutes
        meeting.save(update_fields=["minutes"])
    logger.info("Minutes of %s changed by %s", meeting.label, by)
    return meeting


# --- Cases ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseData:
    """A case as the strategy office writes it; links are primary keys."""

    title: str
    kind: str = Case.Kind.INFORMATION
    background: str = ""
    proposed_decision: str = ""
    duration_minutes: int | None = None
    is_exempt: bool = False
    exemption_basis: str = ""
    title_is_public: bool = True
    standing: str = ""
    number: int | None = None  # None: the next free number of the body's year
    goals: list[int] = field(default_factory=list)
    sub_goals: list[int] = field(default_factory=list)
    roadmap_items: list[int] = field(default_factory=list)
    indicators: list[int] = field(default_factory=list)
    snapshots: list[int] = field(default_factory=list)


def add_case(meeting: Meeting, data: CaseData, *, by: Any) -> Case:
    """A case at the end of ``meeting``'s agenda, numbered in the body's year."""
    _require_office(by)
    with transaction.atomic():
        meeting = _lock_meeting(meeting.pk)
        _refuse_if_locked(meeting)
        _lock_body(meeting.body_id)
        case = _add_case(meeting, data)
    logger.info("Case %s (%s) added to %s by %s", case.number, case.title, meeting.label, by)
    return case


def _add_case(meeting: Meeting, data: CaseData) -> Case:
    _check_case(data)
    cases_of_year = Case.objects.filter(body_id=meeting.body_id, year=meeting.year)
    number = data.number or _next_number(cases_of_year)
    if cases_of_year.filter(number=number).exists():
        raise Refused(
            _("Case %(number)s/%(year)s of %(body)s is already taken.")
            % {"number": number, "year": meeting.year, "body": meeting.body.short_name}
        )
    position = (meeting.cases.aggregate(last=Max("position"))["last"] or 0) + 1
    try:
        with transaction.atomic():
            case = Case.objects.create(meeting=meeting, number=number, position=position, **_case_fields(data))
    except IntegrityError as error:  # another process took the number between the check and the insert
        raise Refused(
            _("Case %(number)s/%(year)s of %(body)s is already taken.")
            % {"number": number, "year": meeting.year, "body": meeting.body.short_name}
        ) from error
    _set_links(case, data)
    return case


def update_case(case: Case, data: CaseData, *, by: Any) -> Case:
    """Change a case's papers and links (its number stays)."""
    _require_office(by)
    _check_case(data)
    with transaction.atomic():
        meeting = _lock_meeting(case.meeting_id)
        _refuse_if_locked(meeting)
        for name, value in _case_fields(data).items():
            setattr(case, name, value)
        case.save()
        _set_links(case, data)
    logger.info("Case %s of %s changed by %s", case.number, meeting.label, by)
    return case


def remove_case(case: Case, *, by: Any) -> None:
    """Take a case off a meeting that is not yet held (its number is not given again)."""
    _require_office(by)
    with transaction.atomic():
        meeting = _lock_meeting(case.meeting_id)
        _refuse_if_locked(meeting)
        if meeting.is_held:
            raise Refused(_("A case cannot be removed from a meeting that has been held."))
        if case.attachments.exists():
            raise Refused(_("Remove the case's attachments first."))
        case.delete()
    logger.info("Case %s removed from %s by %s", case.number, meeting.label, by)


def move_case(case: Case, *, up: bool, by: Any) -> None:
    """Move a case one place up (``up``) or down the agenda; at either end it stays where it is."""
    _require_office(by)
    with transaction.atomic():
        meeting = _lock_meeting(case.meeting_id)
        _refuse_if_locked(meeting)
        agenda = list(meeting.cases.order_by("position", "number"))
        index = next(index for index, listed in enumerate(agenda) if listed.pk == case.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(agenda):
            return
        agenda[index], agenda[other] = agenda[other], agenda[index]
        for position, listed in enumerate(agenda, start=1):
            if listed.position != position:
                listed.position = position
                listed.save(update_fields=["position"])
    logger.info("Case %s of %s moved %s by %s", case.number, meeting.label, "up" if up else "down", by)


def _check_case(data: CaseData) -> None:
    if not data.title.strip():
        raise Refused(_("A case needs a title."))
    if data.is_exempt and not data.exemption_basis.strip():
        raise Refused(_("An exempt case needs its legal basis, such as “offl. § 14”."))


def _case_fields(data: CaseData) -> dict[str, Any]:
    return {
        "title": data.title.strip(),
        "kind": data.kind,
        "background": data.background,
        "proposed_decision": data.proposed_decision,
        "duration_minutes": data.duration_minutes,
        "is_exempt": data.is_exempt,
        "exemption_basis": data.exemption_basis.strip() if data.is_exempt else "",
        "title_is_public": data.title_is_public or not data.is_exempt,
        "standing": data.standing,
    }


def _set_links(case: Case, data: CaseData) -> None:
    case.goals.set(data.goals)
    case.sub_goals.set(data.sub_goals)
    case.roadmap_items.set(data.roadmap_items)
    case.indicators.set(data.indicators)
    case.snapshots.set(data.snapshots)


def _next_number(queryset) -> int:
    return (queryset.aggregate(last=Max("number"))["last"] or 0) + 1


# --- Decisions and follow-up ----------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionData:
    text: str
    outcome: str = Decision.Outcome.UNANIMOUS
    dissent: str = ""
    review_on: datetime.date | None = None


def record_decision(case: Case, data: DecisionData, *, by: Any) -> Decision:
    """The decision on ``case`` (recorded or changed), once its meeting is held and until the minutes are approved."""
    _require_office(by)
    if not data.text.strip():
        raise Refused(_("Write the decision."))
    if data.outcome == Decision.Outcome.DISSENT and not data.dissent.strip():
        raise Refused(_("Record who dissented and their view."))
    with transaction.atomic():
        meeting = _lock_meeting(case.meeting_id)
        _refuse_if_locked(meeting)
        if not meeting.is_held:
            raise Refused(
                _("%(meeting)s has not been held yet; decisions are recorded after the meeting.")
                % {"meeting": meeting.label}
            )
        decided_on = timezone.localtime(meeting.starts_at).date()
        if data.review_on and data.review_on < decided_on:
            raise Refused(_("The review date cannot be before the decision."))
        decision, created = Decision.objects.update_or_create(
            case=case,
            defaults={
                "text": data.text.strip(),
                "outcome": data.outcome,
                "dissent": data.dissent.strip() if data.outcome == Decision.Outcome.DISSENT else "",
                "decided_on": decided_on,
                "review_on": data.review_on,
                "recorded_by": by,
            },
        )
    logger.info("Decision on case %s/%s %s by %s", case.number, case.year, "recorded" if created else "changed", by)
    return decision


def add_follow_up(
    decision: Decision, *, description: str, responsible: Organisation, due_on: datetime.date, by: Any
) -> FollowUpAction:
    """A follow-up action on a decision, for an organisation by a date (not before the decision)."""
    _require_office(by)
    if not description.strip():
        raise Refused(_("Say what is to be done."))
    if due_on < decision.decided_on:
        raise Refused(_("A follow-up action cannot be due before the decision."))
    with transaction.atomic():
        _refuse_if_locked(_lock_meeting(decision.case.meeting_id))
        action = FollowUpAction.objects.create(
            decision=decision, description=description.strip(), responsible=responsible, due_on=due_on
        )
    logger.info("Follow-up action %s on %s added by %s", action.pk, decision, by)
    return action


def mark_follow_up_done(action: FollowUpAction, *, done_on: datetime.date | None = None, by: Any) -> FollowUpAction:
    """Mark a follow-up action done: the strategy office, or an owner editor of the responsible organisation.

    Follow-up goes on after the minutes are approved, so this is allowed on a locked meeting.
    """
    if not permissions.can_manage_governance(by) and permissions.editable_organisation(by) != action.responsible:
        raise PermissionDenied(_("Only the strategy office and the responsible organisation mark this done."))
    done_on = done_on or timezone.localdate()
    if done_on < action.decision.decided_on:
        raise Refused(_("A follow-up action cannot be done before the decision."))
    action.done_on = done_on
    action.save(update_fields=["done_on"])
    logger.info("Follow-up action %s marked done by %s", action.pk, by)
    return action
