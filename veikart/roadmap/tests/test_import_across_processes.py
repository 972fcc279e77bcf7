"""A preview made by one server process is applied by another: the database is all they share."""

import importlib
import os
import subprocess
import sys
import textwrap
from urllib.parse import quote

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.db import connection
from django.urls import reverse

from veikart.core.models import ImportRecord
from veikart.roadmap.models import RoadmapItem
from veikart.roadmap.tests.test_importer import REAL_ROWS, excel_csv

IMPORT = reverse("roadmap:import")

# The upload page in a process of its own, as the strategy office user; prints the preview's token.
PREVIEW_IN_ANOTHER_PROCESS = textwrap.dedent(
    """
    import re, sys
    import django
    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.test.utils import setup_test_environment
    from veikart.accounts.models import User

    setup_test_environment()
    client = Client()
    client.force_login(User.objects.get(username=sys.argv[1]))
    with open(sys.argv[2], "rb") as upload:
        response = client.post("/veikart/import/", {"file": SimpleUploadedFile("veikart.csv", upload.read())})
    assert response.status_code == 200, response.status_code
    token = re.search(r'name="token" value="([^"]+)"', response.text)
    assert token, response.text
    print(token.group(1))
    """
)


def database_url() -> str:
    """The URL of the database this test runs on (the test database, not the configured one)."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    credentials = quote(database["USER"] or "")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"])
    host = f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{database['NAME']}"


@pytest.fixture
def seeded_phases(transactional_db):
    """The phases a migration seeds: a transactional test before this one may have emptied the table."""
    migration = importlib.import_module("veikart.roadmap.migrations.0002_phases_and_search_index")
    migration.seed_phases(django_apps, None)


@pytest.mark.django_db(transaction=True)
def test_a_preview_made_by_one_process_is_applied_by_another(
    client, strategy_office, strategy, seeded_phases, tmp_path
):
    if connection.vendor == "sqlite" and "memory" in str(connection.settings_dict["NAME"]):
        pytest.skip("an in-memory database is not shared with another process")
    export = tmp_path / "veikart.csv"
    export.write_bytes(excel_csv(REAL_ROWS))
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url(),
        "VEIKART_VAR_DIR": str(settings.VAR_DIR),
        "TESTING": "true",
    }
    finished = subprocess.run(
        [sys.executable, "-c", PREVIEW_IN_ANOTHER_PROCESS, strategy_office.username, str(export)],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    token = finished.stdout.strip().splitlines()[-1]
    assert ImportRecord.objects.get(token=token).status == ImportRecord.Status.PREVIEWED
    assert RoadmapItem.objects.count() == 0

    client.force_login(strategy_office)
    response = client.post(IMPORT, {"action": "apply", "token": token})
    assert response.status_code == 302 and response.url == reverse("roadmap:item-list")
    assert RoadmapItem.objects.count() == 5
    record = ImportRecord.objects.get(token=token)
    assert record.status == ImportRecord.Status.APPLIED and record.counts["created"] == 5
