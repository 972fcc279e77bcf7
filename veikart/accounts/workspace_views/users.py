"""List, invite and edit users; send an invitation again; deactivate and reactivate (the strategy office only).

Users are never deleted: their names stay on what they changed. Nobody can
deactivate themselves or take away their own strategy office role, so the
office cannot lock itself out.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from veikart.accounts import services
from veikart.accounts.forms import UserEditForm, UserFilterForm, UserInviteForm
from veikart.accounts.models import User
from veikart.accounts.workspace_views import require_people_manager
from veikart.workspace.listing import Column, listing

logger = logging.getLogger(__name__)

COLUMNS = [
    Column("name", gettext_lazy("Name"), ["last_name", "first_name", "username"]),
    Column("email", gettext_lazy("E-mail address"), ["email"]),
    Column("role", gettext_lazy("Role"), ["role"]),
    Column("organisation", gettext_lazy("Organisation"), ["organisation__name"]),
    Column("active", gettext_lazy("Status"), ["is_active"]),
    Column("last_login", gettext_lazy("Last login"), ["last_login"]),
]


def _breadcrumbs() -> list[tuple[str, str]]:
    return [(_("Users"), reverse("ws-accounts:user-list"))]


def _edit_url(user: User) -> str:
    return reverse("ws-accounts:user-edit", args=[user.pk])


@login_required
@require_GET
def user_list(request: HttpRequest) -> HttpResponse:
    """Every user, filtered by role, organisation and status, searched by name, e-mail or username."""
    require_people_manager(request)
    filters = UserFilterForm(request.GET)
    users = User.objects.select_related("organisation")
    if filters.is_valid():
        data = filters.cleaned_data
        if query := data["q"].strip():
            users = users.filter(
                Q(first_name__icontains=query)
                | Q(last_name__icontains=query)
                | Q(email__icontains=query)
                | Q(username__icontains=query)
            )
        if data["role"]:
            users = users.filter(role="" if data["role"] == "none" else data["role"])
        if data["organisation"]:
            users = users.filter(organisation=data["organisation"])
        if data["active"]:
            users = users.filter(is_active=data["active"] == "yes")
    context = {"filters": filters, "listing": listing(request, users, columns=COLUMNS, default="name")}
    return render(request, "accounts/workspace/user_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def user_invite(request: HttpRequest) -> HttpResponse:
    """Create a user without a password and mail them a link to choose one."""
    require_people_manager(request)
    form = UserInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user, sent = services.user_invite(**form.cleaned_data, invited_by=request.user)
        except (ValidationError, IntegrityError):
            # The same address was taken between the form's check and the save.
            form.add_error("email", _("Another user already has this e-mail address."))
        else:
            if sent:
                messages.success(request, _("An invitation was sent to %(email)s.") % {"email": user.email})
            else:
                messages.warning(
                    request,
                    _("%(email)s was added, but the invitation could not be sent. Try sending it again later.")
                    % {"email": user.email},
                )
            return redirect(_edit_url(user))
    context = {
        "title": _("Invite a user"),
        "intro": _(
            "The person gets an e-mail with a link to choose a password. The link works once, for %(days)s days."
        )
        % {"days": settings.INVITATION_MAX_AGE_DAYS},
        "form": form,
        "submit_label": _("Send invitation"),
        "cancel_url": reverse("ws-accounts:user-list"),
        "breadcrumbs": _breadcrumbs(),
    }
    return render(request, "workspace/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Name, role, organisation and language, with the user's status and the actions on their access."""
    require_people_manager(request)
    user = get_object_or_404(User.objects.select_related("organisation"), pk=pk)
    name = user.display_name
    form = UserEditForm(request.POST or None, instance=user, editor=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        logger.info(
            "%s changed user %s (role %r, organisation %s)", request.user.username, pk, user.role, user.organisation_id
        )
        messages.success(request, _("%(name)s was saved.") % {"name": user.display_name})
        return redirect("ws-accounts:user-list")
    context = {
        "title": _("Edit %(name)s") % {"name": name},
        "form": form,
        "person": User.objects.get(pk=pk) if form.is_bound else user,
        "is_self": user.pk == request.user.pk,
        "cancel_url": reverse("ws-accounts:user-list"),
        "breadcrumbs": _breadcrumbs(),
    }
    return render(request, "accounts/workspace/user_edit.html", context)


def _may_be_invited(user: User) -> bool:
    # Someone who has chosen a password uses "forgot password" instead; a deactivated user is reactivated first.
    return user.is_active and not user.has_usable_password()


@login_required
@require_http_methods(["GET", "POST"])
def user_invitation_resend(request: HttpRequest, pk: int) -> HttpResponse:
    """Send a new invitation; the earlier link stops working."""
    require_people_manager(request)
    user = get_object_or_404(User, pk=pk)
    if not _may_be_invited(user):
        messages.error(
            request,
            _("%(name)s has chosen a password already or is deactivated; no invitation was sent.")
            % {"name": user.display_name},
        )
        return redirect(_edit_url(user))
    if request.method == "POST":
        if services.invitation_send(user=user, invited_by=request.user):
            messages.success(request, _("A new invitation was sent to %(email)s.") % {"email": user.email})
        else:
            messages.error(request, _("The invitation could not be sent. Try again later."))
        return redirect(_edit_url(user))
    context = {
        "title": _("Send the invitation again"),
        "question": _("Send %(name)s a new invitation at %(email)s?")
        % {"name": user.display_name, "email": user.email},
        "consequences": [_("Links sent earlier stop working.")],
        "submit_label": _("Send invitation"),
        "cancel_url": _edit_url(user),
        "breadcrumbs": _breadcrumbs(),
        "object": user,
    }
    return render(request, "workspace/confirm.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def user_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    """Deactivate: the user can no longer log in; nothing they did is removed."""
    require_people_manager(request)
    user = get_object_or_404(User, pk=pk)
    if user.pk == request.user.pk:
        messages.error(request, _("You cannot deactivate yourself; ask a colleague in the strategy office."))
        return redirect(_edit_url(user))
    if request.method == "POST":
        services.user_set_active(user=user, active=False, changed_by=request.user)
        messages.success(request, _("%(name)s was deactivated.") % {"name": user.display_name})
        return redirect(_edit_url(user))
    context = {
        "title": _("Deactivate %(name)s") % {"name": user.display_name},
        "question": _("Deactivate %(name)s?") % {"name": user.display_name},
        "consequences": [
            _("They can no longer log in, and an invitation link sent to them stops working."),
            _("What they have changed stays, with their name. You can reactivate them later."),
        ],
        "submit_label": _("Deactivate"),
        "cancel_url": _edit_url(user),
        "danger": True,
        "breadcrumbs": _breadcrumbs(),
    }
    return render(request, "workspace/confirm.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def user_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    require_people_manager(request)
    user = get_object_or_404(User, pk=pk)
    if request.method == "POST":
        services.user_set_active(user=user, active=True, changed_by=request.user)
        messages.success(request, _("%(name)s was reactivated.") % {"name": user.display_name})
        return redirect(_edit_url(user))
    context = {
        "title": _("Reactivate %(name)s") % {"name": user.display_name},
        "question": _("Reactivate %(name)s? They can log in again with the role they had.")
        % {"name": user.display_name},
        "submit_label": _("Reactivate"),
        "cancel_url": _edit_url(user),
        "breadcrumbs": _breadcrumbs(),
    }
    return render(request, "workspace/confirm.html", context)
