"""The strategy office's upload page: preview first, then apply; nobody else may use it."""

import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from veikart.roadmap.models import RoadmapItem
from veikart.roadmap.tests.test_importer import REAL_ROWS, excel_csv

IMPORT = reverse("roadmap:import")


@pytest.fixture
def office(client, strategy_office, strategy, phases, settings, tmp_path):
    settings.VAR_DIR = tmp_path
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


def stored_files(settings) -> list[str]:
    folder = settings.VAR_DIR / "roadmap-imports"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_the_stored_file_is_deleted_once_applied(office, settings):
    token = upload(office, excel_csv(REAL_ROWS)).context["token"]
    assert stored_files(settings) == [token]
    office.post(IMPORT, {"action": "apply", "token": token})
    assert stored_files(settings) == []
    assert "roadmap_import_upload" not in office.session


def test_cancelling_deletes_the_file_and_nothing_can_be_applied_afterwards(office, settings):
    token = upload(office, excel_csv(REAL_ROWS)).context["token"]
    response = office.post(IMPORT, {"action": "cancel", "token": token}, follow=True)
    assert response.status_code == 200
    assert stored_files(settings) == []
    office.post(IMPORT, {"action": "apply", "token": token})
    assert RoadmapItem.objects.count() == 0


def test_a_new_upload_replaces_the_previous_one(office, settings):
    first = upload(office, excel_csv(REAL_ROWS)).context["token"]
    second = upload(office, excel_csv(REAL_ROWS)).context["token"]
    assert stored_files(settings) == [second] and first != second


def test_a_file_with_nothing_to_import_is_not_kept(office, settings):
    office.post(IMPORT, {"action": "apply", "token": upload(office, excel_csv(REAL_ROWS)).context["token"]})
    response = upload(office, excel_csv(REAL_ROWS))
    assert len(response.context["plan"].unchanged) == 5
    assert response.context["token"] == "" and stored_files(settings) == []


def test_stale_uploads_are_deleted_when_a_new_one_is_stored(office, settings):
    settings.ROADMAP_IMPORT_UPLOAD_MAX_AGE_HOURS = 24
    folder = settings.VAR_DIR / "roadmap-imports"
    folder.mkdir()
    stale, fresh = folder / ("s" * 22), folder / ("f" * 22)
    stale.write_bytes(b"old")
    fresh.write_bytes(b"recent")
    now = time.time()
    os.utime(stale, (now - 25 * 3600, now - 25 * 3600))
    os.utime(fresh, (now - 23 * 3600, now - 23 * 3600))
    token = upload(office, excel_csv(REAL_ROWS)).context["token"]
    assert stored_files(settings) == sorted([fresh.name, token])


def test_an_upload_deleted_meanwhile_asks_for_the_file_again(office, settings):
    token = upload(office, excel_csv(REAL_ROWS)).context["token"]
    (settings.VAR_DIR / "roadmap-imports" / token).unlink()
    response = office.post(IMPORT, {"action": "apply", "token": token})
    assert response.status_code == 302
    assert RoadmapItem.objects.count() == 0


@pytest.mark.parametrize("action", ["apply", "cancel"])
@pytest.mark.parametrize("token", ["../outside", "/etc/hostname", "..", "roadmap-imports/../../outside"])
def test_a_session_token_never_points_outside_the_upload_folder(office, settings, action, token):
    outside = settings.VAR_DIR / "outside"
    outside.write_bytes(excel_csv(REAL_ROWS))
    session = office.session
    session["roadmap_import_upload"] = {"token": token, "name": "veikart.csv"}
    session.save()
    response = office.post(IMPORT, {"action": action, "token": token})
    assert response.status_code == 302
    assert outside.exists()
    assert RoadmapItem.objects.count() == 0


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
