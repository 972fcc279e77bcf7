"""The writes of bodies and memberships: a body's name and mandate, a seat added, a seat ended.

Like ``services``, each takes plain data and the acting user, checks ``accounts.permissions`` and
refuses with ``services.Refused`` (what may not be) or ``PermissionDenied`` (who may not).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from veikart.accounts import permissions

from .models import Body, Membership
from .services import Refused

logger = logging.getLogger(__name__)


def _require_office(user: Any) -> None:
    if not permissions.can_manage_governance(user):
        raise PermissionDenied(_("Only the strategy office maintains the governance bodies."))


def body_save(body: Body, *, by: Any) -> Body:
    """Save ``body`` as edited (its name and mandate in each language), checked by the model first."""
    _require_office(by)
    body.full_clean()
    body.save()
    logger.info("Body %s changed by %s", body.short_name, by)
    return body


@dataclass(frozen=True)
class MembershipData:
    """A seat on a body; ``user_id`` links it to a login (which lets the person read the body's papers)."""

    person_name: str
    position: str = Membership.Position.MEMBER
    starts: datetime.date | None = None
    ends: datetime.date | None = None
    user_id: int | None = None
    organisation_id: int | None = None


def membership_add(body: Body, data: MembershipData, *, by: Any) -> Membership:
    """A seat on ``body`` from ``data.starts`` (to ``data.ends``, which may not be before it)."""
    _require_office(by)
    if not data.person_name.strip():
        raise Refused(_("Give the member's name."))
    if data.starts is None:
        raise Refused(_("Give the date the membership starts."))
    _check_dates(data.starts, data.ends)
    with transaction.atomic():
        membership = Membership.objects.create(
            body=body,
            person_name=data.person_name.strip(),
            position=data.position,
            starts=data.starts,
            ends=data.ends,
            user_id=data.user_id,
            organisation_id=data.organisation_id,
        )
    logger.info("Membership %s of %s added by %s", membership.pk, body.short_name, by)
    return membership


def membership_end(membership: Membership, ends: datetime.date, *, by: Any) -> Membership:
    """End a seat on ``ends`` (the person reads the body's papers through that day, and not after)."""
    _require_office(by)
    _check_dates(membership.starts, ends)
    membership.ends = ends
    membership.save(update_fields=["ends"])
    logger.info("Membership %s of %s ended on %s by %s", membership.pk, membership.body, ends, by)
    return membership


def _check_dates(starts: datetime.date, ends: datetime.date | None) -> None:
    if ends is not None and ends < starts:
        raise Refused(_("A membership cannot end before it starts."))
