"""A previewed file is kept in the database for its uploader and import only, applied once, and expires."""

import datetime
import io

import pytest
from django.db import transaction
from django.utils import timezone

from veikart.core.exchange.previews import (
    preview_file,
    preview_finish,
    preview_store,
    preview_take,
    previews_expire_stale,
)
from veikart.core.models import ImportRecord


@pytest.fixture
def record(strategy_office):
    return preview_store(kind="roadmap", stream=io.BytesIO(b"a;b\n1;2\n"), file_name="fil.csv", user=strategy_office)


def take(record, user, kind="roadmap", token=None):
    with transaction.atomic():
        return preview_take(kind=kind, token=record.token if token is None else token, user=user)


def test_the_uploader_gets_the_same_bytes_back(record, strategy_office):
    taken = take(record, strategy_office)
    assert preview_file(taken).read() == b"a;b\n1;2\n"
    assert (taken.size, taken.file_name, len(taken.sha256)) == (8, "fil.csv", 64)


@pytest.mark.parametrize("token", [None, "", "x" * 500, 12, ["list"]])
def test_a_bad_token_finds_nothing(record, strategy_office, token):
    with transaction.atomic():
        assert preview_take(kind="roadmap", token=token, user=strategy_office) is None


def test_another_user_or_another_import_finds_nothing(record, owner_editor, strategy_office):
    assert take(record, owner_editor) is None
    assert take(record, strategy_office, kind="indicators") is None


def test_an_applied_preview_cannot_be_applied_again_and_loses_its_file(record, strategy_office):
    preview_finish(take(record, strategy_office), status=ImportRecord.Status.APPLIED, counts={"created": 1})
    assert take(record, strategy_office) is None
    record.refresh_from_db()
    assert record.content is None and record.counts == {"created": 1} and record.finished_at


def test_an_abandoned_preview_expires(record, strategy_office, settings):
    settings.EXCHANGE_PREVIEW_MAX_AGE_HOURS = 24
    ImportRecord.objects.filter(pk=record.pk).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    assert take(record, strategy_office) is None
    assert previews_expire_stale() == 1
    record.refresh_from_db()
    assert record.status == ImportRecord.Status.EXPIRED and record.content is None
