"""The strategy office's upload page: preview first, then apply; nobody else may use it."""

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
