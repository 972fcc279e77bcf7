"""Site-wide pages: home, accessibility statement, error pages, change history."""

import logging

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from veikart.accounts import permissions
from veikart.core.history import history_entries
from veikart.strategy.models import Strategy

logger = logging.getLogger(__name__)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The current strategy's vision and goals; an empty state when nothing is published."""
    strategy = Strategy.objects.visible_to(request.user).current()
    goals = strategy.goals.prefetch_related("sub_goals") if strategy else []
    return render(request, "core/home.html", {"strategy": strategy, "goals": goals})


@require_GET
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """The accessibility statement, with its feedback address and the date of the last check (settings)."""
    return render(
        request,
        "core/accessibility.html",
        {"contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL, "checked_on": settings.ACCESSIBILITY_CHECKED_ON},
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A refused request, in the site's design: how to get access, rather than a bare "403 Forbidden".

    An anonymous visitor is offered to log in and come back; a logged-in user is told who may do
    this (the reason given with ``PermissionDenied``, if any) and offered the front page or to log
    in as someone else.
    """
    back = request.get_full_path()
    query = QueryDict(mutable=True)
    query["next"] = back
    login_url = f"{reverse('accounts:login')}?{query.urlencode(safe='/')}"
    context = {
        "reason": str(exception or "") if isinstance(exception, PermissionDenied) else "",
        "login_url": login_url,
        "role": request.user.get_role_display() if request.user.is_authenticated and request.user.role else "",
    }
    return render(request, "403.html", context, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without a valid security token (``CSRF_FAILURE_VIEW``): most often an expired session.

    Nothing was saved; the page says so and how to try again. ``reason`` is Django's technical
    explanation, for the log only.
    """
    logger.warning("Form refused (CSRF) at %s for %s: %s", request.path, getattr(request, "user", None), reason)
    # Back to the page that held the form when the browser says which it was (and it is ours).
    referer = request.META.get("HTTP_REFERER", "")
    safe = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return render(request, "403_csrf.html", {"back": referer if safe else request.path}, status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    # A plain template with no context processors that could fail again.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


@require_GET
def change_history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> HttpResponse:
    """Every recorded change of one object, newest first, with field diffs. Staff only."""
    if not permissions.can_view_history(request.user):
        raise PermissionDenied(_("The change history is for the strategy office and other staff."))
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    if not hasattr(model, "history"):
        raise Http404
    obj = get_object_or_404(model, pk=pk)
    return render(
        request,
        "core/change_history.html",
        {"object": obj, "model_name": model._meta.verbose_name, "entries": history_entries(obj)},
    )
