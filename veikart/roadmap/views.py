"""Public pages of the roadmap: the list with its three entry points, timeline, item page, search, exports."""

from __future__ import annotations

import datetime
from itertools import groupby
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_htmx.http import push_url

from veikart.accounts import permissions
from veikart.accounts.models import Organisation
from veikart.core.exchange.downloads import download_response
from veikart.core.sections import sections_for
from veikart.core.templatetags.site_tags import content
from veikart.roadmap import exporters
from veikart.roadmap.filters import RoadmapItemFilter
from veikart.roadmap.history import public_change_log
from veikart.roadmap.models import LIST_ORDER, Phase, RoadmapItem, UserGroup
from veikart.roadmap.paging import page_of_ids
from veikart.roadmap.rows import item_rows, item_urls
from veikart.roadmap.search import ranked_items
from veikart.strategy.models import Goal, Strategy

PAGE_SIZE = 25
TIMELINE_PAGE_SIZE = 50
SEARCH_PAGE_SIZE = 20


def current_strategy(request: HttpRequest) -> Strategy:
    """The current strategy the user may see; 404 when there is none."""
    strategy = Strategy.objects.visible_to(request.user).current()
    if strategy is None:
        raise Http404(_("There is no roadmap yet."))
    return strategy


def visible_items(request: HttpRequest, strategy: Strategy):
    return RoadmapItem.objects.visible_to(request.user).in_strategy(strategy)


def get_item_for(request: HttpRequest, pk: int) -> RoadmapItem:
    """The item if the user may see it, else 404 (a draft does not reveal that it exists).

    Besides what ``visible_to`` shows, an owner editor sees its own organisation's unpublished items.
    """
    user = request.user
    items = RoadmapItem.objects.visible_to(user)
    if not permissions.can_view_unpublished(user) and permissions.editable_organisation(user) is not None:
        items = RoadmapItem.objects.filter(
            Q(pk__in=items.values("pk")) | Q(pk__in=RoadmapItem.objects.editable_by(user))
        )
    return get_object_or_404(items.select_related("phase", "sub_goal__goal__strategy", "grouping"), pk=pk)


def _filtered(request: HttpRequest, strategy: Strategy) -> RoadmapItemFilter:
    return RoadmapItemFilter(request.GET or None, queryset=visible_items(request, strategy), strategy=strategy)


def _filtered_response(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """``response``, telling HTMX to show the filters' URL without the fields left empty.

    A form sends every field, so a list filtered in place would otherwise show
    ``?goal=&sub_goal=&phase=innforing&…`` in the address bar.
    """
    if request.htmx:
        kept = [(key, value) for key, value in request.GET.items() if value]
        push_url(response, f"{request.path}?{urlencode(kept)}" if kept else request.path)
    return response


def _page(request: HttpRequest, queryset, size: int):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def _page_of_items(request: HttpRequest, queryset, size: int, *, phases=None):
    """A page of ``queryset`` found by id alone, then the rows of its items (``rows.ItemRow``).

    Finding the page's ids needs no joins, which keeps both query plans small
    and cheap however large the filtered set is. ``phases`` as ``item_rows`` takes them.
    """
    page = page_of_ids(queryset.values_list("pk", flat=True), request.GET.get("page"), size)
    page.object_list = item_rows(page.object_list, phases=phases)
    return page


@require_GET
def item_list(request: HttpRequest) -> HttpResponse:
    """Every visible item of the current strategy, filtered by the URL, by goal → sub-goal → grouping."""
    strategy = current_strategy(request)
    filterset = _filtered(request, strategy)
    page = _page_of_items(request, filterset.qs.order_by(*LIST_ORDER), PAGE_SIZE, phases=filterset.phases)
    # Every item on the page is of this strategy, whose sub-goals the filters have read.
    sub_goals = filterset.sub_goal_headings
    sections = [
        (sub_goals[sub_goal_id], list(rows))
        for sub_goal_id, rows in groupby(page.object_list, key=lambda row: row.sub_goal_id)
    ]
    context = {
        "strategy": strategy,
        "filter": filterset,
        "in_effect": filterset.in_effect(),
        "page": page,
        "sections": sections,
        "can_import": permissions.can_import_roadmap(request.user),
    }
    return _filtered_response(request, render(request, "roadmap/item_list.html", context))


@require_GET
def by_goal(request: HttpRequest) -> HttpResponse:
    """Goals → sub-goals → groupings, each with its number of visible items."""
    strategy = current_strategy(request)
    per_sub_goal: dict[int, int] = {}
    per_grouping: dict[int, int] = {}
    # One pass over the items, counted per (sub-goal, grouping).
    counts = visible_items(request, strategy).order_by().values_list("sub_goal", "grouping").annotate(n=Count("pk"))
    for sub_goal_id, grouping_id, n in counts:
        per_sub_goal[sub_goal_id] = per_sub_goal.get(sub_goal_id, 0) + n
        if grouping_id:
            per_grouping[grouping_id] = n
    goals = Goal.objects.filter(strategy=strategy).prefetch_related("sub_goals__groupings").order_by("number")
    tree = []
    for goal in goals:
        sub_goals = [
            (
                sub_goal,
                per_sub_goal.get(sub_goal.pk, 0),
                [(g, per_grouping[g.pk]) for g in sub_goal.groupings.all() if per_grouping.get(g.pk)],
            )
            for sub_goal in goal.sub_goals.all()
        ]
        tree.append((goal, sum(count for _s, count, _g in sub_goals), sub_goals))
    return render(request, "roadmap/by_goal.html", {"strategy": strategy, "tree": tree})


@require_GET
def by_owner(request: HttpRequest) -> HttpResponse:
    """Every organisation that owns visible items, with how many."""
    strategy = current_strategy(request)
    items = visible_items(request, strategy)
    owners = (
        Organisation.objects.annotate(n=Count("roadmap_items", filter=Q(roadmap_items__in=items)))
        .filter(n__gt=0)
        .order_by("name")
    )
    return render(request, "roadmap/by_owner.html", {"strategy": strategy, "owners": owners})


@require_GET
def by_user_group(request: HttpRequest) -> HttpResponse:
    """Every user group with its number of visible items."""
    strategy = current_strategy(request)
    items = visible_items(request, strategy)
    groups = UserGroup.objects.annotate(n=Count("items", filter=Q(items__in=items))).order_by("order", "name")
    return render(request, "roadmap/by_user_group.html", {"strategy": strategy, "groups": groups})


@require_GET
def user_group_coming(request: HttpRequest, slug: str) -> HttpResponse:
    """What is coming for a user group: every item for it that is not done, in development as well as
    being introduced or in use, by the year it starts (earliest first; no start date last).
    """
    strategy = current_strategy(request)
    group = get_object_or_404(UserGroup, slug=slug)
    through = RoadmapItem.user_groups.through
    queryset = (
        visible_items(request, strategy)
        .exclude(status=RoadmapItem.Status.DONE)
        .filter(pk__in=through.objects.filter(usergroup=group).values("roadmapitem_id"))
        .order_by(F("start_date").asc(nulls_last=True), "title", "pk")
    )
    page = _page_of_items(request, queryset, PAGE_SIZE)
    years = [
        (year, list(items))
        for year, items in groupby(page.object_list, key=lambda i: i.start_date and i.start_date.year)
    ]
    return render(
        request,
        "roadmap/user_group_coming.html",
        {
            "strategy": strategy,
            "group": group,
            "page": page,
            "years": years,
            "phases": Phase.objects.all(),
        },
    )


@require_GET
def timeline(request: HttpRequest) -> HttpResponse:
    """Items across the years they run, coloured by phase, with the same data as a table."""
    strategy = current_strategy(request)
    filterset = _filtered(request, strategy)
    queryset = filterset.qs.exclude(start_date=None).order_by("sub_goal_id", "start_date", "title", "pk")
    page = _page_of_items(request, queryset, TIMELINE_PAGE_SIZE, phases=filterset.phases)
    first = min([strategy.period_start, *(item.start_date.year for item in page.object_list)])
    last = max([strategy.period_end, *(item.end_date.year for item in page.object_list if item.end_date)])
    years = list(range(first, last + 1))
    # Each row names its phase twice (bar and table): the content tag's output, made once per phase.
    phase_names = {pk: content(phase, "name") for pk, phase in filterset.phases.items()}
    rows = []
    for item in page.object_list:
        start = item.start_date.year
        end = item.end_date.year if item.end_date else last
        rows.append(
            {
                "item": item,
                "column": start - first + 2,
                "span": end - start + 1,
                "open": not item.end_date,
                "phase_name": phase_names[item.phase.pk] if item.phase else "",
            }
        )
    context = {
        "strategy": strategy,
        "filter": filterset,
        "in_effect": filterset.in_effect(),
        "page": page,
        "rows": rows,
        "years": years,
        "columns": len(years),
        "phases": list(filterset.phases.values()),
    }
    return _filtered_response(request, render(request, "roadmap/timeline.html", context))


def _linked_items(items) -> list[dict[str, str]]:
    """Title and URL of each of ``items`` (dependencies), in the list's order: the page shows no more."""
    prefix, suffix = item_urls()
    return [{"title": title, "url": f"{prefix}{pk}{suffix}"} for pk, title in items.values_list("pk", "title")]


@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for(request, pk)
    visible = RoadmapItem.objects.visible_to(request.user)
    return render(
        request,
        "roadmap/item_detail.html",
        {
            "item": item,
            "strategy": item.sub_goal.goal.strategy,
            "owners": item.owners.all(),
            "user_groups": item.user_groups.all(),
            "further_sub_goals": item.further_sub_goals.visible_to(request.user).select_related("goal__strategy"),
            # One item's milestones and links: their own order, without the join to the item that the
            # default ordering (by item first) brings.
            "milestones": item.milestones.order_by("date", "pk"),
            "links": item.links.order_by("pk"),
            "depends_on": _linked_items(visible.filter(dependants=item)),
            "dependants": _linked_items(visible.filter(depends_on=item)),
            "change_log": public_change_log(item),
            "can_edit": permissions.can_edit_owned(request.user, item.owners.all()),
            "can_view_history": permissions.can_view_history(request.user),
            "sections": sections_for("roadmap_item", request, item),
        },
    )


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Ranked search results; HTMX requests get only the results, for search-as-you-type."""
    strategy = current_strategy(request)
    query = request.GET.get("q", "").strip()[:200]
    page = None
    if query:
        # A count of the matches and a ranking cut at the page (``ranked_items``), then only the
        # page's rows, through the visibility rule once more, with their descriptions.
        ids = ranked_items(query, strategy=strategy, user=request.user)
        page = _page(request, ids, SEARCH_PAGE_SIZE)
        page.object_list = item_rows(page.object_list, among=visible_items(request, strategy), with_description=True)
    template = "roadmap/_search_results.html" if request.htmx else "roadmap/search.html"
    return render(request, template, {"strategy": strategy, "query": query, "page": page})


@require_GET
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered list as CSV, XLSX (official layout first) or JSON; ``?columns=official`` for the seven only."""
    strategy = current_strategy(request)
    queryset = _filtered(request, strategy).qs.order_by(*LIST_ORDER)
    official_only = request.GET.get("columns") == "official"
    base_url = request.build_absolute_uri("/").rstrip("/")
    stamp = datetime.date.today().isoformat()
    if fmt == "csv":
        body = exporters.export_csv_chunks(queryset, official_only=official_only, base_url=base_url)
    elif fmt == "xlsx":
        body = exporters.export_xlsx(queryset, official_only=official_only, base_url=base_url)
    elif fmt == "json":
        body = exporters.export_json(queryset, base_url=base_url)
    else:
        raise Http404
    return download_response(body, file_name=f"veikart-{stamp}.{fmt}", kind=fmt)
