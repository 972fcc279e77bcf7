"""The spelling vocabulary: the words of public content, and the corrections drawn from it.

Kept current at the moments the content's search rows change: each domain app tells
``core.search`` of changed documents, and ``LISTENER`` (registered by the app) updates
``SearchWord``. For roadmap items it subtracts the old words of the changed items and adds
their new ones (``before``/``after``, within the writer's transaction), so an edit costs a few
small queries even among 20,000 items; the small kinds, and any change to the framework that
may publish or hide content of every kind, are recounted whole (``recount``). Only texts that
the sources hand out as public (``public_texts``) are counted, so no word found only in
unpublished content is ever suggested.

Corrections: candidate words share trigrams with the typed word (PostgreSQL: ``pg_trgm``'s
``%`` operator on a trigram index; SQLite: an FTS5 table with the ``trigram`` tokenizer), and
are then ranked in Python on both engines the same way: fewest edits (a swap of two neighbouring
letters counts as one), then trigram similarity, then the number of documents holding the word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from veikart.core.search import search_sources, terms
from veikart.search.models import SearchWord

# Words worth correcting to: letters only (no ids or years), three to forty of them.
_VOCABULARY_WORD = re.compile(r"[^\W\d_]{3,40}", re.UNICODE)
TRIGRAM_TABLE = "search_word_trigram"
_CANDIDATES = 200


def words_of(text: str) -> set[str]:
    """The distinct vocabulary words of ``text``, lower-cased."""
    return {word.lower() for word in _VOCABULARY_WORD.findall(text or "")}


def _public_texts(kind: str, ids: Iterable[int] | None) -> dict[int, str]:
    """The public texts of ``kind``'s documents among ``ids`` (all when None); none for an unknown kind."""
    source = next((source for source in search_sources() if source.kind == kind), None)
    return source.public_texts(ids) if source is not None else {}


def _frequencies(kind: str, ids: Iterable[int] | None) -> Counter[str]:
    """In how many public documents of ``kind`` (among ``ids``; all when None) each word occurs."""
    counts: Counter[str] = Counter()
    for text in _public_texts(kind, ids).values():
        counts.update(words_of(text))
    return counts


def _apply(kind: str, delta: dict[str, int]) -> None:
    """Add the signed document counts of ``delta`` to ``kind``'s words; drop words left at none."""
    changes = [(kind, word[:60], change) for word, change in delta.items() if change]
    if not changes:
        return
    table = SearchWord._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (kind, word, documents) VALUES (%s, %s, %s) "  # noqa: S608
            f"ON CONFLICT (kind, word) DO UPDATE SET documents = {table}.documents + excluded.documents",
            changes,
        )
    gone = [word for _kind, word, change in changes if change < 0]
    for start in range(0, len(gone), 500):
        SearchWord.objects.filter(kind=kind, word__in=gone[start : start + 500], documents__lte=0).delete()


def vocabulary_recount(kind: str | None = None) -> None:
    """Count the words of every public document of ``kind`` (of every kind when None) afresh."""
    kinds = [source.kind for source in search_sources()] if kind is None else [kind]
    for each in kinds:
        counts = _frequencies(each, None)
        stored = dict(SearchWord.objects.filter(kind=each).values_list("word", "documents"))
        delta = {word: counts.get(word, 0) - stored.get(word, 0) for word in counts.keys() | stored.keys()}
        _apply(each, delta)


class _Listener:
    """Hears of changed documents through ``core.search`` and keeps ``SearchWord`` in step.

    ``before`` keeps the documents' public texts; ``after`` counts words only of the documents
    whose public text changed (appeared, went, or differs), so rewriting unchanged rows costs two
    reads and no counting.
    """

    def before(self, kind: str, ids: list[int]) -> dict[int, str]:
        return _public_texts(kind, ids)

    def after(self, kind: str, ids: list[int], token: dict[int, str]) -> None:
        new = _public_texts(kind, ids)
        changed = [pk for pk in new.keys() | token.keys() if new.get(pk) != token.get(pk)]
        old_counts: Counter[str] = Counter()
        new_counts: Counter[str] = Counter()
        for pk in changed:
            old_counts.update(words_of(token.get(pk, "")))
            new_counts.update(words_of(new.get(pk, "")))
        words = old_counts.keys() | new_counts.keys()
        _apply(kind, {word: new_counts.get(word, 0) - old_counts.get(word, 0) for word in words})

    def recount(self, kind: str | None) -> None:
        vocabulary_recount(kind)


LISTENER = _Listener()


def fill_when_empty(**kwargs) -> None:
    """After ``migrate``: count the vocabulary of content that existed before the search app."""
    if not SearchWord.objects.exists():
        vocabulary_recount(None)


@dataclass(frozen=True)
class Candidate:
    word: str
    distance: int
    similarity: float
    documents: int


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap of neighbours) that turn ``a`` into ``b``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def trigram_similarity(a: str, b: str) -> float:
    """Shared trigrams over all trigrams, as ``pg_trgm``'s ``similarity`` computes it."""
    first, second = _trigrams(a), _trigrams(b)
    return len(first & second) / len(first | second) if first or second else 0.0


def _allowed_edits(word: str) -> int:
    return 1 if len(word) <= 4 else 2 if len(word) <= 8 else 3


def _similar_words(word: str) -> dict[str, int]:
    """Vocabulary words sharing trigrams with ``word``, with their document counts (all kinds)."""
    table = SearchWord._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT word, SUM(documents) FROM {table} WHERE word %% %s "  # noqa: S608
                "GROUP BY word ORDER BY MAX(similarity(word, %s)) DESC LIMIT %s",
                [word, word, _CANDIDATES],
            )
            return dict(cursor.fetchall())
        plain = word.replace('"', "")
        grams = sorted({plain[i : i + 3] for i in range(len(plain) - 2)})
        if not grams:
            return {}
        cursor.execute(
            f"SELECT word.word, word.documents FROM {TRIGRAM_TABLE} AS grams "  # noqa: S608
            f"JOIN {table} AS word ON word.id = grams.rowid WHERE {TRIGRAM_TABLE} MATCH %s "
            "ORDER BY grams.rank LIMIT %s",
            [" OR ".join(f'"{gram}"' for gram in grams), _CANDIDATES],
        )
        found: Counter[str] = Counter()
        for other, documents in cursor.fetchall():
            found[other] += documents
        return dict(found)


def candidates(word: str, *, limit: int = 3) -> list[Candidate]:
    """The best corrections of one misspelt word, best first; none for short or non-letter words."""
    word = word.lower()
    if len(word) < 3 or len(word) > 40 or not word.isalpha():
        return []
    allowed = _allowed_edits(word)
    found = []
    for other, documents in _similar_words(word).items():
        if other == word or abs(len(other) - len(word)) > allowed:
            continue
        distance = edit_distance(word, other)
        if distance <= allowed:
            found.append(Candidate(other, distance, trigram_similarity(word, other), documents))
    found.sort(key=lambda candidate: (candidate.distance, -candidate.similarity, -candidate.documents, candidate.word))
    return found[:limit]


def _clearly_best(found: list[Candidate]) -> bool:
    """The first candidate needs fewer edits than the second, or is far more alike or far more used."""
    if len(found) < 2:
        return True
    first, second = found[0], found[1]
    return (
        first.distance < second.distance
        or first.similarity - second.similarity >= 0.1
        or first.documents >= 5 * max(second.documents, 1)
    )


@dataclass(frozen=True)
class Suggestions:
    """Corrected queries, best first; ``clear`` when the first is clearly the one meant."""

    queries: list[str]
    clear: bool


def suggestions_for(query: str, *, limit: int = 3) -> Suggestions:
    """Spelling corrections of ``query``: each word not in the vocabulary replaced by its best candidates.

    Words in the vocabulary, and words too short or with digits to correct, are kept as they are.
    Only whole queries different from ``query`` are returned.
    """
    words = terms(query)
    if not words:
        return Suggestions([], clear=False)
    known = set(SearchWord.objects.filter(word__in=words).values_list("word", flat=True))
    options = [[] if word in known else candidates(word) for word in words]
    if not any(options):
        return Suggestions([], clear=False)
    best = [found[0].word if found else word for word, found in zip(words, options, strict=True)]
    queries = [" ".join(best)]
    for position, found in enumerate(options):
        for candidate in found[1:]:
            alternative = " ".join([*best[:position], candidate.word, *best[position + 1 :]])
            if alternative not in queries:
                queries.append(alternative)
    clear = all(_clearly_best(found) for found in options if found)
    return Suggestions(queries[:limit], clear=clear)
