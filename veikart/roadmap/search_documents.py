"""Roadmap items as a source of the site search (``core.search``).

Word matches come from the roadmap's own full-text search (``search.ranked_items``), so the
roadmap's search page and the site search narrowed to roadmap items find the same items in the
same order. Identifiers: an item's delivery id (*Leveranse-ID*) or its number (the id in its
address) finds that item; a sub-goal code ("1A", "1 a") lists the sub-goal's items.
The vocabulary reads the search rows' documents of published items of published versions; the
search index tells it of every change (``search.search_index_refresh``, ``signals``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from veikart.core.search import Hit, SearchSource, sub_goal_code
from veikart.roadmap.models import LIST_ORDER, RoadmapItem, RoadmapItemSearch
from veikart.roadmap.rows import item_rows
from veikart.roadmap.search import KIND, ranked_items
from veikart.strategy.models import SubGoal
from veikart.strategy.search_documents import current_strategy

RECENT = 8


def ranked_ids(query: str, user) -> Sequence[int]:
    """The roadmap's own ranking (``search.ranked_items``): counted, and ranked only as far as the page reads."""
    strategy = current_strategy(user)
    return ranked_items(query, strategy=strategy, user=user) if strategy else []


def code_ids(query: str, user) -> list[int]:
    """The item with the query as its delivery id or number, then the items of the sub-goal it names."""
    text = query.strip()
    strategy = current_strategy(user)
    if not text or strategy is None:
        return []
    visible = RoadmapItem.objects.visible_to(user).in_strategy(strategy).order_by()
    ids: list[int] = []
    # Identifiers have a digit and no space; words are not looked up. Found without the visibility
    # rule first (by the unique index), then checked against it: a plan over a few ids, not the items.
    if " " not in text and any(char.isdigit() for char in text):
        named = list(
            RoadmapItem.objects.filter(delivery_id__in={text, text.upper()}).order_by().values_list("pk", flat=True)
        )
        if text.isdigit() and len(text) <= 10:
            named.append(int(text))
        allowed = set(visible.filter(pk__in=named).values_list("pk", flat=True)) if named else set()
        ids = [pk for pk in dict.fromkeys(named) if pk in allowed]
    if code := sub_goal_code(text):
        items = visible.filter(sub_goal__code=code).order_by(*LIST_ORDER)
        ids += [pk for pk in items.values_list("pk", flat=True) if pk not in ids]
    return ids


def hits(ids: list[int], user) -> list[Hit]:
    strategy = current_strategy(user)
    if strategy is None:
        return []
    # Within the version: without it SQLite reads every published item to check twenty ids.
    rows = item_rows(ids, among=RoadmapItem.objects.visible_to(user).in_strategy(strategy), with_description=True)
    return [
        Hit(
            kind=KIND,
            pk=row.pk,
            title=row.title,
            url=row.url,
            text=row.description,
            meta=" · ".join(
                part
                for part in (
                    _("Sub-goal %(code)s") % {"code": row.sub_goal_code},
                    row.phase.name if row.phase else "",
                    ", ".join(row.owners),
                )
                if part
            ),
        )
        for row in rows
    ]


def starting_points(user) -> list[Hit]:
    """The items changed last, of the current version."""
    strategy = current_strategy(user)
    if strategy is None:
        return []
    recent = RoadmapItem.objects.visible_to(user).in_strategy(strategy).order_by("-updated_at", "-id")[:RECENT]
    return hits(list(recent.values_list("pk", flat=True)), user)


def public_texts(ids: Iterable[int] | None) -> dict[int, str]:
    """The search documents of published items of published versions (the rows' visibility copies)."""
    rows = RoadmapItemSearch.objects.filter(is_published=True, sub_goal__in=SubGoal.objects.published().values("pk"))
    if ids is not None:
        rows = rows.filter(item_id__in=list(ids))
    return dict(rows.values_list("item_id", "document").iterator(chunk_size=2000))


def register() -> None:
    from veikart.core.search import register_search_source

    register_search_source(
        SearchSource(
            kind=KIND,
            order=40,
            label=gettext_lazy("Roadmap item"),
            label_plural=gettext_lazy("Roadmap items"),
            ranked_ids=ranked_ids,
            code_ids=code_ids,
            hits=hits,
            public_texts=public_texts,
            starting_points=starting_points,
            starting_points_label=gettext_lazy("Recently changed roadmap items"),
        )
    )
