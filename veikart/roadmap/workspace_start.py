"""What the roadmap adds to the workspace's start page: attention counts and the owner editor's panel."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Exists, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import ngettext

from veikart.accounts import permissions
from veikart.roadmap.models import RoadmapItem
from veikart.workspace.registry import Attention


def _list_url(**filters: str) -> str:
    return f"{reverse('ws-roadmap:item-list')}?{urlencode(filters)}"


def _count_without(items, relation, *, everything: int | None) -> int:
    """How many of ``items`` have no link in ``relation``.

    For the whole roadmap (``everything`` items) it is the total less the items the link table
    names, read from the link table's index alone; for one organisation's items, an anti-join.
    """
    if everything is None:
        from veikart.roadmap.workspace_items import item_links

        return items.filter(~Exists(item_links(relation))).count()
    field = relation.field
    linked = field.remote_field.through.objects.values(f"{field.m2m_field_name()}_id").distinct().count()
    return everything - linked


def item_attention(user: Any) -> list[Attention]:
    """Submitted, unpublished and incomplete items of the viewer's list, counted in three queries."""
    items = RoadmapItem.objects.editable_by(user)
    # Counts by flag read one narrow aggregate; what is missing is counted with NOT EXISTS in the
    # filter, which the databases run as an anti-join rather than a subquery per item.
    whole = permissions.is_strategy_office(user)  # every item, not one organisation's
    counts = items.aggregate(
        total=Count("pk"),
        submitted=Count("pk", filter=Q(is_published=False, publication_requested_at__isnull=False)),
        unpublished=Count("pk", filter=Q(is_published=False)),
        no_description=Count("pk", filter=Q(description="")),
    )
    counts["no_owner"] = _count_without(items, RoadmapItem.owners, everything=counts["total"] if whole else None)
    counts["no_user_group"] = _count_without(
        items, RoadmapItem.user_groups, everything=counts["total"] if whole else None
    )
    found = []
    if permissions.is_strategy_office(user):
        found.append(
            Attention(
                counts["submitted"],
                ngettext("item submitted for publication", "items submitted for publication", counts["submitted"]),
                _list_url(publication="submitted"),
            )
        )
    found += [
        Attention(
            counts["unpublished"],
            ngettext("unpublished item", "unpublished items", counts["unpublished"]),
            _list_url(publication="unpublished"),
        ),
        Attention(
            counts["no_owner"],
            ngettext("item without an owner", "items without an owner", counts["no_owner"]),
            _list_url(missing="owner"),
        ),
        Attention(
            counts["no_user_group"],
            ngettext("item without a user group", "items without a user group", counts["no_user_group"]),
            _list_url(missing="user_group"),
        ),
        Attention(
            counts["no_description"],
            ngettext("item without a description", "items without a description", counts["no_description"]),
            _list_url(missing="description"),
        ),
    ]
    return found


def our_items_panel(request: HttpRequest) -> dict[str, Any] | None:
    """The owner editor's "our items": how many are published, unpublished and submitted."""
    from veikart.roadmap.workspace_items import authored_items

    if permissions.is_strategy_office(request.user):
        return None
    counts = authored_items(request.user).aggregate(
        total=Count("pk"),
        published=Count("pk", filter=Q(is_published=True)),
        submitted=Count("pk", filter=Q(is_published=False, publication_requested_at__isnull=False)),
    )
    return {"counts": counts, "organisation": permissions.organisation_of(request.user)}
