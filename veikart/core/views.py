"""Site-wide pages: home, accessibility statement, error pages, change history."""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from veikart.accounts import permissions
from veikart.core.history import history_entries
from veikart.strategy.models import Strategy


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The current strategy's vision and goals; an empty state when nothing is published."""
    strategy = Strategy.objects.visible_to(request.user).current()
    goals = strategy.goals.prefetch_related("sub_goals") if strategy else []
    return render(request, "core/home.html", {"strategy": strategy, "goals": goals})


@require_GET
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # A plain template with no context processors that could fail again.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


@require_GET
def change_history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> HttpResponse:
    """Every recorded change of one object, newest first, with field diffs. Staff only."""
    if not permissions.can_view_history(request.user):
        raise PermissionDenied
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
