"""Pages that change the roadmap: editing an item (owner editors, strategy office) and the import upload."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from veikart.accounts import permissions
from veikart.core.diffs import FieldDiff, Names, field_diffs, state_of
from veikart.core.history import record_states
from veikart.roadmap.forms import EDITABLE_FIELDS, FRAMING_FIELDS, ImportUploadForm, RoadmapItemForm, item_formsets
from veikart.roadmap.importers import ImportFileError, plan_import
from veikart.roadmap.models import RoadmapItem
from veikart.roadmap.services import DependencyCycle, EditConflict, roadmap_import, roadmap_item_update
from veikart.roadmap.uploads import upload_discard, upload_read, upload_store
from veikart.roadmap.views import get_item_for

_SESSION_KEY = "roadmap_import_upload"


def get_editable_item_for(request: HttpRequest, pk: int) -> RoadmapItem:
    """The item if the user may edit it; 404 if they may not see it, 403 if they may see but not edit it."""
    item = get_item_for(request, pk)
    if not permissions.can_edit_owned(request.user, item.owners.all()):
        raise PermissionDenied
    return item


def changed_meanwhile(item: RoadmapItem, loaded_version: int, user: Any) -> list[FieldDiff]:
    """The fields that differ between the version the editor loaded and the item now (``core.diffs``).

    Many-to-many fields count too; dependencies are named only as far as ``user`` may see them
    (a change to a dependency on a draft they may not see shows as a change with no name).
    """
    then = item.history.filter(version=loaded_version).order_by("-history_date", "-history_id").first()
    if then is None:
        return []
    names = EDITABLE_FIELDS + FRAMING_FIELDS + ["depends_on"]
    fields = [RoadmapItem._meta.get_field(name) for name in names]
    [before] = record_states(RoadmapItem, [then], fields)
    after = state_of(item, fields)
    lookup = Names({RoadmapItem: RoadmapItem.objects.visible_to(user)})
    return field_diffs(RoadmapItem, before, after, fields=names, names=lookup, unnamed_changes=True)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit an item; a save based on an older version is refused, showing what changed and keeping the input."""
    item = get_editable_item_for(request, pk)
    conflict: list[FieldDiff] | None = None
    if request.method == "POST":
        form = RoadmapItemForm(request.POST, instance=item, user=request.user)
        formsets = item_formsets(item, request.POST)
        if form.is_valid() and all(formset.is_valid() for formset in formsets):
            loaded = form.cleaned_data["version"]
            relations = {
                name: form.cleaned_data[name]
                for name in ("user_groups", "owners", "further_sub_goals", "depends_on")
                if name in form.cleaned_data
            }
            try:
                roadmap_item_update(
                    item=form.instance, loaded_version=loaded, user=request.user, m2m=relations, formsets=formsets
                )
            except DependencyCycle as error:
                form.add_error("depends_on", str(error))
            except EditConflict as error:
                conflict = changed_meanwhile(error.current, loaded, request.user)
                # Keep what was typed; the hidden version moves on so that saving again is a deliberate overwrite.
                data = request.POST.copy()
                data["version"] = str(error.current.version)
                form = RoadmapItemForm(data, instance=error.current, user=request.user)
                form.is_valid()
                formsets = item_formsets(error.current, data)
            else:
                messages.success(request, _("The item was saved."))
                return redirect(item.get_absolute_url())
    else:
        form = RoadmapItemForm(instance=item, user=request.user)
        formsets = item_formsets(item)
    status = 409 if conflict is not None else 200
    context = {"item": item, "form": form, "formsets": formsets, "conflict": conflict}
    return render(request, "roadmap/item_edit.html", context, status=status)


def _forget_upload(request: HttpRequest) -> None:
    """Delete the upload the session points to, if any, and forget it."""
    stored = request.session.pop(_SESSION_KEY, None) or {}
    upload_discard(stored.get("token", ""))


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    """Upload an export, see the preview (created / updated / unchanged / every problem), then apply or cancel it.

    The previewed file is kept (see ``veikart.roadmap.uploads``) until it is
    applied, cancelled or replaced by another upload.
    """
    if not permissions.can_import_roadmap(request.user):
        raise PermissionDenied
    plan = None
    token = ""
    form = ImportUploadForm()
    action = request.POST.get("action") if request.method == "POST" else None
    if action in ("apply", "cancel"):
        stored = request.session.get(_SESSION_KEY) or {}
        token = request.POST.get("token", "")
        if not token or stored.get("token") != token:
            messages.error(request, _("The upload has expired; upload the file again."))
            return redirect("roadmap:import")
        data = upload_read(token) if action == "apply" else None
        _forget_upload(request)
        if action == "cancel":
            messages.info(request, _("The import was cancelled; nothing was changed."))
            return redirect("roadmap:import")
        if data is None:
            messages.error(request, _("The upload has expired; upload the file again."))
            return redirect("roadmap:import")
        token = ""
        plan = roadmap_import(
            data=data,
            filename=stored.get("name", ""),
            user=request.user,
            publish_new=bool(stored.get("publish_new")),
        )
        if plan.is_valid:
            messages.success(
                request,
                _("Import complete: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
                % {"created": len(plan.created), "updated": len(plan.updated), "unchanged": len(plan.unchanged)},
            )
            return redirect("roadmap:item-list")
    elif request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            _forget_upload(request)
            upload = form.cleaned_data["file"]
            data = upload.read()
            try:
                plan = plan_import(data, filename=upload.name)
            except ImportFileError as error:
                form.add_error("file", str(error))
            else:
                if plan.is_valid and plan.has_changes:
                    token = upload_store(data)
                    request.session[_SESSION_KEY] = {
                        "token": token,
                        "name": upload.name,
                        "publish_new": form.cleaned_data["publish_new"],
                    }
    stored = request.session.get(_SESSION_KEY) or {}
    context = {"form": form, "plan": plan, "token": token, "publish_new": bool(token and stored.get("publish_new"))}
    return render(request, "roadmap/import.html", context)
