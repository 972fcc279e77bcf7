"""The portfolio overview in the workspace, with the viewer's saved views.

Richer than the public ``/portefolje/``: every period that is not planned, published or not, and the
approved reports the viewer may read (``StatusReport.objects.visible_to``: every one for the strategy
office and body members; an owner editor's own and the published ones). The same filters as the
public page, and a user saves the current set under a name, opens it again and deletes it
(``saved_views``); nobody sees another user's views.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from veikart.strategy.models import Strategy
from veikart.workspace.forms import WorkspaceFormMixin
from veikart.workspace.views import require_workspace

from . import pages
from .models import ReportingPeriod, StatusColour, StatusReport
from .saved_views import SavedPortfolioView, TooManyViews, filters_query, saved_view_delete, saved_view_save
from .views import EXPORT_FORMATS, PortfolioFilter, portfolio_download


class SaveViewForm(WorkspaceFormMixin, forms.Form):
    name = forms.CharField(label=gettext_lazy("Name of the view"), max_length=100)


def _overview_url(query: str = "") -> str:
    return reverse("ws-reporting:portfolio") + (f"?{query}" if query else "")


def _filtered(request: HttpRequest):
    """The viewer's strategy's periods (not planned), the filter form, the filters, the period shown and
    the approved reports the viewer may read."""
    require_workspace(request)
    strategy = Strategy.objects.visible_to(request.user).current()
    if strategy is None:
        raise Http404(_("There is no strategy yet."))
    periods = list(
        ReportingPeriod.objects.visible_to(request.user)
        .filter(strategy=strategy)
        .exclude(state=ReportingPeriod.State.PLANNED)
        .order_by("-opens", "-pk")
    )
    colours = list(StatusColour.objects.all())
    form = PortfolioFilter(request.GET or None, strategy=strategy, periods=periods, colours=colours)
    filters = form.values()
    period = next((period for period in periods if period.pk == filters.get("period")), periods[0] if periods else None)
    readable = StatusReport.objects.visible_to(request.user).filter(
        state=StatusReport.State.APPROVED, is_superseded=False
    )
    return periods, colours, form, filters, period, readable


@login_required
@require_GET
def portfolio(request: HttpRequest) -> HttpResponse:
    """The latest approved status per item and area the viewer may read, filtered; and their saved views."""
    periods, colours, form, filters, period, readable = _filtered(request)
    shown = (
        pages.portfolio_page(periods, period, filters, request.GET.get("page"), readable=readable) if period else None
    )
    query = filters_query(request.GET)
    context = {
        **pages.portfolio_tables_context(shown, colours),
        "title": _("Portfolio overview"),
        "period": period,
        "form": form,
        "query": query,
        "saved_views": SavedPortfolioView.objects.of(request.user),
        "save_form": SaveViewForm(),
    }
    return render(request, "reporting/workspace/portfolio.html", context)


@login_required
@require_POST
def view_save(request: HttpRequest) -> HttpResponse:
    """Save the posted filters (the overview's, as its address had them) under the posted name."""
    require_workspace(request)
    form = SaveViewForm(request.POST)
    query = filters_query(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the view a name of at most 100 characters."))
        return redirect(_overview_url(query))
    try:
        view = saved_view_save(user=request.user, name=form.cleaned_data["name"], filters=request.POST)
    except (TooManyViews, ValidationError) as error:
        messages.error(request, getattr(error, "message", None) or " ".join(error.messages))
        return redirect(_overview_url(query))
    messages.success(request, _("The view “%(name)s” was saved.") % {"name": view.name})
    return redirect(_overview_url(view.query))


@login_required
@require_GET
def view_open(request: HttpRequest, pk: int) -> HttpResponse:
    """The overview with the filters of one of the viewer's views; someone else's view is 404."""
    require_workspace(request)
    view = SavedPortfolioView.objects.of(request.user).filter(pk=pk).first()
    if view is None:
        raise Http404
    return redirect(_overview_url(view.query))


@login_required
@require_POST
def view_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete one of the viewer's views; someone else's view is 404 and stays."""
    require_workspace(request)
    if not saved_view_delete(user=request.user, view_id=pk):
        raise Http404
    messages.success(request, _("The view was deleted."))
    return redirect("ws-reporting:portfolio")


@login_required
@require_GET
def portfolio_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered overview, every item of it, as CSV, XLSX or JSON: what the viewer may read, published or not."""
    if fmt not in EXPORT_FORMATS:
        raise Http404
    periods, _colours, _form, filters, period, readable = _filtered(request)
    rows = pages.portfolio_rows(periods, period, filters, readable=readable) if period else []
    return portfolio_download(rows, period, fmt)
