"""The annual report's pages: public (the list, a year's report, its PDF) and the strategy office's
workspace (create a draft, write the narratives, approve with a council case, publish).

The public reads published reports only; a draft or approved report answers 404, except to the
strategy office and body members, who see it as a preview, marked. A published report's page and PDF
read its frozen content only.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from veikart.accounts import permissions
from veikart.core.content import content_label
from veikart.reporting.snapshot_models import PortfolioSnapshot
from veikart.strategy.models import Goal, Strategy
from veikart.workspace.forms import WorkspaceFormMixin

from . import report_services
from .annual_report import report_content
from .report_models import AnnualReport
from .report_pdf import pdf_path
from .report_rendering import published_page, render_page
from .services import Refused

# --- Public -----------------------------------------------------------------------------------------


def _report_for_year(request: HttpRequest, year: int) -> AnnualReport:
    """The year's report as ``request.user`` may read it: the published one for everyone; an unpublished
    one (a preview) for the strategy office and body members; else 404."""
    # The big JSON columns are read only when needed: a published page is usually stored rendered.
    reports = (
        AnnualReport.objects.filter(year=year)
        .select_related("strategy", "snapshot", "approved_by_case")
        .defer("content", "snapshot__document")
    )
    report = reports.published().order_by("-strategy__period_start", "-strategy_id").first()
    if report is None and permissions.can_read_governance_papers(request.user):
        report = reports.order_by("-strategy__period_start", "-strategy_id").first()
    if report is None:
        raise Http404
    return report


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    """Every published report, newest year first; the strategy office and body members also see the
    unpublished ones, marked."""
    reports = AnnualReport.objects.select_related("strategy")
    if not permissions.can_read_governance_papers(request.user):
        reports = reports.published()
    return render(request, "governance/report_list.html", {"reports": list(reports.order_by("-year"))})


@require_GET
def report_detail(request: HttpRequest, year: int) -> HttpResponse:
    """A year's report: a published one from its frozen content, its body rendered once per language
    and kept; an unpublished one (a preview) assembled from the data as it stands."""
    report = _report_for_year(request, year)
    if report.is_published:
        page = published_page(report)
    else:
        page = render_page(
            report,
            report_content(report),
            preview=True,
            can_manage=permissions.can_manage_governance(request.user),
        )
    context = {
        "report": report,
        "preview": not report.is_published,
        "page_title": page.title,
        "heading_html": page.heading_html,
        "body_html": page.body_html,
        "pdf_ready": report.is_published and pdf_path(report).exists(),
    }
    return render(request, "governance/report_detail.html", context)


@require_GET
def report_pdf(request: HttpRequest, year: int, pdf_year: int) -> HttpResponse:
    """The published report's PDF; while the worker has not made it yet, a page saying so (503)."""
    if pdf_year != year:
        raise Http404
    report = AnnualReport.objects.published().filter(year=year).order_by("-strategy__period_start").first()
    if report is None:
        raise Http404
    path = pdf_path(report)
    if not path.exists():
        response = render(request, "governance/report_pdf_pending.html", {"report": report}, status=503)
        response["Retry-After"] = "60"
        return response
    return FileResponse(
        path.open("rb"), content_type="application/pdf", filename=f"arsrapport-{report.year}.pdf", as_attachment=False
    )


# --- Workspace ------------------------------------------------------------------------------------


def _require_reader(request: HttpRequest) -> None:
    if not permissions.can_read_governance_papers(request.user):
        raise PermissionDenied(_("Only the strategy office and governance body members read the annual reports."))


def _require_office(request: HttpRequest) -> None:
    if not permissions.can_manage_governance(request.user):
        raise PermissionDenied(_("Only the strategy office prepares the annual report."))


def _get_report(pk: int) -> AnnualReport:
    return get_object_or_404(AnnualReport.objects.select_related("strategy", "snapshot", "approved_by_case"), pk=pk)


def _list_crumb() -> tuple[str, str]:
    return (_("Annual reports"), reverse("ws-governance:report-list"))


class CreateForm(WorkspaceFormMixin, forms.Form):
    strategy = forms.ModelChoiceField(label=gettext_lazy("Strategy"), queryset=Strategy.objects.none())
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    snapshot = forms.ModelChoiceField(
        label=gettext_lazy("Portfolio snapshot"),
        queryset=PortfolioSnapshot.objects.none(),
        help_text=gettext_lazy(
            "The portfolio's status the report is built from, such as the one taken after the year's last period."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["strategy"].queryset = Strategy.objects.exclude(status=Strategy.Status.SUPERSEDED)
        self.fields["snapshot"].queryset = PortfolioSnapshot.objects.all()
        self.fields["strategy"].label_from_instance = Strategy.content_label
        self.fields["strategy"].widget.choices = self.fields["strategy"].choices
        self.fields["snapshot"].widget.choices = self.fields["snapshot"].choices
        if not self.is_bound:
            self.initial.setdefault("year", timezone.localdate().year - 1)


@login_required
@require_http_methods(["GET", "POST"])
def ws_report_list(request: HttpRequest) -> HttpResponse:
    """The reports and their states; the strategy office's form to create a draft."""
    _require_reader(request)
    can_manage = permissions.can_manage_governance(request.user)
    form = CreateForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        _require_office(request)
        if form.is_valid():
            try:
                report = report_services.annual_report_create(
                    strategy=form.cleaned_data["strategy"],
                    year=form.cleaned_data["year"],
                    snapshot=form.cleaned_data["snapshot"],
                    by=request.user,
                )
            except Refused as refusal:
                form.add_error(None, refusal.message)
            else:
                messages.success(request, _("The draft report for %(year)s is created.") % {"year": report.year})
                return redirect("ws-governance:report", pk=report.pk)
    reports = AnnualReport.objects.select_related("strategy", "snapshot", "approved_by_case__body").order_by("-year")
    return render(
        request,
        "governance/workspace/report_list.html",
        {"title": _("Annual reports"), "reports": reports, "form": form, "can_manage": can_manage},
    )


@login_required
@require_GET
def ws_report(request: HttpRequest, pk: int) -> HttpResponse:
    """One report's workflow: its state, snapshot, narratives written, and the next step."""
    _require_reader(request)
    report = _get_report(pk)
    goals = list(Goal.objects.filter(strategy=report.strategy).order_by("number"))
    written = {n.goal_id: n for n in report.narratives.all()}
    context = {
        "title": _("Annual report %(year)s") % {"year": report.year},
        "report": report,
        "goals": [(goal, written.get(goal.pk)) for goal in goals],
        "can_manage": permissions.can_manage_governance(request.user),
        "breadcrumbs": [_list_crumb()],
        "pdf_ready": report.is_published and pdf_path(report).exists(),
    }
    return render(request, "governance/workspace/report.html", context)


def narratives_form(data: Any, *, goals: list[Goal], narratives: dict[int, Any]) -> forms.Form:
    """One translated text per goal: ``goal_<pk>`` (bokmål), ``goal_<pk>_nn`` and ``goal_<pk>_en``, shown
    side by side as the workspace shows every translated text."""
    fields: dict[str, forms.Field] = {}
    initial: dict[str, str] = {}
    for goal in goals:
        label = content_label(goal, "title", prefix=f"{goal.number}. ")
        narrative = narratives.get(goal.pk)
        for suffix, attr in (("", "text"), ("_nn", "text_nn"), ("_en", "text_en")):
            fields[f"goal_{goal.pk}{suffix}"] = forms.CharField(
                label=label,
                required=False,
                max_length=report_services.NARRATIVE_MAX,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=gettext_lazy("Markdown.") if not suffix else "",
            )
            initial[f"goal_{goal.pk}{suffix}"] = getattr(narrative, attr, "") if narrative else ""
    form_class = type("NarrativesForm", (WorkspaceFormMixin, forms.Form), fields)
    return form_class(data, initial=initial)


@login_required
@require_http_methods(["GET", "POST"])
def ws_report_narratives(request: HttpRequest, pk: int) -> HttpResponse:
    """The narrative per goal, bokmål, nynorsk and English side by side; only while a draft."""
    _require_office(request)
    report = _get_report(pk)
    manage_url = reverse("ws-governance:report", kwargs={"pk": report.pk})
    if report.state != AnnualReport.State.DRAFT:
        messages.error(request, _("The narratives can only be changed while the report is a draft."))
        return redirect(manage_url)
    goals = list(Goal.objects.filter(strategy=report.strategy).order_by("number"))
    narratives = {n.goal_id: n for n in report.narratives.all()}
    form = narratives_form(request.POST or None, goals=goals, narratives=narratives)
    if request.method == "POST" and form.is_valid():
        try:
            for goal in goals:
                values = [form.cleaned_data[f"goal_{goal.pk}{suffix}"] for suffix in ("", "_nn", "_en")]
                if goal.pk in narratives or any(value.strip() for value in values):
                    report_services.goal_narrative_save(
                        report=report, goal=goal, text=values[0], text_nn=values[1], text_en=values[2], by=request.user
                    )
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The narratives are saved."))
            return redirect(manage_url)
    title = _("Narratives of the annual report %(year)s") % {"year": report.year}
    return render(
        request,
        "workspace/form.html",
        {
            "title": title,
            "intro": _("What the strategy office writes about each goal's year. Markdown: paragraphs, lists, links."),
            "form": form,
            "submit_label": _("Save the narratives"),
            "cancel_url": manage_url,
            "breadcrumbs": [_list_crumb(), (_("Annual report %(year)s") % {"year": report.year}, manage_url)],
        },
    )


class ApproveForm(WorkspaceFormMixin, forms.Form):
    case = forms.ModelChoiceField(
        label=gettext_lazy("The council's case"),
        queryset=report_services.approving_cases(),
        help_text=gettext_lazy("A case of the council with its decision recorded."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case"].label_from_instance = lambda case: f"{case.meeting.label}, {case.label}: {case.title}"
        self.fields["case"].widget.choices = self.fields["case"].choices


@login_required
@require_http_methods(["GET", "POST"])
def ws_report_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the council's approval: choose the decided case, confirm."""
    _require_office(request)
    report = _get_report(pk)
    manage_url = reverse("ws-governance:report", kwargs={"pk": report.pk})
    form = ApproveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report_services.annual_report_approve(report=report, case=form.cleaned_data["case"], by=request.user)
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The approval is recorded."))
            return redirect(manage_url)
    if report.state != AnnualReport.State.DRAFT and request.method == "GET":
        messages.error(request, _("Only a draft report can be approved."))
        return redirect(manage_url)
    return render(
        request,
        "workspace/form.html",
        {
            "title": _("Approve the annual report %(year)s") % {"year": report.year},
            "intro": _(
                "Record the council case that approved the report. After this the narratives can no longer be "
                "changed; the report is published in a further step."
            ),
            "form": form,
            "submit_label": _("Record the approval"),
            "cancel_url": manage_url,
            "breadcrumbs": [_list_crumb(), (_("Annual report %(year)s") % {"year": report.year}, manage_url)],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def ws_report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish an approved report (a confirmation page, then POST)."""
    _require_office(request)
    report = _get_report(pk)
    manage_url = reverse("ws-governance:report", kwargs={"pk": report.pk})
    if request.method == "POST":
        try:
            report_services.annual_report_publish(report=report, by=request.user)
        except Refused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("The annual report for %(year)s is published.") % {"year": report.year})
        return redirect(manage_url)
    return render(
        request,
        "workspace/confirm.html",
        {
            "title": _("Publish the annual report %(year)s") % {"year": report.year},
            "question": _("Publish the report for everyone to read?"),
            "consequences": [
                _("Its content is frozen as it stands now and never changes afterwards."),
                _("The public can read it at %(url)s, and a PDF is made.")
                % {"url": reverse("governance:annual-report", kwargs={"year": report.year})},
            ],
            "submit_label": _("Publish"),
            "cancel_url": manage_url,
            "breadcrumbs": [_list_crumb(), (_("Annual report %(year)s") % {"year": report.year}, manage_url)],
        },
    )
