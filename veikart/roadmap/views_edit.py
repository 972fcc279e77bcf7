"""Pages that change the roadmap: editing an item (owner editors, strategy office) and the import upload."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from veikart.accounts import permissions
from veikart.core.diffs import FieldDiff, Names, field_diffs, state_of
from veikart.core.exchange.limits import Limits
from veikart.core.exchange.previews import preview_file, preview_finish, preview_store, preview_take
from veikart.core.exchange.problems import FileUnreadable
from veikart.core.history import record_states
from veikart.core.models import ImportRecord
from veikart.roadmap.forms import EDITABLE_FIELDS, FRAMING_FIELDS, ImportUploadForm, RoadmapItemForm, item_formsets
from veikart.roadmap.importers import plan_import
from veikart.roadmap.models import RoadmapItem
from veikart.roadmap.services import DependencyCycle, EditConflict, roadmap_import, roadmap_item_update
from veikart.roadmap.views import get_item_for

IMPORT_KIND = "roadmap"


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


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    """Upload an export, see the preview (created / updated / unchanged / every problem), then apply or cancel it.

    A valid file that would change something is kept as a preview (``core.exchange.previews``) whose
    token the page carries, so any server process can apply or cancel it; the options chosen with
    the upload (``publish_new``) are kept with it.
    """
    if not permissions.can_import_roadmap(request.user):
        raise PermissionDenied
    action = request.POST.get("action") if request.method == "POST" else None
    if action in ("apply", "cancel"):
        return _import_finish(request, action)
    plan = None
    record = None
    form = ImportUploadForm()
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                plan = plan_import(upload.file, file_name=upload.name, limits=Limits.for_uploads())
            except FileUnreadable as error:
                form.add_error("file", error.message)
            else:
                if plan.is_valid and plan.has_changes:
                    record = preview_store(
                        kind=IMPORT_KIND,
                        stream=upload.file,
                        file_name=upload.name,
                        user=request.user,
                        options={"publish_new": form.cleaned_data["publish_new"]},
                    )
    context = {
        "form": form,
        "plan": plan,
        "token": record.token if record else "",
        "publish_new": bool(record and record.options.get("publish_new")),
    }
    return render(request, "roadmap/import.html", context)


def _import_finish(request: HttpRequest, action: str) -> HttpResponse:
    """Apply or cancel the preview of the posted token, once; a token that is not (or no longer) one asks again."""
    with transaction.atomic():
        record = preview_take(kind=IMPORT_KIND, token=request.POST.get("token"), user=request.user)
        if record is None:
            messages.error(request, _("The upload has expired; upload the file again."))
            return redirect("roadmap:import")
        if action == "cancel":
            preview_finish(record, status=ImportRecord.Status.CANCELLED, user=request.user)
            messages.info(request, _("The import was cancelled; nothing was changed."))
            return redirect("roadmap:import")
        try:
            plan = roadmap_import(
                data=preview_file(record),
                file_name=record.file_name,
                limits=Limits.for_uploads(),
                user=request.user,
                publish_new=bool(record.options.get("publish_new")),
            )
        except FileUnreadable as error:  # read once already; only a change of the limits meanwhile gets here
            preview_finish(record, status=ImportRecord.Status.CANCELLED, user=request.user)
            messages.error(request, error.message)
            return redirect("roadmap:import")
        counts = {
            "created": len(plan.created),
            "updated": len(plan.updated),
            "unchanged": len(plan.unchanged),
            "problems": plan.problems.count,
        }
        # The roadmap may have changed since the preview: then the problems are shown and the file is let go.
        status = ImportRecord.Status.APPLIED if plan.is_valid else ImportRecord.Status.CANCELLED
        preview_finish(record, status=status, counts=counts, user=request.user)
    if plan.is_valid:
        messages.success(
            request,
            _("Import complete: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.") % counts,
        )
        return redirect("roadmap:item-list")
    context = {"form": ImportUploadForm(), "plan": plan, "token": "", "publish_new": False}
    return render(request, "roadmap/import.html", context)
