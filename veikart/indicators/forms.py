import re

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from veikart.indicators.importers import FORMATS
from veikart.indicators.importers.resolve import parse_where
from veikart.indicators.models import Indicator
from veikart.indicators.progress import Status
from veikart.workspace.forms import WorkspaceFormMixin


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


class ImportForm(WorkspaceFormMixin, forms.Form):
    """The upload form. ``indicators`` are the ones the user may import (the choices of ``indicator``);
    with ``indicator_required`` the user must choose one, and every row of the file must be for it."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("Tidy CSV, Open SDG CSV, SDMX-CSV, JSON-stat 2.0 or 1.x (.json) or Excel (.xlsx)."),
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
    where = forms.CharField(
        label=_("Slice"),
        required=False,
        max_length=500,
        help_text=_(
            "For a table of several measures: the rows to import, as DIMENSION=CODE separated by semicolons, "
            "e.g. ContentsCode=Boligindeks; Boligtype=00. Other rows are skipped."
        ),
    )
    create_dimensions = forms.BooleanField(
        label=_("Create the dimensions and values the file brings"),
        required=False,
        help_text=_("Without this, a dimension or value Veikart does not know is a problem in the file."),
    )

    def __init__(
        self,
        *args,
        indicators: QuerySet[Indicator],
        indicator_required: bool,
        may_create_dimensions: bool = False,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        if not may_create_dimensions:
            del self.fields["create_dimensions"]
        field = self.fields["indicator"]
        field.queryset = indicators.order_by("code")
        if indicator_required:
            field.required = True
            field.empty_label = _("Choose an indicator")
            field.help_text = _("One of the indicators your organisation is responsible for; every row must be for it.")

    def clean_where(self) -> dict[str, str]:
        """The slice as ``{dimension: code}``; "A=1; B=2" (semicolons or new lines between pairs)."""
        text = self.cleaned_data["where"]
        pairs = [pair for pair in re.split(r"[;\n]", text) if pair.strip()]
        try:
            return parse_where(pairs)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
