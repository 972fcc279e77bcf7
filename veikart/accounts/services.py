"""Writes with side effects on users and organisations: inviting (which sends mail), activation, deletion.

Every function logs who did what. None of them ever sees, stores or sends a
password: an invited user has no usable password until they choose one from
the link in their invitation.
"""

from __future__ import annotations

import logging
import re

from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from veikart.accounts.models import Organisation, User
from veikart.accounts.references import Reference, references_to
from veikart.accounts.tokens import invitation_tokens
from veikart.core.tasks import mail_send

logger = logging.getLogger(__name__)


class StillReferenced(Exception):
    """The object cannot be deleted: ``references`` still point at it."""

    def __init__(self, references: list[Reference]) -> None:
        super().__init__(references)
        self.references = references


def invitation_url(user: User) -> str:
    """The absolute link (under ``SITE_URL``, in the user's language) that lets ``user`` choose a password."""
    with translation.override(user.language or settings.LANGUAGE_CODE):
        path = reverse(
            "accounts:invitation-accept",
            kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": invitation_tokens.make_token(user)},
        )
    return settings.SITE_URL.rstrip("/") + path


def _username_for(email: str) -> str:
    # Django's username validator allows letters, digits and @.+-_ only.
    return re.sub(r"[^\w.@+-]", "", email.lower())[:150]


def user_invite(
    *,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    organisation: Organisation | None,
    language: str,
    invited_by: User,
) -> tuple[User, bool]:
    """Create a user without a usable password and mail them an invitation link.

    Returns the user and whether the mail went out; when it did not (the mail
    server refused it), the user exists and the invitation can be sent again.
    The username is the e-mail address.
    """
    user = User(
        username=_username_for(email),
        email=email.lower(),
        first_name=first_name,
        last_name=last_name,
        role=role,
        organisation=organisation,
        language=language,
    )
    user.set_unusable_password()
    user.full_clean()
    with transaction.atomic():
        user.save()
    logger.info("%s invited user %s (%s, role %r)", invited_by.username, user.pk, user.username, role)
    return user, invitation_send(user=user, invited_by=invited_by)


def invitation_send(*, user: User, invited_by: User) -> bool:
    """Send ``user`` a (new) invitation; any link sent earlier stops working. The mail is queued for the
    task worker (``core.tasks.mail_send``); True when it is queued (a mail server that refuses it fails
    the task, which the worker logs)."""
    user.invited_at = timezone.now()
    user.save(update_fields=["invited_at"])
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "url": invitation_url(user),
            "invited_by": invited_by,
            "max_age_days": settings.INVITATION_MAX_AGE_DAYS,
            "site_name": settings.SITE_NAME,
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation_body.txt", context)
    # Queued in the database within the caller's transaction, sent by the task worker: no request waits
    # on the mail server, and an invitation whose user is rolled back is never sent.
    mail_send.enqueue(to=[user.email], subject=subject, body=body)
    logger.info("%s sent an invitation to user %s", invited_by.username, user.pk)
    return True


def user_set_active(*, user: User, active: bool, changed_by: User) -> None:
    """Deactivate (nobody can log in as them, nothing is deleted) or reactivate ``user``.

    Raises ``ValueError`` when someone tries to deactivate themselves.
    """
    if not active and user.pk == changed_by.pk:
        raise ValueError("A user cannot deactivate themselves")
    user.is_active = active
    user.save(update_fields=["is_active"])
    logger.info("%s %s user %s", changed_by.username, "reactivated" if active else "deactivated", user.pk)


def organisation_delete(*, organisation: Organisation, user: User) -> None:
    """Delete ``organisation`` when nothing refers to it; else raise ``StillReferenced`` saying what does."""
    references = references_to(organisation)
    if references:
        raise StillReferenced(references)
    organisation._history_user = user
    pk = organisation.pk
    try:
        with transaction.atomic():
            organisation.delete()
    except (ProtectedError, RestrictedError) as error:
        # Someone added a reference between the check and the delete.
        raise StillReferenced(references_to(organisation)) from error
    logger.info("%s deleted organisation %s (%s)", user.username, pk, organisation.name)
