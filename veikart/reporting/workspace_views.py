"""Status reporting in the workspace: an owner's reports of a period and the report form; the strategy
office's review queue (return with a note, approve) and its periods (create, open, close, lock, publish).

Views parse input, call ``services`` and render; every refusal comes back as a message on the page,
with what was typed kept.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from veikart.accounts import permissions
from veikart.roadmap.models import RoadmapItem
from veikart.workspace.listing import Column, listing
from veikart.workspace.views import require_workspace

from . import benefits, pages, services
from .forms import (
    CorrectionForm,
    MilestoneFormSet,
    PeriodForm,
    ReportForm,
    ReturnForm,
    RiskFormSet,
    milestone_initial,
    risk_initial,
)
from .models import ReportingPeriod, StatusReport


def _periods():
    return ReportingPeriod.objects.select_related("strategy")


def _own_reports_url(period: ReportingPeriod) -> str:
    return f"{reverse('ws-reporting:own-reports')}?period={period.pk}"


@login_required
@require_GET
def own_reports(request: HttpRequest) -> HttpResponse:
    """An owner editor's portfolio items with their report for the chosen (else the open) period.

    The strategy office and body members write no reports: this address (the reporting section's
    start) takes them to the reports they read, the review queue, keeping the chosen period.
    """
    if permissions.can_read_status_reports(request.user):
        chosen = request.GET.get("period", "")
        return redirect(reverse("ws-reporting:review") + (f"?{urlencode({'period': chosen})}" if chosen else ""))
    if not permissions.can_list_own_status_reports(request.user):
        raise PermissionDenied(_("Only owner editors write status reports."))
    periods = _periods().exclude(state=ReportingPeriod.State.PLANNED)
    period = pages.workspace_period(periods, request.GET.get("period"))
    context = {
        "title": _("Our status reports"),
        "periods": periods,
        "period": period,
        "rows": pages.own_rows(request.user, period) if period else [],
        "organisation": permissions.organisation_of(request.user),
    }
    return render(request, "reporting/workspace/own_reports.html", context)


def _writable_item(request: HttpRequest, item_pk: int) -> RoadmapItem:
    item = RoadmapItem.objects.filter(pk=item_pk, portfolio_membership__isnull=False).first()
    if item is None:
        raise Http404
    if not permissions.can_write_status_report(request.user, item.owners.all()):
        raise PermissionDenied(
            _("Only an owner editor of the organisation that owns the item may write its status report.")
        )
    return item


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, item_pk: int, period_pk: int) -> HttpResponse:
    """The report form of an item for a period: save as a draft, or save and submit (``action=submit``)."""
    item = _writable_item(request, item_pk)
    period = _periods().filter(pk=period_pk).first()
    if period is None:
        raise Http404
    report = services.current_report(item.pk, period.pk)
    if report is not None and not report.is_editable:
        return redirect("ws-reporting:report", pk=report.pk)
    form = ReportForm(request.POST or None, initial=ReportForm.initial_from(report))
    risks = RiskFormSet(request.POST or None, initial=risk_initial(report), prefix="risks")
    risks.legend = _("Risks")
    milestones = MilestoneFormSet(
        request.POST or None,
        initial=milestone_initial(report),
        prefix="milestones",
        form_kwargs={"milestones": list(item.milestones.all())},
    )
    milestones.legend = _("Milestone updates")
    if request.method == "POST" and form.is_valid() & risks.is_valid() & milestones.is_valid():
        content = form.content(
            [risk for row in risks if (risk := row.risk()) is not None],
            [update for row in milestones if (update := row.update()) is not None],
        )
        try:
            saved = services.status_report_save_draft(
                user=request.user,
                item_id=item.pk,
                period_id=period.pk,
                content=content,
                version=form.cleaned_data["version"],
            )
            if request.POST.get("action") == "submit":
                services.status_report_submit(user=request.user, report_id=saved.pk, version=saved.version)
                messages.success(request, _("The report was submitted to the strategy office."))
                return redirect(_own_reports_url(period))
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("ws-reporting:report-edit", item_pk=item.pk, period_pk=period.pk)
    elif request.method == "POST" and not form.errors:
        # The summary at the top lists the rows' errors; it needs the form to say something is wrong.
        form.add_error(None, _("Correct the marked rows of the risks or the milestone updates."))
    context = {
        "title": _("Write the status report"),
        "item": item,
        "period": period,
        "report": report,
        "form": form,
        "risks": risks,
        "milestones": milestones,
        "formsets": [risks, milestones],
        **_linked_context(request, item),
        "breadcrumbs": [(_("Our status reports"), _own_reports_url(period))],
    }
    return render(request, "reporting/workspace/report_form.html", context)


@login_required
@require_GET
def report_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A report as its readers see it, with its workflow log and what the viewer may do with it."""
    require_workspace(request)
    report = pages.report_for(request.user, pk)
    owners = report.item.owners.all()
    context = {
        **pages.report_detail_context(report),
        "title": _("Status report"),
        "can_review": permissions.can_review_status_reports(request.user)
        and report.state == StatusReport.State.SUBMITTED,
        "can_write": permissions.can_write_status_report(request.user, owners),
        "return_form": ReturnForm(initial={"version": report.version}),
        "correction_form": CorrectionForm(),
        **_linked_context(request, report.item),
        "breadcrumbs": _report_breadcrumbs(request, report),
    }
    return render(request, "reporting/workspace/report_page.html", context)


def _linked_context(request: HttpRequest, item: RoadmapItem) -> dict:
    """The indicators the item is linked to (those the viewer may see), and whether they may change the links."""
    linked = benefits.linked_indicators_of([item.pk], indicators=benefits.readable_indicators(request.user))
    return {
        "linked": linked.get(item.pk, []),
        "can_edit_links": permissions.can_edit_benefit_links(request.user, item.owners.all()),
    }


def _report_breadcrumbs(request: HttpRequest, report: StatusReport) -> list[tuple[str, str]]:
    if permissions.can_read_status_reports(request.user):
        return [(_("Status reports"), f"{reverse('ws-reporting:review')}?period={report.period_id}")]
    return [(_("Our status reports"), _own_reports_url(report.period))]


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1  # no version: treated as stale, never as a match


@login_required
@require_POST
def report_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve a submitted report (strategy office); a second approver of the same version is told."""
    require_workspace(request)
    report = pages.report_for(request.user, pk)
    try:
        services.status_report_approve(user=request.user, report_id=report.pk, version=_version(request))
    except services.Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The report was approved."))
    return redirect("ws-reporting:report", pk=report.pk)


@login_required
@require_http_methods(["GET", "POST"])
def report_return(request: HttpRequest, pk: int) -> HttpResponse:
    """Return a submitted report with a note (required); the owner's editors are mailed."""
    if not permissions.can_review_status_reports(request.user):
        raise PermissionDenied(_("Only the strategy office returns or approves status reports."))
    report = pages.report_for(request.user, pk)
    form = ReturnForm(request.POST or None, initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.status_report_return(
                user=request.user,
                report_id=report.pk,
                version=form.cleaned_data["version"],
                note=form.cleaned_data["note"],
            )
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The report was returned to the owner."))
            return redirect(f"{reverse('ws-reporting:review')}?period={report.period_id}")
    context = {
        "title": _("Return the report"),
        "object": report,
        "form": form,
        "intro": _("The owner's editors get the note by e-mail and can change the report and submit it again."),
        "submit_label": _("Return with the note"),
        "cancel_url": reverse("ws-reporting:report", kwargs={"pk": report.pk}),
        "breadcrumbs": [
            *_report_breadcrumbs(request, report),
            (str(report), reverse("ws-reporting:report", kwargs={"pk": report.pk})),
        ],
    }
    return render(request, "workspace/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def report_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """Begin a correction of an approved report (a new revision with a reason)."""
    report = pages.report_for(request.user, pk)
    _writable_item(request, report.item_id)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.status_report_correct(user=request.user, report_id=report.pk, reason=form.cleaned_data["reason"])
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("A correction was begun; submit it when it is ready."))
            return redirect("ws-reporting:report-edit", item_pk=report.item_id, period_pk=report.period_id)
    context = {
        "title": _("Correct the approved report"),
        "object": report,
        "form": form,
        "submit_label": _("Begin the correction"),
        "cancel_url": reverse("ws-reporting:report", kwargs={"pk": report.pk}),
        "breadcrumbs": [
            *_report_breadcrumbs(request, report),
            (str(report), reverse("ws-reporting:report", kwargs={"pk": report.pk})),
        ],
    }
    return render(request, "workspace/form.html", context)


REVIEW_COLUMNS = [
    Column("item", gettext_lazy("Roadmap item"), ("item__title", "pk")),
    Column("overall", gettext_lazy("Overall status"), ("overall__rank", "item__title")),
    Column("state", gettext_lazy("State"), ("state", "item__title")),
    Column("submitted", gettext_lazy("Submitted"), ("submitted_at", "pk")),
]


@login_required
@require_GET
def review(request: HttpRequest) -> HttpResponse:
    """The reports of a period for the strategy office (its review queue: submitted first) and body members.

    Body members read every submitted and approved report (``StatusReport.visible_to``).
    """
    if not permissions.can_read_status_reports(request.user):
        raise PermissionDenied(_("Only the strategy office and governance body members read every status report."))
    periods = _periods().exclude(state=ReportingPeriod.State.PLANNED)
    period = pages.workspace_period(periods, request.GET.get("period"))
    states = dict(StatusReport.State.choices)
    # No choice: the strategy office starts with its queue (the submitted ones), body members with all.
    state = request.GET.get("state", "")
    if state == "all":
        state = ""
    elif state not in states:
        state = StatusReport.State.SUBMITTED if permissions.can_review_status_reports(request.user) else ""
    reports = StatusReport.objects.none()
    if period is not None:
        reports = (
            StatusReport.objects.visible_to(request.user).live().filter(period=period).select_related("item", "overall")
        )
        if state:
            reports = reports.filter(state=state)
    page = listing(request, reports, columns=REVIEW_COLUMNS, default="item")
    context = {
        "title": _("Status reports"),
        "periods": periods,
        "period": period,
        "state": state,
        "states": StatusReport.State.choices,
        "listing": page,
        "can_exchange": permissions.can_exchange_status_reports(request.user),
    }
    return render(request, "reporting/workspace/review.html", context)


def _require_period_manager(request: HttpRequest) -> None:
    if not permissions.can_manage_reporting_periods(request.user):
        raise PermissionDenied(_("Only the strategy office manages reporting periods."))


@login_required
@require_GET
def period_list(request: HttpRequest) -> HttpResponse:
    _require_period_manager(request)
    periods = list(_periods())
    for period in periods:
        period.moves = [
            (state, PERIOD_ACTIONS[state][0]) for state in services.PERIOD_MOVES[ReportingPeriod.State(period.state)]
        ]
    return render(request, "reporting/workspace/periods.html", {"title": _("Reporting periods"), "periods": periods})


@login_required
@require_http_methods(["GET", "POST"])
def period_create(request: HttpRequest) -> HttpResponse:
    _require_period_manager(request)
    form = PeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.reporting_period_create(
                user=request.user,
                strategy_id=data["strategy"].pk,
                name=data["name"],
                opens=data["opens"],
                deadline=data["deadline"],
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The period was created. Open it when the owners should start reporting."))
            return redirect("ws-reporting:period-list")
    context = {
        "title": _("New reporting period"),
        "form": form,
        "submit_label": _("Create"),
        "cancel_url": reverse("ws-reporting:period-list"),
        "breadcrumbs": [(_("Reporting periods"), reverse("ws-reporting:period-list"))],
    }
    return render(request, "workspace/form.html", context)


# The state a period moves to: (the button's words, the question on the confirmation page).
PERIOD_ACTIONS = {
    ReportingPeriod.State.OPEN: (
        gettext_lazy("Open"),
        gettext_lazy("Open the period? Owners can then write and submit reports."),
    ),
    ReportingPeriod.State.CLOSED: (
        gettext_lazy("Close"),
        gettext_lazy(
            "Close the period? No new reports can be begun; reports already begun can still be submitted and reviewed."
        ),
    ),
    ReportingPeriod.State.LOCKED: (
        gettext_lazy("Lock"),
        gettext_lazy(
            "Lock the period? It then takes no report, submission or review, and it can never be opened again."
        ),
    ),
}


@login_required
@require_http_methods(["GET", "POST"])
def period_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Open, close, lock (``action`` is the new state) or publish (``action == "publish"``) a period."""
    _require_period_manager(request)
    period = _periods().filter(pk=pk).first()
    if period is None or (action != "publish" and action not in PERIOD_ACTIONS):
        raise Http404
    if action == "publish":
        label = _("Publish")
        question = _("Publish the period? Its approved reports become public on the portfolio and item pages.")
    else:
        label, question = PERIOD_ACTIONS[ReportingPeriod.State(action)]
    if request.method == "POST":
        try:
            if action == "publish":
                services.reporting_period_publish(user=request.user, period_id=period.pk)
                messages.success(request, _("The period was published."))
            else:
                services.reporting_period_set_state(user=request.user, period_id=period.pk, state=action)
                messages.success(
                    request, _("The period is now %(state)s.") % {"state": ReportingPeriod.State(action).label.lower()}
                )
        except services.Refused as refusal:
            messages.error(request, refusal.message)
        return redirect("ws-reporting:period-list")
    context = {
        "title": f"{label}: {period.name}",
        "question": question,
        "submit_label": label,
        "cancel_url": reverse("ws-reporting:period-list"),
        "danger": action == ReportingPeriod.State.LOCKED,
        "breadcrumbs": [(_("Reporting periods"), reverse("ws-reporting:period-list"))],
    }
    return render(request, "workspace/confirm.html", context)
