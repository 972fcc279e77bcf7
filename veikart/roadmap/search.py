"""Full-text search of roadmap items in Norwegian, with stemming, on PostgreSQL and SQLite.

Each item has a ``RoadmapItemSearch`` row: its name, description, grouping,
owners and delivery id as one text. ``search_index_refresh`` recomputes it and
feeds the engine's index: on PostgreSQL a ``tsvector`` column of that row built
with the ``norwegian`` configuration (GIN-indexed); on SQLite the FTS5 table
``roadmap_item_fts`` holding Snowball Norwegian stems. Both stemmers are the
same Snowball algorithm, so "kommunene" finds "kommune" on either engine.

Each search row also carries copies of the item's ``sub_goal`` and
``is_published``, so ``ranked_item_ids`` ranks and counts the matches of a
strategy from the search table alone. It applies the same rule as
``RoadmapItem.objects.visible_to``: the public gets published items of a
published strategy only. Callers load the items they show through
``visible_to`` as well, so a copy could at worst change a count, never show a
draft.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import Count, F, Window

from veikart.accounts import permissions
from veikart.core.search import (
    WORD,
    RankedIds,
    documents_changing,
    ranked_ids_of_queryset,
    ranked_ids_of_sql,
    stem,
    terms,
)
from veikart.roadmap.models import RoadmapItem, RoadmapItemSearch
from veikart.strategy.models import Strategy

FTS_TABLE = "roadmap_item_fts"
KIND = "roadmap_item"  # the kind of the site search's source (``search_documents``)
_CHUNK = 2000


def stemmed_text(text: str) -> str:
    return " ".join(stem(word) for word in WORD.findall(text))


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _documents(ids: list[int]) -> list[tuple[int, str, str, int, bool]]:
    """(pk, title, search document, sub-goal id, published) of the items, as plain values (no model instances)."""
    owners: dict[int, list[str]] = defaultdict(list)
    for item_id, name, short_name in RoadmapItem.owners.through.objects.filter(roadmapitem_id__in=ids).values_list(
        "roadmapitem_id", "organisation__name", "organisation__short_name"
    ):
        owners[item_id] += [name, short_name]
    rows = RoadmapItem.objects.filter(pk__in=ids).values_list(
        "pk", "title", "description", "grouping__name", "delivery_id", "sub_goal_id", "is_published"
    )
    documents = []
    for pk, title, description, grouping, delivery_id, sub_goal_id, is_published in rows:
        parts = (title, description, grouping, " ".join(filter(None, owners.get(pk, []))), delivery_id)
        documents.append((pk, title, "\n".join(part for part in parts if part), sub_goal_id, is_published))
    return documents


def search_index_refresh(item_ids: Iterable[int] | None = None) -> int:
    """Recompute the search text and index of the given items (all items when None); returns how many."""
    ids = (
        list(RoadmapItem.objects.order_by("pk").values_list("pk", flat=True))
        if item_ids is None
        else sorted(set(item_ids))
    )
    search_table = RoadmapItemSearch._meta.db_table
    with transaction.atomic():
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            documents = _documents(chunk)
            vocabulary_done = documents_changing(KIND, chunk)
            if is_postgresql():
                _write_postgresql(documents)
                vocabulary_done()
                continue
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {search_table} (item_id, document, sub_goal_id, is_published) "  # noqa: S608
                    "VALUES (%s, %s, %s, %s) ON CONFLICT (item_id) DO UPDATE SET document = excluded.document, "
                    "sub_goal_id = excluded.sub_goal_id, is_published = excluded.is_published",
                    [(pk, document, sub_goal_id, published) for pk, _t, document, sub_goal_id, published in documents],
                )
            with connection.cursor() as cursor:
                placeholders = ",".join("%s" for _ in chunk)
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({placeholders})", chunk)  # noqa: S608
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608
                    [(pk, stemmed_text(title), stemmed_text(document)) for pk, title, document, *_ in documents],
                )
            vocabulary_done()
    return len(ids)


def _write_postgresql(documents: list[tuple[int, str, str, int, bool]]) -> None:
    """Document, weighted vector and visibility copies of each item in one upsert."""
    if not documents:
        return
    values = ",".join("(%s::bigint, %s::text)" for _ in documents)
    params = [value for pk, _title, document, *_ in documents for value in (pk, document)]
    search_table, item_table = RoadmapItemSearch._meta.db_table, RoadmapItem._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {search_table} (item_id, document, sub_goal_id, is_published, vector) "  # noqa: S608
            "SELECT data.id, data.document, item.sub_goal_id, item.is_published, "
            "setweight(to_tsvector('norwegian', item.title), 'A') "
            "|| setweight(to_tsvector('norwegian', data.document), 'B') "
            f"FROM (VALUES {values}) AS data(id, document) JOIN {item_table} AS item ON item.id = data.id "
            "ON CONFLICT (item_id) DO UPDATE SET document = EXCLUDED.document, vector = EXCLUDED.vector, "
            "sub_goal_id = EXCLUDED.sub_goal_id, is_published = EXCLUDED.is_published",
            params,
        )


def search_index_remove(item_ids: Iterable[int]) -> None:
    """Drop deleted items from the SQLite index (PostgreSQL's column goes with the row)."""
    ids = list(item_ids)
    if is_postgresql() or not ids:
        return
    with connection.cursor() as cursor:
        placeholders = ",".join("%s" for _ in ids)
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({placeholders})", ids)  # noqa: S608


def ranked_item_ids(query: str, *, strategy: Strategy, user) -> list[int]:
    """Ids of ``strategy``'s items that ``user`` may see and that match every word of ``query``, best first.

    Every id of ``ranked_items``, ranked; for a results page, ``ranked_items`` counts the matches
    and ranks only the page's.
    """
    return list(ranked_items(query, strategy=strategy, user=user))


def ranked_items(query: str, *, strategy: Strategy, user) -> RankedIds:
    """The ids of ``ranked_item_ids``, counted and ranked only as far as they are read (``RankedIds``).

    Words match as prefixes of the stems (search-as-you-type); a match in the
    name weighs more than one in the text; equal ranks keep the order of the
    ids. An empty query, or a strategy the user may not see, finds nothing.
    The number of matches is a window count in the ranking's query, which is cut
    at the ids read (``LIMIT``), so a results page never sends to Python the
    thousands of items a common word is in.
    """
    words = terms(query)
    include_unpublished = permissions.can_view_unpublished(user)
    if not words or not (strategy.is_published or include_unpublished):
        return RankedIds(lambda limit: ([], 0))
    rows = RoadmapItemSearch.objects.filter(sub_goal__strategy=strategy)
    if not include_unpublished:
        rows = rows.filter(is_published=True)
    if is_postgresql():
        tsquery = SearchQuery(" & ".join(f"{word}:*" for word in words), search_type="raw", config="norwegian")
        ranked = (
            rows.filter(vector=tsquery).annotate(rank=SearchRank(F("vector"), tsquery)).order_by("-rank", "item_id")
        )
        # The number of all matches counted in the same pass as the ranking (a window over the
        # rows before the LIMIT): the engine reads the matches once for both.
        counted = ranked.annotate(total=Window(Count("item_id"))).values_list("item_id", "total")
        return ranked_ids_of_queryset(counted)
    match = " AND ".join(f'("{stem(word)}"* OR "{word}"*)' for word in words)
    table = RoadmapItemSearch._meta.db_table
    matched = rows.extra(  # noqa: S610 - FTS5 MATCH has no ORM expression; params are bound
        tables=[FTS_TABLE],
        where=[f"{FTS_TABLE}.rowid = {table}.item_id", f"{FTS_TABLE} MATCH %s"],
        params=[match],
        select={"rank": f"bm25({FTS_TABLE}, 5.0, 1.0)"},
    )
    # FTS5 allows bm25() in no window's query, so the ranking is a subquery of the counted one.
    inner, params = matched.order_by().values_list("item_id", "rank").query.sql_with_params()
    counted = f"SELECT item_id, count(*) OVER () FROM ({inner}) ORDER BY rank, item_id"  # noqa: S608

    return ranked_ids_of_sql(counted, params)
