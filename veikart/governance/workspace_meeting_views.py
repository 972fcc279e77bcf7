"""The governance meetings in the workspace: the meetings of each body and year, a meeting with its
agenda, its cases with their papers, attachments and decisions, the moves through the meeting's
states, the minutes, and the follow-up actions.

The strategy office prepares and changes everything; a body member reads the meetings of the
bodies they sit on (``Body.objects.readable_by``) and the papers the models let them read
(``Case.papers_readable_by``). Views parse input, call ``services`` (or ``attachments``) and
render: a ``Refused`` comes back as an error on the re-shown form, with what was typed kept; a
``PermissionDenied`` is a 403. Every change is a POST; the moves of a meeting, removals and
marking an action done ask first on a confirmation page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from veikart.accounts import permissions
from veikart.core.exchange.limits import Limits, human_size
from veikart.roadmap.models import render_markdown

from . import attachments, services
from .meeting_forms import AttachmentForm, CaseForm, DecisionForm, FollowUpForm, MeetingForm, MinutesForm
from .meeting_pages import case_rows
from .models import Attachment, Body, Case, Meeting
from .workspace_meeting_pages import SOON, can_follow_up, follow_ups_for, meetings_for, titled

GET_POST = require_http_methods(["GET", "POST"])


def _require_office(request: HttpRequest) -> None:
    if not permissions.can_manage_governance(request.user):
        raise PermissionDenied(_("Only the strategy office prepares governance meetings."))


def _require_reader(request: HttpRequest) -> None:
    if not permissions.can_read_governance_papers(request.user):
        raise PermissionDenied(_("Only the strategy office and governance body members read the meeting papers."))


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    """The meeting ``pk`` if the viewer follows it (403 for a role without governance pages, else 404)."""
    _require_reader(request)
    meeting = meetings_for(request.user).filter(pk=pk).first()
    if meeting is None:
        raise Http404
    return meeting


def _case(request: HttpRequest, pk: int) -> Case:
    """The case ``pk`` if the viewer follows its meeting (403 for a role without governance pages, else 404)."""
    _require_reader(request)
    case = (
        Case.objects.filter(pk=pk, meeting__in=meetings_for(request.user))
        .select_related("meeting", "meeting__body")
        .first()
    )
    if case is None:
        raise Http404
    return case


def _meeting_url(meeting: Meeting) -> str:
    return reverse("ws-governance:meeting", kwargs={"pk": meeting.pk})


def _case_url(case: Case) -> str:
    return reverse("ws-governance:case", kwargs={"pk": case.pk})


def _list_crumb() -> tuple[str, str]:
    return (_("Meetings"), reverse("ws-governance:meeting-list"))


def _meeting_crumbs(meeting: Meeting) -> list[tuple[str, str]]:
    return [_list_crumb(), (meeting.label, _meeting_url(meeting))]


def _case_crumbs(case: Case) -> list[tuple[str, str]]:
    # The case's number with its meeting's: case numbers repeat from body to body.
    return [*_meeting_crumbs(case.meeting), (f"{case.label}, {case.meeting.label}", _case_url(case))]


def _refuse_locked_page(request: HttpRequest, meeting: Meeting) -> HttpResponse | None:
    """On a GET of a form that would change a locked meeting: back to the meeting, saying why."""
    if request.method == "GET" and meeting.is_locked:
        messages.error(
            request,
            _("The minutes of %(meeting)s are approved; its papers can no longer be changed.")
            % {"meeting": meeting.label},
        )
        return redirect(_meeting_url(meeting))
    return None


def _form_page(request: HttpRequest, *, title: str, form, breadcrumbs, cancel_url: str, **extra) -> HttpResponse:
    context = {"title": title, "form": form, "breadcrumbs": breadcrumbs, "cancel_url": cancel_url, **extra}
    return render(request, "workspace/form.html", context)


# --- Meetings -------------------------------------------------------------------------------------


@login_required
@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    """The meetings of a year (``?year=``, default this year), body by body (``?body=`` for one), with their state."""
    _require_reader(request)
    meetings = meetings_for(request.user)
    years = sorted(set(meetings.values_list("year", flat=True)) | {timezone.localdate().year}, reverse=True)
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year
    if year not in years:
        year = timezone.localdate().year
    bodies = list(Body.objects.readable_by(request.user))
    chosen = next((body for body in bodies if body.slug == request.GET.get("body")), None)
    shown = meetings.filter(year=year).order_by("starts_at", "number")
    groups = [
        (body, [meeting for meeting in shown if meeting.body_id == body.pk])
        for body in bodies
        if chosen is None or body == chosen
    ]
    context = {
        "title": _("Meetings"),
        "years": years,
        "year": year,
        "bodies": bodies,
        "chosen": chosen,
        "groups": groups,
        "can_manage": permissions.can_manage_governance(request.user),
    }
    return render(request, "governance/workspace/meeting_list.html", context)


# The state a meeting moves to: (the button's words, the question, what follows).
MEETING_MOVES = {
    Meeting.State.SUMMONED: (
        gettext_lazy("Summon the meeting"),
        gettext_lazy("Summon the meeting? Its agenda becomes public, with the titles of the cases the public may see."),
    ),
    Meeting.State.HELD: (
        gettext_lazy("Mark the meeting held"),
        gettext_lazy("Mark the meeting held? The decisions of its cases can then be recorded."),
    ),
    Meeting.State.MINUTES_APPROVED: (
        gettext_lazy("Approve the minutes"),
        gettext_lazy(
            "Approve the minutes? The meeting, its cases, decisions and attachments then become read-only for good."
        ),
    ),
}
_NEXT = {
    Meeting.State.DRAFT: Meeting.State.SUMMONED,
    Meeting.State.SUMMONED: Meeting.State.HELD,
    Meeting.State.HELD: Meeting.State.MINUTES_APPROVED,
}


@login_required
@require_GET
def meeting_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting: its time and place, its agenda (with what each reader may see of each case), the
    minutes, and for the strategy office what can be done next."""
    meeting = _meeting(request, pk)
    cases = list(
        meeting.cases.select_related("decision").prefetch_related("attachments").order_by("position", "number")
    )
    for row in case_rows(cases, request.user):
        row.case.readable, row.case.shown_title = row.papers, row.title
    can_manage = permissions.can_manage_governance(request.user)
    next_state = _NEXT.get(Meeting.State(meeting.state))
    context = {
        "title": meeting.label,
        "meeting": meeting,
        "cases": cases,
        "can_manage": can_manage,
        "can_change": can_manage and not meeting.is_locked,
        "next_state": next_state,
        "next_label": MEETING_MOVES[next_state][0] if next_state else None,
        "minutes_html": render_markdown(meeting.minutes),
        "breadcrumbs": [_list_crumb()],
    }
    return render(request, "governance/workspace/meeting_page.html", context)


@login_required
@GET_POST
def meeting_create(request: HttpRequest) -> HttpResponse:
    """A new draft meeting (``?body=`` preselects the body), with the standing items on its agenda."""
    _require_office(request)
    initial = {}
    if body := Body.objects.filter(slug=request.GET.get("body", "")).first():
        initial["body"] = body
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.create_meeting(form.cleaned_data["body"], form.meeting_data(), by=request.user)
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("%(meeting)s was created with the standing items.") % {"meeting": meeting})
            return redirect(_meeting_url(meeting))
    return _form_page(
        request,
        title=_("New meeting"),
        form=form,
        breadcrumbs=[_list_crumb()],
        cancel_url=reverse("ws-governance:meeting-list"),
        submit_label=_("Create"),
    )


@login_required
@GET_POST
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    meeting = _meeting(request, pk)
    if refused := _refuse_locked_page(request, meeting):
        return refused
    form = MeetingForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_meeting(meeting, form.meeting_data(), by=request.user)
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The meeting is saved."))
            return redirect(_meeting_url(meeting))
    return _form_page(
        request,
        title=_("Change the meeting %(meeting)s") % {"meeting": meeting.label},
        form=form,
        breadcrumbs=_meeting_crumbs(meeting),
        cancel_url=_meeting_url(meeting),
    )


@login_required
@GET_POST
def meeting_move(request: HttpRequest, pk: int, state: str) -> HttpResponse:
    """Summon, mark held or approve the minutes (``state`` is the new state), after a confirmation."""
    _require_office(request)
    meeting = _meeting(request, pk)
    if state not in MEETING_MOVES:
        raise Http404
    label, question = MEETING_MOVES[Meeting.State(state)]
    if request.method == "GET" and _NEXT.get(Meeting.State(meeting.state)) != state:
        messages.error(
            request,
            _("%(meeting)s is %(state)s and cannot be moved to “%(to)s”.")
            % {
                "meeting": meeting.label,
                "state": meeting.get_state_display().lower(),
                "to": Meeting.State(state).label,
            },
        )
        return redirect(_meeting_url(meeting))
    if request.method == "POST":
        try:
            services.advance_meeting(meeting, state, by=request.user)
        except services.Refused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request,
                _("%(meeting)s is now %(state)s.")
                % {"meeting": meeting.label, "state": Meeting.State(state).label.lower()},
            )
        return redirect(_meeting_url(meeting))
    context = {
        "title": f"{label}: {meeting.label}",
        "question": question,
        "submit_label": label,
        "cancel_url": _meeting_url(meeting),
        "danger": state == Meeting.State.MINUTES_APPROVED,
        "breadcrumbs": _meeting_crumbs(meeting),
    }
    return render(request, "workspace/confirm.html", context)


@login_required
@GET_POST
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The minutes' own text, once the meeting is held and until they are approved."""
    _require_office(request)
    meeting = _meeting(request, pk)
    if refused := _refuse_locked_page(request, meeting):
        return refused
    form = MinutesForm(request.POST or None, initial={"minutes": meeting.minutes})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_minutes(meeting, form.cleaned_data["minutes"], by=request.user)
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The minutes are saved."))
            return redirect(_meeting_url(meeting))
    return _form_page(
        request,
        title=_("Minutes of %(meeting)s") % {"meeting": meeting.label},
        form=form,
        breadcrumbs=_meeting_crumbs(meeting),
        cancel_url=_meeting_url(meeting),
    )


# --- Cases ----------------------------------------------------------------------------------------


@login_required
@require_GET
def case_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A case with its papers (where the viewer reads them), attachments, decision and follow-up actions."""
    case = _case(request, pk)
    meeting = case.meeting
    readable = case.papers_readable_by(request.user)
    can_manage = permissions.can_manage_governance(request.user)
    decision = getattr(case, "decision", None)
    shown_title = case.public_title(request.user)
    context = {
        "title": f"{case.label} {shown_title or ''}".strip(),
        "case": case,
        "meeting": meeting,
        "readable": readable,
        "shown_title": shown_title,
        "background_html": render_markdown(case.background) if readable else "",
        "proposed_html": render_markdown(case.proposed_decision) if readable else "",
        "decision": decision,
        "decision_html": render_markdown(decision.text) if decision and readable else "",
        "follow_ups": list(decision.follow_up_actions.select_related("responsible")) if decision else [],
        "attachments": list(case.attachments.all()) if readable else [],
        "links": _links(case) if readable else [],
        "can_manage": can_manage,
        "can_change": can_manage and not meeting.is_locked,
        "today": timezone.localdate(),
        "breadcrumbs": _meeting_crumbs(meeting),
    }
    return render(request, "governance/workspace/case_page.html", context)


def _links(case: Case) -> list[tuple[str, list]]:
    return [
        (_("Goals"), list(case.goals.order_by("number"))),
        (_("Sub-goals"), list(case.sub_goals.order_by("code"))),
        (_("Roadmap items"), list(case.roadmap_items.order_by("title"))),
        (_("Indicators"), list(case.indicators.order_by("code"))),
        (_("Portfolio snapshots"), list(case.snapshots.order_by("-taken_at"))),
    ]


@login_required
@GET_POST
def case_create(request: HttpRequest, pk: int) -> HttpResponse:
    """A case at the end of the meeting's agenda; a number chosen by hand that is taken is refused."""
    _require_office(request)
    meeting = _meeting(request, pk)
    if refused := _refuse_locked_page(request, meeting):
        return refused
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.add_case(meeting, form.case_data(), by=request.user)
        except services.Refused as refusal:
            number = form.cleaned_data.get("number")
            taken = number and Case.objects.filter(body_id=meeting.body_id, year=meeting.year, number=number).exists()
            form.add_error("number" if taken else None, refusal.message)
        else:
            messages.success(request, _("%(case)s was added to the agenda.") % {"case": case.label})
            return redirect(_meeting_url(meeting))
    return _form_page(
        request,
        title=_("New case for %(meeting)s") % {"meeting": meeting.label},
        form=form,
        breadcrumbs=_meeting_crumbs(meeting),
        cancel_url=_meeting_url(meeting),
        submit_label=_("Add to the agenda"),
    )


@login_required
@GET_POST
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    case = _case(request, pk)
    if refused := _refuse_locked_page(request, case.meeting):
        return refused
    form = CaseForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_case(case, form.case_data(), by=request.user)
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The case is saved."))
            return redirect(_case_url(case))
    return _form_page(
        request,
        title=_("Change %(case)s") % {"case": case.label},
        form=form,
        breadcrumbs=_case_crumbs(case),
        cancel_url=_case_url(case),
    )


@login_required
@GET_POST
def case_remove(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    case = _case(request, pk)
    meeting = case.meeting
    if request.method == "POST":
        try:
            services.remove_case(case, by=request.user)
        except services.Refused as refusal:
            messages.error(request, refusal.message)
            return redirect(_case_url(case))
        messages.success(request, _("%(case)s was taken off the agenda.") % {"case": case.label})
        return redirect(_meeting_url(meeting))
    if refused := _refuse_locked_page(request, meeting):
        return refused
    context = {
        "title": _("Remove %(case)s") % {"case": case.label},
        "question": _("Take the case “%(title)s” off the agenda? Its number is not given again.")
        % {"title": case.title},
        "submit_label": _("Remove the case"),
        "cancel_url": _case_url(case),
        "danger": True,
        "breadcrumbs": _case_crumbs(case),
    }
    return render(request, "workspace/confirm.html", context)


@login_required
@require_POST
def case_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a case up (``direction=up``) or down the agenda."""
    _require_office(request)
    case = _case(request, pk)
    try:
        services.move_case(case, up=request.POST.get("direction") == "up", by=request.user)
    except services.Refused as refusal:
        messages.error(request, refusal.message)
    return redirect(f"{_meeting_url(case.meeting)}#agenda")


# --- Attachments ----------------------------------------------------------------------------------


@login_required
@GET_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a PDF to a case (checked by ``attachments.check_pdf``)."""
    _require_office(request)
    case = _case(request, pk)
    if refused := _refuse_locked_page(request, case.meeting):
        return refused
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            attachments.attachment_add(
                case, title=form.cleaned_data["title"], stream=upload, file_name=upload.name, by=request.user
            )
        except services.Refused as refusal:
            form.add_error("file", refusal.message)
        else:
            messages.success(request, _("The attachment was added."))
            return redirect(_case_url(case))
    return _form_page(
        request,
        title=_("Attach a PDF to %(case)s") % {"case": case.label},
        form=form,
        breadcrumbs=_case_crumbs(case),
        cancel_url=_case_url(case),
        enctype="multipart/form-data",
        intro=_("A file that is not a PDF document is refused, whatever its name, and so is one larger than %(limit)s.")
        % {"limit": human_size(Limits.for_uploads().max_bytes)},
        submit_label=_("Upload"),
    )


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """The PDF, to whoever reads the case's papers (anyone for a public case on a public meeting);
    404 for everyone else, so an exempt case's attachments are not even confirmed to exist."""
    attachment = Attachment.objects.select_related("case", "case__meeting").filter(pk=pk).first()
    if attachment is None or not attachment.case.papers_readable_by(request.user):
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, content_type="application/pdf", filename=attachments.download_name(attachment))
    if attachment.case.is_exempt or attachment.case.meeting.state == Meeting.State.DRAFT:
        response["Cache-Control"] = "private, no-store"
    return response


@login_required
@GET_POST
def attachment_remove(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    attachment = Attachment.objects.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    case = _case(request, attachment.case_id)
    if request.method == "POST":
        try:
            attachments.attachment_remove(attachment, by=request.user)
        except services.Refused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("The attachment was removed."))
        return redirect(_case_url(case))
    if refused := _refuse_locked_page(request, case.meeting):
        return refused
    context = {
        "title": _("Remove the attachment %(title)s") % {"title": attachment.title},
        "question": _("Remove the attachment “%(title)s” from %(case)s?")
        % {"title": attachment.title, "case": case.label},
        "submit_label": _("Remove the attachment"),
        "cancel_url": _case_url(case),
        "danger": True,
        "breadcrumbs": _case_crumbs(case),
    }
    return render(request, "workspace/confirm.html", context)


# --- Decisions and follow-up ----------------------------------------------------------------------


@login_required
@GET_POST
def decision_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Record (or change) the decision on a case, once the meeting is held and until the minutes are approved."""
    _require_office(request)
    case = _case(request, pk)
    meeting = case.meeting
    if refused := _refuse_locked_page(request, meeting):
        return refused
    if request.method == "GET" and not meeting.is_held:
        messages.error(
            request,
            _("%(meeting)s has not been held yet; decisions are recorded after the meeting.")
            % {"meeting": meeting.label},
        )
        return redirect(_case_url(case))
    decision = getattr(case, "decision", None)
    initial = {"text": case.proposed_decision}
    if decision is not None:
        initial = {
            "text": decision.text,
            "outcome": decision.outcome,
            "dissent": decision.dissent,
            "review_on": decision.review_on,
        }
    form = DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_decision(case, form.decision_data(), by=request.user)
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The decision is recorded."))
            return redirect(_case_url(case))
    return _form_page(
        request,
        title=_("Decision on %(case)s") % {"case": case.label},
        form=form,
        breadcrumbs=_case_crumbs(case),
        cancel_url=_case_url(case),
        intro=_("The proposed decision is filled in; change it to what was decided."),
    )


@login_required
@GET_POST
def follow_up_create(request: HttpRequest, pk: int) -> HttpResponse:
    """A follow-up action on the case's decision, for an organisation by a date."""
    _require_office(request)
    case = _case(request, pk)
    if refused := _refuse_locked_page(request, case.meeting):
        return refused
    decision = getattr(case, "decision", None)
    if decision is None:
        messages.error(request, _("Record the decision before its follow-up actions."))
        return redirect(_case_url(case))
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_follow_up(
                decision,
                description=data["description"],
                responsible=data["responsible"],
                due_on=data["due_on"],
                by=request.user,
            )
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The follow-up action was added."))
            return redirect(_case_url(case))
    return _form_page(
        request,
        title=_("New follow-up action on %(case)s") % {"case": case.label},
        form=form,
        breadcrumbs=_case_crumbs(case),
        cancel_url=_case_url(case),
    )


@login_required
@require_GET
def follow_up_list(request: HttpRequest) -> HttpResponse:
    """The open follow-up actions (``?show=done`` for those done), overdue first, then by due date."""
    if not can_follow_up(request.user):
        raise PermissionDenied(_("Only the strategy office and owner editors follow up decisions."))
    show_done = request.GET.get("show") == "done"
    actions = follow_ups_for(request.user).filter(done_on__isnull=not show_done)
    if show_done:
        actions = actions.order_by("-done_on", "pk")
    rows = list(actions[:500])
    titled(rows, request.user)
    context = {
        "title": _("Follow-up actions"),
        "actions": rows,
        "show_done": show_done,
        "today": timezone.localdate(),
        "soon": timezone.localdate() + SOON,
        "can_read_papers": permissions.can_read_governance_papers(request.user),
    }
    return render(request, "governance/workspace/follow_ups.html", context)


@login_required
@GET_POST
def follow_up_done(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark an action done today: the strategy office, or an owner editor of the responsible organisation."""
    action = follow_ups_for(request.user).filter(pk=pk).first()
    if action is None:
        if not can_follow_up(request.user):
            raise PermissionDenied(_("Only the strategy office and the responsible organisation mark this done."))
        raise Http404
    back = reverse("ws-governance:follow-up-list")
    if request.method == "POST":
        try:
            services.mark_follow_up_done(action, by=request.user)
        except services.Refused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("The follow-up action is marked done."))
        return redirect(back)
    context = {
        "title": _("Mark done: %(action)s") % {"action": action.description},
        "question": _("Mark “%(action)s” done today?") % {"action": action.description},
        "submit_label": _("Mark done"),
        "cancel_url": back,
        "breadcrumbs": [(_("Follow-up actions"), back)],
    }
    return render(request, "workspace/confirm.html", context)
