"""The background task that makes a meeting's pack and minutes (``documents.meeting_documents_build``).

Laying out a large pack takes seconds, so no request waits on it: a change to the papers enqueues this
task (``document_refresh``), and the worker (``manage.py db_worker``) runs it. It makes only what is
not current, so running it twice, or after a change that did not touch what a document shows, lays
nothing out.
"""

from __future__ import annotations

import logging

from django_tasks import task

from . import documents

logger = logging.getLogger(__name__)


@task()
def meeting_documents_build(*, meeting_id: int) -> None:
    """Make the meeting's documents that are missing or not current."""
    result = documents.meeting_documents_build(meeting_id)
    logger.info("Meeting %s: %d document(s) made, %d current", meeting_id, len(result.made), result.current)
