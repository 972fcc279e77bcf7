"""The benefit link and the flags in the workspace: which indicators an item is meant to move (add,
change the note, remove), and the portfolio's flags for a period as the workspace may read it.

Views parse input, call ``benefits`` or ``pages`` and render; a refusal comes back on the page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from veikart.accounts import permissions
from veikart.roadmap.models import RoadmapItem

from . import benefits, pages
from .benefit_models import BenefitLink
from .forms import BenefitLinkForm
from .models import ReportingPeriod, StatusReport
from .services import Refused


def _editable_item(request: HttpRequest, item_pk: int) -> RoadmapItem:
    """The item if the user may change its links: 404 when there is no such item, else 403."""
    item = RoadmapItem.objects.filter(pk=item_pk).first()
    if item is None:
        raise Http404
    if not permissions.can_edit_benefit_links(request.user, item.owners.all()):
        raise PermissionDenied(_("Only those who may edit the item change the indicators it is meant to move."))
    return item


def _links_url(item: RoadmapItem) -> str:
    return reverse("ws-reporting:benefit-links", kwargs={"item_pk": item.pk})


@login_required
@require_http_methods(["GET", "POST"])
def benefit_links(request: HttpRequest, item_pk: int) -> HttpResponse:
    """The indicators the item is meant to move, each with its status, and a form to link another."""
    item = _editable_item(request, item_pk)
    linked = benefits.linked_indicators_of([item.pk], indicators=benefits.readable_indicators(request.user))
    linked_ids = {row.indicator.pk for row in linked.get(item.pk, [])}
    choices = [i for i in benefits.linkable_indicators(request.user).order_by("code") if i.pk not in linked_ids]
    form = BenefitLinkForm(request.POST or None, indicators=choices)
    if request.method == "POST" and form.is_valid():
        try:
            benefits.benefit_link_add(
                user=request.user,
                item_id=item.pk,
                indicator_id=form.cleaned_data["indicator"],
                note=form.cleaned_data["note"],
            )
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The indicator was linked to the item."))
            return redirect(_links_url(item))
    context = {
        "title": _("Indicators the item is meant to move"),
        "item": item,
        "linked": linked.get(item.pk, []),
        "form": form,
        "breadcrumbs": [(item.title, item.get_absolute_url())] if item.is_published else [],
    }
    return render(request, "reporting/workspace/benefit_links.html", context)


def _link(request: HttpRequest, item: RoadmapItem, pk: int) -> BenefitLink:
    link = BenefitLink.objects.select_related("indicator").filter(pk=pk, item=item).first()
    if link is None:
        raise Http404
    return link


@login_required
@require_http_methods(["GET", "POST"])
def benefit_link_edit(request: HttpRequest, item_pk: int, pk: int) -> HttpResponse:
    """Change the note of a link."""
    item = _editable_item(request, item_pk)
    link = _link(request, item, pk)
    form = BenefitLinkForm(
        request.POST or None, initial={"indicator": link.indicator_id, "note": link.note}, indicators=[link.indicator]
    )
    form.fields["indicator"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            benefits.benefit_link_change(user=request.user, link_id=link.pk, note=form.cleaned_data["note"])
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The note was saved."))
            return redirect(_links_url(item))
    context = {
        "title": _("Change the note of the link"),
        "object": link.indicator,
        "form": form,
        "cancel_url": _links_url(item),
        "breadcrumbs": [(_("Indicators the item is meant to move"), _links_url(item))],
    }
    return render(request, "workspace/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def benefit_link_remove(request: HttpRequest, item_pk: int, pk: int) -> HttpResponse:
    """Remove a link: a confirmation page, then the removal (POST)."""
    item = _editable_item(request, item_pk)
    link = _link(request, item, pk)
    if request.method == "POST":
        try:
            benefits.benefit_link_remove(user=request.user, link_id=link.pk)
        except Refused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("The link was removed."))
        return redirect(_links_url(item))
    context = {
        "title": _("Remove the link to %(indicator)s") % {"indicator": link.indicator.code},
        "question": _("The item is then no longer shown with this indicator, and raises no flag from it."),
        "submit_label": _("Remove"),
        "cancel_url": _links_url(item),
        "danger": True,
        "breadcrumbs": [(_("Indicators the item is meant to move"), _links_url(item))],
    }
    return render(request, "workspace/confirm.html", context)


@login_required
@require_GET
def portfolio_flags(request: HttpRequest) -> HttpResponse:
    """The flags of a period (the open one, else the newest) for the strategy office and body members.

    As they may read the portfolio: every approved report, published or not, and the indicators they
    may see. ``?show=all`` lists every item with an approved report in the period, flagged or not.
    """
    if not permissions.can_read_status_reports(request.user):
        raise PermissionDenied(_("Only the strategy office and governance body members read every status report."))
    periods = ReportingPeriod.objects.select_related("strategy").exclude(state=ReportingPeriod.State.PLANNED)
    period = pages.workspace_period(periods, request.GET.get("period"))
    show_all = request.GET.get("show") == "all"
    rows, flagged = [], 0
    if period is not None:
        same_strategy = list(periods.filter(strategy=period.strategy_id).order_by("-opens", "-pk"))
        reports = StatusReport.objects.visible_to(request.user)
        flags = pages.period_flags(
            period,
            pages.previous_period(same_strategy, period),
            reports=reports,
            indicators=benefits.readable_indicators(request.user),
        )
        approved = (
            reports.filter(period=period, state=StatusReport.State.APPROVED, is_superseded=False)
            .select_related("item", "overall")
            .order_by("item__title", "pk")
        )
        flagged = len(flags.by_item)
        if not show_all:
            approved = approved.filter(item_id__in=list(flags.by_item))
        rows = [(report, flags.of(report.item_id)) for report in approved]
    context = {
        "title": _("Flags in the portfolio"),
        "periods": periods,
        "period": period,
        "rows": rows,
        "flagged": flagged,
        "show_all": show_all,
    }
    return render(request, "reporting/workspace/flags.html", context)
