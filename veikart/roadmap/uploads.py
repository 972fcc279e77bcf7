"""Uploaded roadmap exports kept between the preview and the apply, under ``VAR_DIR/roadmap-imports/``.

A file is named by a random token that the uploader's session holds. It is
deleted when the import is applied or cancelled; files older than
``ROADMAP_IMPORT_UPLOAD_MAX_AGE_HOURS`` (abandoned previews) are deleted
whenever a new upload is stored.
"""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path

from django.conf import settings

# What ``secrets.token_urlsafe(16)`` gives; anything else never names a file.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{22}")


def upload_dir() -> Path:
    path = Path(settings.VAR_DIR) / "roadmap-imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def upload_path(token: str) -> Path | None:
    """The file of ``token``, or None when the token is not one this module makes (so never a path elsewhere)."""
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    return upload_dir() / token


def upload_store(data: bytes) -> str:
    """Keep ``data`` under a new random token, after deleting stale uploads; returns the token."""
    uploads_remove_stale()
    token = secrets.token_urlsafe(16)
    (upload_dir() / token).write_bytes(data)
    return token


def upload_read(token: str) -> bytes | None:
    """The stored bytes of ``token``, or None when the token is malformed or its file is gone."""
    path = upload_path(token)
    if path is None:
        return None
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def upload_discard(token: str) -> None:
    """Delete the file of ``token`` if there is one."""
    path = upload_path(token)
    if path is not None:
        path.unlink(missing_ok=True)


def uploads_remove_stale(*, now: float | None = None) -> int:
    """Delete stored uploads last written more than ``ROADMAP_IMPORT_UPLOAD_MAX_AGE_HOURS`` ago; returns how many."""
    cutoff = (time.time() if now is None else now) - settings.ROADMAP_IMPORT_UPLOAD_MAX_AGE_HOURS * 3600
    removed = 0
    for path in upload_dir().iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # removed meanwhile by another request
            continue
    return removed
