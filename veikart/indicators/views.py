"""Public indicator pages, downloads and the upload page (strategy office and owner editors)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from veikart.accounts import permissions
from veikart.core.exchange.downloads import download_response
from veikart.core.exchange.previews import preview_file, preview_finish, preview_store, preview_take
from veikart.core.filters_in_effect import filters_in_effect
from veikart.core.models import ImportRecord
from veikart.core.sections import sections_for
from veikart.indicators import exporters
from veikart.indicators.forms import ImportForm, IndicatorFilterForm
from veikart.indicators.history import public_history
from veikart.indicators.models import Indicator
from veikart.indicators.pages import indicator_overview, indicator_page, with_framework
from veikart.indicators.services import observations_import
from veikart.strategy.models import Goal, Strategy


def get_indicator_for(request: HttpRequest, code: str) -> Indicator:
    """The indicator with ``code`` if the user may see it, else 404 (unpublished ones do not reveal themselves)."""
    return get_object_or_404(with_framework(Indicator.objects.visible_to(request.user)), code=code)


@require_GET
def indicator_list(request: HttpRequest) -> HttpResponse:
    """Every visible indicator grouped by goal, with its status and trend; filters in the query string."""
    visible = Indicator.objects.visible_to(request.user)
    strategy = Strategy.objects.visible_to(request.user).current()
    goals = list(Goal.objects.filter(strategy=strategy)) if strategy else []
    sources = sorted(set(visible.exclude(source_name="").values_list("source_name", flat=True)))
    form = IndicatorFilterForm(request.GET or None, goals=goals, sources=sources)
    filters = form.cleaned_data if form.is_valid() else {}
    if filters.get("goal"):
        visible = visible.filter(goal__in=[g for g in goals if str(g.number) == filters["goal"]])
    if filters.get("source"):
        visible = visible.filter(source_name=filters["source"])
    rows = indicator_overview(visible.order_by("goal__strategy", "goal__number", "code"))
    if filters.get("status"):
        rows = [row for row in rows if row.progress.status == filters["status"]]
    groups: list[tuple[Goal | None, list]] = []
    for row in rows:
        if not groups or groups[-1][0] != row.indicator.goal:
            groups.append((row.indicator.goal, []))
        groups[-1][1].append(row)
    return render(
        request,
        "indicators/indicator_list.html",
        {
            "form": form,
            "groups": groups,
            "count": len(rows),
            "in_effect": filters_in_effect(form, request.GET),
            "can_import": permissions.can_import_indicator_data(request.user),
        },
    )


@require_GET
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One indicator: definition, source, chart with its table, targets, downloads and change history.

    ``?breakdown=<dimension>&value=<code>`` picks the breakdown; an HTMX request gets the chart panel only.
    """
    indicator = get_indicator_for(request, code)
    context = indicator_page(indicator, dimension=request.GET.get("breakdown"), value=request.GET.get("value"))
    if request.htmx:
        return render(request, "indicators/_chart_panel.html", context)
    context["change_log"] = public_history(indicator)
    # Only the sub-goals of strategy versions the reader may see: a draft version's codes do not leak.
    context["sub_goals"] = indicator.sub_goals.filter(strategy__in=Strategy.objects.visible_to(request.user))
    context["can_view_history"] = permissions.can_view_history(request.user)
    context["sections"] = sections_for("indicator", request, indicator)
    return render(request, "indicators/indicator_detail.html", context)


def _download(indicators, fmt: str, name: str) -> HttpResponse:
    if fmt == "csv":
        content = exporters.tidy_csv_chunks(indicators)
    elif fmt == "xlsx":
        content = exporters.xlsx_bytes(indicators)
    elif fmt == "json":
        content = exporters.jsonstat_bytes(indicators)
    else:
        raise Http404
    return download_response(content, file_name=f"{name}.{fmt}", kind=fmt)


@require_GET
def indicator_download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    indicator = get_indicator_for(request, code)
    return _download([indicator], fmt, f"indikator-{indicator.code}")


@require_GET
def all_download(request: HttpRequest, fmt: str) -> HttpResponse:
    return _download(list(Indicator.objects.visible_to(request.user)), fmt, "indikatorer")


_IMPORT_KIND = "indicators"


@login_required
@require_http_methods(["GET", "POST"])
def indicator_import(request: HttpRequest) -> HttpResponse:
    """Upload a file and see the preview (as ``--dry-run``); then write it or cancel.

    The previewed file is kept in the database (``core.exchange.previews``), so any server process
    can write it; writing checks the whole file again, with the user's rights at that moment. The
    strategy office may upload a file for any indicators and have it create the dimensions and
    values it brings; an owner editor chooses one of the indicators its organisation is responsible
    for, and a row for any other is a problem (a post asking to create dimensions gets 403). Anyone
    else gets 403.
    """
    if not permissions.can_import_indicator_data(request.user):
        raise PermissionDenied
    limited = not permissions.can_import_several_indicators(request.user)
    may_create = permissions.can_create_dimensions_on_import(request.user)
    if request.method == "POST" and request.POST.get("create_dimensions") and not may_create:
        raise PermissionDenied
    importable = permissions.importable_indicators(request.user, Indicator.objects.all())
    action = request.POST.get("action") if request.method == "POST" else None
    if action in ("apply", "cancel"):
        return _finish_import(request, action, importable, limited=limited, may_create=may_create)
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        indicators=importable,
        indicator_required=limited,
        may_create_dimensions=may_create,
        # The workspace links here with the indicator chosen (``?indicator=<code>``).
        initial={"indicator": request.GET.get("indicator")},
    )
    report, preview = None, None
    if request.method == "POST" and form.is_valid():
        upload, indicator = form.cleaned_data["file"], form.cleaned_data["indicator"]
        options = {
            "indicator": indicator.code if indicator else None,
            "file_format": form.cleaned_data["file_format"] or None,
            "where": form.cleaned_data["where"],
            "create_dimensions": may_create and form.cleaned_data.get("create_dimensions", False),
        }
        report = observations_import(
            stream=upload.file,
            file_name=upload.name,
            indicator_code=options["indicator"],
            indicators=importable if limited else None,
            file_format=options["file_format"],
            user=request.user,
            dry_run=True,
            where=options["where"],
            create_dimensions=options["create_dimensions"],
        )
        if report.ok and report.created + report.updated:
            preview = preview_store(
                kind=_IMPORT_KIND, stream=upload.file, file_name=upload.name, user=request.user, options=options
            )
    refused = request.method == "POST" and (report is None or not report.ok)
    context = {"form": form, "report": report, "preview": preview}
    return render(request, "indicators/import.html", context, status=400 if refused else 200)


def _finish_import(request: HttpRequest, action: str, importable, *, limited: bool, may_create: bool) -> HttpResponse:
    """Write or cancel the previewed file of the token posted; an unknown or spent token says so."""
    with transaction.atomic():
        record = preview_take(kind=_IMPORT_KIND, token=request.POST.get("token"), user=request.user)
        if record is None:
            messages.error(request, _("The preview has expired or was already used; upload the file again."))
            return redirect("indicators:import")
        if action == "cancel":
            preview_finish(record, status=ImportRecord.Status.CANCELLED, user=request.user)
            messages.info(request, _("The import was cancelled; nothing was written."))
            return redirect("indicators:import")
        report = observations_import(
            stream=preview_file(record),
            file_name=record.file_name,
            indicator_code=record.options.get("indicator"),
            indicators=importable if limited else None,
            file_format=record.options.get("file_format"),
            user=request.user,
            where=record.options.get("where") or None,
            # The right is checked again: it may have been taken away since the preview.
            create_dimensions=may_create and bool(record.options.get("create_dimensions")),
        )
        counts = {"rows": report.rows, "created": report.created, "updated": report.updated}
        status = ImportRecord.Status.APPLIED if report.ok else ImportRecord.Status.CANCELLED
        preview_finish(record, status=status, counts={**counts, "problems": report.problem_count}, user=request.user)
    if not report.ok:
        form = ImportForm(indicators=importable, indicator_required=limited, may_create_dimensions=may_create)
        return render(request, "indicators/import.html", {"form": form, "report": report}, status=400)
    messages.success(
        request,
        _("Imported %(rows)s rows from %(file)s: %(created)s new, %(updated)s corrected.")
        % {**counts, "file": record.file_name},
    )
    return redirect("indicators:import")
