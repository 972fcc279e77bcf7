"""An indicator's baseline and targets in the workspace: the strategy office adds, edits and deletes them.

Each write raises the indicator's data revision in its own transaction (``editing``, ``revisions``),
so the public indicator page and list show the change on the next request.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from veikart.core.content import sentence
from veikart.core.templatetags.site_tags import content
from veikart.indicators import editing
from veikart.indicators.checklist import bounds_text
from veikart.indicators.models import Baseline, Indicator, Target
from veikart.indicators.workspace_forms import BaselineForm, TargetForm
from veikart.indicators.workspace_views.access import get_editable_indicator, indicator_crumbs


def _detail_url(indicator: Indicator) -> str:
    return reverse("ws-indicators:indicator-detail", kwargs={"pk": indicator.pk})


def _form_page(request: HttpRequest, indicator: Indicator, form, *, title: str, submit_label: str) -> HttpResponse:
    context = {
        "title": title,
        "form": form,
        "intro": sentence(
            _("%(code)s %(name)s. %(bounds)s"),
            code=indicator.code,
            name=content(indicator, "name"),
            bounds=bounds_text(indicator),
        ),
        "submit_label": submit_label,
        "cancel_url": _detail_url(indicator),
        "breadcrumbs": indicator_crumbs(indicator),
    }
    return render(request, "workspace/form.html", context, status=400 if form.errors else 200)


def _save(request: HttpRequest, form, save) -> bool:
    if not form.is_valid():
        return False
    try:
        save(form.instance, user=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def target_create(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_editable_indicator(request, pk)
    form = TargetForm(request.POST or None, instance=Target(indicator=indicator))
    if request.method == "POST" and _save(request, form, lambda obj, user: editing.target_save(target=obj, user=user)):
        messages.success(request, _("Target for %(period)s added.") % {"period": form.instance.period})
        return redirect(_detail_url(indicator))
    return _form_page(
        request,
        indicator,
        form,
        title=_("New target for %(code)s") % {"code": indicator.code},
        submit_label=_("Add target"),
    )


def _get_target(request: HttpRequest, pk: int, target_pk: int) -> Target:
    indicator = get_editable_indicator(request, pk)
    return get_object_or_404(Target.objects.select_related("indicator"), pk=target_pk, indicator=indicator)


@login_required
@require_http_methods(["GET", "POST"])
def target_edit(request: HttpRequest, pk: int, target_pk: int) -> HttpResponse:
    target = _get_target(request, pk, target_pk)
    indicator, period = target.indicator, target.period
    form = TargetForm(request.POST or None, instance=target)
    if request.method == "POST" and _save(request, form, lambda obj, user: editing.target_save(target=obj, user=user)):
        messages.success(request, _("Target for %(period)s saved.") % {"period": form.instance.period})
        return redirect(_detail_url(indicator))
    title = _("Target for %(period)s, %(code)s") % {"period": period, "code": indicator.code}
    return _form_page(request, indicator, form, title=title, submit_label=_("Save"))


@login_required
@require_http_methods(["GET", "POST"])
def target_delete(request: HttpRequest, pk: int, target_pk: int) -> HttpResponse:
    target = _get_target(request, pk, target_pk)
    indicator = target.indicator
    if request.method == "POST":
        editing.target_delete(target=target, user=request.user)
        messages.success(request, _("Target for %(period)s deleted.") % {"period": target.period})
        return redirect(_detail_url(indicator))
    context = {
        "title": _("Delete the target for %(period)s") % {"period": target.period},
        "question": _("Delete the target %(value)s for %(period)s of %(code)s?")
        % {"value": format(target.value.normalize(), "f"), "period": target.period, "code": indicator.code},
        "consequences": [_("The indicator's progress is computed again without it; the change history keeps it.")],
        "submit_label": _("Delete target"),
        "cancel_url": _detail_url(indicator),
        "danger": True,
        "breadcrumbs": indicator_crumbs(indicator),
    }
    return render(request, "workspace/confirm.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def baseline_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Set the indicator's baseline: creates it when there is none, else edits it."""
    indicator = get_editable_indicator(request, pk)
    baseline = Baseline.objects.filter(indicator=indicator).first() or Baseline(indicator=indicator)
    form = BaselineForm(request.POST or None, instance=baseline)
    if request.method == "POST" and _save(
        request, form, lambda obj, user: editing.baseline_save(baseline=obj, user=user)
    ):
        messages.success(request, _("Baseline saved."))
        return redirect(_detail_url(indicator))
    return _form_page(
        request,
        indicator,
        form,
        title=_("Baseline of %(code)s") % {"code": indicator.code},
        submit_label=_("Save baseline"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def baseline_delete(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_editable_indicator(request, pk)
    baseline = get_object_or_404(Baseline, indicator=indicator)
    if request.method == "POST":
        editing.baseline_delete(baseline=baseline, user=request.user)
        messages.success(request, _("Baseline deleted."))
        return redirect(_detail_url(indicator))
    context = {
        "title": _("Delete the baseline of %(code)s") % {"code": indicator.code},
        "question": _("Delete the baseline %(value)s for %(period)s?")
        % {"value": format(baseline.value.normalize(), "f"), "period": baseline.period},
        "consequences": [_("Progress is then measured from the first observation.")],
        "submit_label": _("Delete baseline"),
        "cancel_url": _detail_url(indicator),
        "danger": True,
        "breadcrumbs": indicator_crumbs(indicator),
    }
    return render(request, "workspace/confirm.html", context)
