"""The spreadsheet pages through real requests: upload → preview → apply, and who may use them."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from veikart.conftest import client_for
from veikart.core.models import ImportRecord
from veikart.reporting import bulk
from veikart.reporting.models import StatusReport
from veikart.reporting.tests.test_bulk import fill, hand_made, saved

PAGE = "ws-reporting:bulk"


def upload(client, period, data: bytes, name: str = "rapporter.xlsx"):
    return client.post(reverse(PAGE), {"period": period.pk, "file": _file(data, name)})


def _file(data: bytes, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def token_of(response) -> str:
    return response.context["token"]


def test_an_owner_editor_downloads_uploads_sees_the_preview_and_applies(owner_editor, item, period):
    client = client_for(owner_editor)
    assert client.get(reverse(PAGE)).status_code == 200
    download = client.get(reverse("ws-reporting:bulk-download"), {"period": period.pk})
    assert download.status_code == 200
    assert "statusrapporter-2026-T2-testeier-a-" in download["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(download.content))
    data = saved(fill(workbook, item, **{"Samlet status": "Gul", "Status i ord": "Forsinket to måneder."}))
    preview = upload(client, period, data)
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "1 nytt utkast" in page
    assert not StatusReport.objects.exists()  # a preview writes nothing
    applied = client.post(reverse(PAGE), {"action": "apply", "token": token_of(preview)})
    assert applied.status_code == 302
    report = StatusReport.objects.get()
    assert (report.state, report.overall.key, report.created_by) == ("draft", "yellow", owner_editor)
    record = ImportRecord.objects.get(kind=bulk.IMPORT_KIND)
    assert (record.status, record.counts["created"], record.created_by) == ("applied", 1, owner_editor)
    # The same token again (a double click, a second process) applies nothing more.
    again = client.post(reverse(PAGE), {"action": "apply", "token": token_of(preview)})
    assert again.status_code == 302
    assert StatusReport.objects.get().version == 1
    # The same file again: nothing to change, no token.
    second = upload(client, period, data)
    assert token_of(second) == ""
    assert "det er ingenting å endre" in second.content.decode()


def test_cancelling_a_preview_writes_nothing(owner_editor, item, period):
    client = client_for(owner_editor)
    preview = upload(client, period, hand_made(item))
    response = client.post(reverse(PAGE), {"action": "cancel", "token": token_of(preview)})
    assert response.status_code == 302
    assert not StatusReport.objects.exists()
    assert ImportRecord.objects.get().status == "cancelled"


def test_refused_rows_are_listed_in_the_page_language_and_nothing_can_be_applied(
    owner_editor, item, other_item, period
):
    workbook = load_workbook(io.BytesIO(hand_made(item)))
    workbook.active.append([other_item.pk, other_item.title, "rød", "Ikke vår"])
    response = upload(client_for(owner_editor), period, saved(workbook))
    page = response.content.decode()
    assert "er ikke et av porteføljetiltakene til Testeier A" in page
    assert token_of(response) == ""
    assert not ImportRecord.objects.exists()


def test_a_file_that_is_not_a_spreadsheet_is_a_field_error_and_no_500(owner_editor, item, period):
    client = client_for(owner_editor)
    for data, name in ((b"%PDF-1.4", "rapporter.xlsx"), (b"", "rapporter.csv"), (b"x", "rapporter.pdf")):
        response = upload(client, period, data, name)
        assert response.status_code == 200
        assert "error-summary" in response.content.decode()
    assert not ImportRecord.objects.exists()


def test_a_token_of_someone_else_applies_nothing(owner_editor, other_owner_editor, item, period):
    preview = upload(client_for(owner_editor), period, hand_made(item))
    response = client_for(other_owner_editor).post(reverse(PAGE), {"action": "apply", "token": token_of(preview)})
    assert response.status_code == 302
    assert not StatusReport.objects.exists()


def test_the_strategy_office_uploads_for_every_owner_as_drafts(strategy_office, item, other_item, period):
    workbook = load_workbook(io.BytesIO(hand_made(item)))
    workbook.active.append([other_item.pk, other_item.title, "rød", "Sendt inn på e-post"])
    client = client_for(strategy_office)
    preview = upload(client, period, saved(workbook))
    client.post(reverse(PAGE), {"action": "apply", "token": token_of(preview)})
    assert set(StatusReport.objects.values_list("item_id", "state")) == {(item.pk, "draft"), (other_item.pk, "draft")}


@pytest.mark.parametrize("persona", ["body_member", "outsider"])
def test_body_members_and_users_without_a_role_are_refused_by_page_and_by_direct_post(request, persona, item, period):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse(PAGE)).status_code == 403
    assert client.get(reverse("ws-reporting:bulk-download"), {"period": period.pk}).status_code == 403
    assert upload(client, period, hand_made(item)).status_code == 403
    assert client.post(reverse(PAGE), {"action": "apply", "token": "x"}).status_code == 403
    assert not StatusReport.objects.exists()


def test_an_anonymous_visitor_is_asked_to_log_in(anonymous_client, item, period):
    assert anonymous_client.get(reverse(PAGE)).status_code == 302
    assert anonymous_client.get(reverse("ws-reporting:bulk-download")).status_code == 302
    assert upload(anonymous_client, period, hand_made(item)).status_code == 302
    assert not StatusReport.objects.exists()


def test_the_strategy_office_still_cannot_use_the_report_form(strategy_office, item, period):
    url = reverse("ws-reporting:report-edit", kwargs={"item_pk": item.pk, "period_pk": period.pk})
    client = client_for(strategy_office)
    assert client.get(url).status_code == 403
    assert client.post(url, {"overall": "green", "action": "submit"}).status_code == 403
    assert not StatusReport.objects.exists()


def test_a_posted_period_that_is_not_one_is_an_error_not_another_period(owner_editor, item, period):
    response = client_for(owner_editor).post(reverse(PAGE), {"period": 999, "file": _file(hand_made(item), "r.xlsx")})
    assert response.status_code == 200
    assert not ImportRecord.objects.exists()
