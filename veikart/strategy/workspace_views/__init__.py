"""The strategy office edits the framework in the workspace: versions, their goals, sub-goals and other parts.

Every view is for ``permissions.can_edit_framework`` only (403 for others who
are logged in). Objects are looked up within their strategy version, so a
hand-typed URL that mixes versions answers 404. The views are split by concept:
``versions`` (list, structure, create, edit, publication), ``goals`` (goals and
sub-goals with their ordered lines) and ``parts`` (overarching goals, scenarios,
target groups, and deleting any part); this module holds what they share.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from veikart.accounts import permissions
from veikart.core.templatetags.site_tags import content
from veikart.strategy.models import Strategy

GET_POST = require_http_methods(["GET", "POST"])


def query_pk(request: HttpRequest, name: str) -> int | None:
    """The primary key given as ``?name=``, or None when it is missing or not a number."""
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() else None


def framework_editor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Log in first (anonymous visitors are redirected), then the strategy office only (403 for everyone else)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not permissions.can_edit_framework(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def add_errors(form: BaseForm, error: ValidationError) -> None:
    """Put a service's ``ValidationError`` on the form: on its fields where the form has them, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def list_crumb() -> tuple[str, str]:
    return (_("Strategy versions"), reverse("ws-strategy:strategy-list"))


def crumbs(strategy: Strategy) -> list[tuple[str, str]]:
    """Breadcrumbs of a page within a version: the list, then the version's structure."""
    return [list_crumb(), (strategy.content_label(), reverse("ws-strategy:strategy-detail", args=[strategy.pk]))]


def structure_url(strategy: Strategy) -> str:
    return reverse("ws-strategy:strategy-detail", args=[strategy.pk])


def form_page(request: HttpRequest, *, title: str, form: BaseForm, strategy: Strategy | None, **extra: Any):
    """``workspace/form.html`` with breadcrumbs and a cancel link back to the version's structure (or the list)."""
    context = {
        "title": title,
        "form": form,
        "breadcrumbs": crumbs(strategy) if strategy else [list_crumb()],
        "cancel_url": structure_url(strategy) if strategy else reverse("ws-strategy:strategy-list"),
        **extra,
    }
    return render(request, "workspace/form.html", context)


def version_name(strategy: Strategy) -> str:
    """The version's title and label in the page's language, a bokmål title marked ``lang="nb"``."""
    return content(strategy, "title", label=strategy.version_label)
