"""The annual cycle's pages: the year and the list for everyone, the iCal feed, and the strategy
office's pages for the stored events and for making next year's cycle from this one.

Views parse input, call ``cycle`` and render; a refusal comes back as a message on the page.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from veikart.accounts import permissions
from veikart.core.ical import all_day_event, calendar_response, new_calendar, timed_event

from . import cycle
from .cycle_forms import CopyCycleForm, CycleEventForm
from .cycle_models import CycleEvent
from .services import Refused

# The feed is what the public sees: a calendar program subscribes without logging in.
_ANONYMOUS = AnonymousUser()


def _chosen_year(request: HttpRequest) -> tuple[int, str]:
    """The year asked for in ``?year=`` (default: this year) and, when it is not a year the cycle
    answers for, the message that says so (the page then shows this year)."""
    this_year = timezone.localdate().year
    asked = request.GET.get("year", "").strip()
    if not asked:
        return this_year, ""
    if asked.isdigit() and cycle.is_cycle_year(int(asked)):
        return int(asked), ""
    return this_year, _("“%(asked)s” is not a year from %(first)s to %(last)s; showing %(year)s.") % {
        "asked": asked[:20],
        "first": cycle.FIRST_YEAR,
        "last": cycle.LAST_YEAR,
        "year": this_year,
    }


def _year_context(request: HttpRequest) -> dict:
    year, problem = _chosen_year(request)
    entries = cycle.year_cycle(year, request.user)
    return {
        "year": year,
        "problem": problem,
        "entries": entries,
        "previous_year": year - 1 if cycle.is_cycle_year(year - 1) else None,
        "next_year": year + 1 if cycle.is_cycle_year(year + 1) else None,
        "shows_drafts": permissions.is_strategy_office(request.user),
        "can_manage": permissions.can_manage_governance(request.user),
    }


@require_GET
def year_view(request: HttpRequest) -> HttpResponse:
    """The year's cycle month by month: twelve headings, each with its events as a list."""
    context = _year_context(request)
    context["months"] = cycle.by_month(context["year"], context["entries"])
    return render(request, "governance/cycle_year.html", context)


@require_GET
def list_view(request: HttpRequest) -> HttpResponse:
    """The year's cycle as one table, in date order."""
    return render(request, "governance/cycle_list.html", _year_context(request))


@require_GET
def ical_feed(request: HttpRequest, year: int) -> HttpResponse:
    """The year's cycle as an iCalendar feed, as the public sees it (a calendar subscription carries no
    login): whole-day events for dates and spans, meetings at their time in Europe/Oslo."""
    if not cycle.is_cycle_year(year):
        raise Http404
    calendar = new_calendar(_("Annual cycle %(year)s") % {"year": year})
    now = timezone.now()
    for entry in cycle.year_cycle(year, _ANONYMOUS):
        common = {
            "uid": entry.uid,
            "summary": entry.title.text,
            "stamp": entry.changed_at or now,
            "url": request.build_absolute_uri(entry.url) if entry.url else "",
            "description": entry.description.text if entry.description else "",
        }
        if entry.starts_at is not None:
            event = timed_event(starts_at=entry.starts_at, ends_at=entry.ends_at, location=entry.place, **common)
        else:
            event = all_day_event(first_day=entry.starts, last_day=entry.ends, **common)
        event.add("categories", [entry.kind_label])
        calendar.add_component(event)
    return calendar_response(calendar, first_day=datetime.date(year, 1, 1), last_day=datetime.date(year + 1, 1, 1))


# --- The strategy office's pages ------------------------------------------------------------------


def _require_office(request: HttpRequest) -> None:
    if not permissions.can_manage_governance(request.user):
        raise PermissionDenied(_("Only the strategy office keeps the annual cycle."))


def _workspace_url(year: int) -> str:
    return f"{reverse('ws-governance:cycle')}?year={year}"


def _crumbs(year: int) -> list[tuple[str, str]]:
    return [(_("Annual cycle %(year)s") % {"year": year}, _workspace_url(year))]


@login_required
@require_GET
def workspace_year(request: HttpRequest) -> HttpResponse:
    """The stored events of the year, to add, change and remove, and the way to next year's cycle."""
    _require_office(request)
    year, problem = _chosen_year(request)
    events = CycleEvent.objects.filter(year=year).select_related("body").order_by("starts", "pk")
    context = {
        "title": _("Annual cycle %(year)s") % {"year": year},
        "year": year,
        "problem": problem,
        "events": events,
        "periods_url": reverse("ws-reporting:period-list"),
        "previous_year": year - 1 if cycle.is_cycle_year(year - 1) else None,
        "next_year": year + 1 if cycle.is_cycle_year(year + 1) else None,
    }
    return render(request, "governance/cycle_workspace.html", context)


def _event_form_page(request: HttpRequest, form: CycleEventForm, title: str, year: int) -> HttpResponse:
    context = {
        "title": title,
        "form": form,
        "object": form.instance if form.instance.pk else None,
        "cancel_url": _workspace_url(year),
        "breadcrumbs": _crumbs(year),
        "intro": _(
            "Reporting deadlines come from the reporting periods and meetings from the meetings; "
            "add here what the cycle holds besides."
        ),
    }
    return render(request, "workspace/form.html", context)


def _save(request: HttpRequest, form: CycleEventForm) -> CycleEvent | None:
    """The event saved through ``cycle.save_event``, or None with its problems put on the form."""
    try:
        return cycle.save_event(form.save(commit=False), by=request.user)
    except ValidationError as error:
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
        return None


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    year, _problem = _chosen_year(request)
    form = CycleEventForm(request.POST or None, initial={"year": year})
    if request.method == "POST" and form.is_valid() and (event := _save(request, form)):
        messages.success(request, _("The event was added to the annual cycle."))
        return redirect(_workspace_url(event.year))
    return _event_form_page(request, form, _("New event in the annual cycle"), year)


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    event = get_object_or_404(CycleEvent, pk=pk)
    year = event.year
    form = CycleEventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid() and (saved := _save(request, form)):
        messages.success(request, _("The event was saved."))
        return redirect(_workspace_url(saved.year))
    return _event_form_page(request, form, _("Change the event"), year)


@login_required
@require_http_methods(["GET", "POST"])
def event_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    event = get_object_or_404(CycleEvent, pk=pk)
    if request.method == "POST":
        cycle.delete_event(event, by=request.user)
        messages.success(request, _("The event was removed from the annual cycle."))
        return redirect(_workspace_url(event.year))
    context = {
        "title": _("Remove the event"),
        "object": event,
        "question": _("Remove “%(title)s” (%(date)s) from the annual cycle %(year)s?")
        % {"title": event.title, "date": event.starts.isoformat(), "year": event.year},
        "submit_label": _("Remove"),
        "cancel_url": _workspace_url(event.year),
        "danger": True,
        "breadcrumbs": _crumbs(event.year),
    }
    return render(request, "workspace/confirm.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def copy_cycle(request: HttpRequest, year: int) -> HttpResponse:
    """Make ``year + 1``'s cycle from ``year``'s: a confirmation page listing what will be copied."""
    _require_office(request)
    if not (cycle.is_cycle_year(year) and cycle.is_cycle_year(year + 1)):
        raise Http404
    target = year + 1
    form = CopyCycleForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            result = cycle.copy_cycle(year, target, by=request.user, only_missing=form.cleaned_data["only_missing"])
        except Refused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request,
                _("%(count)s events were copied to %(year)s.") % {"count": len(result.created), "year": target},
            )
            return redirect(_workspace_url(target))
    originals = CycleEvent.objects.filter(year=year).order_by("starts", "pk")
    existing = CycleEvent.objects.filter(year=target).count()
    context = {
        "title": _("Create %(target)s from %(year)s") % {"target": target, "year": year},
        "year": year,
        "target": target,
        "originals": [(event, cycle.same_day_in(event.starts, target)) for event in originals],
        "existing": existing,
        "form": form,
        "cancel_url": _workspace_url(year),
        "breadcrumbs": _crumbs(year),
    }
    return render(request, "governance/cycle_copy.html", context)
