"""Writes that touch several rows or models: the roadmap import and the guarded item update."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_noop
from simple_history.utils import bulk_create_with_history

from veikart.core import db
from veikart.core.exchange.limits import Limits
from veikart.core.history import bulk_update_with_full_history
from veikart.roadmap.dependencies import dependency_cycle_error, lock_dependency_changes
from veikart.roadmap.importers import ImportPlan, Progress, plan_import
from veikart.roadmap.models import Grouping, RoadmapItem, RoadmapItemSearch
from veikart.roadmap.search import search_index_refresh
from veikart.strategy.models import Strategy

logger = logging.getLogger(__name__)

_BATCH = 1000
# Stored in English and translated where the history is shown (``core.history.reason_display``).
IMPORT_REASON = gettext_noop("Import of the official roadmap export")


def roadmap_import(
    *,
    data: bytes | BinaryIO,
    file_name: str = "",
    limits: Limits | None = None,
    dry_run: bool = False,
    user: Any = None,
    strategy: Strategy | None = None,
    publish_new: bool = True,
    progress: Progress | None = None,
) -> ImportPlan:
    """Plan the import of an official export and, unless ``dry_run`` or there is any problem, apply it.

    ``data`` is the file (bytes or a seekable binary stream), read within ``limits`` (default: those
    of an upload); a file that cannot be read at all raises ``core.exchange.problems.FileUnreadable``.

    All or nothing: the plan is applied in one transaction, so a failure leaves
    the roadmap as it was. Importing the same file again finds every row
    unchanged and writes nothing. New items are published unless
    ``publish_new`` is false or the strategy version is not published (a
    published item belongs to a published version; existing published items
    of another version are not moved into an unpublished one, see
    ``importers.plan_import``); existing items keep their publication flag,
    owners, user groups and everything else the export does not carry.
    An import that creates or updates ``db.STATISTICS_REFRESH_ROWS`` items
    or more refreshes the planner's statistics of the tables it wrote after
    it commits.
    """
    plan = plan_import(data, file_name=file_name, limits=limits, strategy=strategy, progress=progress)
    if dry_run or not plan.is_valid or (not plan.has_changes and not plan.new_groupings):
        return plan
    with transaction.atomic():
        _apply(plan, user=user, publish_new=publish_new)
        if len(plan.created) + len(plan.updated) >= db.STATISTICS_REFRESH_ROWS:
            db.refresh_statistics(RoadmapItem, RoadmapItem.history.model, RoadmapItemSearch)
    return plan


def _apply(plan: ImportPlan, *, user: Any, publish_new: bool) -> None:
    history = {"default_user": user, "default_change_reason": IMPORT_REASON, "batch_size": _BATCH}
    if plan.new_groupings:
        bulk_create_with_history(
            [Grouping(sub_goal=sub_goal, name=name) for sub_goal, name in plan.new_groupings], Grouping, **history
        )
    groupings = {
        (grouping.sub_goal_id, grouping.name): grouping
        for grouping in Grouping.objects.filter(sub_goal__strategy=plan.strategy)
    }

    def grouping_of(row) -> Grouping | None:
        return groupings[(row.sub_goal.pk, row.grouping_name)] if row.grouping_name else None

    now = timezone.now()
    new_items = [
        RoadmapItem(
            title=row.title,
            sub_goal=row.sub_goal,
            grouping=grouping_of(row),
            phase=row.phase,
            start_date=row.start_date,
            end_date=row.end_date,
            delivery_id=row.delivery_id,
            is_published=publish_new and plan.strategy.is_published,
            created_at=now,
            updated_at=now,
        )
        for row in plan.created
    ]
    created = bulk_create_with_history(new_items, RoadmapItem, **history) if new_items else []

    # The plan holds trimmed instances; history needs every field, so load them whole.
    full: dict[int, RoadmapItem] = {}
    pks = [row.item.pk for row in plan.updated]
    for start in range(0, len(pks), _BATCH):
        full.update(RoadmapItem.objects.in_bulk(pks[start : start + _BATCH]))
    changed = []
    for row in plan.updated:
        item = full[row.item.pk]
        item.title = row.title
        item.sub_goal = row.sub_goal
        item.grouping = grouping_of(row)
        item.phase = row.phase
        item.start_date = row.start_date
        item.end_date = row.end_date
        item.delivery_id = row.delivery_id
        item.updated_at = now
        item.version += 1
        changed.append(item)
    if changed:
        fields = ["title", "sub_goal", "grouping", "phase", "start_date", "end_date", "delivery_id", "updated_at"]
        # One record per item, holding its owners, user groups and other relations as they are:
        # the import does not touch them, so the history must not show them changed.
        bulk_update_with_full_history(
            changed, RoadmapItem, [*fields, "version"], user=user, reason=IMPORT_REASON, batch_size=_BATCH
        )
    search_index_refresh([item.pk for item in created] + [item.pk for item in changed])
    logger.info(
        "Roadmap import by %s: %d items created, %d updated",
        getattr(user, "username", None) or "system",
        len(created),
        len(changed),
    )


class EditConflict(Exception):
    """The item changed since the editor loaded it; ``current`` is the item as it is now."""

    def __init__(self, current: RoadmapItem) -> None:
        super().__init__("The roadmap item was changed by someone else.")
        self.current = current


class DependencyCycle(Exception):
    """A new dependency would close a cycle through dependencies saved after the form was checked.

    The message names the dependency, as the form's check would.
    """


@dataclass(frozen=True)
class FieldDifference:
    label: str
    theirs: Any
    yours: Any


def roadmap_item_update(
    *, item: RoadmapItem, loaded_version: int, user: Any, m2m: dict[str, Any], formsets: Sequence[Any] = ()
) -> RoadmapItem:
    """Save an edited item unless someone saved it after ``loaded_version`` was read.

    ``item`` carries the new field values (validated by the form); ``m2m``
    maps relation names to their new objects; ``formsets`` (validated inline
    formsets of milestones and links) are saved in the same transaction. The version check and the
    increment are one conditional UPDATE, so of two concurrent saves exactly
    one wins; the other raises ``EditConflict`` and nothing is written.

    A save that changes nothing (every field and relation as stored, no
    formset changed) writes nothing either: no new version, no history row,
    and no conflict, since nobody's changes are overwritten. It returns
    ``item`` as it came.

    New dependencies in ``m2m["depends_on"]`` are checked for cycles once
    more, after ``lock_dependency_changes``, against what other saves have
    committed since the form checked them; a cycle raises ``DependencyCycle``
    and nothing is written.

    The site's edit page and the admin both save through here.
    """
    with transaction.atomic():
        if not _changes_anything(item, m2m, formsets):
            for formset in formsets:
                formset.save()  # writes nothing, but records that (the admin's change message reads it)
            logger.debug("%s saved roadmap item %s unchanged; nothing written", user, item.pk)
            return item
        _check_new_dependencies(item, m2m.get("depends_on"))
        won = RoadmapItem.objects.filter(pk=item.pk, version=loaded_version).update(version=F("version") + 1)
        if not won:
            raise EditConflict(RoadmapItem.objects.get(pk=item.pk))
        item.version = loaded_version + 1
        item._history_user = user
        item.full_clean()
        item.save()
        for name, objects in m2m.items():
            manager = getattr(item, name)
            if {obj.pk for obj in manager.all()} != {obj.pk for obj in objects}:
                manager.set(objects)
        for formset in formsets:
            formset.instance = item
            formset.save()
    logger.info("%s saved roadmap item %s as version %s", user, item.pk, item.version)
    return item


def roadmap_item_version_check(*, item_pk: int, loaded_version: int) -> None:
    """Raise ``EditConflict`` if the item is no longer at ``loaded_version``.

    For a form that must report a conflict while it validates (the admin's):
    inside a transaction the item's row stays locked from here until the
    transaction ends, so the ``roadmap_item_update`` that follows in it is
    not overtaken. ``roadmap_item_update`` checks again all the same.
    """
    current = RoadmapItem.objects.select_for_update().get(pk=item_pk)
    if current.version != loaded_version:
        raise EditConflict(current)


# Kept by the save itself, not by the editor.
_NOT_EDITED = {"id", "version", "created_at", "updated_at"}


def _changes_anything(item: RoadmapItem, m2m: dict[str, Any], formsets: Sequence[Any]) -> bool:
    """Whether saving ``item`` with ``m2m`` and ``formsets`` would change what is stored."""
    names = [field.attname for field in RoadmapItem._meta.concrete_fields if field.name not in _NOT_EDITED]
    stored = RoadmapItem.objects.filter(pk=item.pk).values(*names).first()
    if stored is None or any(stored[name] != getattr(item, name) for name in names):
        return True
    for name, objects in m2m.items():
        if set(getattr(item, name).values_list("pk", flat=True)) != {obj.pk for obj in objects}:
            return True
    return any(formset.has_changed() for formset in formsets)


def _check_new_dependencies(item: RoadmapItem, dependencies: Any) -> None:
    """Refuse dependencies that ``item`` does not have yet if one of them now leads back to it.

    Only an added dependency can close a cycle, and only its path back is
    named, as on the form. The lock comes before anything else in the
    transaction: taken after the version UPDATE (which locks the item's row),
    two saves of the same item could each wait for the other. It is taken
    whenever the item is to have dependencies, so that what counts as added
    is read under it too.
    """
    if not dependencies:
        return
    lock_dependency_changes()
    through = RoadmapItem.depends_on.through
    current = set(through.objects.filter(from_roadmapitem_id=item.pk).values_list("to_roadmapitem_id", flat=True))
    added = [dependency for dependency in dependencies if dependency.pk not in current]
    if added and (error := dependency_cycle_error(item.pk, added)):
        raise DependencyCycle(error)
