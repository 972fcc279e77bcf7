"""A status report's workflow per role: draft, submit, return with a note, submit again, approve, correct."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from veikart.reporting.models import ReportingPeriod, StatusReport, StatusReportRisk, StatusReportTransition
from veikart.reporting.services import (
    Conflict,
    Refused,
    ReportContent,
    Risk,
    reporting_period_publish,
    reporting_period_set_state,
    status_report_approve,
    status_report_correct,
    status_report_return,
    status_report_save_draft,
    status_report_submit,
)

State = StatusReport.State


def draft(owner_editor, item, period, content, **kwargs):
    return status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content, **kwargs)


def test_the_report_goes_from_draft_through_return_to_approval_with_who_and_when(
    owner_editor, strategy_office, item, period, content
):
    report = draft(owner_editor, item, period, content)
    assert report.state == State.DRAFT
    assert report.areas.get(area__key="progress").colour.key == "yellow"
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    report = status_report_return(
        user=strategy_office, report_id=report.pk, version=report.version, note="Mangler kost"
    )
    assert report.state == State.RETURNED and report.review_note == "Mangler kost"
    report = draft(owner_editor, item, period, content, version=report.version)
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    report = status_report_approve(user=strategy_office, report_id=report.pk, version=report.version)
    assert report.state == State.APPROVED and report.reviewed_by == strategy_office
    steps = list(report.transitions.values_list("action", "by__username"))
    Action = StatusReportTransition.Action
    assert steps == [
        (Action.CREATED, "eier"),
        (Action.SUBMITTED, "eier"),
        (Action.RETURNED, "kontor"),
        (Action.RESUBMITTED, "eier"),
        (Action.APPROVED, "kontor"),
    ]


def test_an_owner_editor_cannot_approve_a_report(owner_editor, item, period, content):
    report = draft(owner_editor, item, period, content)
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    with pytest.raises(PermissionDenied):
        status_report_approve(user=owner_editor, report_id=report.pk, version=report.version)


def test_an_owner_editor_cannot_write_the_report_of_another_organisations_item(
    owner_editor, other_item, period, content
):
    with pytest.raises(PermissionDenied):
        draft(owner_editor, other_item, period, content)
    assert not StatusReport.objects.exists()


def test_the_strategy_office_keys_in_a_draft_but_never_submits_it(strategy_office, item, period, content):
    # The office keys in drafts owners send as spreadsheets (reporting.bulk); only an owner submits them,
    # so the office never approves a report it submitted.
    report = draft(strategy_office, item, period, content)
    assert report.state == State.DRAFT
    with pytest.raises(PermissionDenied):
        status_report_submit(user=strategy_office, report_id=report.pk, version=report.version)
    assert StatusReport.objects.get().state == State.DRAFT


def test_a_body_member_writes_no_report(body_member, item, period, content):
    with pytest.raises(PermissionDenied):
        draft(body_member, item, period, content)


def test_a_locked_period_takes_no_report(owner_editor, strategy_office, item, period, content):
    report = draft(owner_editor, item, period, content)
    reporting_period_set_state(user=strategy_office, period_id=period.pk, state="closed")
    reporting_period_set_state(user=strategy_office, period_id=period.pk, state="locked")
    with pytest.raises(Refused):
        status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    with pytest.raises(Refused):
        draft(owner_editor, item, period, content, version=report.version)


def test_a_closed_period_takes_no_new_report_but_a_late_submission_of_one_begun(
    owner_editor, strategy_office, item, other_item, period, content
):
    report = draft(owner_editor, item, period, content)
    reporting_period_set_state(user=strategy_office, period_id=period.pk, state="closed")
    status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    other_item.owners.add(owner_editor.organisation)
    with pytest.raises(Refused):
        draft(owner_editor, other_item, period, content)


def test_of_two_approvers_at_once_one_wins_and_the_other_is_told(owner_editor, strategy_office, item, period, content):
    report = draft(owner_editor, item, period, content)
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    seen = report.version
    status_report_approve(user=strategy_office, report_id=report.pk, version=seen)
    with pytest.raises(Refused):
        status_report_approve(user=strategy_office, report_id=report.pk, version=seen)
    with pytest.raises(Refused):
        status_report_return(user=strategy_office, report_id=report.pk, version=seen, note="For sent")


def test_a_second_approver_on_an_old_version_gets_a_conflict(owner_editor, strategy_office, item, period, content):
    report = draft(owner_editor, item, period, content)
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    with pytest.raises(Conflict):
        status_report_approve(user=strategy_office, report_id=report.pk, version=report.version - 1)
    report.refresh_from_db()
    assert report.state == State.SUBMITTED


def test_two_editors_of_one_draft_the_second_is_refused_and_nothing_is_lost(owner_editor, item, period, content):
    report = draft(owner_editor, item, period, content)
    loaded = report.version
    draft(owner_editor, item, period, ReportContent(overall="green", narrative="Første"), version=loaded)
    with pytest.raises(Conflict):
        draft(owner_editor, item, period, ReportContent(overall="red", narrative="Andre"), version=loaded)
    report.refresh_from_db()
    assert report.narrative == "Første"


def test_returning_needs_a_note(owner_editor, strategy_office, item, period, content):
    report = draft(owner_editor, item, period, content)
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    with pytest.raises(Refused):
        status_report_return(user=strategy_office, report_id=report.pk, version=report.version, note="  ")


def test_submitting_needs_an_overall_status(owner_editor, item, period):
    report = draft(owner_editor, item, period, ReportContent(narrative="Uten farge"))
    with pytest.raises(Refused):
        status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)


def test_an_approved_report_is_never_edited_a_correction_is_a_new_revision(
    owner_editor, strategy_office, item, period, content
):
    report = draft(owner_editor, item, period, content)
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    approved = status_report_approve(user=strategy_office, report_id=report.pk, version=report.version)
    with pytest.raises(Refused):
        draft(owner_editor, item, period, content)
    correction = status_report_correct(user=owner_editor, report_id=approved.pk, reason="Feil kostnadstall")
    assert (correction.revision, correction.state, correction.narrative) == (2, State.DRAFT, approved.narrative)
    correction = draft(
        owner_editor, item, period, ReportContent(overall="red", narrative="Rettet"), version=correction.version
    )
    correction = status_report_submit(user=owner_editor, report_id=correction.pk, version=correction.version)
    status_report_approve(user=strategy_office, report_id=correction.pk, version=correction.version)
    approved.refresh_from_db()
    assert approved.is_superseded and approved.narrative == content.narrative
    assert StatusReport.objects.live().get(item=item, period=period).narrative == "Rettet"


def test_a_risk_outside_one_to_five_is_refused_with_its_number(owner_editor, item, period):
    with pytest.raises(Refused, match="1"):
        draft(owner_editor, item, period, ReportContent(risks=(Risk("Leverandør", 6, 2),)))


def test_the_database_holds_likelihood_to_one_to_five(owner_editor, item, period, content):
    report = draft(owner_editor, item, period, content)
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusReportRisk.objects.create(report=report, description="x", likelihood=0, consequence=3)


def test_the_database_allows_one_working_report_per_item_and_period(owner_editor, item, period, content):
    draft(owner_editor, item, period, content)
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusReport.objects.create(item=item, period=period, revision=2, correction_reason="x")


def test_publishing_a_period_records_who_and_when_and_a_planned_one_is_refused(strategy_office, period, strategy):
    published = reporting_period_publish(user=strategy_office, period_id=period.pk)
    assert published.is_published and published.published_by == strategy_office
    planned = ReportingPeriod.objects.create(
        strategy=strategy, name="2026 T3", opens=period.deadline, deadline=period.deadline
    )
    with pytest.raises(Refused):
        reporting_period_publish(user=strategy_office, period_id=planned.pk)


def test_an_owner_editor_cannot_publish_a_period(owner_editor, period):
    with pytest.raises(PermissionDenied):
        reporting_period_publish(user=owner_editor, period_id=period.pk)


def test_a_locked_period_never_opens_again(strategy_office, period):
    reporting_period_set_state(user=strategy_office, period_id=period.pk, state="closed")
    reporting_period_set_state(user=strategy_office, period_id=period.pk, state="locked")
    with pytest.raises(Refused):
        reporting_period_set_state(user=strategy_office, period_id=period.pk, state="open")


def test_refusals_speak_the_active_language(owner_editor, item, period):
    from django.utils import translation

    report = draft(owner_editor, item, period, ReportContent(narrative="Uten farge"))
    for language, words in [
        ("nb", "Velg samlet status"),
        ("nn", "Vel samla status"),
        ("en", "Choose an overall status"),
    ]:
        with translation.override(language), pytest.raises(Refused, match=words):
            status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)


def test_every_transition_is_in_the_change_history_with_its_user(owner_editor, strategy_office, item, period, content):
    report = draft(owner_editor, item, period, content)
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    status_report_approve(user=strategy_office, report_id=report.pk, version=report.version)
    rows = list(report.history.order_by("history_date", "history_id").values_list("state", "history_user__username"))
    assert rows[-2:] == [("submitted", "eier"), ("approved", "kontor")]
