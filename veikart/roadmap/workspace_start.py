"""What the roadmap adds to the workspace's start page: attention counts and the owner editor's panel."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import ngettext

from veikart.accounts import permissions
from veikart.workspace.registry import Attention


def _list_url(**filters: str) -> str:
    return f"{reverse('ws-roadmap:item-list')}?{urlencode(filters)}"


def item_attention(user: Any) -> list[Attention]:
    """Submitted, unpublished and incomplete items of the viewer's list, counted in one query."""
    from veikart.roadmap.workspace_items import authored_items

    counts = authored_items(user).aggregate(
        submitted=Count("pk", filter=Q(is_published=False, publication_requested_at__isnull=False)),
        unpublished=Count("pk", filter=Q(is_published=False)),
        no_owner=Count("pk", filter=Q(has_owner=False)),
        no_user_group=Count("pk", filter=Q(has_user_group=False)),
        no_description=Count("pk", filter=Q(description="")),
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
