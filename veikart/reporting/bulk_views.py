"""The spreadsheet of a period's status reports in the workspace: download it, upload it filled in,
see the preview, apply or cancel it (``bulk``, on the exchange layer's preview → apply)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from veikart.accounts import permissions
from veikart.core.exchange.downloads import download_response
from veikart.core.exchange.limits import Limits
from veikart.core.exchange.previews import preview_file, preview_finish, preview_store, preview_take
from veikart.core.exchange.problems import FileUnreadable
from veikart.core.models import ImportRecord

from . import bulk, pages
from .forms import BulkUploadForm
from .models import ReportingPeriod


def _require_exchange(request: HttpRequest) -> None:
    if not permissions.can_exchange_status_reports(request.user):
        raise PermissionDenied(_("Only owner editors and the strategy office exchange status reports as spreadsheets."))


def _periods():
    return ReportingPeriod.objects.select_related("strategy").exclude(state=ReportingPeriod.State.PLANNED)


def _page_url(period: ReportingPeriod | None) -> str:
    return reverse("ws-reporting:bulk") + (f"?period={period.pk}" if period else "")


@login_required
@require_GET
def bulk_download(request: HttpRequest) -> HttpResponse:
    """The chosen (else the open) period's reports of the items the viewer may upload, as XLSX."""
    _require_exchange(request)
    period = pages.workspace_period(_periods(), request.GET.get("period"))
    if period is None:
        messages.error(request, _("No reporting period has opened yet."))
        return redirect("ws-reporting:bulk")
    body = bulk.bulk_workbook(user=request.user, period=period)
    return download_response(body, file_name=bulk.download_name(period, request.user), kind="xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def bulk_upload(request: HttpRequest) -> HttpResponse:
    """Download, and upload filled in: the preview (new drafts, changed drafts, unchanged rows, refused rows
    with their reasons), then apply (all or nothing) or cancel. The preview is kept as an ``ImportRecord``
    (its token in the page, the period in its options), so any server process applies it."""
    _require_exchange(request)
    action = request.POST.get("action") if request.method == "POST" else None
    if action in ("apply", "cancel"):
        return _finish(request, action)
    periods = _periods()
    period = pages.workspace_period(periods, request.GET.get("period"))
    plan, record = None, None
    form = BulkUploadForm(initial={"period": period.pk if period else None})
    if request.method == "POST":
        form = BulkUploadForm(request.POST, request.FILES)
        if form.is_valid():
            # The period the page showed, exactly: a period that is not (or no longer) one is an error, not another.
            period = periods.filter(pk=form.cleaned_data["period"]).first()
            if period is None:
                form.add_error(None, _("There is no such reporting period."))
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                plan = bulk.bulk_plan(upload.file, user=request.user, period=period, file_name=upload.name)
            except FileUnreadable as error:
                form.add_error("file", error.message)
            else:
                if plan.is_valid and plan.has_changes:
                    record = preview_store(
                        kind=bulk.IMPORT_KIND,
                        stream=upload.file,
                        file_name=upload.name,
                        user=request.user,
                        options={"period": period.pk, "seen": plan.seen},
                    )
    return _render(request, periods=periods, period=period, form=form, plan=plan, token=record.token if record else "")


def _render(request: HttpRequest, **context) -> HttpResponse:
    context.update(
        title=_("Status reports as a spreadsheet"),
        organisation=None
        if permissions.is_strategy_office(request.user)
        else permissions.organisation_of(request.user),
        problems_first=context.get("plan") is not None and not context["plan"].is_valid,
    )
    return render(request, "reporting/workspace/bulk.html", context)


def _finish(request: HttpRequest, action: str) -> HttpResponse:
    """Apply or cancel the preview of the posted token, once; an unknown or spent token asks for the file again."""
    with transaction.atomic():
        record = preview_take(kind=bulk.IMPORT_KIND, token=request.POST.get("token"), user=request.user)
        period = _periods().filter(pk=record.options.get("period")).first() if record else None
        if record is None or period is None:
            messages.error(request, _("The upload has expired; upload the file again."))
            return redirect("ws-reporting:bulk")
        if action == "cancel":
            preview_finish(record, status=ImportRecord.Status.CANCELLED, user=request.user)
            messages.info(request, _("The upload was cancelled; nothing was changed."))
            return redirect(_page_url(period))
        try:
            plan = bulk.bulk_apply(
                preview_file(record),
                user=request.user,
                period=period,
                file_name=record.file_name,
                limits=Limits.for_uploads(),
                seen=record.options.get("seen", {}),
            )
        except FileUnreadable as error:  # read once already; only a change of the limits meanwhile gets here
            preview_finish(record, status=ImportRecord.Status.CANCELLED, user=request.user)
            messages.error(request, error.message)
            return redirect(_page_url(period))
        status = ImportRecord.Status.APPLIED if plan.is_valid else ImportRecord.Status.CANCELLED
        preview_finish(record, status=status, counts=plan.counts, user=request.user)
    if plan.is_valid:
        messages.success(
            request,
            _("Upload applied: %(created)s new drafts, %(updated)s drafts changed, %(unchanged)s rows unchanged.")
            % plan.counts,
        )
        return redirect(_page_url(period))
    # Something changed since the preview: the refusals are shown and nothing was written.
    form = BulkUploadForm(initial={"period": period.pk})
    return _render(request, periods=_periods(), period=period, form=form, plan=plan, token="")
