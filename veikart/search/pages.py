"""The site search's results page, assembled from the sources registered in ``core.search``.

Per kind, the identifier matches first, then the word matches (``_Found``): counted first, and
read only as far as the page reaches (the roadmap items' ``RankedIds`` count without ranking and
rank only up to the page's end); then only the page's hits are loaded, each source through
``visible_to`` once more. A query with no hits is checked against the spelling vocabulary: when
one correction is clearly meant, its results are shown with a note; the corrections are offered
as links either way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator

from veikart.core.search import Hit, SearchSource, clean_query, one_search, search_sources, sub_goal_code
from veikart.search.vocabulary import suggestions_for

PAGE_SIZE = 20


@dataclass
class KindCount:
    source: SearchSource
    count: int
    url_query: str  # the query string that narrows the results to this kind


@dataclass
class Results:
    """What the results page shows for a query (``query`` as cleaned; '' for an empty search)."""

    query: str
    kind: str | None
    counts: list[KindCount] = field(default_factory=list)
    total: int = 0
    page: Page | None = None
    shown_query: str = ""  # the query whose results are shown: ``query``, or its clear correction
    suggestions: list[str] = field(default_factory=list)
    starting_points: list[tuple[Any, list[Hit]]] = field(default_factory=list)

    @property
    def corrected(self) -> bool:
        return bool(self.query) and self.shown_query != self.query

    @property
    def all_url_query(self) -> str:
        """The query string of the shown query's results of every kind."""
        return urlencode({"q": self.shown_query})

    @property
    def page_url_query(self) -> str:
        """The query string of these results, to which a page number is added."""
        return urlencode({"q": self.shown_query, **({"type": self.kind} if self.kind else {})})

    @property
    def suggestion_links(self) -> list[tuple[str, str]]:
        """(query, query string) of each suggested correction."""
        return [(text, urlencode({"q": text})) for text in self.suggestions]


class _Found(Sequence[int]):
    """One kind's matches: the identifier matches, then the word matches not among them.

    Counted and read only as far as asked: with no identifier match (the usual case), the number
    is the word matches' own (``RankedIds`` counts them without ranking), and a page reads the
    ranking up to its end only.
    """

    def __init__(self, named: list[int], ranked: Sequence[int]) -> None:
        self.named, self.ranked = named, ranked
        self._named_set = set(named)

    def __len__(self) -> int:
        if not self.named:
            return len(self.ranked)
        return len(self.named) + sum(1 for pk in self.ranked if pk not in self._named_set)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return list(self)[index]
        start, stop = index.start or 0, index.stop
        if index.step not in (None, 1) or start < 0 or stop is None or stop < 0:
            return list(self)[index]
        # Any of the first ``stop`` positions is found among the first ``stop`` ranked ids, once
        # the (at most len(named)) identifier matches among them are left out.
        rest = [pk for pk in self.ranked[:stop] if pk not in self._named_set]
        return (self.named + rest)[start:stop]

    def __iter__(self) -> Iterator[int]:
        yield from self.named
        yield from (pk for pk in self.ranked if pk not in self._named_set)

    def __bool__(self) -> bool:
        return bool(self.named) or bool(self.ranked)


class _Pairs(Sequence[tuple[str, int]]):
    """``(kind, id)`` of every match, the kinds one after another, for the paginator: only the page is read."""

    def __init__(self, parts: list[tuple[str, Sequence[int]]]) -> None:
        self.parts = parts

    def __len__(self) -> int:
        return sum(len(ids) for _kind, ids in self.parts)

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1) or (index.start or 0) < 0 or index.stop is None:
            return list(self)[index]
        start, stop, offset, pairs = index.start or 0, index.stop, 0, []
        for kind, ids in self.parts:
            if offset >= stop:
                break
            size = len(ids)
            if offset + size > start:
                pairs += [(kind, pk) for pk in ids[max(0, start - offset) : stop - offset]]
            offset += size
        return pairs

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return ((kind, pk) for kind, ids in self.parts for pk in ids)


def _matches(query: str, user) -> dict[str, _Found]:
    """Per kind, the ids of the visible objects the query names or matches, best first, each once.

    A sub-goal code ("1 a") is only an identifier: as words, "1" and "a" would match most texts.
    """
    words_too = sub_goal_code(query) is None
    return {
        source.kind: _Found(source.code_ids(query, user), source.ranked_ids(query, user) if words_too else [])
        for source in search_sources()
    }


def _page_of_hits(pairs: Sequence[tuple[str, int]], page_number: str | None, user) -> Page:
    """The page of ``(kind, id)`` pairs, as ``(kind label, Hit)`` loaded through each source."""
    page = Paginator(pairs, PAGE_SIZE).get_page(page_number)
    wanted: dict[str, list[int]] = {}
    for kind, pk in page.object_list:
        wanted.setdefault(kind, []).append(pk)
    loaded = {}
    for source in search_sources():
        if source.kind in wanted:
            loaded.update({(hit.kind, hit.pk): hit for hit in source.hits(wanted[source.kind], user)})
    labels = {source.kind: source.label for source in search_sources()}
    page.object_list = [(labels[pair[0]], loaded[pair]) for pair in page.object_list if pair in loaded]
    return page


def site_search(*, query: str | None, kind: str | None, user, page_number: str | None = None) -> Results:
    """The results of ``query`` for ``user``, narrowed to ``kind`` when it names a source.

    An empty query returns the starting points of each source instead. An unknown ``kind`` is
    ignored. Nothing that ``visible_to(user)`` hides is counted, shown or suggested.
    """
    with one_search():
        return _site_search(clean_query(query), kind, user, page_number)


def _site_search(query: str, kind: str | None, user, page_number: str | None) -> Results:
    sources = search_sources()
    kind = kind if kind in {source.kind for source in sources} else None
    results = Results(query=query, kind=kind, shown_query=query)
    if not query:
        for source in sources:
            if source.starting_points is not None and (hits := source.starting_points(user)):
                results.starting_points.append((source.starting_points_label, hits))
        return results
    matches = _matches(query, user)
    if not any(matches.values()):
        suggestions = suggestions_for(query)
        results.suggestions = suggestions.queries
        if suggestions.clear and suggestions.queries:
            corrected = _matches(suggestions.queries[0], user)
            if any(corrected.values()):
                matches, results.shown_query = corrected, suggestions.queries[0]
                results.suggestions = suggestions.queries[1:]
    results.counts = [
        KindCount(source, len(matches[source.kind]), urlencode({"q": results.shown_query, "type": source.kind}))
        for source in sources
    ]
    results.total = sum(count.count for count in results.counts)
    pairs = _Pairs([(source.kind, matches[source.kind]) for source in sources if kind in (None, source.kind)])
    results.page = _page_of_hits(pairs, page_number, user)
    return results
