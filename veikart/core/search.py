"""The extension point of the site search, and the word rules every searchable app shares.

A domain app registers a ``SearchSource`` per kind of object (goal, sub-goal,
roadmap item, indicator) in its ``AppConfig.ready``; the site search
(``veikart.search``) asks each source for ranked ids, exact identifier matches,
the hits of a page and the public texts its spelling vocabulary is built from.
So ``core`` imports no app, and no domain app imports the search app.

When searchable content changes, the domain app tells the registered
vocabulary listeners: ``documents_changed(kind)`` after a change that may touch
any document of ``kind`` (small kinds are recounted whole), or, for large kinds,
``done = documents_changing(kind, ids)`` before the write and ``done()`` after it,
so a listener can subtract the documents' old words and add their new ones.

Words: a query's words are its runs of letters and digits, lower-cased, at most
ten; they match a document word that starts with the query word or with its
Snowball Norwegian stem (the rule of the roadmap's full-text search, applied
in Python to the small kinds).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import snowballstemmer
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 10
# A sub-goal code ("1A", "1 a", "12b"): digits, then one letter, spaces allowed between.
_SUB_GOAL_CODE = re.compile(r"^\s*(\d{1,3})\s*([^\W\d_])\s*$", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("norwegian")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball Norwegian stem of one word, lower-cased (cached: the pure-Python stemmer is slow)."""
    return _stemmer().stemWord(word.lower())


def clean_query(query: str | None) -> str:
    """A query as typed, safe to search and show: control characters become spaces, runs of
    spaces one, at most ``MAX_QUERY_LENGTH`` characters; '' for None."""
    text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in (query or "")[:1000])
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def terms(query: str) -> list[str]:
    """The words of a query, lower-cased, at most ten (longer queries add nothing but cost)."""
    return [word.lower() for word in WORD.findall(query or "")][:MAX_QUERY_WORDS]


def sub_goal_code(query: str) -> str | None:
    """The sub-goal code a query spells ("1a", "1 A" → "1A"), or None when it is not one."""
    found = _SUB_GOAL_CODE.match(query or "")
    return f"{found.group(1)}{found.group(2).upper()}" if found else None


@lru_cache(maxsize=4096)
def word_stems(text: str) -> frozenset[str]:
    """The stems of the words of ``text`` (lower-cased).

    Cached by the text itself, so it is never stale: the small kinds' documents are the same
    texts request after request, and stemming them was most of a search's Python time.
    """
    return frozenset(stem(word) for word in WORD.findall(text or ""))


def rank_documents(query: str, documents: Iterable[tuple[int, str, str]]) -> list[int]:
    """Ids of the ``(id, title, body)`` documents in which every word of ``query`` matches, best first.

    A query word matches a document whose stems start with the word or with its stem. A match in
    the title weighs five times one in the body; equal scores keep the documents' order. An empty
    query matches nothing. For the small kinds (goals, sub-goals, indicators), ranked in Python.
    """
    words = terms(query)
    if not words:
        return []
    prefixes = [(word, stem(word)) for word in words]
    scored = []
    for position, (pk, title, body) in enumerate(documents):
        title_stems, body_stems = word_stems(title), word_stems(body)
        score = 0
        for word, word_stem in prefixes:
            in_title = any(s.startswith(word) or s.startswith(word_stem) for s in title_stems)
            in_body = in_title or any(s.startswith(word) or s.startswith(word_stem) for s in body_stems)
            if not in_body:
                break
            score += 5 if in_title else 1
        else:
            scored.append((-score, position, pk))
    return [pk for _score, _position, pk in sorted(scored)]


_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"[*_`#>]+")


def snippet_source(description: str) -> str:
    """An item's description as plain text to quote under its title: links become their text, marks go.

    The description rather than the whole search document, which also holds the owners' names and
    the delivery id (shown on the result's own line).
    """
    text = _MARKDOWN_MARKS.sub("", _MARKDOWN_LINK.sub(r"\1", description or ""))
    return " ".join(text.split())


def highlight(text: str, query: str, *, length: int | None = None) -> SafeString:
    """``text`` escaped, with words matching ``query`` (same stem or prefix) wrapped in ``<mark>``.

    With ``length``, returns a window of about that many characters around the first match.
    """
    text = text or ""
    words = terms(query)
    stems = {stem(word) for word in words}

    def matches(word: str) -> bool:
        lower = word.lower()
        return any(lower.startswith(w) for w in words) or any(stem(lower).startswith(s) for s in stems if s)

    if length is not None and len(text) > length:
        first = next((m.start() for m in WORD.finditer(text) if matches(m.group())), 0)
        start = max(0, first - length // 3)
        snippet = text[start : start + length]
        text = ("… " if start else "") + snippet + (" …" if start + length < len(text) else "")
    # The standard library's escape, which Django's wraps for lazy strings: a page of results
    # escapes thousands of pieces, and the wrapper cost more than the escaping.
    parts = []
    position = 0
    for found in WORD.finditer(text):
        parts.append(html.escape(text[position : found.start()]))
        word = found.group()
        parts.append(f"<mark>{html.escape(word)}</mark>" if words and matches(word) else html.escape(word))
        position = found.end()
    parts.append(html.escape(text[position:]))
    return mark_safe("".join(parts))  # every piece escaped above


class RankedIds(Sequence[int]):
    """Ids best first, counted and ranked by the database only as far as they are read.

    ``fetch(limit)`` returns the first ``limit`` ids ranked (None: all) and the number of them all,
    from one query (a window count next to the ranking cut with ``LIMIT``). Asking for the number
    first reads the first ``first`` ids with it, the page a results page shows next; so a word in
    half of 20,000 items costs one pass over its matches, not 11,000 ids sent to Python. Each
    answer is kept, so asking again costs nothing.
    """

    def __init__(self, fetch: Callable[[int | None], tuple[list[int], int]], *, first: int = 20) -> None:
        self._fetch, self._first = fetch, first
        self._length: int | None = None
        self._head: list[int] = []
        self._complete = False

    def __len__(self) -> int:
        if self._length is None:
            self._ids_up_to(self._first)
        return self._length

    def _ids_up_to(self, stop: int | None) -> list[int]:
        if not self._complete and (stop is None or stop > len(self._head)):
            self._head, self._length = self._fetch(stop)
            self._complete = stop is None or len(self._head) < stop
        return self._head if stop is None else self._head[:stop]

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.start or 0, index.stop, index.step
            if start < 0 or (stop is not None and stop < 0):
                return self._ids_up_to(None)[index]
            return self._ids_up_to(stop)[start::step]
        if index < 0:
            return self._ids_up_to(None)[index]
        ids = self._ids_up_to(index + 1)
        if index >= len(ids):
            raise IndexError(index)
        return ids[index]

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids_up_to(None))

    def __bool__(self) -> bool:
        return len(self) > 0


def ids_and_total(rows: Iterable[tuple[int, int]]) -> tuple[list[int], int]:
    """The ids of ``(id, number of all matches)`` rows, and that number (0 without rows): what a
    ``RankedIds`` fetch returns from a ranking with a window count."""
    rows = list(rows)
    return [pk for pk, _total in rows], rows[0][1] if rows else 0


def ranked_ids_of_queryset(counted) -> RankedIds:
    """``RankedIds`` read from ``counted``, a queryset of ``(id, number of all matches)`` rows best first
    (a ``values_list`` with a window count), sliced at what is read."""
    return RankedIds(lambda limit: ids_and_total(counted if limit is None else counted[:limit]))


def ranked_ids_of_sql(counted: str, params: Sequence[Any]) -> RankedIds:
    """``RankedIds`` read with ``counted``, a query of ``(id, number of all matches)`` rows best first,
    cut with ``LIMIT`` at what is read (for SQLite's FTS5 rankings, which the ORM cannot write)."""

    def fetch(limit: int | None) -> tuple[list[int], int]:
        with connection.cursor() as cursor:
            if limit is None:
                cursor.execute(counted, params)
            else:
                cursor.execute(f"{counted} LIMIT %s", [*params, limit])
            return ids_and_total(cursor.fetchall())

    return RankedIds(fetch)


@dataclass(frozen=True)
class Hit:
    """One search result as the results page shows it (plain values, no model instance)."""

    kind: str
    pk: int
    title: str
    url: str
    code: str = ""
    text: str = ""  # plain text to quote under the title
    meta: str = ""  # one line of context (goal, sub-goal, owners)
    # The language of ``title`` and of ``text`` where it is not the page's (bokmål content with no
    # version in the page's language), for the results page to mark them (WCAG 3.1.2).
    title_lang: str = ""
    text_lang: str = ""
    meta_lang: str = ""


@dataclass(frozen=True)
class SearchSource:
    """What a domain app offers the site search for one kind of object.

    Every callable that takes a ``user`` returns only what ``visible_to(user)`` allows.

    - ``ranked_ids(query, user)``: ids matching every word of the query, best first: a list, or a
      ``RankedIds`` that counts them and ranks only as far as they are read (large kinds).
    - ``code_ids(query, user)``: ids whose identifier the query is (a sub-goal code, a delivery id,
      an indicator code), listed before the word matches.
    - ``hits(ids, user)``: the hits of those ids, in that order, loaded through ``visible_to``.
    - ``public_texts(ids)``: the searchable text of each *published* object among ``ids`` (all
      when None), for the spelling vocabulary: never text that only unpublished objects hold.
    - ``starting_points(user)``: hits to offer on an empty search (None: the kind offers none).
    """

    kind: str
    order: int
    label: Any  # the kind, singular (lazy gettext)
    label_plural: Any
    ranked_ids: Callable[[str, Any], Sequence[int]]
    code_ids: Callable[[str, Any], list[int]]
    hits: Callable[[list[int], Any], list[Hit]]
    public_texts: Callable[[Iterable[int] | None], dict[int, str]]
    starting_points: Callable[[Any], list[Hit]] | None = None
    starting_points_label: Any = None


_sources: dict[str, SearchSource] = {}
_memo: ContextVar[dict | None] = ContextVar("veikart_search_memo", default=None)


@contextmanager
def one_search() -> Iterator[None]:
    """Within the block, ``memoised`` values are computed once (one search asks every source)."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def memoised(key: Any, compute: Callable[[], Any]) -> Any:
    """``compute()``, once per key within ``one_search`` (every time outside it).

    Sources use it for what each of their callables needs, such as the current strategy version
    the user may see: asked by every source for ranked ids, identifiers and hits, it would
    otherwise be read a dozen times per search.
    """
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


# Long enough to serve many searches, short enough that texts of a superseded revision (keys no
# search asks for again) leave the cache in time.
KEPT_SECONDS = 3600


def _search_revision() -> int:
    from veikart.core.models import SearchRevision

    return SearchRevision.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def kept_until_changed(key: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept in the cache until the next ``documents_changed`` of any kind.

    For what the small kinds' sources read on every search (documents, identifiers, hits): the
    cache key holds the search revision (``core.models.SearchRevision``, read once per search), so
    a change made by any server process is seen by every other one with its next search. ``key``
    must name everything the value depends on besides the documents: the strategy version, the
    audience (what ``visible_to`` lets the user see), the language of the hits.
    """
    revision = memoised("search-revision", _search_revision)
    cache_key = "search:" + ":".join(str(part) for part in (revision, *key))

    def cached() -> Any:
        found = cache.get(cache_key, _MISSING)
        if found is _MISSING:
            found = compute()
            cache.set(cache_key, found, timeout=KEPT_SECONDS)
        return found

    return memoised(cache_key, cached)


_MISSING = object()


def _raise_search_revision() -> None:
    from veikart.core.models import SearchRevision

    if not SearchRevision.objects.filter(pk=1).update(number=F("number") + 1):
        SearchRevision.objects.bulk_create([SearchRevision(pk=1, number=1)], ignore_conflicts=True)


def register_search_source(source: SearchSource) -> None:
    """Add (or replace: ``ready()`` may run more than once in tests) the source of ``source.kind``."""
    _sources[source.kind] = source


def search_sources() -> list[SearchSource]:
    """Every registered source, in their order."""
    return sorted(_sources.values(), key=lambda source: source.order)


class VocabularyListener(Protocol):
    def before(self, kind: str, ids: list[int]) -> Any: ...

    def after(self, kind: str, ids: list[int], token: Any) -> None: ...

    def recount(self, kind: str | None) -> None: ...


_listeners: list[VocabularyListener] = []


def register_vocabulary_listener(listener: VocabularyListener) -> None:
    """The site search's vocabulary registers here to hear of changed documents."""
    if listener not in _listeners:
        _listeners.append(listener)


def documents_changing(kind: str, ids: Iterable[int]) -> Callable[[], None]:
    """Call before writing the documents ``ids`` of ``kind``; call what it returns after the write."""
    id_list = list(ids)
    tokens = [(listener, listener.before(kind, id_list)) for listener in _listeners]

    def done() -> None:
        for listener, token in tokens:
            listener.after(kind, id_list, token)

    return done


def kept_values_expire() -> None:
    """Everything ``kept_until_changed`` kept is read afresh, in every process (for a change that moves
    no document's words, or whose words were counted as they were written)."""
    _raise_search_revision()


def documents_changed(kind: str | None = None) -> None:
    """Documents of ``kind`` (of every kind when None) may have changed: what ``kept_until_changed``
    kept is read afresh, and listeners recount them."""
    _raise_search_revision()
    for listener in _listeners:
        listener.recount(kind)
