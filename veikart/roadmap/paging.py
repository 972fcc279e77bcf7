"""Pages of a filtered roadmap list, found with as few passes over the items as the data allows.

A page needs two things: the ids on it and how many items match in all. With a filter, the matches
are usually a few hundred at most, and one query that reads the ids of the first ``HEAD`` matches
in order answers both: there are fewer than ``HEAD``, so the count is the length. Only when the
head is full (a large, unfiltered list) is the count a query of its own, which an index answers
without reading the items; a page inside the head is still sliced from it.
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

HEAD = 500


def page_of_ids(ids: QuerySet, number: str | int | None, size: int) -> Page:
    """Page ``number`` (clamped as ``Paginator.get_page`` does) of the ordered ``ids`` (a ``values_list`` of pks).

    ``page.object_list`` is a list of ids.
    """
    head = list(ids[:HEAD])
    if len(head) < HEAD:
        return Paginator(head, size).get_page(number)
    page = Paginator(ids, size).get_page(number)
    first, last = page.start_index() - 1, page.end_index()
    page.object_list = head[first:last] if last <= HEAD else list(page.object_list)
    return page
