"""Sortable, paginated lists for the workspace, the same way on every list page.

A view declares its columns (a label, and the ordering a column sorts by) and
calls ``listing(request, queryset, columns=..., default=...)``. The sort is read
from ``?sort=<key>`` or ``?sort=-<key>``; an unknown key falls back to the
default, so a hand-typed URL never fails. Every ordering ends with ``pk`` so
pages are stable. Sort links keep the other query parameters (filters) and go
back to the first page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.functional import Promise

PER_PAGE = 50


@dataclass(frozen=True)
class Column:
    """A column of a workspace list; ``ordering`` (field names) makes it sortable."""

    key: str
    label: Promise | str
    ordering: Sequence[str] = ()


@dataclass(frozen=True)
class HeaderCell:
    column: Column
    url: str | None
    # "ascending" / "descending" for the sorted column (the value of aria-sort), else "".
    sorted: str


@dataclass
class Listing:
    page: Page
    headers: list[HeaderCell]
    sort: str
    query_without_page: str

    @property
    def rows(self) -> Any:
        return self.page.object_list


def _query_with(request: HttpRequest, **changes: str | None) -> str:
    query = request.GET.copy()
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    # Empty filter fields add nothing but noise to a shared URL.
    for name in [name for name, value in query.items() if value == ""]:
        query.pop(name)
    return query.urlencode()


def listing(
    request: HttpRequest,
    queryset: QuerySet,
    *,
    columns: Sequence[Column],
    default: str,
    per_page: int = PER_PAGE,
    keys_first: bool = False,
) -> Listing:
    """A page of ``queryset`` sorted as the request asks (or by ``default``), with the headers' sort links.

    An out-of-range or malformed ``?page=`` shows the last or the first page
    rather than an error.

    With ``keys_first`` the page is chosen on primary keys alone and its rows are then read by
    key, in the same order. For a long list of wide rows: choosing the keys is a narrow query an
    index answers by itself, even past an offset or through a ``NOT EXISTS`` filter, where the
    whole rows (and their ``select_related`` joins) would be read for every row skipped or
    tested. A row deleted between the two queries is left out of the page.
    """
    sortable = {column.key: column for column in columns if column.ordering}
    requested = request.GET.get("sort", "")
    key = requested.removeprefix("-")
    if key not in sortable:
        requested = default
        key = default.removeprefix("-")
    descending = requested.startswith("-")
    ordering = [f"-{name}" if descending else name for name in sortable[key].ordering]
    queryset = queryset.order_by(*ordering, "-pk" if descending else "pk")
    if keys_first:
        keys = queryset.prefetch_related(None).values_list("pk", flat=True)
        page = Paginator(keys, per_page).get_page(request.GET.get("page"))
        rows = queryset.in_bulk(list(page.object_list))
        page.object_list = [rows[key] for key in page.object_list if key in rows]
    else:
        page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    headers = []
    for column in columns:
        if column.key not in sortable:
            headers.append(HeaderCell(column, None, ""))
            continue
        is_current = column.key == key
        next_sort = column.key if not is_current or descending else f"-{column.key}"
        headers.append(
            HeaderCell(
                column,
                "?" + _query_with(request, sort=next_sort, page=None),
                ("descending" if descending else "ascending") if is_current else "",
            )
        )
    return Listing(page=page, headers=headers, sort=requested, query_without_page=_query_with(request, page=None))
