"""The writes of status reporting: a report's workflow and the periods' states and publication.

Every function takes plain data and the acting user, checks the rule in ``accounts.permissions``,
and either does all of its work in one transaction or nothing. A refusal is
``PermissionDenied`` (who may not) or ``Refused`` (what may not happen now), each with a translated
message for the page. Transitions are one conditional ``UPDATE`` on the report's state and version,
so of two people acting on the same version one wins and the other is told.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from veikart.accounts import permissions
from veikart.core.history_writes import write_history
from veikart.roadmap.models import Phase, RoadmapItem
from veikart.strategy.models import Strategy

from .models import (
    ReportingPeriod,
    StatusArea,
    StatusColour,
    StatusReport,
    StatusReportArea,
    StatusReportMilestone,
    StatusReportRisk,
    StatusReportTransition,
)

logger = logging.getLogger(__name__)

State = StatusReport.State
Action = StatusReportTransition.Action


class Refused(Exception):
    """The action cannot be done now (a locked period, a report already reviewed …); ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Conflict(Refused):
    """Someone else changed the report since the viewer loaded it."""


@dataclass(frozen=True)
class AreaStatus:
    area: str  # StatusArea.key
    colour: str | None  # StatusColour.key
    comment: str = ""


@dataclass(frozen=True)
class Risk:
    description: str
    likelihood: int
    consequence: int
    mitigation: str = ""
    owner: str = ""


@dataclass(frozen=True)
class MilestoneUpdate:
    title: str
    date: datetime.date
    is_done: bool = False
    note: str = ""
    milestone_id: int | None = None


@dataclass(frozen=True)
class ReportContent:
    """What an owner writes in a report."""

    overall: str | None = None  # StatusColour.key
    narrative: str = ""
    next_steps: str = ""
    expected_phase_id: int | None = None
    expected_end_date: datetime.date | None = None
    areas: tuple[AreaStatus, ...] = ()
    risks: tuple[Risk, ...] = ()
    milestones: tuple[MilestoneUpdate, ...] = field(default_factory=tuple)


def working_report(item_id: int, period_id: int) -> StatusReport | None:
    """The revision of the item's report for the period that is in the workflow, else None."""
    return StatusReport.objects.filter(
        item_id=item_id, period_id=period_id, state__in=StatusReport.WORKING_STATES
    ).first()


def current_report(item_id: int, period_id: int) -> StatusReport | None:
    """The revision being worked on, else the live approved one, else None."""
    return working_report(item_id, period_id) or (
        StatusReport.objects.filter(
            item_id=item_id, period_id=period_id, state=State.APPROVED, is_superseded=False
        ).first()
    )


def _item_for_writer(user: Any, item_id: int, *, rule=permissions.can_write_status_report) -> RoadmapItem:
    item = RoadmapItem.objects.filter(pk=item_id).select_related("portfolio_membership").first()
    if item is None or not rule(user, item.owners.all()):
        raise PermissionDenied(
            _("Only an owner editor of the organisation that owns the item may write its status report.")
        )
    if not hasattr(item, "portfolio_membership"):
        raise Refused(_("The item is not in the portfolio, so it takes no status report."))
    return item


def _period(period_id: int) -> ReportingPeriod:
    period = ReportingPeriod.objects.filter(pk=period_id).first()
    if period is None:
        raise Refused(_("There is no such reporting period."))
    return period


def _refuse_locked(period: ReportingPeriod) -> None:
    if period.state == ReportingPeriod.State.LOCKED:
        raise Refused(_("The period %(period)s is locked and takes no report.") % {"period": period})
    if period.state == ReportingPeriod.State.PLANNED:
        raise Refused(_("The period %(period)s has not opened yet.") % {"period": period})


def _stale() -> Conflict:
    return Conflict(
        _("Someone else changed this report after you opened it. Open it again to see the changes; nothing was saved.")
    )


def _log(report: StatusReport, action: str, user: Any, from_state: str, note: str = "") -> None:
    StatusReportTransition.objects.create(
        report=report, action=action, from_state=from_state, to_state=report.state, by=user, note=note
    )
    logger.info(
        "%s: %s status report %s (item %s, period %s), %s → %s",
        getattr(user, "username", user),
        action,
        report.pk,
        report.item_id,
        report.period_id,
        from_state or "–",
        report.state,
    )


def _write_content(report: StatusReport, content: ReportContent, *, user: Any) -> None:
    colours = {colour.key: colour for colour in StatusColour.objects.all()}
    areas = {area.key: area for area in StatusArea.objects.all()}

    def colour(key: str | None) -> StatusColour | None:
        if not key:
            return None
        if key not in colours:
            raise Refused(_("“%(value)s” is not a status of the scale.") % {"value": key})
        return colours[key]

    report.overall = colour(content.overall)
    report.narrative = content.narrative.strip()
    report.next_steps = content.next_steps.strip()
    report.expected_phase = (
        Phase.objects.filter(pk=content.expected_phase_id).first() if content.expected_phase_id else None
    )
    report.expected_end_date = content.expected_end_date
    # The fields' own checks only: the table's constraints are about the workflow (state, revision, note),
    # which writing the content does not change, and each would cost a query; the database keeps them.
    report.full_clean(exclude=["item", "period", "created_by"], validate_constraints=False)
    report._history_user = user
    report.save()

    # The report's rows are read once (not one query per area or risk); only what changed is written.
    existing_areas = {row.area_id: row for row in report.areas.all()}
    kept = set()
    for given in content.areas:
        if given.area not in areas:
            raise Refused(_("“%(value)s” is not a status area.") % {"value": given.area})
        kept.add(given.area)
        row = existing_areas.get(areas[given.area].pk)
        if row is None:
            row = StatusReportArea.objects.create(report=report, area=areas[given.area])
        new = (colour(given.colour), given.comment.strip())
        if (row.colour_id, row.comment) != (new[0].pk if new[0] else None, new[1]):
            row.colour, row.comment = new
            row.save()
    report.areas.exclude(area__key__in=kept).delete()

    existing_risks = {row.position: row for row in report.risks.all()}
    for position, risk in enumerate(content.risks, start=1):
        row = StatusReportRisk(
            report=report,
            position=position,
            description=risk.description.strip(),
            likelihood=risk.likelihood,
            consequence=risk.consequence,
            mitigation=risk.mitigation.strip(),
            owner=risk.owner.strip(),
        )
        try:
            row.full_clean(exclude=["report"])
        except ValidationError as error:
            raise Refused(
                _("Risk %(number)s: %(errors)s") % {"number": position, "errors": " ".join(error.messages)}
            ) from None
        existing = existing_risks.get(position)
        if existing is None:
            row.save()
        elif [getattr(existing, name) for name in _RISK_FIELDS] != [getattr(row, name) for name in _RISK_FIELDS]:
            row.pk = existing.pk
            row.save()
    report.risks.filter(position__gt=len(content.risks)).delete()

    report.milestone_updates.all().delete()
    for update in content.milestones:
        StatusReportMilestone.objects.create(
            report=report,
            milestone_id=update.milestone_id,
            title=update.title.strip(),
            date=update.date,
            is_done=update.is_done,
            note=update.note.strip(),
        )


_RISK_FIELDS = ("description", "likelihood", "consequence", "mitigation", "owner")


def status_report_save_draft(
    *, user: Any, item_id: int, period_id: int, content: ReportContent, version: int | None = None
) -> StatusReport:
    """Create or change the draft (or returned) report of an item for a period; returns it.

    ``version`` is the report's version the writer loaded (None when they began a new report); a save
    from an older version raises ``Conflict`` and changes nothing. Refused (``Refused``) when the period
    is planned or locked, when a new report is begun after the period closed, when the report is
    submitted (waiting for review) or approved (begin a correction instead); ``PermissionDenied`` for
    anyone but an owner editor of the item's owner and the strategy office
    (``permissions.can_draft_status_report``: the office keys in drafts sent in as spreadsheets, and
    only an owner editor submits them).
    """
    item = _item_for_writer(user, item_id, rule=permissions.can_draft_status_report)
    period = _period(period_id)
    _refuse_locked(period)
    with transaction.atomic():
        report = working_report(item.pk, period.pk)
        if report is None:
            if version is not None:
                raise _stale()
            if StatusReport.objects.filter(
                item=item, period=period, state=State.APPROVED, is_superseded=False
            ).exists():
                raise Refused(
                    _("The report for this period is approved and cannot be changed; begin a correction instead.")
                )
            if not period.takes_new_reports:
                raise Refused(_("The period %(period)s is closed to new reports.") % {"period": period})
            try:
                with transaction.atomic():
                    report = StatusReport.objects.create(item=item, period=period, created_by=user)
            except IntegrityError:
                raise _stale() from None
            _log(report, Action.CREATED, user, "")
        else:
            if report.state == State.SUBMITTED:
                raise Refused(_("The report is submitted and waits for review; it cannot be changed now."))
            if version != report.version or not StatusReport.objects.filter(
                pk=report.pk, version=version, state=report.state
            ).update(version=F("version") + 1):
                raise _stale()
            report.version += 1
        _write_content(report, content, user=user)
    logger.info(
        "%s saved the draft of status report %s (item %s, period %s)", user.username, report.pk, item.pk, period.pk
    )
    return report


def _report_for_transition(report_id: int) -> StatusReport:
    report = StatusReport.objects.select_related("period", "item").filter(pk=report_id).first()
    if report is None:
        raise Refused(_("There is no such status report."))
    return report


# Change reasons in the history, stored in English and translated where shown (``core.history.reason_display``).
HISTORY_REASONS = {
    State.SUBMITTED: gettext_noop("Status report submitted"),
    State.RETURNED: gettext_noop("Status report returned"),
    State.APPROVED: gettext_noop("Status report approved"),
}
SUPERSEDED_REASON = gettext_noop("Superseded by an approved correction")


def _transition(report: StatusReport, *, user: Any, version: int, from_states: tuple[str, ...], **changes: Any) -> None:
    """The one conditional UPDATE: only from ``from_states`` at ``version``; else ``Conflict``.

    An ``UPDATE`` writes no history by itself: the row is recorded as it now stands, with the user.
    """
    updated = StatusReport.objects.filter(pk=report.pk, version=version, state__in=from_states).update(
        version=F("version") + 1, updated_at=timezone.now(), **changes
    )
    if not updated:
        raise _stale()
    write_history(StatusReport, [report.pk], user=user, reason=HISTORY_REASONS[changes["state"]])
    report.refresh_from_db()


def status_report_submit(*, user: Any, report_id: int, version: int) -> StatusReport:
    """Submit a draft or a returned report for review; a returned one is logged as submitted again.

    Needs an overall status. Refused in a planned or locked period, and when the report is no longer
    the ``version`` the writer saw (``Conflict``).
    """
    report = _report_for_transition(report_id)
    _item_for_writer(user, report.item_id)
    _refuse_locked(report.period)
    if report.state not in (State.DRAFT, State.RETURNED):
        raise Refused(_("Only a draft or a returned report can be submitted."))
    if report.overall_id is None:
        raise Refused(_("Choose an overall status before you submit the report."))
    before = report.state
    with transaction.atomic():
        _transition(
            report,
            user=user,
            version=version,
            from_states=(State.DRAFT, State.RETURNED),
            state=State.SUBMITTED,
            submitted_at=timezone.now(),
        )
        _log(report, Action.RESUBMITTED if before == State.RETURNED else Action.SUBMITTED, user, before)
    return report


def _require_reviewer(user: Any) -> None:
    if not permissions.can_review_status_reports(user):
        raise PermissionDenied(_("Only the strategy office returns or approves status reports."))


def status_report_return(*, user: Any, report_id: int, version: int, note: str) -> StatusReport:
    """Return a submitted report to its owner with a review note (required); the owner is mailed."""
    _require_reviewer(user)
    report = _report_for_transition(report_id)
    _refuse_locked(report.period)
    note = note.strip()
    if not note:
        raise Refused(_("Write a note that says what the owner should change."))
    if report.state != State.SUBMITTED:
        raise Refused(
            _("Only a submitted report can be returned; it is %(state)s.")
            % {"state": report.get_state_display().lower()}
        )
    with transaction.atomic():
        _transition(
            report,
            user=user,
            version=version,
            from_states=(State.SUBMITTED,),
            state=State.RETURNED,
            review_note=note,
            reviewed_at=timezone.now(),
            reviewed_by=user,
        )
        _log(report, Action.RETURNED, user, State.SUBMITTED, note=note)
        from .reminders import returned_notice_send

        returned_notice_send(report_id=report.pk)
    return report


def status_report_approve(*, user: Any, report_id: int, version: int) -> StatusReport:
    """Approve a submitted report. A correction, once approved, supersedes the revision it corrects."""
    _require_reviewer(user)
    report = _report_for_transition(report_id)
    _refuse_locked(report.period)
    if report.state != State.SUBMITTED:
        raise Refused(
            _("Only a submitted report can be approved; it is %(state)s.")
            % {"state": report.get_state_display().lower()}
        )
    with transaction.atomic():
        # Superseding first: the database allows one live approved revision per item and period.
        corrected = list(
            StatusReport.objects.filter(
                item_id=report.item_id, period_id=report.period_id, state=State.APPROVED, is_superseded=False
            ).values_list("pk", flat=True)
        )
        StatusReport.objects.filter(pk__in=corrected).update(is_superseded=True)
        write_history(StatusReport, corrected, user=user, reason=SUPERSEDED_REASON)
        _transition(
            report,
            user=user,
            version=version,
            from_states=(State.SUBMITTED,),
            state=State.APPROVED,
            reviewed_at=timezone.now(),
            reviewed_by=user,
        )
        _log(report, Action.APPROVED, user, State.SUBMITTED)
    return report


def status_report_correct(*, user: Any, report_id: int, reason: str) -> StatusReport:
    """Begin a correction of an approved report: a new draft revision with its content and ``reason``.

    The approved revision stays as it is (and public, if its period is) until the correction is approved.
    """
    report = _report_for_transition(report_id)
    _item_for_writer(user, report.item_id)
    _refuse_locked(report.period)
    reason = reason.strip()
    if not reason:
        raise Refused(_("Say why the approved report needs a correction."))
    if report.state != State.APPROVED or report.is_superseded:
        raise Refused(_("Only the approved report can be corrected."))
    with transaction.atomic():
        if working_report(report.item_id, report.period_id) is not None:
            raise Refused(_("A correction of this report is already being worked on."))
        try:
            with transaction.atomic():
                correction = StatusReport.objects.create(
                    item_id=report.item_id,
                    period_id=report.period_id,
                    revision=report.revision + 1,
                    correction_reason=reason,
                    created_by=user,
                    is_demo=report.is_demo,
                )
        except IntegrityError:
            raise _stale() from None
        _write_content(correction, content_of(report), user=user)
        _log(correction, Action.CORRECTION, user, "", note=reason)
    return correction


def content_of(report: StatusReport) -> ReportContent:
    """A report's content as plain data (to prefill a correction or a form)."""
    return ReportContent(
        overall=report.overall.key if report.overall_id else None,
        narrative=report.narrative,
        next_steps=report.next_steps,
        expected_phase_id=report.expected_phase_id,
        expected_end_date=report.expected_end_date,
        areas=tuple(
            AreaStatus(area=row.area.key, colour=row.colour.key if row.colour_id else None, comment=row.comment)
            for row in report.areas.select_related("area", "colour")
        ),
        risks=tuple(
            Risk(row.description, row.likelihood, row.consequence, row.mitigation, row.owner)
            for row in report.risks.all()
        ),
        milestones=tuple(
            MilestoneUpdate(row.title, row.date, row.is_done, row.note, row.milestone_id)
            for row in report.milestone_updates.all()
        ),
    )


def _require_period_manager(user: Any) -> None:
    if not permissions.can_manage_reporting_periods(user):
        raise PermissionDenied(_("Only the strategy office manages reporting periods."))


def reporting_period_create(
    *, user: Any, strategy_id: int, name: str, opens: datetime.date, deadline: datetime.date
) -> ReportingPeriod:
    """A new, planned period. ``ValidationError`` on a name the strategy already has or a deadline before it opens."""
    _require_period_manager(user)
    period = ReportingPeriod(
        strategy=Strategy.objects.get(pk=strategy_id), name=name.strip(), opens=opens, deadline=deadline
    )
    period.full_clean()
    period._history_user = user
    period.save()
    logger.info("%s created reporting period %s (%s)", user.username, period.pk, period.name)
    return period


# Which state each state may move to: forward, and a closed period may open again; a locked one never.
PERIOD_MOVES = {
    ReportingPeriod.State.PLANNED: (ReportingPeriod.State.OPEN,),
    ReportingPeriod.State.OPEN: (ReportingPeriod.State.CLOSED,),
    ReportingPeriod.State.CLOSED: (ReportingPeriod.State.OPEN, ReportingPeriod.State.LOCKED),
    ReportingPeriod.State.LOCKED: (),
}


def reporting_period_set_state(*, user: Any, period_id: int, state: str) -> ReportingPeriod:
    """Open, close, reopen or lock a period (``PERIOD_MOVES``); anything else is ``Refused``."""
    _require_period_manager(user)
    with transaction.atomic():
        period = ReportingPeriod.objects.select_for_update().filter(pk=period_id).first()
        if period is None:
            raise Refused(_("There is no such reporting period."))
        if state not in PERIOD_MOVES[period.state]:
            raise Refused(
                _("A period that is %(from)s cannot become %(to)s.")
                % {"from": period.get_state_display().lower(), "to": ReportingPeriod.State(state).label.lower()}
                if state in ReportingPeriod.State.values
                else _("There is no such state.")
            )
        before = period.state
        period.state = state
        period._history_user = user
        period.save()
    logger.info("%s moved reporting period %s (%s) from %s to %s", user.username, period.pk, period.name, before, state)
    return period


def reporting_period_publish(*, user: Any, period_id: int) -> ReportingPeriod:
    """Publish a period: its approved reports become public. A planned period has nothing to publish."""
    _require_period_manager(user)
    with transaction.atomic():
        period = ReportingPeriod.objects.select_for_update().filter(pk=period_id).first()
        if period is None:
            raise Refused(_("There is no such reporting period."))
        if period.state == ReportingPeriod.State.PLANNED:
            raise Refused(_("A planned period has no reports to publish."))
        if period.is_published:
            raise Refused(_("The period is already published."))
        period.is_published = True
        period.published_at = timezone.now()
        period.published_by = user
        period._history_user = user
        period.save()
    logger.info("%s published reporting period %s (%s)", user.username, period.pk, period.name)
    return period
