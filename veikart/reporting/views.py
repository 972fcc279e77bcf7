"""The public portfolio (``/portefolje/``): the latest published status per item and area, the change
since the previous period, filters, counts by goal and status, and downloads."""

from __future__ import annotations

import datetime

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from veikart.accounts.models import Organisation
from veikart.core.content import content_label
from veikart.core.exchange.downloads import csv_bytes, dialect_for, download_response, json_bytes, xlsx_bytes
from veikart.core.widgets import FastSelect
from veikart.roadmap.models import Phase, RoadmapItem
from veikart.strategy.models import Strategy, SubGoal

from . import pages
from .models import StatusArea, StatusColour


class PortfolioFilter(forms.Form):
    """The portfolio's filters, all in the URL; an unknown value is ignored rather than an error page."""

    period = forms.TypedChoiceField(label=gettext_lazy("Period"), coerce=int, required=False)
    goal = forms.TypedChoiceField(label=gettext_lazy("Goal"), coerce=int, required=False)
    sub_goal = forms.ChoiceField(label=gettext_lazy("Sub-goal"), required=False)
    owner = forms.TypedChoiceField(label=gettext_lazy("Owner"), coerce=int, required=False)
    phase = forms.TypedChoiceField(label=gettext_lazy("Phase"), coerce=int, required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    flagged = forms.BooleanField(label=gettext_lazy("Only flagged items"), required=False)

    def __init__(self, data, *, strategy: Strategy, periods, colours) -> None:
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["period"].choices = [(period.pk, period.name) for period in periods]
        sub_goals = SubGoal.objects.filter(strategy=strategy).select_related("goal").order_by("goal__number", "code")
        goals = {sub_goal.goal.number: sub_goal.goal for sub_goal in sub_goals}
        self.fields["goal"].choices = everything + [
            (number, f"{number}. {goal.title}") for number, goal in goals.items()
        ]
        self.fields["sub_goal"].choices = everything + [(sub_goal.code, sub_goal.code) for sub_goal in sub_goals]
        self.fields["owner"].choices = everything + list(
            # Owners of published portfolio items only, so an unpublished item does not reveal its owner.
            Organisation.objects.filter(
                roadmap_items__in=RoadmapItem.objects.published().filter(portfolio_membership__isnull=False)
            )
            .distinct()
            .order_by("name")
            .values_list("pk", "name")
        )
        self.fields["phase"].choices = everything + [(phase.pk, phase.content_label()) for phase in Phase.objects.all()]
        self.fields["status"].choices = everything + [(colour.key, content_label(colour, "name")) for colour in colours]
        for name, field in self.fields.items():
            if name != "flagged":
                # Options rendered in Python: the owner filter alone has hundreds at national scale.
                field.widget = FastSelect(attrs={"class": "ds-input"}, choices=field.choices)

    def values(self) -> dict:
        """The valid filters (an invalid one is dropped, the rest still apply)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None, False)}


def _portfolio_filtered(request: HttpRequest):
    strategy = Strategy.objects.published().current()
    if strategy is None:
        raise Http404(_("There is no published strategy yet."))
    periods = pages.published_periods(strategy)
    colours = list(StatusColour.objects.all())
    form = PortfolioFilter(request.GET or None, strategy=strategy, periods=periods, colours=colours)
    filters = form.values()
    period = next((period for period in periods if period.pk == filters.get("period")), periods[0] if periods else None)
    return strategy, periods, period, colours, form, filters


def _portfolio(request: HttpRequest):
    """Every row of the filtered portfolio (for the downloads)."""
    strategy, periods, period, colours, form, filters = _portfolio_filtered(request)
    rows = pages.portfolio_rows(periods, period, filters) if period else []
    return strategy, periods, period, colours, form, rows


@require_GET
def portfolio(request: HttpRequest) -> HttpResponse:
    strategy, periods, period, colours, form, filters = _portfolio_filtered(request)
    shown = pages.portfolio_page(periods, period, filters, request.GET.get("page")) if period else None
    context = {
        **pages.portfolio_tables_context(shown, colours),
        "strategy": strategy,
        "periods": periods,
        "period": period,
        "form": form,
        "query": _without_page(request),
        "flagged_count": shown.total if shown and filters.get("flagged") else 0,
    }
    return render(request, "reporting/portfolio.html", context)


def _without_page(request: HttpRequest) -> str:
    """The filters in the URL, for the downloads and "show all" (which page is shown is not a filter)."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


CHANGES = {
    pages.CHANGE_BETTER: gettext_lazy("better"),
    pages.CHANGE_WORSE: gettext_lazy("worse"),
    pages.CHANGE_SAME: gettext_lazy("unchanged"),
    pages.CHANGE_NEW: gettext_lazy("new"),
}


EXPORT_FORMATS = ("csv", "xlsx", "json")


@require_GET
def portfolio_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered public portfolio as CSV, XLSX or JSON (``portfolio_download``)."""
    if fmt not in EXPORT_FORMATS:
        raise Http404
    _strategy, _periods, period, _colours, _form, rows = _portfolio(request)
    return portfolio_download(rows, period, fmt)


def portfolio_download(rows: list[pages.PortfolioRow], period, fmt: str) -> HttpResponse:
    """``rows`` of ``period``'s portfolio as a download in ``fmt`` (one of ``EXPORT_FORMATS``): one row
    per item, its overall and area statuses and its flags in words, through the exchange layer's builders."""
    areas = list(StatusArea.objects.all())
    header = [
        _("Period"),
        _("Roadmap item"),
        _("Delivery id"),
        _("Sub-goal"),
        _("Owners"),
        _("Phase"),
        _("Overall status"),
        _("Change"),
        *[area.name for area in areas],
        _("Status in words"),
        _("Expected end date"),
        _("Approved"),
        _("Flags"),
    ]
    table = [
        [
            row.report.period.name,
            row.item.title,
            row.item.delivery_id,
            row.item.sub_goal.code,
            ", ".join(owner.name for owner in row.item.owners.all()),
            row.item.phase.name if row.item.phase else "",
            row.report.overall.name,
            str(CHANGES[row.change]),
            *[
                (row.areas[area.pk].colour.name if area.pk in row.areas and row.areas[area.pk].colour else "")
                for area in areas
            ],
            row.report.narrative,
            row.report.expected_end_date,
            row.report.reviewed_at.date() if row.report.reviewed_at else None,
            " ".join(strip_tags(flag.reason) for flag in row.flags),
        ]
        for row in rows
    ]
    stamp = datetime.date.today().isoformat()
    name = f"portefolje-{period.name if period else 'tom'}-{stamp}.{fmt}".replace(" ", "-")
    if fmt == "csv":
        body = csv_bytes([str(title) for title in header], table, dialect=dialect_for())
    elif fmt == "xlsx":
        body = xlsx_bytes([str(title) for title in header], table, sheet_title=_("Portfolio"))
    else:
        keys = [str(title) for title in header]
        body = json_bytes(
            {"period": period.name if period else None, "items": [dict(zip(keys, line, strict=True)) for line in table]}
        )
    return download_response(body, file_name=name, kind=fmt)
