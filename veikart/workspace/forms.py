"""Form presentation shared by every workspace form: Designsystemet classes and accessible errors.

``WorkspaceFormMixin`` gives inputs Designsystemet's classes and, on a bound
form with errors, ``aria-invalid`` and ``aria-describedby`` pointing at the
field's error (and help) text, so a screen reader reads the error with the
field. The error summary at the top of the page (``workspace/_error_summary.html``)
links to each field by its id.
"""

from __future__ import annotations

from django import forms

from veikart.core.widgets import FastSelect

_UNSTYLED = (forms.CheckboxInput, forms.CheckboxSelectMultiple, forms.RadioSelect, forms.HiddenInput)


class WorkspaceFormMixin:
    """Mix into a ``Form``/``ModelForm`` before the Django base class."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField) and field.empty_label == "---------":
                field.empty_label = "–"  # as every other select of the workspace says "none chosen"
            if type(field.widget) is forms.Select:
                # Django renders each <option> through a template; lists of filters and choices
                # with hundreds of options render in Python instead (the same markup).
                field.widget = FastSelect(attrs=field.widget.attrs, choices=field.choices)
            widget = field.widget
            if not isinstance(widget, _UNSTYLED):
                widget.attrs.setdefault("class", "ds-input")
            if field.help_text:
                widget.attrs["aria-describedby"] = f"{self[name].auto_id}_helptext"

    def full_clean(self) -> None:
        super().full_clean()
        for name, field in self.fields.items():
            described = []
            bound = self[name]
            if field.help_text:
                described.append(f"{bound.auto_id}_helptext")
            if name in self.errors:
                described.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)


class ConfirmForm(forms.Form):
    """An empty form for confirmation pages (publish, unpublish, delete): only the CSRF token matters."""
