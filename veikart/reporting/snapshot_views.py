"""Frozen portfolio snapshots in the workspace: the list (and the strategy office's freeze form), one
snapshot as frozen, its downloads (JSON, XLSX) and the comparison of two.

Views parse input, call ``snapshots`` and render; a refusal comes back as a message on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from veikart.accounts import permissions
from veikart.core.exchange.downloads import download_response, json_bytes, xlsx_bytes

from . import snapshots
from .services import Refused
from .snapshot_models import PortfolioSnapshot


class SnapshotForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=snapshots.TITLE_MAX,
        help_text=gettext_lazy("What the snapshot is for, such as “Til NUIT-møte 3/2026”."),
    )


class CompareForm(forms.Form):
    a = forms.TypedChoiceField(label=gettext_lazy("Earlier snapshot"), coerce=int)
    b = forms.TypedChoiceField(label=gettext_lazy("Later snapshot"), coerce=int)

    def __init__(self, data, *, choices) -> None:
        super().__init__(data)
        for name in ("a", "b"):
            self.fields[name].choices = choices
            self.fields[name].widget.attrs["class"] = "ds-input"


PER_PAGE = 100


@dataclass
class _Listing:
    """What ``workspace/_pagination.html`` reads: the page and the query to keep in its links."""

    page: Any
    query_without_page: str


def _paged(request: HttpRequest, rows: list, query: str = "") -> _Listing:
    """A page of ``rows`` (a malformed or out-of-range ``?page=`` gives the first or last page)."""
    return _Listing(Paginator(rows, PER_PAGE).get_page(request.GET.get("page")), query)


def _require_reader(request: HttpRequest) -> None:
    if not permissions.can_read_portfolio_snapshots(request.user):
        raise PermissionDenied(_("Only the strategy office and governance body members read portfolio snapshots."))


def _list_crumb() -> tuple[str, str]:
    return (_("Portfolio snapshots"), reverse("ws-reporting:snapshot-list"))


def _choices() -> list[tuple[int, str]]:
    return [
        (pk, f"{title} ({date_format(timezone.localtime(taken_at), 'SHORT_DATETIME_FORMAT')})")
        for pk, title, taken_at in PortfolioSnapshot.objects.values_list("pk", "title", "taken_at")
    ]


@login_required
@require_GET
def snapshot_list(request: HttpRequest) -> HttpResponse:
    """Every snapshot, newest first, with a form to compare two."""
    _require_reader(request)
    snapshot_list = list(PortfolioSnapshot.objects.select_related("taken_by").defer("document"))
    choices = _choices()
    initial = {}
    if len(choices) >= 2:
        initial = {"a": choices[1][0], "b": choices[0][0]}
    context = {
        "title": _("Portfolio snapshots"),
        "snapshots": snapshot_list,
        "compare_form": CompareForm(None, choices=choices) if len(choices) >= 2 else None,
        "compare_initial": initial,
        "can_freeze": permissions.can_freeze_portfolio_snapshots(request.user),
    }
    if context["compare_form"] is not None:
        context["compare_form"].initial = initial
    return render(request, "reporting/workspace/snapshot_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def snapshot_create(request: HttpRequest) -> HttpResponse:
    """The strategy office freezes the portfolio as it stands now, under a title."""
    if not permissions.can_freeze_portfolio_snapshots(request.user):
        raise PermissionDenied(_("Only the strategy office freezes the portfolio."))
    form = SnapshotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            snapshot = snapshots.portfolio_snapshot_freeze(title=form.cleaned_data["title"], user=request.user)
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The portfolio was frozen. The snapshot never changes."))
            return redirect("ws-reporting:snapshot", pk=snapshot.pk)
    context = {
        "title": _("Freeze the portfolio"),
        "form": form,
        "intro": _(
            "Every item in the portfolio is frozen with its latest approved report, its phase, dates and owners. "
            "The snapshot can never be changed or deleted."
        ),
        "submit_label": _("Freeze"),
        "cancel_url": reverse("ws-reporting:snapshot-list"),
        "breadcrumbs": [_list_crumb()],
    }
    return render(request, "workspace/form.html", context)


@login_required
@require_GET
def snapshot_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A snapshot exactly as it was frozen, whatever has changed since."""
    snapshot = snapshots.snapshot_for(request.user, pk)
    listing = _paged(request, snapshots.frozen_items(snapshot))
    context = {
        "title": snapshot.title,
        "snapshot": snapshot,
        "document": snapshot.document,
        "listing": listing,
        "items": listing.page.object_list,
        "breadcrumbs": [_list_crumb()],
    }
    return render(request, "reporting/workspace/snapshot_page.html", context)


@login_required
@require_GET
def snapshot_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The snapshot as JSON (the frozen document as it is, with its hash) or XLSX (one row per item)."""
    snapshot = snapshots.snapshot_for(request.user, pk)
    name = f"portefolje-oyeblikksbilde-{snapshot.pk}-{snapshot.content_hash[:12]}.{fmt}"
    if fmt == "json":
        body = json_bytes(
            {
                "content_hash": {"algorithm": "sha256", "value": snapshot.content_hash},
                "canonical_serialisation": "JSON of 'snapshot', keys sorted, separators ',' and ':', UTF-8",
                "snapshot": snapshot.document,
            }
        )
        return download_response(body, file_name=name, kind="json")
    if fmt == "xlsx":
        header, rows = snapshots.export_rows(snapshot)
        return download_response(xlsx_bytes(header, rows, sheet_title=_("Snapshot")), file_name=name, kind="xlsx")
    raise Http404


@login_required
@require_GET
def snapshot_compare(request: HttpRequest) -> HttpResponse:
    """Two snapshots side by side (``?a=`` earlier, ``?b=`` later): status changes, slipped dates, phase
    moves, items in and out; only the changed items unless ``?all=1``."""
    _require_reader(request)
    form = CompareForm(request.GET or None, choices=_choices())
    context = {"title": _("Compare snapshots"), "form": form, "breadcrumbs": [_list_crumb()], "rows": None}
    if form.is_bound and form.is_valid():
        if form.cleaned_data["a"] == form.cleaned_data["b"]:
            form.add_error(None, _("Choose two different snapshots."))
        else:
            before = PortfolioSnapshot.objects.defer("document").get(pk=form.cleaned_data["a"])
            after = PortfolioSnapshot.objects.defer("document").get(pk=form.cleaned_data["b"])
            rows = snapshots.snapshots_compare(before, after)
            show_all = request.GET.get("all") == "1"
            changed = [row for row in rows if row.changes]
            query = f"a={before.pk}&b={after.pk}" + ("&all=1" if show_all else "")
            listing = _paged(request, rows if show_all else changed, query)
            context.update(
                {
                    "before": before,
                    "after": after,
                    "listing": listing,
                    "rows": listing.page.object_list,
                    "show_all": show_all,
                    "changed_count": len(changed),
                    "unchanged_count": len(rows) - len(changed),
                }
            )
    return render(request, "reporting/workspace/snapshot_compare.html", context)
