"""The upload's preview is kept in the database: written once, by any server process, by its uploader only."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from veikart.accounts.models import User
from veikart.conftest import client_for
from veikart.core.models import ImportRecord
from veikart.indicators.models import Observation
from veikart.indicators.tests.factories import make_indicator
from veikart.indicators.tests.uploading import upload

ROOT = Path(__file__).resolve().parents[3]
CSV = b"period,value\n2024,300\n"


@pytest.fixture
def indicator(db):
    return make_indicator(code="KJ", scale_max=1000)


def token_of(response) -> str:
    return response.content.decode().split('name="token" value="')[1].split('"')[0]


def apply(client, token: str, action: str = "apply"):
    return client.post(reverse("indicators:import"), {"action": action, "token": token}, follow=True)


def test_the_preview_is_kept_and_written_once(indicator, strategy_office):
    client = client_for(strategy_office)
    token = token_of(upload(client, CSV, name="kj.csv", indicator="KJ"))
    assert not Observation.objects.exists()
    assert ImportRecord.objects.get(token=token).status == ImportRecord.Status.PREVIEWED
    assert "Imported 1 rows" in apply(client, token).content.decode()
    again = apply(client, token)
    assert "expired or was already used" in again.content.decode()
    assert Observation.objects.count() == 1
    record = ImportRecord.objects.get(token=token)
    assert (record.status, record.counts["created"], record.content) == (ImportRecord.Status.APPLIED, 1, None)


def test_a_cancelled_preview_writes_nothing(indicator, strategy_office):
    client = client_for(strategy_office)
    token = token_of(upload(client, CSV, name="kj.csv", indicator="KJ"))
    assert "cancelled" in apply(client, token, "cancel").content.decode()
    assert "expired or was already used" in apply(client, token).content.decode()
    assert not Observation.objects.exists()


def test_another_users_token_writes_nothing(indicator, strategy_office):
    token = token_of(upload(client_for(strategy_office), CSV, name="kj.csv", indicator="KJ"))
    colleague = User.objects.create(username="kollega", role=User.Role.STRATEGY_OFFICE)
    other = client_for(colleague)
    assert "expired or was already used" in apply(other, token).content.decode()
    assert not Observation.objects.exists()


def test_a_file_over_the_upload_limit_is_refused_in_the_pages_language(indicator, strategy_office, settings):
    settings.EXCHANGE_MAX_UPLOAD_BYTES = 100
    response = upload(client_for(strategy_office), b"period,value\n" + b"2024,1\n" * 40, name="big.csv", indicator="KJ")
    assert response.status_code == 400
    assert "The file is 1 kB; at most 1 kB can be imported." in response.content.decode()
    with translation.override("nn"):
        response = upload(
            client_for(strategy_office), b"period,value\n" + b"2024,1\n" * 40, name="big.csv", indicator="KJ"
        )
    assert "Fila er 1 kB; høgst 1 kB kan importerast." in response.content.decode()


def _database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        return f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    return f"sqlite:///{settings['NAME']}"


PREVIEW_IN_ANOTHER_PROCESS = """
import django
django.setup()
import io, json
from django.test import Client
from veikart.accounts.models import User
client = Client()
client.force_login(User.objects.get(username="kontor"))
file = io.BytesIO(b"period,value\\n2024,300\\n")
file.name = "kj.csv"
response = client.post("/indikatorer/import/", {"file": file, "indicator": "KJ"})
print(json.dumps({"status": response.status_code, "page": response.content.decode()}))
"""


@pytest.mark.django_db(transaction=True)
def test_a_preview_made_by_one_server_process_is_written_by_another(indicator, strategy_office):
    env = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "config.settings"}
    done = subprocess.run(
        [sys.executable, "-c", PREVIEW_IN_ANOTHER_PROCESS], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    previewed = json.loads(done.stdout.strip().splitlines()[-1])
    assert previewed["status"] == 200 and not Observation.objects.exists()
    token = previewed["page"].split('name="token" value="')[1].split('"')[0]
    written = apply(client_for(strategy_office), token)
    assert "Imported 1 rows" in written.content.decode()
    assert Observation.objects.get().value == 300


@pytest.mark.parametrize(
    ("language", "place", "message"),
    [
        ("nb", "Rad 2, kolonne value", "Verdien &#x27;x&#x27; er ikke et tall."),
        ("nn", "Rad 2, kolonne value", "Verdien &#x27;x&#x27; er ikkje eit tal."),
        ("en", "Row 2, column value", "The value &#x27;x&#x27; is not a number."),
    ],
)
def test_problems_speak_the_pages_language(indicator, strategy_office, language, place, message):
    with translation.override(language):
        response = upload(client_for(strategy_office), b"period,value\n2024,x\n", name="kj.csv", indicator="KJ")
    assert response.status_code == 400
    assert f"{place}: {message}" in response.content.decode()
