"""Preview, then apply: an uploaded file kept in the database between the two steps.

``preview_store`` keeps the file and returns its ``ImportRecord``; the page shows what the import
would do and carries the record's token. ``preview_take`` finds the record again, in any server
process, for the same user and import, and only while it is still a preview; it locks the record,
so a double click applies once. ``preview_finish`` marks it applied or cancelled and drops the
bytes. Abandoned previews are expired after ``EXCHANGE_PREVIEW_MAX_AGE_HOURS`` (at every new preview
and by ``manage.py exchange_cleanup``).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import logging
import secrets
from typing import Any, BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from veikart.core.models import ImportRecord

logger = logging.getLogger(__name__)


def sha256_of(stream: BinaryIO) -> str:
    """The SHA-256 of ``stream`` from its start; the stream is left at its start."""
    stream.seek(0)
    digest = hashlib.sha256()
    for block in iter(lambda: stream.read(1 << 20), b""):
        digest.update(block)
    stream.seek(0)
    return digest.hexdigest()


def preview_store(
    *, kind: str, stream: BinaryIO, file_name: str, user: Any, options: dict | None = None
) -> ImportRecord:
    """Keep the file in ``stream`` for a later apply; expire stale previews first."""
    previews_expire_stale()
    stream.seek(0)
    content = stream.read()
    stream.seek(0)
    record = ImportRecord.objects.create(
        kind=kind,
        token=secrets.token_urlsafe(24),
        file_name=file_name[:300],
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        options=options or {},
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    logger.info("Import %s previewed: %s (%s bytes) by %s", kind, record.file_name, record.size, user)
    return record


def preview_take(*, kind: str, token: Any, user: Any) -> ImportRecord | None:
    """The previewed record of ``token`` for ``user`` and ``kind``, locked until the transaction ends; else None.

    Call inside ``transaction.atomic``. None when the token is unknown or not a string, belongs to
    someone else or another import, was applied or cancelled already, or has expired.
    """
    if not isinstance(token, str) or not token or len(token) > 43:
        return None
    record = (
        ImportRecord.objects.select_for_update()
        .filter(kind=kind, token=token, status=ImportRecord.Status.PREVIEWED, created_by_id=getattr(user, "pk", None))
        .first()
    )
    if record is None or record.created_at < _cutoff():
        return None
    return record


def preview_file(record: ImportRecord) -> io.BytesIO:
    """The kept file of a previewed record, as a seekable binary stream."""
    return io.BytesIO(bytes(record.content or b""))


def preview_finish(record: ImportRecord, *, status: str, counts: dict | None = None, user: Any = None) -> None:
    """Mark ``record`` applied or cancelled, keep ``counts``, and drop the file."""
    record.status = status
    record.content = None
    record.finished_at = timezone.now()
    if counts is not None:
        record.counts = counts
    record.save(update_fields=["status", "content", "finished_at", "counts"])
    logger.info("Import %s %s: %s by %s %s", record.kind, status, record.file_name, user, counts or {})


def _cutoff() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(hours=settings.EXCHANGE_PREVIEW_MAX_AGE_HOURS)


def previews_expire_stale() -> int:
    """Expire previews older than ``EXCHANGE_PREVIEW_MAX_AGE_HOURS`` and drop their files; returns how many."""
    with transaction.atomic():
        expired = ImportRecord.objects.filter(status=ImportRecord.Status.PREVIEWED, created_at__lt=_cutoff()).update(
            status=ImportRecord.Status.EXPIRED, content=None, finished_at=timezone.now()
        )
    if expired:
        logger.info("Expired %s abandoned import previews", expired)
    return expired
