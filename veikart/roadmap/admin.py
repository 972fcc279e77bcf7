from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from veikart.core.admin import HistoryAdmin
from veikart.core.forms import ASSUME_HTTPS, with_unix_newlines
from veikart.roadmap.dependencies import dependency_cycle_error, lock_dependency_changes
from veikart.roadmap.models import Grouping, Link, Milestone, Phase, RoadmapItem, UserGroup, unpublished_strategy_error
from veikart.roadmap.services import DependencyCycle, EditConflict, roadmap_item_update, roadmap_item_version_check
from veikart.roadmap.views_edit import changed_meanwhile


@admin.register(Phase)
class PhaseAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["name", "order", "colour", "is_rollout"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(UserGroup)
class UserGroupAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["name", "order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Grouping)
class GroupingAdmin(HistoryAdmin):
    list_display = ["name", "sub_goal"]
    list_filter = ["sub_goal__strategy"]
    search_fields = ["name"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class LinkInline(admin.TabularInline):
    model = Link
    extra = 0
    formfield_overrides = ASSUME_HTTPS


class RoadmapItemAdminForm(forms.ModelForm):
    """The admin's item form: the version it was loaded at, and no dependency on the item itself or in a cycle.

    ``loaded_version`` (hidden) is the item's version when the form was
    opened. A save based on an older version is refused with the fields that
    changed meanwhile, keeping what was typed; the hidden version then moves on,
    so that saving again is a deliberate overwrite, as on the site's form.
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    # Who is editing, set by ``RoadmapItemAdmin.get_form``: the differences name only what they may see.
    user: Any = None

    class Meta:
        model = RoadmapItem
        fields = "__all__"  # noqa: DJ007 - the admin shows every field

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            del self.fields["loaded_version"]
        elif not self.is_bound:
            self.initial["loaded_version"] = self.instance.version

    def clean_description(self) -> str:
        return with_unix_newlines(self.cleaned_data["description"])

    def clean_depends_on(self):
        dependencies = self.cleaned_data["depends_on"]
        if self.instance.pk and dependencies:
            # The admin's change view validates inside the transaction that then saves, so the
            # lock is held from this check until the dependencies are saved, as on the site's form.
            lock_dependency_changes()
            if error := dependency_cycle_error(self.instance.pk, list(dependencies)):
                raise forms.ValidationError(error)
        return dependencies

    def clean(self):
        cleaned = super().clean()
        # Further sub-goals are saved after the item, so the model's clean() cannot see them.
        if cleaned.get("is_published") and (
            error := unpublished_strategy_error(
                sub_goal.strategy for sub_goal in cleaned.get("further_sub_goals") or []
            )
        ):
            self.add_error("further_sub_goals", error)
        loaded = cleaned.get("loaded_version")
        if self.instance.pk is None or loaded is None:
            return cleaned
        try:
            # In the change view's transaction: the item stays locked until the save that follows.
            with transaction.atomic():
                roadmap_item_version_check(item_pk=self.instance.pk, loaded_version=loaded)
        except EditConflict as conflict:
            self._refuse(conflict.current, loaded)
        return cleaned

    def _refuse(self, current: RoadmapItem, loaded: int) -> None:
        differences = changed_meanwhile(current, loaded, self.user) if self.user is not None else []
        if differences:
            meanwhile = _("Changed in the meantime: %(fields)s.") % {
                "fields": ", ".join(difference.label for difference in differences)
            }
        else:
            meanwhile = _("Only milestones or links changed.")
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = str(current.version)
        raise forms.ValidationError(
            [
                _("Someone else saved this item while you were editing it"),
                meanwhile,
                _("Check the form and save again to keep your version."),
            ],
            code="edit_conflict",
        )


@admin.register(RoadmapItem)
class RoadmapItemAdmin(HistoryAdmin):
    """Roadmap items; a change is saved by ``roadmap_item_update``, with the version check of the site's form.

    Reverting to an older record from the history is turned off: it would
    write the old version number back past that check. The history stays
    readable; to go back, edit the item.
    """

    form = RoadmapItemAdminForm
    list_display = ["title", "delivery_id", "sub_goal", "phase", "status", "is_published", "is_demo"]
    list_filter = ["is_published", "is_demo", "status", "phase", "sub_goal__strategy"]
    search_fields = ["title", "delivery_id"]
    autocomplete_fields = ["grouping", "depends_on"]
    filter_horizontal = ["owners", "user_groups", "further_sub_goals"]
    list_select_related = ["sub_goal", "phase"]
    inlines = [MilestoneInline, LinkInline]
    readonly_fields = ["version", "created_at", "updated_at"]

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        return fields if obj is not None else [name for name in fields if name != "loaded_version"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (EditConflict, DependencyCycle) as error:
            # The form checked both while it validated, holding the locks until the save, so this
            # is not expected; if it happens, nothing was written, and saying so beats an error page.
            if isinstance(error, DependencyCycle):
                messages.error(request, str(error))
            else:
                messages.error(request, _("Someone else saved this item while you were editing it"))
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
        # A change is saved with its relations and inlines by ``save_related``, in one call of the service.

    def save_related(self, request, form, formsets, change):
        if not change:
            super().save_related(request, form, formsets, change)
            return
        relations = {
            field.name: form.cleaned_data[field.name]
            for field in RoadmapItem._meta.many_to_many
            if field.name in form.cleaned_data
        }
        roadmap_item_update(
            item=form.instance,
            loaded_version=form.cleaned_data["loaded_version"],
            user=request.user,
            m2m=relations,
            formsets=formsets,
        )

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
