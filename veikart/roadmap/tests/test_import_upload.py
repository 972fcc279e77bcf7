"""The strategy office's upload page: preview first, then apply; nobody else may use it."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from veikart.accounts.models import User
from veikart.core.models import ImportRecord
from veikart.roadmap.models import RoadmapItem
from veikart.roadmap.tests.test_importer import REAL_ROWS, excel_csv

IMPORT = reverse("roadmap:import")


@pytest.fixture
def office(client, strategy_office, strategy, phases):
    client.force_login(strategy_office)
    return client


def upload(client, data: bytes, name: str = "veikart.csv"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data)})


def test_the_preview_lists_changes_and_writes_nothing_until_applied(office):
    response = upload(office, excel_csv(REAL_ROWS))
    assert response.status_code == 200
    assert len(response.context["plan"].created) == 5
    assert RoadmapItem.objects.count() == 0
    token = response.context["token"]
    applied = office.post(IMPORT, {"action": "apply", "token": token})
    assert applied.status_code == 302
    assert RoadmapItem.objects.count() == 5


def test_a_file_with_a_bad_row_shows_every_problem_and_cannot_be_applied(office):
    rows = [row[:] for row in REAL_ROWS]
    rows[1][1] = "9Z"
    response = upload(office, excel_csv(rows, messy=False))
    body = response.content.decode()
    assert response.context["token"] == ""
    assert "9Z" in body and "Delmål (B)" in body
    assert 'name="action" value="apply"' not in body
    assert RoadmapItem.objects.count() == 0


def test_a_forged_token_applies_nothing(office):
    upload(office, excel_csv(REAL_ROWS))
    response = office.post(IMPORT, {"action": "apply", "token": "forged"})
    assert response.status_code == 302
    assert RoadmapItem.objects.count() == 0


def test_a_file_of_another_kind_is_refused(office):
    response = upload(office, b"%PDF-1.4", name="veikart.pdf")
    assert response.context["form"].errors["file"]


def test_owner_editors_cannot_import(client, nhn_editor, strategy):
    client.force_login(nhn_editor)
    assert client.get(IMPORT).status_code == 403
    assert client.post(IMPORT, {"file": SimpleUploadedFile("v.csv", excel_csv(REAL_ROWS))}).status_code == 403
    assert RoadmapItem.objects.count() == 0


def previews(status=ImportRecord.Status.PREVIEWED) -> list[str]:
    return sorted(ImportRecord.objects.filter(kind="roadmap", status=status).values_list("token", flat=True))


def test_the_preview_is_kept_in_the_database_until_applied_and_then_records_what_it_did(office, strategy_office):
    token = upload(office, excel_csv(REAL_ROWS)).context["token"]
    assert previews() == [token]
    office.post(IMPORT, {"action": "apply", "token": token})
    assert previews() == []
    record = ImportRecord.objects.get(token=token)
    assert record.status == ImportRecord.Status.APPLIED and record.content is None
    assert record.created_by == strategy_office and record.file_name == "veikart.csv"
    assert record.counts == {"created": 5, "updated": 0, "unchanged": 0, "problems": 0}


def test_a_preview_is_applied_once_however_often_it_is_posted(office):
    token = upload(office, excel_csv(REAL_ROWS)).context["token"]
    office.post(IMPORT, {"action": "apply", "token": token})
    RoadmapItem.objects.all().delete()
    response = office.post(IMPORT, {"action": "apply", "token": token})
    assert response.status_code == 302
    assert RoadmapItem.objects.count() == 0


def test_cancelling_drops_the_file_and_nothing_can_be_applied_afterwards(office):
    token = upload(office, excel_csv(REAL_ROWS)).context["token"]
    response = office.post(IMPORT, {"action": "cancel", "token": token}, follow=True)
    assert response.status_code == 200
    assert previews(ImportRecord.Status.CANCELLED) == [token]
    assert ImportRecord.objects.get(token=token).content is None
    office.post(IMPORT, {"action": "apply", "token": token})
    assert RoadmapItem.objects.count() == 0


def test_a_file_with_nothing_to_import_is_not_kept(office):
    office.post(IMPORT, {"action": "apply", "token": upload(office, excel_csv(REAL_ROWS)).context["token"]})
    response = upload(office, excel_csv(REAL_ROWS))
    assert len(response.context["plan"].unchanged) == 5
    assert response.context["token"] == "" and previews() == []


def test_an_expired_preview_asks_for_the_file_again(office, settings):
    settings.EXCHANGE_PREVIEW_MAX_AGE_HOURS = 24
    token = upload(office, excel_csv(REAL_ROWS)).context["token"]
    ImportRecord.objects.filter(token=token).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    response = office.post(IMPORT, {"action": "apply", "token": token}, follow=True)
    assert "utløpt" in response.text
    assert RoadmapItem.objects.count() == 0


def test_another_strategy_office_user_cannot_apply_someone_elses_preview(office):
    token = upload(office, excel_csv(REAL_ROWS)).context["token"]
    colleague = User.objects.create_user("per", password="not-used-in-tests-1", role=User.Role.STRATEGY_OFFICE)
    other = Client()
    other.force_login(colleague)
    assert other.post(IMPORT, {"action": "apply", "token": token}).status_code == 302
    assert RoadmapItem.objects.count() == 0 and previews() == [token]


def test_a_file_over_the_upload_limit_is_refused_in_the_pages_language(office, settings):
    settings.EXCHANGE_MAX_UPLOAD_BYTES = 1024 * 1024
    big = excel_csv(REAL_ROWS) + b"\r\n" * (1024 * 1024)
    response = upload(office, big)
    assert response.context["form"].errors["file"] == ["Filen er 2 MB; høyst 1 MB kan importeres."]
    assert previews() == []
    english = office.post(
        reverse("roadmap:import").replace("/veikart/", "/en/veikart/", 1),
        {"file": SimpleUploadedFile("veikart.csv", big)},
    )
    assert english.context["form"].errors["file"] == ["The file is 2 MB; at most 1 MB can be imported."]


def test_new_items_from_an_upload_are_unpublished_unless_asked_and_the_preview_says_what_they_lack(office):
    response = upload(office, excel_csv(REAL_ROWS))
    assert "5 nye tiltak blir opprettet upublisert" in response.text
    office.post(IMPORT, {"action": "apply", "token": response.context["token"]})
    assert not RoadmapItem.objects.filter(is_published=True).exists()


def test_an_upload_may_publish_its_new_items_at_once_after_a_warning(office):
    response = office.post(
        IMPORT, {"file": SimpleUploadedFile("veikart.csv", excel_csv(REAL_ROWS)), "publish_new": "on"}
    )
    assert "blir publisert med en gang" in response.text
    office.post(IMPORT, {"action": "apply", "token": response.context["token"]})
    assert RoadmapItem.objects.filter(is_published=True).count() == 5
