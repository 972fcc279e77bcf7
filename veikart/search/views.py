"""The site search: one public page across goals, sub-goals, indicators and roadmap items."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from veikart.search.pages import site_search


@require_GET
def results(request: HttpRequest) -> HttpResponse:
    """Results of ``?q=`` (narrowed by ``?type=``), or where to start on an empty search.

    HTMX requests get only the results, for search-as-you-type.
    """
    found = site_search(
        query=request.GET.get("q"),
        kind=request.GET.get("type"),
        user=request.user,
        page_number=request.GET.get("page"),
    )
    template = "search/_results.html" if request.htmx else "search/results.html"
    return render(request, template, {"results": found, "query": found.query, "site_section": "search"})
