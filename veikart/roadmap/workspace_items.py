"""The roadmap items' pages in the workspace: the list (with filters and bulk actions), a new item,
an item's own workspace page, asking for publication and publishing.

The strategy office sees every item; an owner editor sees the items its
organisation owns, published or not ("our items").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from veikart.accounts import permissions
from veikart.core.templatetags.site_tags import content
from veikart.roadmap.authoring import (
    BULK_LIMIT,
    BulkAction,
    roadmap_item_create,
    roadmap_item_submit,
    roadmap_items_add_relation,
    roadmap_items_set_published,
)
from veikart.roadmap.models import RoadmapItem
from veikart.roadmap.workspace_forms import BulkActionForm, ItemCreateForm, ItemFilterForm, organisation_choices
from veikart.workspace.listing import Column, listing

COLUMNS = [
    Column("title", gettext_lazy("Name"), ("title",)),
    # By sub-goal in the order they were registered (for imported ones, the official order), as the
    # public list does: it reads the list-order index instead of joining and sorting by code.
    Column("sub_goal", gettext_lazy("Sub-goal"), ("sub_goal_id", "title")),
    Column("phase", gettext_lazy("Phase"), ("phase__order",)),
    Column("owners", gettext_lazy("Owners")),
    Column("state", gettext_lazy("Publication")),
    Column("missing", gettext_lazy("Missing")),
    Column("updated", gettext_lazy("Changed"), ("updated_at",)),
]


def _require_author(request: HttpRequest) -> None:
    if not permissions.can_author_roadmap_items(request.user):
        raise PermissionDenied


def authored_items(user) -> QuerySet[RoadmapItem]:
    """The items of ``user``'s workspace list: every item for the strategy office, its own for an owner editor."""
    return RoadmapItem.objects.editable_by(user)


def item_links(relation) -> QuerySet:
    """The link rows of a many-to-many ``relation`` of items that point at the outer item (for ``Exists``).

    Only in filters, where the databases run ``NOT EXISTS`` as an anti-join: in the select list
    PostgreSQL hashes the whole link table for a page of fifty rows.
    """
    field = relation.field
    return field.remote_field.through.objects.filter(**{f"{field.m2m_field_name()}_id": OuterRef("pk")})


def mark_missing_relations(items: list[RoadmapItem]) -> None:
    """Set ``has_owner`` and ``has_user_group`` on ``items``: one query per relation for all of them."""
    ids = [item.pk for item in items]

    def linked(relation) -> set[int]:
        return set(relation.through.objects.filter(roadmapitem_id__in=ids).values_list("roadmapitem_id", flat=True))

    owned, grouped = linked(RoadmapItem.owners), linked(RoadmapItem.user_groups)
    for item in items:
        item.has_owner = item.pk in owned
        item.has_user_group = item.pk in grouped


def filtered_items(
    user, data, organisations: list[tuple[str, str]] | None = None
) -> tuple[ItemFilterForm, QuerySet[RoadmapItem]]:
    """The filter form bound to ``data`` and the items it matches (invalid filters are ignored)."""
    form = ItemFilterForm(data or None, user=user, organisations=organisations)
    items = authored_items(user)
    if not form.is_bound or not form.is_valid():
        return form, items
    values = form.cleaned_data
    if text := values.get("q", "").strip():
        items = items.filter(Q(title__icontains=text) | Q(delivery_id=text))
    if values.get("sub_goal"):
        items = items.filter(sub_goal=values["sub_goal"])
    if values.get("phase"):
        items = items.filter(phase=values["phase"])
    if values.get("status"):
        items = items.filter(status=values["status"])
    if values.get("owner"):
        items = items.filter(owners=values["owner"])
    publication = values.get("publication")
    # Compared with a value, not written as Django writes a boolean (``NOT is_published``): SQLite
    # uses an index that starts with the flag only for a comparison.
    if publication == ItemFilterForm.Publication.PUBLISHED:
        items = items.filter(is_published=Value(True))
    elif publication == ItemFilterForm.Publication.UNPUBLISHED:
        items = items.filter(is_published=Value(False))
    elif publication == ItemFilterForm.Publication.SUBMITTED:
        items = items.filter(is_published=Value(False), publication_requested_at__isnull=False)
    missing = values.get("missing")
    if missing == ItemFilterForm.Missing.OWNER:
        items = items.filter(~Exists(item_links(RoadmapItem.owners)))
    elif missing == ItemFilterForm.Missing.USER_GROUP:
        items = items.filter(~Exists(item_links(RoadmapItem.user_groups)))
    elif missing == ItemFilterForm.Missing.DESCRIPTION:
        items = items.filter(description="")
    return form, items


@login_required
@require_http_methods(["GET", "POST"])
def item_list(request: HttpRequest) -> HttpResponse:
    """Items with filters, sorting and paging; the strategy office also gets bulk actions (POST)."""
    _require_author(request)
    user = request.user
    can_bulk = permissions.is_strategy_office(user)
    # Both forms offer every organisation: read them once.
    organisations = organisation_choices() if can_bulk else None
    filter_form, items = filtered_items(user, request.GET, organisations)
    bulk_form = BulkActionForm(organisations=organisations)
    if request.method == "POST":
        if not can_bulk:
            raise PermissionDenied
        bulk_form = BulkActionForm(request.POST, organisations=organisations)
        if bulk_form.is_valid():
            done = _bulk(request, bulk_form, items)
            if done is not None:
                return redirect(request.get_full_path())
    page = listing(
        request,
        items.select_related("sub_goal", "phase").prefetch_related("owners"),
        columns=COLUMNS,
        default="title",
        keys_first=True,
    )
    context = {
        "rows": _rows(page.rows),
        "title": _("Our items") if not permissions.is_strategy_office(user) else _("Roadmap items"),
        "filter_form": filter_form,
        "listing": page,
        "bulk_form": bulk_form if can_bulk else None,
        "bulk_limit": BULK_LIMIT,
        "filtered": bool(filter_form.is_bound and any(filter_form.data.get(name) for name in filter_form.fields)),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "roadmap/workspace/item_list.html", context, status=status)


@dataclass(frozen=True)
class ItemRow:
    """One line of the workspace list, formatted once in Python rather than through template tags per cell."""

    pk: int
    title: str
    delivery_id: str
    url: str
    sub_goal: str
    phase: str
    owners: str
    state: str
    missing: str
    changed: str


def _rows(items) -> list[ItemRow]:
    items = list(items)
    mark_missing_relations(items)
    # One reverse() for the page: the item's address differs only in its id.
    pattern = reverse("ws-roadmap:item", kwargs={"pk": 0}).replace("/0/", "/{}/")
    states = {
        "published": _("Published"),
        "submitted": _("Submitted for publication"),
        "unpublished": _("Unpublished"),
    }
    rows = []
    for item in items:
        state = "published" if item.is_published else "submitted" if item.publication_requested_at else "unpublished"
        rows.append(
            ItemRow(
                pk=item.pk,
                title=item.title,
                delivery_id=item.delivery_id,
                url=pattern.format(item.pk),
                sub_goal=item.sub_goal.code,
                phase=content(item.phase, "name") if item.phase else "–",
                owners=", ".join(owner.display_name for owner in item.owners.all()) or "–",
                state=states[state],
                missing=", ".join(missing_of(item)),
                changed=date_format(timezone.localtime(item.updated_at), "SHORT_DATE_FORMAT"),
            )
        )
    return rows


def _bulk(request: HttpRequest, form: BulkActionForm, items: QuerySet[RoadmapItem]) -> int | None:
    """Run a valid bulk action; None (with a form error) when it may not run."""
    values = form.cleaned_data
    chosen = items if values["scope"] == BulkActionForm.Scope.ALL else items.filter(pk__in=values["item"])
    ids = list(chosen.values_list("pk", flat=True)[: BULK_LIMIT + 1])
    if len(ids) > BULK_LIMIT:
        form.add_error(
            None, _("A bulk action takes at most %(limit)s items; narrow the filter.") % {"limit": BULK_LIMIT}
        )
        return None
    action = values["action"]
    if action in (BulkAction.PUBLISH, BulkAction.UNPUBLISH):
        count = roadmap_items_set_published(item_ids=ids, published=action == BulkAction.PUBLISH, user=request.user)
    elif action == BulkAction.ADD_OWNER:
        count = roadmap_items_add_relation(item_ids=ids, user=request.user, owner=values["owner"])
    else:
        count = roadmap_items_add_relation(item_ids=ids, user=request.user, user_group=values["user_group"])
    messages.success(
        request,
        ngettext("%(count)s item was changed.", "%(count)s items were changed.", count) % {"count": count}
        + (" " + _("The others already were so.") if count < len(ids) else ""),
    )
    return count


@login_required
@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest) -> HttpResponse:
    """A new, unpublished item: owned by the owner editor's organisation, or by the owners the office chooses."""
    _require_author(request)
    user = request.user
    form = ItemCreateForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        owners = values.pop("owners", [])
        user_groups = values.pop("user_groups", [])
        try:
            item = roadmap_item_create(user=user, fields=values, owners=owners, user_groups=user_groups)
        except ValidationError as error:
            _add_model_errors(form, error)
        else:
            messages.success(request, _("The item was created. It is not published yet."))
            return redirect("ws-roadmap:item", pk=item.pk)
    context = {
        "title": _("New roadmap item"),
        "intro": _(
            "The item is saved unpublished. Your organisation is its owner; when it is ready, submit it for "
            "publication and the strategy office publishes it."
        )
        if not permissions.is_strategy_office(user)
        else _("The item is saved unpublished; publish it from its page when it is ready."),
        "form": form,
        "submit_label": _("Create the item"),
        "cancel_url": reverse("ws-roadmap:item-list"),
        "breadcrumbs": [(_("Roadmap items"), reverse("ws-roadmap:item-list"))],
    }
    return render(request, "workspace/form.html", context)


def _add_model_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def get_authored_item(request: HttpRequest, pk: int) -> RoadmapItem:
    """An item of the viewer's workspace list, else 404 (another organisation's draft is not revealed)."""
    item = get_object_or_404(authored_items(request.user).select_related("sub_goal__strategy", "phase"), pk=pk)
    mark_missing_relations([item])
    return item


def missing_of(item: RoadmapItem) -> list[str]:
    """What an item lacks before it is useful to the public (for the list's and the item page's notes)."""
    missing = []
    if not item.has_owner:
        missing.append(_("No owner"))
    if not item.has_user_group:
        missing.append(_("No user group"))
    if not item.description.strip():
        missing.append(_("No description"))
    if item.start_date is None:
        missing.append(_("No start date"))
    return missing


@login_required
@require_GET
def item_page(request: HttpRequest, pk: int) -> HttpResponse:
    """An item's workspace page: its state, what is missing, and what the viewer may do with it."""
    _require_author(request)
    item = get_authored_item(request, pk)
    context = {
        "item": item,
        "missing": missing_of(item),
        "owners": list(item.owners.all()),
        "may_publish": permissions.is_strategy_office(request.user),
        "strategy_public": item.sub_goal.strategy.is_published,
    }
    return render(request, "roadmap/workspace/item_page.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def item_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask the strategy office to publish an unpublished item (confirmation page, then POST)."""
    _require_author(request)
    item = get_authored_item(request, pk)
    if request.method == "POST":
        try:
            roadmap_item_submit(item=item, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The item was submitted. The strategy office will publish it."))
        return redirect("ws-roadmap:item", pk=item.pk)
    missing = missing_of(item)
    context = {
        "title": _("Submit for publication"),
        "question": _("Ask the strategy office to publish “%(title)s”?") % {"title": item.title},
        "consequences": [_("Still missing: %(missing)s.") % {"missing": ", ".join(missing)}] if missing else [],
        "submit_label": _("Submit for publication"),
        "cancel_url": reverse("ws-roadmap:item", kwargs={"pk": item.pk}),
        "breadcrumbs": [
            (_("Roadmap items"), reverse("ws-roadmap:item-list")),
            (item.title, reverse("ws-roadmap:item", kwargs={"pk": item.pk})),
        ],
    }
    return render(request, "workspace/confirm.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def item_publication(request: HttpRequest, pk: int, publish: bool) -> HttpResponse:
    """Publish or unpublish one item (strategy office; confirmation page, then POST)."""
    if not permissions.is_strategy_office(request.user):
        raise PermissionDenied
    item = get_authored_item(request, pk)
    if request.method == "POST":
        roadmap_items_set_published(item_ids=[item.pk], published=publish, user=request.user)
        messages.success(request, _("The item was published.") if publish else _("The item was unpublished."))
        return redirect("ws-roadmap:item", pk=item.pk)
    consequences = []
    if publish:
        if missing := missing_of(item):
            consequences.append(_("Still missing: %(missing)s.") % {"missing": ", ".join(missing)})
        if not item.sub_goal.strategy.is_published:
            consequences.append(_("Its strategy version is not published, so the public will not see it yet."))
    else:
        consequences.append(_("The item disappears from the public roadmap, its exports and feeds."))
    context = {
        "title": _("Publish the item") if publish else _("Unpublish the item"),
        "question": (_("Publish “%(title)s”?") if publish else _("Unpublish “%(title)s”?")) % {"title": item.title},
        "consequences": consequences,
        "submit_label": _("Publish") if publish else _("Unpublish"),
        "danger": not publish,
        "cancel_url": reverse("ws-roadmap:item", kwargs={"pk": item.pk}),
        "breadcrumbs": [
            (_("Roadmap items"), reverse("ws-roadmap:item-list")),
            (item.title, reverse("ws-roadmap:item", kwargs={"pk": item.pk})),
        ],
    }
    return render(request, "workspace/confirm.html", context)
