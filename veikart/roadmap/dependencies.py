"""Dependencies between roadmap items as editors type them, and the check that they form no cycle.

At national scale (20,000 items) no list can offer every item to choose from,
so an editor names the items an item depends on by delivery id (Leveranse-ID)
or item number (``#123``), separated by commas, semicolons, spaces or new lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from veikart.roadmap.models import RoadmapItem

_SEPARATORS = re.compile(r"[\s,;]+")
_ITEM_NUMBER = re.compile(r"#?([0-9]{1,18})")
_CHUNK = 2000
# Names the one PostgreSQL advisory lock that every change of dependencies takes; any fixed number
# will do as long as nothing else uses it (these are the bytes of "veik").
DEPENDENCY_LOCK_KEY = 0x7665696B


def reference_of(item: RoadmapItem) -> str:
    """How the dependency field names ``item``: its delivery id, else ``#`` and its number."""
    return item.delivery_id or f"#{item.pk}"


def parse_references(text: str) -> list[str]:
    """The distinct references in ``text``, in the order typed."""
    return list(dict.fromkeys(token for token in _SEPARATORS.split(text or "") if token))


def resolve_references(references: list[str], candidates: QuerySet) -> tuple[list[RoadmapItem], list[str]]:
    """The items among ``candidates`` that ``references`` name, in the order typed, and the references naming none.

    A reference is a delivery id when one of the candidates has it; otherwise
    digits, with or without a leading ``#``, are an item number (``#123`` is
    never read as a delivery id). An item named twice is returned once.
    Items outside ``candidates`` (unpublished ones the user may not see,
    items of another strategy) count as unknown, so an error does not reveal
    that they exist.
    """
    by_delivery_id = {
        item.delivery_id: item
        for item in candidates.filter(delivery_id__in=[ref for ref in references if not ref.startswith("#")])
    }
    numbers: dict[str, int] = {}
    for reference in references:
        match = _ITEM_NUMBER.fullmatch(reference)
        if reference not in by_delivery_id and match:
            numbers[reference] = int(match.group(1))
    by_pk = candidates.in_bulk(set(numbers.values())) if numbers else {}
    found: dict[int, RoadmapItem] = {}
    unknown = []
    for reference in references:
        item = by_delivery_id.get(reference) or by_pk.get(numbers.get(reference))
        if item is None:
            unknown.append(reference)
        else:
            found.setdefault(item.pk, item)
    return list(found.values()), unknown


def dependency_cycle(item_pk: int, dependency_pks: Iterable[int]) -> list[int] | None:
    """The path by which one of ``dependency_pks`` already leads back to the item ``item_pk``, or None.

    Letting the item depend on ``dependency_pks`` closes a cycle when one of
    them depends on the item, directly or through other items. The walk goes
    breadth-first over the ``depends_on`` through table, one query per level
    (in chunks), and follows every item, visible to the editor or not: a cycle
    through a draft is still a cycle. The returned path starts with the
    dependency that closes the cycle and ends with ``item_pk``; it is the
    shortest such path. A dependency on the item itself gives ``[item_pk]``.
    """
    starts = list(dict.fromkeys(dependency_pks))
    if item_pk in starts:
        return [item_pk]
    through = RoadmapItem.depends_on.through
    came_from: dict[int, int | None] = dict.fromkeys(starts)
    frontier = starts
    while frontier:
        following = []
        for start in range(0, len(frontier), _CHUNK):
            edges = through.objects.filter(from_roadmapitem_id__in=frontier[start : start + _CHUNK]).values_list(
                "from_roadmapitem_id", "to_roadmapitem_id"
            )
            for source, target in edges:
                if target in came_from:
                    continue
                came_from[target] = source
                if target == item_pk:
                    path = [item_pk]
                    while (previous := came_from[path[-1]]) is not None:
                        path.append(previous)
                    return list(reversed(path))
                following.append(target)
        frontier = following
    return None


def dependency_cycle_error(item_pk: int, dependencies: list[RoadmapItem]) -> str | None:
    """Why the item ``item_pk`` may not depend on ``dependencies`` (itself, or one closing a cycle), else None.

    The message names the dependency that leads back to the item; the items
    on the way are not named, as the editor may not be allowed to see them.
    """
    cycle = dependency_cycle(item_pk, [item.pk for item in dependencies])
    if cycle is None:
        return None
    if cycle == [item_pk]:
        return _("An item cannot depend on itself.")
    closing = next(item for item in dependencies if item.pk == cycle[0])
    return _(
        "“%(title)s” (%(reference)s) already depends on this item, directly or through other items, "
        "so this item cannot also depend on it."
    ) % {"title": closing.title, "reference": reference_of(closing)}


def lock_dependency_changes() -> None:
    """Wait until no other transaction is changing dependencies, and keep that turn until this one ends.

    Call it inside ``transaction.atomic`` before checking for cycles: two
    saves that each add a dependency could otherwise each pass the check
    against the state before the other and together close a cycle. On
    PostgreSQL this is a transaction-level advisory lock, released at commit
    or rollback; under READ COMMITTED (Django's default) every query after it
    sees what the previous holder committed. On SQLite write transactions
    begin ``IMMEDIATE`` (see ``config/settings.py``) and so already run one at
    a time, with the same effect; nothing is done.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [DEPENDENCY_LOCK_KEY])
