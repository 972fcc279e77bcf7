"""List, create, edit and delete organisations (the strategy office only)."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from veikart.accounts.forms import OrganisationFilterForm, OrganisationForm
from veikart.accounts.models import Organisation
from veikart.accounts.references import Reference, references_to
from veikart.accounts.services import StillReferenced, organisation_delete
from veikart.accounts.workspace_views import require_people_manager
from veikart.workspace.listing import Column, listing

logger = logging.getLogger(__name__)

COLUMNS = [
    Column("name", gettext_lazy("Name"), ["name"]),
    Column("short_name", gettext_lazy("Short name"), ["short_name"]),
    Column("kind", gettext_lazy("Kind"), ["kind", "name"]),
    Column("organisation_number", gettext_lazy("Organisation number"), ["organisation_number"]),
    Column("members", gettext_lazy("Users"), ["member_count"]),
]


def _breadcrumbs() -> list[tuple[str, str]]:
    return [(_("Organisations"), reverse("ws-accounts:organisation-list"))]


@login_required
@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    """Every organisation, filtered by kind and searched by name, short name or number."""
    require_people_manager(request)
    filters = OrganisationFilterForm(request.GET)
    organisations = Organisation.objects.annotate(member_count=Count("members"))
    if filters.is_valid():
        if query := filters.cleaned_data["q"].strip():
            organisations = organisations.filter(
                Q(name__icontains=query) | Q(short_name__icontains=query) | Q(organisation_number__contains=query)
            )
        if kind := filters.cleaned_data["kind"]:
            organisations = organisations.filter(kind=kind)
    context = {
        "filters": filters,
        "listing": listing(request, organisations, columns=COLUMNS, default="name"),
    }
    return render(request, "accounts/workspace/organisation_list.html", context)


def _save(request: HttpRequest, form: OrganisationForm) -> Organisation | None:
    """Save the form in one transaction; None (with a form error) when the database refuses it after all."""
    try:
        with transaction.atomic():
            organisation = form.save(commit=False)
            organisation._history_user = request.user
            organisation.save()
    except IntegrityError:
        # Another save took the same name, slug or number between our check and this one.
        form.add_error(None, _("Another organisation has just been saved with the same name, slug or number."))
        return None
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    require_people_manager(request)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (organisation := _save(request, form)):
        logger.info("%s created organisation %s (%s)", request.user.username, organisation.pk, organisation.name)
        messages.success(request, _("The organisation %(name)s was created.") % {"name": organisation.name})
        return redirect("ws-accounts:organisation-list")
    context = {
        "title": _("New organisation"),
        "form": form,
        "submit_label": _("Create organisation"),
        "cancel_url": reverse("ws-accounts:organisation-list"),
        "breadcrumbs": _breadcrumbs(),
    }
    return render(request, "workspace/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_people_manager(request)
    organisation = get_object_or_404(Organisation, pk=pk)
    name = organisation.name  # the form writes what was typed into the instance, valid or not
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid() and _save(request, form):
        logger.info("%s changed organisation %s (%s)", request.user.username, organisation.pk, organisation.name)
        messages.success(request, _("The organisation %(name)s was saved.") % {"name": organisation.name})
        return redirect("ws-accounts:organisation-list")
    context = {
        "title": _("Edit %(name)s") % {"name": name},
        "form": form,
        "cancel_url": reverse("ws-accounts:organisation-list"),
        "breadcrumbs": _breadcrumbs(),
        "delete_url": reverse("ws-accounts:organisation-delete", args=[pk]),
        "users_url": reverse("ws-accounts:user-list") + f"?organisation={pk}",
    }
    return render(request, "accounts/workspace/organisation_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask before deleting; when users, items or indicators still refer to it, say so instead."""
    require_people_manager(request)
    organisation = get_object_or_404(Organisation, pk=pk)
    cancel_url = reverse("ws-accounts:organisation-edit", args=[pk])
    if request.method == "POST":
        try:
            organisation_delete(organisation=organisation, user=request.user)
        except StillReferenced as blocked:
            return _blocked(request, organisation, blocked.references, cancel_url, status=409)
        messages.success(request, _("The organisation %(name)s was deleted.") % {"name": organisation.name})
        return redirect("ws-accounts:organisation-list")
    if references := references_to(organisation):
        return _blocked(request, organisation, references, cancel_url)
    context = {
        "title": _("Delete %(name)s") % {"name": organisation.name},
        "question": _("Delete the organisation %(name)s? This cannot be undone.") % {"name": organisation.name},
        "submit_label": _("Delete organisation"),
        "cancel_url": cancel_url,
        "danger": True,
        "breadcrumbs": _breadcrumbs(),
    }
    return render(request, "workspace/confirm.html", context)


def _blocked(
    request: HttpRequest,
    organisation: Organisation,
    references: list[Reference],
    cancel_url: str,
    status: int = 200,
) -> HttpResponse:
    """The page that says why the organisation cannot be deleted (409 when a POST tried)."""
    context = {
        "title": _("Delete %(name)s") % {"name": organisation.name},
        "reason": _("%(name)s cannot be deleted while anything refers to it:") % {"name": organisation.name},
        "references": references,
        "advice": _("Move these to another organisation first, or keep the organisation."),
        "back_url": cancel_url,
        "breadcrumbs": _breadcrumbs(),
    }
    return render(request, "accounts/workspace/delete_blocked.html", context, status=status)
