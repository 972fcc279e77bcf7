from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from veikart.indicators.importers import FORMATS
from veikart.indicators.models import Indicator
from veikart.indicators.progress import Status


class IndicatorFilterForm(forms.Form):
    """Filters of the indicator list; choices come from the indicators the visitor may see."""

    goal = forms.ChoiceField(label=_("Goal"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    source = forms.ChoiceField(label=_("Source"), required=False)

    def __init__(self, *args, goals=(), sources=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goal"].choices = [("", _("All goals"))] + [(str(g.number), str(g)) for g in goals]
        self.fields["status"].choices = [("", _("All statuses")), *Status.choices]
        self.fields["source"].choices = [("", _("All sources"))] + [(s, s) for s in sources]
        for field in self.fields.values():
            field.widget.attrs["class"] = "ds-input"


class ImportForm(forms.Form):
    """The upload form. ``indicators`` are the ones the user may import (the choices of ``indicator``);
    with ``indicator_required`` the user must choose one, and every row of the file must be for it."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("Tidy CSV, Open SDG CSV, JSON-stat 2.0 (.json) or Excel (.xlsx)."),
    )
    indicator = forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=Indicator.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("Named in the file"),
        help_text=_("Needed when the file does not name the indicator of each row."),
    )
    file_format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Recognise from the file"))] + [(name, name) for name in FORMATS],
    )

    def __init__(self, *args, indicators: QuerySet[Indicator], indicator_required: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["indicator"]
        field.queryset = indicators.order_by("code")
        if indicator_required:
            field.required = True
            field.empty_label = _("Choose an indicator")
            field.help_text = _("One of the indicators your organisation is responsible for; every row must be for it.")
