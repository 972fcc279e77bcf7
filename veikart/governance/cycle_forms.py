"""The strategy office's forms for the annual cycle: a stored event, and copying a year's cycle."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from veikart.core.content import in_languages
from veikart.roadmap.forms import DateInput
from veikart.workspace.forms import WorkspaceFormMixin

from .cycle_models import CycleEvent


class CycleEventForm(WorkspaceFormMixin, forms.ModelForm):
    """A stored event; the checks (its dates in its year, the end not before the date) are the model's."""

    class Meta:
        model = CycleEvent
        fields = ["year", "starts", "ends", "kind", *in_languages("title"), *in_languages("description"), "body"]
        widgets = {
            "year": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "starts": DateInput(),
            "ends": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_nn": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"year": _("The cycle the event belongs to; its dates must be in this year.")}


class CopyCycleForm(WorkspaceFormMixin, forms.Form):
    """Asked only when the new year already has events: add the missing ones, or nothing."""

    only_missing = forms.BooleanField(
        label=_("Add only the events that are not there yet"),
        required=False,
    )
