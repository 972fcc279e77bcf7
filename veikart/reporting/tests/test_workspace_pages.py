"""The workspace pages of status reporting, by each role, through real requests."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from veikart.conftest import client_for
from veikart.reporting.models import ReportingPeriod, StatusReport
from veikart.reporting.services import status_report_save_draft, status_report_submit


def form_data(**changes) -> dict:
    data = {
        "version": "",
        "overall": "yellow",
        "narrative": "Piloten er forsinket.",
        "next_steps": "Ny plan.",
        "expected_phase": "",
        "expected_end_date": "",
        "risks-TOTAL_FORMS": "2",
        "risks-INITIAL_FORMS": "0",
        "risks-MIN_NUM_FORMS": "0",
        "risks-MAX_NUM_FORMS": "20",
        "risks-0-description": "Leverandøren er sen",
        "risks-0-likelihood": "3",
        "risks-0-consequence": "4",
        "risks-0-mitigation": "Tett oppfølging",
        "risks-0-owner": "Prosjektleder",
        "milestones-TOTAL_FORMS": "2",
        "milestones-INITIAL_FORMS": "0",
        "milestones-MIN_NUM_FORMS": "0",
        "milestones-MAX_NUM_FORMS": "30",
        "area_progress": "yellow",
        "area_progress_comment": "To måneder bak",
        "action": "save",
    }
    data.update(changes)
    return data


def edit_url(item, period) -> str:
    return reverse("ws-reporting:report-edit", kwargs={"item_pk": item.pk, "period_pk": period.pk})


def test_an_owner_editor_sees_its_portfolio_items_for_the_open_period(owner_editor, item, other_item, period):
    response = client_for(owner_editor).get(reverse("ws-reporting:own-reports"))
    assert response.status_code == 200
    assert item.title in response.content.decode()
    assert other_item.title not in response.content.decode()


def test_an_owner_editor_saves_a_draft_and_submits_it_by_the_form(owner_editor, item, period):
    client = client_for(owner_editor)
    assert client.get(edit_url(item, period)).status_code == 200
    response = client.post(edit_url(item, period), form_data())
    assert response.status_code == 302
    report = StatusReport.objects.get(item=item, period=period)
    assert report.state == StatusReport.State.DRAFT
    assert report.risks.get().likelihood == 3
    response = client.post(edit_url(item, period), form_data(version=str(report.version), action="submit"))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == StatusReport.State.SUBMITTED


def test_a_stale_form_is_refused_with_what_was_typed_kept(owner_editor, item, period, content):
    report = status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)
    response = client_for(owner_editor).post(
        edit_url(item, period), form_data(version=str(report.version - 1), narrative="Min nye tekst")
    )
    assert response.status_code == 200
    assert "Min nye tekst" in response.content.decode()
    report.refresh_from_db()
    assert report.narrative == content.narrative


def test_a_risk_without_likelihood_is_a_field_error_and_nothing_is_saved(owner_editor, item, period):
    response = client_for(owner_editor).post(edit_url(item, period), form_data(**{"risks-0-likelihood": ""}))
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not StatusReport.objects.exists()


def test_an_owner_editor_cannot_write_another_organisations_report_by_direct_post(owner_editor, other_item, period):
    response = client_for(owner_editor).post(edit_url(other_item, period), form_data())
    assert response.status_code == 403
    assert not StatusReport.objects.exists()


def test_an_owner_editor_cannot_approve_by_direct_post(owner_editor, item, period, content):
    report = status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    response = client_for(owner_editor).post(
        reverse("ws-reporting:report-approve", kwargs={"pk": report.pk}), {"version": report.version}, follow=True
    )
    report.refresh_from_db()
    assert report.state == StatusReport.State.SUBMITTED
    assert "Bare strategikontoret sender tilbake eller godkjenner" in response.content.decode()


def test_the_strategy_office_returns_with_a_note_and_approves_after_resubmission(
    owner_editor, strategy_office, item, period, content
):
    report = status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)
    report = status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    office = client_for(strategy_office)
    queue = office.get(reverse("ws-reporting:review"))
    assert item.title in queue.content.decode()
    return_url = reverse("ws-reporting:report-return", kwargs={"pk": report.pk})
    response = office.post(return_url, {"version": report.version, "note": ""})
    assert response.status_code == 200  # the note is required
    office.post(return_url, {"version": report.version, "note": "Kostnad mangler"})
    report.refresh_from_db()
    assert report.state == StatusReport.State.RETURNED
    owner = client_for(owner_editor)
    assert "Kostnad mangler" in owner.get(edit_url(item, period)).content.decode()
    owner.post(edit_url(item, period), form_data(version=str(report.version), action="submit"))
    report.refresh_from_db()
    office.post(reverse("ws-reporting:report-approve", kwargs={"pk": report.pk}), {"version": report.version})
    report.refresh_from_db()
    assert report.state == StatusReport.State.APPROVED


def test_a_body_member_reads_submitted_reports_but_not_drafts(
    owner_editor, body_member, item, other_item, period, content
):
    draft = status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)
    client = client_for(body_member)
    assert client.get(reverse("ws-reporting:report", kwargs={"pk": draft.pk})).status_code == 404
    submitted = status_report_submit(user=owner_editor, report_id=draft.pk, version=draft.version)
    page = client.get(reverse("ws-reporting:report", kwargs={"pk": submitted.pk}))
    assert page.status_code == 200
    assert "Approve" not in page.content.decode()
    assert client.get(reverse("ws-reporting:report-return", kwargs={"pk": submitted.pk})).status_code == 403


def test_another_owner_editor_cannot_read_a_draft(owner_editor, other_owner_editor, item, period, content):
    draft = status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)
    assert (
        client_for(other_owner_editor).get(reverse("ws-reporting:report", kwargs={"pk": draft.pk})).status_code == 404
    )


@pytest.mark.parametrize("action", ["closed", "publish"])
def test_the_strategy_office_manages_periods_by_confirmation_pages(strategy_office, period, action):
    client = client_for(strategy_office)
    url = reverse("ws-reporting:period-action", kwargs={"pk": period.pk, "action": action})
    assert client.get(url).status_code == 200
    client.post(url)
    period.refresh_from_db()
    assert period.state == ReportingPeriod.State.CLOSED if action == "closed" else period.is_published


def test_the_strategy_office_creates_a_period_and_a_deadline_before_it_opens_is_a_field_error(
    strategy_office, strategy
):
    client = client_for(strategy_office)
    url = reverse("ws-reporting:period-create")
    data = {"strategy": strategy.pk, "name": "2026 T3", "opens": "2026-09-01", "deadline": "2026-08-01"}
    response = client.post(url, data)
    assert response.status_code == 200 and not ReportingPeriod.objects.exists()
    client.post(url, {**data, "deadline": "2026-10-01"})
    assert ReportingPeriod.objects.get().state == ReportingPeriod.State.PLANNED


def test_owner_editors_and_body_members_do_not_manage_periods(owner_editor, body_member, period):
    for user in (owner_editor, body_member):
        assert client_for(user).get(reverse("ws-reporting:period-list")).status_code == 403


def test_the_start_page_counts_reports_waiting_for_review(owner_editor, strategy_office, item, period, content):
    report = status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)
    status_report_submit(user=owner_editor, report_id=report.pk, version=report.version)
    page = client_for(strategy_office).get(reverse("workspace:start")).content.decode()
    assert reverse("ws-reporting:review") in page


def test_the_review_list_starts_with_the_submitted_and_shows_all_on_request(
    owner_editor, strategy_office, item, period, content
):
    status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)
    client = client_for(strategy_office)
    url = reverse("ws-reporting:review")
    assert item.title not in client.get(url).content.decode()
    assert item.title in client.get(url, {"state": "all"}).content.decode()
    assert client.get(url, {"state": "nonsense", "period": "x", "sort": "?"}).status_code == 200


def test_an_owner_editor_updates_a_roadmap_milestone_and_adds_a_new_one_without_javascript(owner_editor, item, period):
    pilot = item.milestones.create(date=datetime.date(2026, 6, 1), title="Pilot")
    client = client_for(owner_editor)
    assert "Pilot (01.06.2026)" in client.get(edit_url(item, period)).content.decode()
    response = client.post(
        edit_url(item, period),
        form_data(
            **{
                "milestones-0-milestone": str(pilot.pk),
                "milestones-0-date": "2026-09-01",
                "milestones-0-note": "Leverandøren er sen",
                "milestones-1-title": "Evaluering",
                "milestones-1-date": "2027-01-15",
            }
        ),
    )
    assert response.status_code == 302
    report = StatusReport.objects.get(item=item, period=period)
    assert [(m.milestone_id, m.title, m.date) for m in report.milestone_updates.order_by("date")] == [
        (pilot.pk, "Pilot", datetime.date(2026, 9, 1)),
        (None, "Evaluering", datetime.date(2027, 1, 15)),
    ]
    # The form shows them again, and saving it again keeps them.
    page = client.get(edit_url(item, period)).content.decode()
    assert 'value="Evaluering"' in page and 'value="2026-09-01"' in page


@pytest.mark.parametrize(
    ("language", "prefix", "message"),
    [
        ("nb", "", "En milepæloppdatering må ha en dato."),
        ("nn", "/nn", "Ei milepæloppdatering må ha ein dato."),
        ("en", "/en", "A milestone update needs a date."),
    ],
)
def test_a_milestone_update_without_a_date_is_refused_in_the_pages_language_and_what_was_typed_is_kept(
    owner_editor, item, period, language, prefix, message
):
    response = client_for(owner_editor).post(
        prefix + edit_url(item, period),
        form_data(**{"milestones-0-title": "Evaluering", "milestones-0-note": "Viktig"}),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'value="Evaluering"' in page and "Viktig" in page
    assert not StatusReport.objects.exists()


def test_a_milestone_update_with_a_bad_date_is_refused_and_names_neither_milestone_nor_title(
    owner_editor, item, period
):
    response = client_for(owner_editor).post(edit_url(item, period), form_data(**{"milestones-0-date": "31.02.2026"}))
    assert response.status_code == 200
    assert "Oppgi en gyldig dato." in response.content.decode()
    assert not StatusReport.objects.exists()
