"""The annual revision: start one from the version in force, and adopt it (``veikart.strategy.revision``)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from veikart.core.content import sentence
from veikart.strategy import revision as revisions
from veikart.strategy.forms import RevisionStartForm
from veikart.strategy.models import Strategy
from veikart.strategy.workspace_views import (
    GET_POST,
    add_errors,
    crumbs,
    form_page,
    framework_editor_required,
    structure_url,
    version_name,
)


def _refused(request: HttpRequest, strategy: Strategy, *, title: str, reason: str) -> HttpResponse:
    """Why the action cannot be done; 409 to a POST, which changed nothing."""
    context = {
        "title": title,
        "reasons": [reason],
        "back_url": structure_url(strategy),
        "breadcrumbs": crumbs(strategy),
    }
    return render(request, "workspace/refused.html", context, status=409 if request.method == "POST" else 200)


@framework_editor_required
@GET_POST
def revision_start(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a revision of the version in force after confirming its label; then its structure page."""
    strategy = get_object_or_404(Strategy, pk=pk)
    title = sentence(_("Start a revision of %(strategy)s"), strategy=version_name(strategy))
    if refusal := revisions.start_refusal(strategy):
        return _refused(request, strategy, title=title, reason=refusal)
    form = RevisionStartForm(request.POST or None)
    if form.is_valid():
        try:
            revision = revisions.revision_start(
                strategy=strategy, user=request.user, version_label=form.cleaned_data["version_label"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("The revision is started: a draft copy of the version in force. It is not published."),
            )
            return redirect(structure_url(revision))
    return form_page(
        request,
        title=title,
        form=form,
        strategy=strategy,
        intro=_(
            "A new draft version is made from this one, for you to edit, send on consultation and put to the council."
        ),
        consequences=[
            _("Copied: the title, summary and vision in every language, the overarching goals and the target groups."),
            _(
                "Copied: every goal with its outcomes, scenarios, dependencies and sustainable development goals, "
                "and every sub-goal with its benefit objectives. Each copy continues the goal or sub-goal it was "
                "copied from, so the strategy history compares them."
            ),
            _(
                "Not copied: indicators and roadmap items stay on this version. When the revision is adopted, "
                "indicators move to the goals and sub-goals that continue theirs; roadmap items stay until you move them."
            ),
            _(
                "The revision is not published: only the strategy office, staff and governance body members can read it."
            ),
        ],
        submit_label=_("Start the revision"),
    )


@framework_editor_required
@GET_POST
def revision_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    """Adopt a revision of the version in force after confirmation; then its structure page."""
    strategy = get_object_or_404(Strategy.objects.select_related("previous_version"), pk=pk)
    title = sentence(_("Adopt %(strategy)s"), strategy=version_name(strategy))
    if refusal := revisions.adopt_refusal(strategy):
        return _refused(request, strategy, title=title, reason=refusal)
    if request.method == "POST":
        try:
            revisions.revision_adopt(revision=strategy, user=request.user)
        except ValidationError as error:
            return _refused(request, strategy, title=title, reason=" ".join(error.messages))
        messages.success(request, _("The revision is adopted and published. It is now the version in force."))
        return redirect(structure_url(strategy))
    context = {
        "title": title,
        "question": _("Adopt this revision, so that it replaces the version in force?"),
        "consequences": [
            sentence(_("%(strategy)s becomes superseded."), strategy=version_name(strategy.previous_version)),
            _("This revision becomes adopted and published: its page, goals and sub-goals become public."),
            _("Indicators of goals and sub-goals that this revision continues move to their successors."),
            _("Roadmap items stay on the sub-goals of the superseded version until you move them."),
        ],
        "submit_label": _("Adopt"),
        "cancel_url": structure_url(strategy),
        "danger": False,
        "breadcrumbs": crumbs(strategy),
    }
    return render(request, "workspace/confirm.html", context)
