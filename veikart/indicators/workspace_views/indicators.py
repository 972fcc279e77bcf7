"""Indicators in the workspace: the strategy office's list, create, edit, publish and unpublish; an
indicator's page; the owner editors' "our indicators" (their start-page panel: ``workspace_start``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from veikart.accounts import permissions
from veikart.core.content import sentence
from veikart.core.templatetags.site_tags import content
from veikart.indicators import editing
from veikart.indicators.checklist import bounds_text, latest_period, missing, with_checklist
from veikart.indicators.freshness import due_period
from veikart.indicators.models import Indicator
from veikart.indicators.workspace_forms import IndicatorFilterForm, IndicatorForm
from veikart.indicators.workspace_start import own_indicators
from veikart.indicators.workspace_views.access import (
    get_editable_indicator,
    get_workspace_indicator,
    indicator_crumbs,
    list_crumb,
    require_indicator_editor,
)
from veikart.workspace.listing import Column, listing

COLUMNS = [
    Column("code", gettext_lazy("Code"), ("code",)),
    Column("name", gettext_lazy("Name"), ("name",)),
    Column("goal", gettext_lazy("Goal"), ("goal__strategy__period_start", "goal__number")),
    Column("responsible", gettext_lazy("Responsible organisation"), ("responsible__name",)),
    Column("frequency", gettext_lazy("Frequency"), ("frequency",)),
    Column("status", gettext_lazy("Status"), ("status",)),
    Column("published", gettext_lazy("Published"), ("is_published",)),
    Column("latest", gettext_lazy("Latest period with data"), ("latest_period_key",)),
    Column("overdue", gettext_lazy("Data overdue"), ("is_overdue",)),
]


@login_required
@require_GET
def indicator_list(request: HttpRequest) -> HttpResponse:
    """Every indicator with its goal, owner, status and whether its data is overdue; filters and sorting."""
    require_indicator_editor(request)
    form = IndicatorFilterForm(request.GET or None)
    indicators = form.filter(with_checklist(Indicator.objects.all()))
    result = listing(request, indicators, columns=COLUMNS, default="code")
    rows = [(indicator, latest_period(indicator)) for indicator in result.rows]
    return render(request, "indicators/workspace/indicator_list.html", {"form": form, "listing": result, "rows": rows})


@login_required
@require_GET
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An indicator's definition, baseline, targets, data and what it lacks; editing links for the strategy office."""
    indicator = get_workspace_indicator(request, pk)
    indicator = with_checklist(Indicator.objects.filter(pk=indicator.pk)).get()
    editor = permissions.can_edit_indicators(request.user)
    can_upload = permissions.importable_indicators(request.user, Indicator.objects.filter(pk=indicator.pk)).exists()
    baseline = getattr(indicator, "baseline", None) if indicator.has_baseline else None
    context = {
        "indicator": indicator,
        "title": content(indicator, "name"),
        "breadcrumbs": indicator_crumbs(indicator, editor=editor)[:1],
        "editor": editor,
        "can_upload": can_upload,
        "baseline": baseline,
        "targets": list(indicator.targets.order_by("period_key")),
        "sub_goals": list(indicator.sub_goals.all()),
        "latest_period": latest_period(indicator),
        "due_period": due_period(indicator.frequency, timezone.localdate()).text,
        "missing": missing(indicator),
        "gaps": editing.publication_gaps(indicator),
        "bounds": bounds_text(indicator),
    }
    return render(request, "indicators/workspace/indicator_detail.html", context)


def _save_form(request: HttpRequest, form: IndicatorForm) -> Indicator | None:
    if not form.is_valid():
        return None
    try:
        return editing.indicator_save(
            indicator=form.instance, sub_goals=form.cleaned_data["sub_goals"], user=request.user
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None


@login_required
@require_http_methods(["GET", "POST"])
def indicator_create(request: HttpRequest) -> HttpResponse:
    require_indicator_editor(request)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and (indicator := _save_form(request, form)):
        messages.success(request, _("Indicator %(code)s created (not published).") % {"code": indicator.code})
        return redirect("ws-indicators:indicator-detail", pk=indicator.pk)
    context = {
        "title": _("New indicator"),
        "form": form,
        "intro": _("A new indicator is not published; publish it from its page once it has a goal and a definition."),
        "submit_label": _("Create indicator"),
        "cancel_url": reverse("ws-indicators:indicator-list"),
        "breadcrumbs": [list_crumb()],
    }
    return render(request, "workspace/form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_editable_indicator(request, pk)
    # The form writes what was typed onto the instance; the page keeps naming the stored indicator.
    crumbs, name = indicator_crumbs(indicator), content(indicator, "name")
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and _save_form(request, form):
        messages.success(request, _("Indicator %(code)s saved.") % {"code": indicator.code})
        return redirect("ws-indicators:indicator-detail", pk=indicator.pk)
    context = {
        "title": sentence(_("Edit %(name)s"), name=name),
        "form": form,
        "submit_label": _("Save"),
        "cancel_url": reverse("ws-indicators:indicator-detail", kwargs={"pk": pk}),
        "breadcrumbs": crumbs,
    }
    return render(request, "workspace/form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish after confirmation; an indicator that lacks what the public pages need says what instead."""
    indicator = get_editable_indicator(request, pk)
    detail_url = reverse("ws-indicators:indicator-detail", kwargs={"pk": pk})
    gaps = editing.publication_gaps(indicator)
    if gaps:
        context = {
            "title": sentence(_("%(name)s cannot be published yet"), name=content(indicator, "name")),
            "question": _("The public pages need what is missing below."),
            "reasons": gaps,
            "fix_url": reverse("ws-indicators:indicator-edit", kwargs={"pk": pk}),
            "fix_label": _("Edit the indicator"),
            "back_url": detail_url,
            "breadcrumbs": indicator_crumbs(indicator),
        }
        return render(request, "workspace/refused.html", context, status=400 if request.method == "POST" else 200)
    if request.method == "POST":
        editing.indicator_publish(indicator=indicator, user=request.user)
        messages.success(request, _("%(code)s is published.") % {"code": indicator.code})
        return redirect(detail_url)
    context = {
        "title": sentence(_("Publish %(name)s"), name=content(indicator, "name")),
        "question": sentence(_("Publish “%(name)s”?"), name=content(indicator, "name")),
        "consequences": [
            _("Everyone can see the indicator, its data, baseline and targets on the public pages."),
            _("It is listed under its goal and in the downloads."),
        ],
        "submit_label": _("Publish"),
        "cancel_url": detail_url,
        "breadcrumbs": indicator_crumbs(indicator),
    }
    return render(request, "workspace/confirm.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_editable_indicator(request, pk)
    detail_url = reverse("ws-indicators:indicator-detail", kwargs={"pk": pk})
    if request.method == "POST":
        editing.indicator_unpublish(indicator=indicator, user=request.user)
        messages.success(request, _("%(code)s is no longer published.") % {"code": indicator.code})
        return redirect(detail_url)
    context = {
        "title": sentence(_("Unpublish %(name)s"), name=content(indicator, "name")),
        "question": sentence(_("Take “%(name)s” off the public pages?"), name=content(indicator, "name")),
        "consequences": [
            _("Its public page and downloads disappear; links to it answer “not found”."),
            _("Its data, baseline and targets are kept, and the responsible organisation can still upload data."),
        ],
        "submit_label": _("Unpublish"),
        "cancel_url": detail_url,
        "danger": True,
        "breadcrumbs": indicator_crumbs(indicator),
    }
    return render(request, "workspace/confirm.html", context)


@login_required
@require_GET
def own_list(request: HttpRequest) -> HttpResponse:
    """ "Our indicators": those the owner editor's organisation is responsible for, with what each lacks."""
    if not permissions.can_list_own_indicators(request.user):
        raise PermissionDenied
    rows = [(indicator, latest_period(indicator), missing(indicator)) for indicator in own_indicators(request)]
    context = {"rows": rows, "organisation": permissions.editable_organisation(request.user)}
    return render(request, "indicators/workspace/own_list.html", context)
