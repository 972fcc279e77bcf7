"""The governance bodies in the workspace (the strategy office's): the list, a body with its
memberships, its name and mandate in each language, a seat added, a seat ended."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from veikart.accounts import permissions
from veikart.roadmap.models import render_markdown

from . import bodies
from .meeting_forms import BodyForm, MembershipEndForm, MembershipForm
from .models import Body, Membership
from .services import Refused

GET_POST = require_http_methods(["GET", "POST"])


def _require_office(request: HttpRequest) -> None:
    if not permissions.can_manage_governance(request.user):
        raise PermissionDenied(_("Only the strategy office maintains the governance bodies."))


def _list_crumb() -> tuple[str, str]:
    return (_("Governance bodies"), reverse("ws-governance:body-list"))


def _body_url(body: Body) -> str:
    return reverse("ws-governance:body", kwargs={"slug": body.slug})


@login_required
@require_GET
def body_list(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    today = timezone.localdate()
    rows = [(body, body.memberships.current(today).count()) for body in Body.objects.all()]
    return render(request, "governance/workspace/body_list.html", {"title": _("Governance bodies"), "rows": rows})


@login_required
@require_GET
def body_page(request: HttpRequest, slug: str) -> HttpResponse:
    """A body's mandate and its memberships, current ones first, then past and future ones."""
    _require_office(request)
    body = get_object_or_404(Body, slug=slug)
    today = timezone.localdate()
    memberships = list(body.memberships.select_related("user", "organisation").order_by("-starts", "person_name"))
    current_ids = set(body.memberships.current(today).values_list("pk", flat=True))
    context = {
        "title": body.name,
        "body": body,
        "mandate_html": render_markdown(body.mandate),
        "current": [membership for membership in memberships if membership.pk in current_ids],
        "others": [membership for membership in memberships if membership.pk not in current_ids],
        "breadcrumbs": [_list_crumb()],
    }
    return render(request, "governance/workspace/body_page.html", context)


@login_required
@GET_POST
def body_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """A body's name and mandate in bokmål, nynorsk and English side by side."""
    _require_office(request)
    body = get_object_or_404(Body, slug=slug)
    form = BodyForm(request.POST or None, instance=body)
    if request.method == "POST" and form.is_valid():
        try:
            bodies.body_save(form.instance, by=request.user)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The body is saved."))
            return redirect(_body_url(body))
    context = {
        "title": _("Change the name and mandate"),
        "object": body,
        "form": form,
        "cancel_url": _body_url(body),
        "breadcrumbs": [_list_crumb(), (body.short_name, _body_url(body))],
    }
    return render(request, "workspace/form.html", context)


@login_required
@GET_POST
def membership_add(request: HttpRequest, slug: str) -> HttpResponse:
    _require_office(request)
    body = get_object_or_404(Body, slug=slug)
    form = MembershipForm(request.POST or None, initial={"starts": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            bodies.membership_add(body, form.membership_data(), by=request.user)
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The member was added."))
            return redirect(_body_url(body))
    context = {
        "title": _("New member of %(body)s") % {"body": body.short_name},
        "form": form,
        "submit_label": _("Add"),
        "cancel_url": _body_url(body),
        "breadcrumbs": [_list_crumb(), (body.short_name, _body_url(body))],
    }
    return render(request, "workspace/form.html", context)


@login_required
@GET_POST
def membership_end(request: HttpRequest, pk: int) -> HttpResponse:
    """End a seat on a chosen day (today by default); the person then stops reading the body's papers."""
    _require_office(request)
    membership = get_object_or_404(Membership.objects.select_related("body"), pk=pk)
    body = membership.body
    form = MembershipEndForm(request.POST or None, initial={"ends": membership.ends or timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            bodies.membership_end(membership, form.cleaned_data["ends"], by=request.user)
        except Refused as refusal:
            form.add_error("ends", refusal.message)
        else:
            messages.success(request, _("The membership was ended."))
            return redirect(_body_url(body))
    context = {
        "title": _("End the membership of %(person)s") % {"person": membership.person_name},
        "form": form,
        "intro": _("From the day after, the person no longer reads the body's restricted papers."),
        "submit_label": _("End the membership"),
        "cancel_url": _body_url(body),
        "breadcrumbs": [_list_crumb(), (body.short_name, _body_url(body))],
    }
    return render(request, "workspace/form.html", context)
