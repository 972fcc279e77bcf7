"""PDF attachments of a case: checked on the way in, stored under a hashed name, removed before approval.

A file is taken only if it is a PDF by its content, whatever its name says: it must start with
``%PDF-`` and have the trailer every reader starts from (``startxref``, an offset inside the file
that points at a cross-reference table or stream, then ``%%EOF``). That refuses a renamed
document, a truncated download and an empty file with a message that says which, without a PDF
library in the request. The size is checked by the exchange layer (``reading.check_size`` within
``limits.Limits.for_uploads``), as every upload is.

The file is stored as ``models.attachment_path`` names it (body, year, SHA-256 of the content):
nothing the uploader typed becomes part of a path. The name they gave is kept for the download's
``Content-Disposition`` only (``download_name``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import unicodedata
from typing import Any, BinaryIO

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from veikart.core.exchange.limits import Limits
from veikart.core.exchange.problems import FileUnreadable
from veikart.core.exchange.reading import check_size

from .models import Attachment, Case
from .services import Refused, _lock_meeting, _refuse_if_locked, _require_office

logger = logging.getLogger(__name__)

# The trailer a reader starts from: the offset of the cross-reference section, then the end marker.
_TRAILER = re.compile(rb"startxref\s+(\d+)\s+%%EOF")
# What that offset points at: a classic table ("xref") or a cross-reference stream object ("12 0 obj").
_XREF_START = re.compile(rb"\s*(xref|\d+\s+\d+\s+obj)")
_TAIL_BYTES = 2048


def check_pdf(stream: BinaryIO, *, limits: Limits | None = None) -> int:
    """The size of the PDF in ``stream``; ``Refused`` saying why when it is empty, too large or not a
    readable PDF document. Leaves the stream at its start."""
    try:
        size = check_size(stream, limits=limits or Limits.for_uploads())
    except FileUnreadable as unreadable:
        raise Refused(unreadable.message) from unreadable
    if stream.read(5) != b"%PDF-":
        stream.seek(0)
        raise Refused(_("The file is not a PDF document (whatever its name says). Save it as PDF and try again."))
    stream.seek(max(0, size - _TAIL_BYTES))
    tail = stream.read()
    trailers = list(_TRAILER.finditer(tail))
    readable = False
    if trailers:
        offset = int(trailers[-1].group(1))
        if 0 < offset < size:
            stream.seek(offset)
            readable = _XREF_START.match(stream.read(64)) is not None
    stream.seek(0)
    if not readable:
        raise Refused(_("The PDF document is damaged or incomplete and cannot be read. Save it again and try again."))
    return size


def _sha256(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(1024 * 1024), b""):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()


def download_name(attachment: Attachment) -> str:
    """The name the uploader gave, made safe for a header: no path, no control characters, ending in .pdf."""
    name = os.path.basename(attachment.original_name.replace("\\", "/"))
    name = "".join(char for char in unicodedata.normalize("NFC", name) if unicodedata.category(char)[0] != "C")
    name = name.strip(" .") or "vedlegg"
    if not name.casefold().endswith(".pdf"):
        name += ".pdf"
    return name[-150:]


def attachment_add(case: Case, *, title: str, stream: BinaryIO, file_name: str, by: Any) -> Attachment:
    """Attach the PDF in ``stream`` to ``case`` (until the meeting's minutes are approved)."""
    _require_office(by)
    if not title.strip():
        raise Refused(_("Give the attachment a title."))
    size = check_pdf(stream)
    sha256 = _sha256(stream)
    with transaction.atomic():
        meeting = _lock_meeting(case.meeting_id)
        _refuse_if_locked(meeting)
        attachment = Attachment(
            case=case,
            title=title.strip(),
            original_name=download_name(Attachment(original_name=file_name or "")),
            size=size,
            sha256=sha256,
            uploaded_by=by,
        )
        attachment.file.save(f"{sha256}.pdf", File(stream), save=False)
        try:
            attachment.save()
        except Exception:
            attachment.file.delete(save=False)
            raise
    logger.info("Attachment %s (%s) added to case %s/%s by %s", attachment.pk, title, case.number, case.year, by)
    return attachment


def attachment_remove(attachment: Attachment, *, by: Any) -> None:
    """Remove an attachment and, unless another attachment holds the same content, its file."""
    _require_office(by)
    pk = attachment.pk
    with transaction.atomic():
        meeting = _lock_meeting(attachment.case.meeting_id)
        _refuse_if_locked(meeting)
        name = attachment.file.name
        attachment.delete()
        if not Attachment.objects.filter(file=name).exists():
            # Only once the row is gone for good: a rolled-back removal keeps its file.
            transaction.on_commit(lambda: attachment.file.storage.delete(name))
    logger.info("Attachment %s removed from case %s by %s", pk, attachment.case_id, by)
