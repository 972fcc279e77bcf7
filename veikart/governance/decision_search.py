"""Full-text search of decisions in Norwegian, with the exemption kept: the machinery of the roadmap's
search (PostgreSQL ``norwegian`` vectors, SQLite FTS5 with Snowball stems; see docs/search.md).

Each decision has a ``DecisionSearch`` row with two texts (see its docstring): the whole text and
the public one. ``matching(query, user)`` is the one rule for who matches on what:

- the strategy office matches on the whole text of every decision;
- everyone else matches on the public text of the decisions they may know of, and on the whole
  text only of the exempt decisions whose papers they read (members of the case's body);

so a word that is only in an exempt case's papers finds nothing for the public or for a member of
another body. The rows are kept by the receivers below (a decision saved, its case saved, a
decision deleted) and after ``migrate`` for decisions not yet indexed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import Count, F, Q, Window
from django.db.models.expressions import RawSQL
from django.db.models.lookups import In
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver

from veikart.accounts import permissions
from veikart.core.search import (
    WORD,
    RankedIds,
    documents_changing,
    kept_values_expire,
    ranked_ids_of_queryset,
    ranked_ids_of_sql,
    stem,
    terms,
)

from .models import Body, Case, Decision, DecisionSearch

FTS_TABLE = "governance_decision_fts"
KIND = "decision"  # the kind of the site search's source (``search_documents``)
_CHUNK = 2000


def _stemmed(text: str) -> str:
    return " ".join(stem(word) for word in WORD.findall(text or ""))


def _is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _documents(ids: list[int]) -> list[tuple[int, str, str, str, str]]:
    """(pk, title, whole text, public title, public text) of each decision, as plain values."""
    rows = Decision.objects.filter(pk__in=ids).values_list(
        "pk",
        "text",
        "dissent",
        "case__title",
        "case__background",
        "case__proposed_decision",
        "case__number",
        "case__year",
        "case__is_exempt",
        "case__exemption_basis",
        "case__title_is_public",
        "case__meeting__number",
        "case__body__short_name",
    )
    documents = []
    for (
        pk,
        text,
        dissent,
        title,
        background,
        proposed,
        number,
        year,
        exempt,
        basis,
        title_public,
        meeting,
        body,
    ) in rows:
        # The numbers as the papers write them, in bokmål (the language of the texts searched).
        numbers = f"{body} {meeting}/{year} sak {number}/{year}"
        whole = "\n".join(part for part in (numbers, background, proposed, text, dissent) if part)
        if exempt:
            public_title = title if title_public else ""
            public = "\n".join((numbers, basis))
        else:
            public_title, public = title, whole
        documents.append((pk, title, whole, public_title, public))
    return documents


def decision_index_refresh(decision_ids: Iterable[int] | None = None) -> int:
    """Recompute the search texts of the given decisions (every decision when None); returns how many."""
    ids = (
        list(Decision.objects.order_by("pk").values_list("pk", flat=True))
        if decision_ids is None
        else sorted(set(decision_ids))
    )
    with transaction.atomic():
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            documents = _documents(chunk)
            vocabulary_done = documents_changing(KIND, chunk)
            DecisionSearch.objects.bulk_create(
                [
                    DecisionSearch(decision_id=pk, document=f"{title}\n{whole}", public_document=f"{ptitle}\n{public}")
                    for pk, title, whole, ptitle, public in documents
                ],
                update_conflicts=True,
                unique_fields=["decision"],
                update_fields=["document", "public_document"],
            )
            if _is_postgresql():
                _write_vectors(chunk)
            else:
                _write_fts(chunk, documents)
            vocabulary_done()
        # What pages keep of the decisions (the sections on goal and item pages) is read afresh.
        kept_values_expire()
    return len(ids)


def _write_vectors(ids: list[int]) -> None:
    """The weighted vectors of both texts, the title weighing more (one UPDATE for the chunk)."""
    table = DecisionSearch._meta.db_table
    placeholders = ",".join("%s" for _ in ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET "  # noqa: S608 - the table is ours; the ids are bound
            "vector = setweight(to_tsvector('norwegian', split_part(document, E'\\n', 1)), 'A') "
            "|| setweight(to_tsvector('norwegian', document), 'B'), "
            "public_vector = setweight(to_tsvector('norwegian', split_part(public_document, E'\\n', 1)), 'A') "
            "|| setweight(to_tsvector('norwegian', public_document), 'B') "
            f"WHERE decision_id IN ({placeholders})",
            ids,
        )


def _write_fts(ids: list[int], documents: list[tuple[int, str, str, str, str]]) -> None:
    placeholders = ",".join("%s" for _ in ids)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({placeholders})", ids)  # noqa: S608
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body, public_title, public_body) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s)",
            [
                (pk, _stemmed(title), _stemmed(whole), _stemmed(ptitle), _stemmed(public))
                for pk, title, whole, ptitle, public in documents
            ],
        )


def decision_index_remove(decision_ids: Iterable[int]) -> None:
    """Drop deleted decisions from the SQLite index (PostgreSQL's rows go with the decision)."""
    ids = list(decision_ids)
    if _is_postgresql() or not ids:
        return
    placeholders = ",".join("%s" for _ in ids)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({placeholders})", ids)  # noqa: S608


def _fts_match(words: list[str], columns: str) -> str:
    """An FTS5 query: every word, as a prefix of its stem or of itself, in ``columns``."""
    each = " AND ".join(f'("{stem(word)}"* OR "{word}"*)' for word in words)
    return f"{{{columns}}} : ({each})"


def _tsquery(words: list[str]) -> SearchQuery:
    return SearchQuery(" & ".join(f"{word}:*" for word in words), search_type="raw", config="norwegian")


def matching(query: str, user) -> Q | None:
    """The condition on ``Decision`` that the decisions match every word of ``query`` on the text ``user``
    may read (see the module's docstring); None for a query without words."""
    words = terms(query)
    if not words:
        return None
    office = permissions.is_strategy_office(user)
    return _matching(words, office=office, bodies=[] if office else _bodies_read_by(user))


def _bodies_read_by(user) -> list[int]:
    return list(Body.objects.readable_by(user).values_list("pk", flat=True))


def _matching(words: list[str], *, office: bool, bodies: list[int]) -> Q:
    """``matching`` for the office or for someone who reads the exempt papers of ``bodies``.

    On PostgreSQL one ``pk IN (subquery)`` over the search rows; on SQLite each branch is an
    uncorrelated ``pk IN (subquery)`` that the database runs once: the public text's matches, and the
    whole text's matches among the exempt decisions of ``bodies``. (Written as one join with an OR,
    SQLite ran the full-text match once per decision: seconds, not milliseconds, on ten thousand
    decisions.)
    """
    exempt_of_bodies = Decision.objects.filter(case__is_exempt=True, case__body__in=bodies).values("pk")
    if _is_postgresql():
        tsquery = _tsquery(words)
        if office:
            return Q(pk__in=DecisionSearch.objects.filter(vector=tsquery).values("decision"))
        # One pass over the search rows: the public text of each, and the whole text of the exempt
        # decisions of the user's bodies (two IN lists OR-ed made PostgreSQL build both whole).
        readable = Q(public_vector=tsquery)
        if bodies:
            readable |= Q(vector=tsquery, decision__in=exempt_of_bodies)
        return Q(pk__in=DecisionSearch.objects.filter(readable).values("decision"))
    # FTS5 MATCH has no ORM expression; the table is ours and the query is bound.
    whole = RawSQL(  # noqa: S611
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
        [_fts_match(words, "title body")],
    )
    if office:
        return id_in(whole)
    condition = id_in(
        RawSQL(  # noqa: S611
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
            [_fts_match(words, "public_title public_body")],
        )
    )
    if bodies:
        condition |= Q(pk__in=Decision.objects.filter(pk__in=whole).filter(pk__in=exempt_of_bodies).values("pk"))
    return condition


def id_in(matches) -> Q:
    """``id IN (matches)`` (a subquery of ids), written for the database at hand.

    On SQLite as ``(id + 0) IN (…)``, so that SQLite cannot use the id as the second column of an index
    seek: with the one-to-one case index it would otherwise seek every (case, match) pair, half a
    second for one body's year on ten thousand decisions, where probing the list takes milliseconds.
    On PostgreSQL as a plain ``id IN (…)``: there ``+ 0`` hides the primary key, so a thousand matches
    were joined by hashing all ten thousand decisions with their cases instead of looked up."""
    if _is_postgresql():
        return Q(pk__in=matches)
    return Q(In(F("pk") + 0, matches))


def ranked_decision_ids(query: str, user) -> Sequence[int]:
    """Ids of the decisions ``user`` may know of that match every word of ``query``, best first (a match
    in the title weighs more; then the newest first). An empty query finds nothing. On PostgreSQL a
    ``RankedIds``, ranked and counted by the database only as far as it is read."""
    words = terms(query)
    if not words:
        return []
    office = permissions.is_strategy_office(user)
    # The office matches on the whole text and anyone who sits on no body on the public one: one text
    # per decision, matched and ranked in one pass. A member of a body also matches on the hidden
    # texts of that body's exempt decisions (``matching``).
    bodies = [] if office else _bodies_read_by(user)
    one_text = office or not bodies
    visible = Decision.objects.visible_to(user)
    if _is_postgresql():
        tsquery = _tsquery(words)
        column = "search__vector" if office else "search__public_vector"
        found = (
            visible.filter(**{column: tsquery})
            if one_text
            else visible.filter(_matching(words, office=office, bodies=bodies))
        )
        ranked = found.annotate(rank=SearchRank(F(column), tsquery)).order_by("-rank", "-decided_on", "-pk")
        # Counted in the ranking's pass and cut at what is read: a common word's thousands of
        # matches are not sent to Python for a page of twenty.
        return ranked_ids_of_queryset(ranked.annotate(total=Window(Count("pk"))).values_list("pk", "total"))
    if one_text:
        return _ranked_in_one_text(words, user, office=office)
    ids = list(
        visible.filter(_matching(words, office=office, bodies=bodies))
        .order_by("-decided_on", "-pk")
        .values_list("pk", flat=True)
    )
    if not ids:
        return []
    # A member's matches: bm25 over the public columns, a better match first, the newest of equal ones
    # first (a match on hidden text only ranks after them). The ids are those ``matching`` allowed;
    # only their order is read here. Every match's rank, filtered here: a ``rowid IN (…)`` beside MATCH
    # makes FTS5 run the match once per listed id (seconds for a common word).
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, bm25({FTS_TABLE}, 5.0, 1.0, 5.0, 1.0) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
            [_fts_match(words, "public_title public_body")],
        )
        allowed = set(ids)
        ranks = {rowid: rank for rowid, rank in cursor.fetchall() if rowid in allowed}
    order = {pk: position for position, pk in enumerate(ids)}
    return sorted(ids, key=lambda pk: (ranks.get(pk, 0.0), order[pk]))


def _ranked_in_one_text(words: list[str], user, *, office: bool) -> RankedIds:
    """SQLite, for a viewer who matches on one text of every decision (the office on the whole text,
    anyone who sits on no body on the public one): the match, its bm25 and the visibility in one
    query, counted beside the ranking and cut at what is read, as the roadmap's search does. (A member
    of a body also matches on the hidden texts of that body's exempt decisions: ranked in full above.)"""
    columns = "title body" if office else "public_title public_body"
    table = Decision._meta.db_table
    matched = Decision.objects.visible_to(user).extra(  # noqa: S610 - FTS5 MATCH has no ORM expression; bound
        tables=[FTS_TABLE],
        where=[f"{FTS_TABLE}.rowid = {table}.id", f"{FTS_TABLE} MATCH %s"],
        params=[_fts_match(words, columns)],
        select={"rank": f"bm25({FTS_TABLE}, 5.0, 1.0, 5.0, 1.0)"},
    )
    # FTS5 allows bm25() in no window's query, so the ranking is a subquery of the counted one.
    inner, params = matched.order_by().values_list("pk", "rank", "decided_on").query.sql_with_params()
    counted = f"SELECT pk, count(*) OVER () FROM ({inner}) ORDER BY rank, decided_on DESC, pk DESC"  # noqa: S608

    return ranked_ids_of_sql(counted, params)


@receiver(post_save, sender=Decision, dispatch_uid="governance-decision-search-decision")
def _decision_saved(sender, instance: Decision, raw: bool = False, **kwargs) -> None:
    if not raw:
        decision_index_refresh([instance.pk])


@receiver(post_save, sender=Case, dispatch_uid="governance-decision-search-case")
def _case_saved(sender, instance: Case, raw: bool = False, **kwargs) -> None:
    """A case's title, papers or exemption changed: its decision's texts follow."""
    if not raw:
        ids = list(Decision.objects.filter(case=instance).values_list("pk", flat=True))
        if ids:
            decision_index_refresh(ids)


@receiver(post_delete, sender=Decision, dispatch_uid="governance-decision-search-delete")
def _decision_deleted(sender, instance: Decision, **kwargs) -> None:
    decision_index_remove([instance.pk])
    kept_values_expire()


def _links_changed(sender, action: str, **kwargs) -> None:
    """A case's goals, sub-goals, items or indicators changed: the pages' decision sections are read afresh."""
    if action in ("post_add", "post_remove", "post_clear"):
        kept_values_expire()


for _link in (Case.goals, Case.sub_goals, Case.roadmap_items, Case.indicators):
    m2m_changed.connect(_links_changed, sender=_link.through, dispatch_uid=f"governance-case-links-{_link.field.name}")


def index_missing(sender, **kwargs) -> None:
    """After ``migrate``: index the decisions that have no search row (those recorded before the index)."""
    missing = list(Decision.objects.filter(search__isnull=True).values_list("pk", flat=True))
    if missing:
        decision_index_refresh(missing)


def connect_post_migrate(app_config) -> None:
    post_migrate.connect(index_missing, sender=app_config, dispatch_uid="governance-decision-search-migrate")
