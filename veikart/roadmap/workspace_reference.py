"""The roadmap's reference data in the workspace: phases, groupings and user groups (the strategy office only).

Each kind has a list, a create and an edit page, and a delete page that
deletes only what nothing refers to: while roadmap items use a phase, a
grouping or a user group, the page says how many instead. The three kinds
share the page logic below; each differs only in its ``ReferenceKind``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.db.models import Count, ProtectedError, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from veikart.accounts import permissions
from veikart.accounts.references import references_to
from veikart.roadmap.colours import MINIMUM_CONTRAST, contrast_with_white
from veikart.roadmap.models import Grouping, Phase, UserGroup
from veikart.roadmap.reference_forms import GroupingFilterForm, GroupingForm, PhaseForm, UserGroupForm
from veikart.workspace.listing import Column, listing

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReferenceKind:
    """What differs between phases, groupings and user groups on their workspace pages."""

    key: str  # the URL names' stem: phase → ws-roadmap:phase-list
    model: type[models.Model]
    form: type[forms.ModelForm]
    plural: Promise
    new_title: Promise
    list_template: str
    columns: Sequence[Column]
    default_sort: str
    in_use_advice: Promise
    search: Callable[[QuerySet, str], QuerySet]

    def url(self, action: str, *args) -> str:
        return reverse(f"ws-roadmap:{self.key}-{action}", args=args)

    @property
    def create_url(self) -> str:
        return self.url("create")


PHASES = ReferenceKind(
    key="phase",
    model=Phase,
    form=PhaseForm,
    plural=gettext_lazy("Phases"),
    new_title=gettext_lazy("New phase"),
    list_template="roadmap/workspace/phase_list.html",
    columns=[
        Column("order", gettext_lazy("Order"), ["order", "name"]),
        Column("name", gettext_lazy("Name"), ["name"]),
        Column("colour", gettext_lazy("Colour")),
        Column("is_rollout", gettext_lazy("Introduction or use"), ["is_rollout", "order"]),
        Column("items", gettext_lazy("Items"), ["item_count"]),
    ],
    default_sort="order",
    in_use_advice=gettext_lazy("Give these items another phase first, or keep the phase."),
    search=lambda queryset, query: queryset.filter(name__icontains=query),
)

GROUPINGS = ReferenceKind(
    key="grouping",
    model=Grouping,
    form=GroupingForm,
    plural=gettext_lazy("Groupings"),
    new_title=gettext_lazy("New grouping"),
    list_template="roadmap/workspace/grouping_list.html",
    columns=[
        Column("sub_goal", gettext_lazy("Sub-goal"), ["sub_goal__strategy__title", "sub_goal__code", "name"]),
        Column("name", gettext_lazy("Name"), ["name"]),
        Column("items", gettext_lazy("Items"), ["item_count"]),
    ],
    default_sort="sub_goal",
    in_use_advice=gettext_lazy("Move these items to another grouping first, or keep the grouping."),
    search=lambda queryset, query: queryset.filter(Q(name__icontains=query) | Q(sub_goal__code__iexact=query)),
)

USER_GROUPS = ReferenceKind(
    key="user-group",
    model=UserGroup,
    form=UserGroupForm,
    plural=gettext_lazy("User groups"),
    new_title=gettext_lazy("New user group"),
    list_template="roadmap/workspace/user_group_list.html",
    columns=[
        Column("order", gettext_lazy("Order"), ["order", "name"]),
        Column("name", gettext_lazy("Name"), ["name"]),
        Column("slug", gettext_lazy("Slug"), ["slug"]),
        Column("items", gettext_lazy("Items"), ["item_count"]),
    ],
    default_sort="order",
    in_use_advice=gettext_lazy("Take the user group off these items first, or keep it."),
    search=lambda queryset, query: queryset.filter(name__icontains=query),
)


def _require_framework_editor(request: HttpRequest) -> None:
    if not permissions.can_edit_framework(request.user):
        raise PermissionDenied


def _breadcrumbs(kind: ReferenceKind) -> list[tuple[Promise, str]]:
    return [(kind.plural, kind.url("list"))]


def _list(request: HttpRequest, kind: ReferenceKind, filters: forms.Form | None = None) -> HttpResponse:
    _require_framework_editor(request)
    objects = kind.model.objects.annotate(item_count=Count("items", distinct=True))
    if kind is GROUPINGS:
        objects = objects.select_related("sub_goal__strategy")
    query = request.GET.get("q", "").strip()[:200]
    if query:
        objects = kind.search(objects, query)
    if filters is not None and filters.is_valid() and filters.cleaned_data.get("sub_goal"):
        objects = objects.filter(sub_goal=filters.cleaned_data["sub_goal"])
    context = {
        "kind": kind,
        "query": query,
        "filters": filters,
        "listing": listing(request, objects, columns=kind.columns, default=kind.default_sort),
        "minimum_contrast": MINIMUM_CONTRAST,
    }
    return render(request, kind.list_template, context)


def _note_low_contrast(request: HttpRequest, obj: models.Model) -> None:
    if isinstance(obj, Phase) and (ratio := contrast_with_white(obj.colour)) < MINIMUM_CONTRAST:
        messages.warning(
            request,
            _(
                "White text on %(colour)s has a contrast of %(ratio).1f:1; the timeline's labels need at least "
                "%(minimum).1f:1. Choose a darker colour."
            )
            % {"colour": obj.colour, "ratio": ratio, "minimum": MINIMUM_CONTRAST},
        )


def _save(request: HttpRequest, form: forms.ModelForm) -> models.Model | None:
    """Save in one transaction; None (with a form error) when a concurrent save took the same name after all."""
    try:
        with transaction.atomic():
            obj = form.save(commit=False)
            obj._history_user = request.user
            obj.save()
    except IntegrityError:
        form.add_error(None, _("Something with the same name or slug has just been saved. Choose another."))
        return None
    return obj


def _form_page(request: HttpRequest, kind: ReferenceKind, obj: models.Model | None) -> HttpResponse:
    _require_framework_editor(request)
    title = kind.new_title if obj is None else _("Edit %(name)s") % {"name": obj}
    form = kind.form(request.POST or None, instance=obj)
    if request.method == "POST" and form.is_valid() and (saved := _save(request, form)):
        logger.info(
            "%s %s %s %s (%s)",
            request.user.username,
            "created" if obj is None else "changed",
            kind.model._meta.model_name,
            saved.pk,
            saved,
        )
        messages.success(request, _("%(name)s was saved.") % {"name": saved})
        _note_low_contrast(request, saved)
        return redirect(kind.url("list"))
    context = {
        "title": title,
        "form": form,
        "cancel_url": kind.url("list"),
        "breadcrumbs": _breadcrumbs(kind),
        "delete_url": None if obj is None else kind.url("delete", obj.pk),
    }
    return render(request, "roadmap/workspace/reference_form.html", context)


def _delete_page(request: HttpRequest, kind: ReferenceKind, pk: int) -> HttpResponse:
    _require_framework_editor(request)
    obj = get_object_or_404(kind.model, pk=pk)
    title = _("Delete %(name)s") % {"name": obj}
    if not (references := references_to(obj)) and request.method == "POST":
        try:
            with transaction.atomic():
                obj._history_user = request.user
                obj.delete()
        except ProtectedError:
            # An item took it into use between the check and the delete.
            references = references_to(obj)
        else:
            logger.info("%s deleted %s %s (%s)", request.user.username, kind.model._meta.model_name, pk, obj)
            messages.success(request, _("%(name)s was deleted.") % {"name": obj})
            return redirect(kind.url("list"))
    if references:
        context = {
            "title": title,
            "reason": _("%(name)s cannot be deleted while anything refers to it:") % {"name": obj},
            "references": references,
            "advice": kind.in_use_advice,
            "back_url": kind.url("list"),
            "breadcrumbs": _breadcrumbs(kind),
        }
        return render(
            request,
            "accounts/workspace/delete_blocked.html",
            context,
            status=409 if request.method == "POST" else 200,
        )
    context = {
        "title": title,
        "question": _("Delete %(name)s? This cannot be undone.") % {"name": obj},
        "submit_label": _("Delete"),
        "cancel_url": kind.url("list"),
        "danger": True,
        "breadcrumbs": _breadcrumbs(kind),
    }
    return render(request, "workspace/confirm.html", context)


# --- Phases ---------------------------------------------------------------------


@login_required
@require_GET
def phase_list(request: HttpRequest) -> HttpResponse:
    """The phases in their order, with their colour, its contrast with white text, and how many items use each."""
    return _list(request, PHASES)


@login_required
@require_http_methods(["GET", "POST"])
def phase_create(request: HttpRequest) -> HttpResponse:
    return _form_page(request, PHASES, None)


@login_required
@require_http_methods(["GET", "POST"])
def phase_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_framework_editor(request)
    return _form_page(request, PHASES, get_object_or_404(Phase, pk=pk))


@login_required
@require_http_methods(["GET", "POST"])
def phase_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _delete_page(request, PHASES, pk)


# --- Groupings ------------------------------------------------------------------


@login_required
@require_GET
def grouping_list(request: HttpRequest) -> HttpResponse:
    """Groupings by sub-goal, filtered by sub-goal and searched by name."""
    return _list(request, GROUPINGS, GroupingFilterForm(request.GET))


@login_required
@require_http_methods(["GET", "POST"])
def grouping_create(request: HttpRequest) -> HttpResponse:
    return _form_page(request, GROUPINGS, None)


@login_required
@require_http_methods(["GET", "POST"])
def grouping_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_framework_editor(request)
    return _form_page(request, GROUPINGS, get_object_or_404(Grouping, pk=pk))


@login_required
@require_http_methods(["GET", "POST"])
def grouping_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _delete_page(request, GROUPINGS, pk)


# --- User groups ----------------------------------------------------------------


@login_required
@require_GET
def user_group_list(request: HttpRequest) -> HttpResponse:
    return _list(request, USER_GROUPS)


@login_required
@require_http_methods(["GET", "POST"])
def user_group_create(request: HttpRequest) -> HttpResponse:
    return _form_page(request, USER_GROUPS, None)


@login_required
@require_http_methods(["GET", "POST"])
def user_group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_framework_editor(request)
    return _form_page(request, USER_GROUPS, get_object_or_404(UserGroup, pk=pk))


@login_required
@require_http_methods(["GET", "POST"])
def user_group_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _delete_page(request, USER_GROUPS, pk)


def register_pages() -> None:
    """Put the three lists in the workspace navigation's "Reference data" group (from ``RoadmapConfig.ready``)."""
    from veikart.workspace.registry import WorkspacePage, register_page

    for order, (key, kind) in enumerate([("phases", PHASES), ("groupings", GROUPINGS), ("user-groups", USER_GROUPS)]):
        register_page(
            WorkspacePage(
                key=f"roadmap-{key}",
                label=kind.plural,
                url_name=f"ws-roadmap:{kind.key}-list",
                allowed=permissions.can_edit_framework,
                group="reference",
                order=50 + 10 * order,
            )
        )
