"""The site search's results page, assembled from the sources registered in ``core.search``.

One pass per kind for the ranked ids (identifier matches first, then word matches), which also
gives the count per kind; then only the page's hits are loaded, each source through
``visible_to`` once more. A query with no hits is checked against the spelling vocabulary: when
one correction is clearly meant, its results are shown with a note; the corrections are offered
as links either way.
"""

from __future__ import annotations

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


def _matches(query: str, user) -> dict[str, list[int]]:
    """Per kind, the ids of the visible objects the query names or matches, best first, each once.

    A sub-goal code ("1 a") is only an identifier: as words, "1" and "a" would match most texts.
    """
    words_too = sub_goal_code(query) is None
    found = {}
    for source in search_sources():
        ids = source.code_ids(query, user)
        if words_too:
            seen = set(ids)
            ids += [pk for pk in source.ranked_ids(query, user) if pk not in seen]
        found[source.kind] = ids
    return found


def _page_of_hits(pairs: list[tuple[str, int]], page_number: str | None, user) -> Page:
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
    pairs = [(source.kind, pk) for source in sources if kind in (None, source.kind) for pk in matches[source.kind]]
    results.page = _page_of_hits(pairs, page_number, user)
    return results
