"""Breakdown dimensions and their values in the workspace (region, municipality …): the strategy office only.

A value that observations use cannot be deleted, nor can its code change: observations store the
codes in their breakdown key (``editing.observations_with_value``).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from veikart.indicators import editing
from veikart.indicators.models import Dimension, DimensionValue
from veikart.indicators.workspace_forms import DimensionForm, DimensionValueForm
from veikart.indicators.workspace_views.access import require_indicator_editor
from veikart.workspace.listing import Column, listing

DIMENSION_COLUMNS = [
    Column("code", gettext_lazy("Code"), ("code",)),
    Column("name", gettext_lazy("Name"), ("name",)),
    Column("position", gettext_lazy("Position"), ("position", "code")),
    Column("values", gettext_lazy("Values"), ("value_count",)),
]
VALUE_COLUMNS = [
    Column("code", gettext_lazy("Code"), ("code",)),
    Column("label", gettext_lazy("Label"), ("label",)),
    Column("parent", gettext_lazy("Part of"), ("parent__label",)),
    Column("position", gettext_lazy("Position"), ("position", "code")),
    Column("actions", gettext_lazy("Actions")),
]


def _list_crumb() -> tuple[str, str]:
    return (_("Dimensions"), reverse("ws-indicators:dimension-list"))


def _dimension_url(dimension: Dimension) -> str:
    return reverse("ws-indicators:dimension-detail", kwargs={"pk": dimension.pk})


def _get_dimension(request: HttpRequest, pk: int) -> Dimension:
    require_indicator_editor(request)
    return get_object_or_404(Dimension, pk=pk)


def _get_value(request: HttpRequest, pk: int, value_pk: int) -> DimensionValue:
    dimension = _get_dimension(request, pk)
    return get_object_or_404(DimensionValue.objects.select_related("dimension"), pk=value_pk, dimension=dimension)


def _save(request: HttpRequest, form, save) -> bool:
    if not form.is_valid():
        return False
    try:
        save(form.instance, request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


def _form_page(request: HttpRequest, form, *, title: str, breadcrumbs, cancel_url: str) -> HttpResponse:
    context = {"title": title, "form": form, "breadcrumbs": breadcrumbs, "cancel_url": cancel_url}
    return render(request, "workspace/form.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def dimension_list(request: HttpRequest) -> HttpResponse:
    require_indicator_editor(request)
    result = listing(
        request, Dimension.objects.annotate(value_count=Count("values")), columns=DIMENSION_COLUMNS, default="position"
    )
    return render(request, "indicators/workspace/dimension_list.html", {"listing": result})


@login_required
@require_http_methods(["GET", "POST"])
def dimension_create(request: HttpRequest) -> HttpResponse:
    require_indicator_editor(request)
    form = DimensionForm(request.POST or None)
    if request.method == "POST" and _save(
        request, form, lambda obj, user: editing.dimension_save(dimension=obj, user=user)
    ):
        messages.success(request, _("Dimension “%(name)s” created.") % {"name": form.instance.name})
        return redirect(_dimension_url(form.instance))
    return _form_page(
        request,
        form,
        title=_("New dimension"),
        breadcrumbs=[_list_crumb()],
        cancel_url=reverse("ws-indicators:dimension-list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def dimension_edit(request: HttpRequest, pk: int) -> HttpResponse:
    dimension = _get_dimension(request, pk)
    name, url = dimension.name, _dimension_url(dimension)
    form = DimensionForm(request.POST or None, instance=dimension)
    if request.method == "POST" and _save(
        request, form, lambda obj, user: editing.dimension_save(dimension=obj, user=user)
    ):
        messages.success(request, _("Dimension “%(name)s” saved.") % {"name": dimension.name})
        return redirect(url)
    return _form_page(
        request,
        form,
        title=_("Edit the dimension “%(name)s”") % {"name": name},
        breadcrumbs=[_list_crumb(), (name, url)],
        cancel_url=url,
    )


@login_required
@require_GET
def dimension_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A dimension's values, sortable and paginated (a dimension may hold every municipality)."""
    dimension = _get_dimension(request, pk)
    values = DimensionValue.objects.filter(dimension=dimension).select_related("parent__dimension")
    result = listing(request, values, columns=VALUE_COLUMNS, default="position")
    context = {"dimension": dimension, "listing": result, "title": dimension.name, "breadcrumbs": [_list_crumb()]}
    return render(request, "indicators/workspace/dimension_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def value_create(request: HttpRequest, pk: int) -> HttpResponse:
    dimension = _get_dimension(request, pk)
    url = _dimension_url(dimension)
    form = DimensionValueForm(request.POST or None, instance=DimensionValue(dimension=dimension))
    if request.method == "POST" and _save(
        request, form, lambda obj, user: editing.dimension_value_save(value=obj, user=user)
    ):
        messages.success(request, _("Value “%(label)s” added.") % {"label": form.instance.label})
        return redirect(url)
    return _form_page(
        request,
        form,
        title=_("New value of “%(name)s”") % {"name": dimension.name},
        breadcrumbs=[_list_crumb(), (dimension.name, url)],
        cancel_url=url,
    )


@login_required
@require_http_methods(["GET", "POST"])
def value_edit(request: HttpRequest, pk: int, value_pk: int) -> HttpResponse:
    value = _get_value(request, pk, value_pk)
    dimension, label = value.dimension, value.label
    url = _dimension_url(dimension)
    form = DimensionValueForm(request.POST or None, instance=value)
    if request.method == "POST" and _save(
        request, form, lambda obj, user: editing.dimension_value_save(value=obj, user=user)
    ):
        messages.success(request, _("Value “%(label)s” saved.") % {"label": value.label})
        return redirect(url)
    return _form_page(
        request,
        form,
        title=_("Edit the value “%(label)s”") % {"label": label},
        breadcrumbs=[_list_crumb(), (dimension.name, url)],
        cancel_url=url,
    )


@login_required
@require_http_methods(["GET", "POST"])
def value_delete(request: HttpRequest, pk: int, value_pk: int) -> HttpResponse:
    """Delete a value after confirmation; one that observations use is refused with the reason, never an error page."""
    value = _get_value(request, pk, value_pk)
    dimension = value.dimension
    url = _dimension_url(dimension)
    crumbs = [_list_crumb(), (dimension.name, url)]
    if request.method == "POST":
        try:
            editing.dimension_value_delete(value=value, user=request.user)
        except ValidationError as error:
            reasons = error.messages
        else:
            messages.success(request, _("Value “%(label)s” deleted.") % {"label": value.label})
            return redirect(url)
    else:
        used = editing.observations_with_value(dimension.code, value.code).count()
        reasons = [editing.value_in_use_message(used, value)] if used else []
    if reasons:
        context = {
            "title": _("“%(label)s” cannot be deleted") % {"label": value.label},
            "reasons": reasons,
            "back_url": url,
            "breadcrumbs": crumbs,
        }
        status = 400 if request.method == "POST" else 200
        return render(request, "workspace/refused.html", context, status=status)
    consequences = [_("Data files can no longer name it.")]
    if children := value.children.count():
        consequences.append(
            ngettext(
                "%(count)s value that is part of it will be part of nothing.",
                "%(count)s values that are part of it will be part of nothing.",
                children,
            )
            % {"count": children}
        )
    context = {
        "title": _("Delete “%(label)s”") % {"label": value.label},
        "question": _("Delete the value “%(label)s” (%(code)s) of “%(dimension)s”?")
        % {"label": value.label, "code": value.code, "dimension": dimension.name},
        "consequences": consequences,
        "submit_label": _("Delete value"),
        "cancel_url": url,
        "danger": True,
        "breadcrumbs": crumbs,
    }
    return render(request, "workspace/confirm.html", context)
