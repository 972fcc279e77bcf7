"""Writes of the roadmap workspace: creating an item, asking for publication, publishing, bulk changes.

Every function takes plain data and the acting user, so the workspace pages,
a command or an API call the same code. Each change raises the item's
``version`` (so an editor who loaded the item earlier is refused, as with
``roadmap_item_update``), writes one history row per changed item with the
acting user, keeps the search rows' copy of the publication flag true, and is
logged. A change that would change nothing writes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veikart.accounts import permissions
from veikart.accounts.models import Organisation
from veikart.core.history_writes import write_history
from veikart.roadmap.models import RoadmapItem, UserGroup
from veikart.roadmap.search import search_index_refresh

logger = logging.getLogger(__name__)

# Bulk actions are limited so that one request stays well inside a web server's time-out.
BULK_LIMIT = 5000


class BulkAction(StrEnum):
    PUBLISH = "publish"
    UNPUBLISH = "unpublish"
    ADD_OWNER = "add_owner"
    ADD_USER_GROUP = "add_user_group"


BULK_ACTION_LABELS = {
    BulkAction.PUBLISH: _("Publish"),
    BulkAction.UNPUBLISH: _("Unpublish"),
    BulkAction.ADD_OWNER: _("Add an owner"),
    BulkAction.ADD_USER_GROUP: _("Add a user group"),
}

# Stable change reasons, stored in the history in English and translated when shown.
REASON_CREATED = "Created in the workspace"
REASON_SUBMITTED = "Submitted for publication"
REASON_PUBLISHED = "Published"
REASON_UNPUBLISHED = "Unpublished"
REASON_BULK = "Bulk change in the workspace"


def roadmap_item_create(
    *, user: Any, fields: dict[str, Any], owners: Sequence[Organisation], user_groups: Sequence[UserGroup] = ()
) -> RoadmapItem:
    """Create an unpublished item from validated ``fields`` (model field names to values).

    An owner editor's item is always owned by its own organisation (whatever
    ``owners`` says) and is never published here; the strategy office chooses
    the owners. Raises ``PermissionDenied`` for anyone else. The item gets one
    history row ("created") that already holds its owners and user groups.
    """
    organisation = permissions.editable_organisation(user)
    if permissions.is_strategy_office(user):
        owners = list(owners)
    elif organisation is not None:
        owners = [organisation]
    else:
        raise PermissionDenied
    item = RoadmapItem(**fields, is_published=False)
    item.full_clean()
    with transaction.atomic():
        # Without this, save() and each relation set would each write a history row.
        item.skip_history_when_saving = True
        try:
            item.save()
            item.owners.set(owners)
            item.user_groups.set(user_groups)
        finally:
            del item.skip_history_when_saving
        write_history(RoadmapItem, [item.pk], user=user, reason=REASON_CREATED, created=True)
        search_index_refresh([item.pk])
    logger.info("Roadmap item %s created by %s (owners: %s)", item.pk, user, ", ".join(map(str, owners)))
    return item


def _check_is_strategy_office(user: Any) -> None:
    if not permissions.is_strategy_office(user):
        raise PermissionDenied


def roadmap_item_submit(*, item: RoadmapItem, user: Any) -> RoadmapItem:
    """Ask the strategy office to publish ``item`` (unpublished, editable by ``user``).

    Raises ``PermissionDenied`` if ``user`` may not edit the item and
    ``ValidationError`` if it is already published. Submitting again only
    renews the date.
    """
    if not permissions.can_edit_owned(user, item.owners.all()):
        raise PermissionDenied
    if item.is_published:
        raise ValidationError(_("The item is already published."))
    with transaction.atomic():
        RoadmapItem.objects.filter(pk=item.pk).update(
            publication_requested_at=timezone.now(),
            publication_requested_by=user,
            version=F("version") + 1,
            updated_at=timezone.now(),
        )
        item.refresh_from_db()
        write_history(RoadmapItem, [item.pk], user=user, reason=REASON_SUBMITTED)
    logger.info("Roadmap item %s submitted for publication by %s", item.pk, user)
    return item


def roadmap_items_set_published(*, item_ids: Iterable[int], published: bool, user: Any) -> int:
    """Publish (or unpublish) the given items; returns how many changed. Strategy office only.

    Publishing clears a request for publication. Items already in the wanted
    state are left alone (no version, no history row).
    """
    _check_is_strategy_office(user)
    with transaction.atomic():
        ids = list(
            RoadmapItem.objects.select_for_update()
            .filter(pk__in=list(item_ids))
            .exclude(is_published=published)
            .values_list("pk", flat=True)
        )
        # Every changed item gets the same values: one UPDATE, not a CASE per row.
        values: dict[str, Any] = {"is_published": published, "version": F("version") + 1, "updated_at": timezone.now()}
        if published:
            values |= {"publication_requested_at": None, "publication_requested_by": None}
        RoadmapItem.objects.filter(pk__in=ids).update(**values)
        write_history(RoadmapItem, ids, user=user, reason=REASON_PUBLISHED if published else REASON_UNPUBLISHED)
        search_index_refresh(ids)
    logger.info(
        "%s roadmap items %s by %s: %s",
        len(ids),
        "published" if published else "unpublished",
        user,
        ", ".join(map(str, ids[:50])) + (" …" if len(ids) > 50 else ""),
    )
    return len(ids)


def roadmap_items_add_relation(
    *, item_ids: Iterable[int], user: Any, owner: Organisation | None = None, user_group: UserGroup | None = None
) -> int:
    """Add ``owner`` (or ``user_group``) to every given item that lacks it; returns how many changed.

    Strategy office only. One history row per changed item.
    """
    _check_is_strategy_office(user)
    if (owner is None) == (user_group is None):
        raise ValueError("Give exactly one of owner and user_group.")
    field = (RoadmapItem.owners if owner is not None else RoadmapItem.user_groups).field
    target = owner if owner is not None else user_group
    through = field.remote_field.through
    source_column, target_column = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    with transaction.atomic():
        ids = set(RoadmapItem.objects.select_for_update().filter(pk__in=list(item_ids)).values_list("pk", flat=True))
        having = set(
            through.objects.filter(**{f"{source_column}__in": ids, target_column: target.pk}).values_list(
                source_column, flat=True
            )
        )
        lacking = sorted(ids - having)
        through.objects.bulk_create(
            [through(**{source_column: pk, target_column: target.pk}) for pk in lacking], batch_size=1000
        )
        now = timezone.now()
        RoadmapItem.objects.filter(pk__in=lacking).update(version=F("version") + 1, updated_at=now)
        write_history(RoadmapItem, lacking, user=user, reason=REASON_BULK)
        if owner is not None:
            search_index_refresh(lacking)
    logger.info("%s added to %s roadmap items by %s", target, len(lacking), user)
    return len(lacking)
