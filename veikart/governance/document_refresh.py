"""Keeps the meeting packs and minutes current: every committed change to a meeting's papers enqueues
the task that makes its documents again (``document_tasks.meeting_documents_build``).

The changes are caught where they are saved (signals on meetings, cases and their links, decisions,
follow-up actions, attachments and bodies), so the workspace, the admin, the demo loader and anything
added later are covered without each remembering to ask. The task is enqueued when the transaction
commits (so the worker reads the papers as committed, and a rolled-back change enqueues nothing), once
per meeting and transaction. The task itself lays out only what is no longer current, so a change that
does not touch what a document shows (a follow-up action marked done) costs a hash and no layout.

Changes outside the meeting (an item linked from a case published or unpublished) are not caught
here: the document view compares the stored hash with the papers on every request, serves nothing
stale, and asks for a build itself (``request_build``).
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import Attachment, Body, Case, Decision, FollowUpAction, Meeting

logger = logging.getLogger(__name__)


# The case's link fields, each a many-to-many whose changes reach the papers.
_LINKS = ("goals", "sub_goals", "roadmap_items", "indicators", "snapshots")


class _Enqueue:
    """The on-commit callback for one meeting; carries its id so a second change in the transaction can see it."""

    def __init__(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        self.ran = False

    def __call__(self) -> None:
        self.ran = True
        enqueue_build(self.meeting_id)


def enqueue_build(meeting_id: int) -> None:
    """Enqueue the build of the meeting's documents now, whatever the transaction (``papers_changed`` waits)."""
    from .document_tasks import meeting_documents_build  # the task module imports documents, which imports models

    meeting_documents_build.enqueue(meeting_id=meeting_id)
    logger.info("Enqueued the documents of meeting %s", meeting_id)


def papers_changed(meeting_id: int) -> None:
    """Enqueue the build of the meeting's documents when the current transaction commits (at once outside one)."""
    if connection.in_atomic_block and any(
        isinstance(callback, _Enqueue) and callback.meeting_id == meeting_id and not callback.ran
        for _sids, callback, _robust in connection.run_on_commit
    ):
        return
    transaction.on_commit(_Enqueue(meeting_id), robust=True)


def request_build(meeting_id: int) -> None:
    """A page found a document not current: enqueue its build, at most once a minute per meeting (a change
    to the papers within that minute enqueues its own)."""
    if cache.add(f"governance-documents-requested:{meeting_id}", True, timeout=60):
        papers_changed(meeting_id)


def _meeting_saved(sender: Any, instance: Meeting, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        papers_changed(instance.pk)


def _case_changed(sender: Any, instance: Case, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        papers_changed(instance.meeting_id)


def _decision_changed(sender: Any, instance: Decision, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        papers_changed(Case.objects.filter(pk=instance.case_id).values_list("meeting_id", flat=True).get())


def _follow_up_changed(sender: Any, instance: FollowUpAction, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        meeting_id = Decision.objects.filter(pk=instance.decision_id).values_list("case__meeting_id", flat=True).first()
        if meeting_id is not None:
            papers_changed(meeting_id)


def _attachment_changed(sender: Any, instance: Attachment, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        papers_changed(Case.objects.filter(pk=instance.case_id).values_list("meeting_id", flat=True).get())


def _body_saved(sender: Any, instance: Body, raw: bool = False, created: bool = False, **kwargs: Any) -> None:
    if raw or created:
        return
    for meeting_id in instance.meetings.public().values_list("pk", flat=True):
        papers_changed(meeting_id)


def _links_changed(sender: Any, instance: Any, action: str, reverse: bool, pk_set: set | None, **kwargs: Any) -> None:
    """A case's goals, sub-goals, items, indicators or snapshots changed (from either side)."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        papers_changed(instance.meeting_id)
        return
    cases = Case.objects.all() if pk_set is None else Case.objects.filter(pk__in=pk_set)
    field = next(name for name in _LINKS if getattr(Case, name).through is sender)
    for meeting_id in cases.filter(**{field: instance}).values_list("meeting_id", flat=True).distinct():
        papers_changed(meeting_id)


def connect() -> None:
    """Connect the receivers (from ``GovernanceConfig.ready``)."""
    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid="governance-documents-meeting")
    for model, receiver in ((Case, _case_changed), (Decision, _decision_changed), (FollowUpAction, _follow_up_changed)):
        post_save.connect(receiver, sender=model, dispatch_uid=f"governance-documents-save-{model.__name__}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"governance-documents-delete-{model.__name__}")
    post_save.connect(_attachment_changed, sender=Attachment, dispatch_uid="governance-documents-save-attachment")
    post_delete.connect(_attachment_changed, sender=Attachment, dispatch_uid="governance-documents-delete-attachment")
    post_save.connect(_body_saved, sender=Body, dispatch_uid="governance-documents-body")
    for name in _LINKS:
        m2m_changed.connect(
            _links_changed, sender=getattr(Case, name).through, dispatch_uid=f"governance-documents-links-{name}"
        )
