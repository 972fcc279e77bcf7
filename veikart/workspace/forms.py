"""Form presentation shared by every workspace form: Designsystemet classes and accessible errors.

``WorkspaceFormMixin`` gives inputs Designsystemet's classes and, on a bound
form with errors, ``aria-invalid`` and ``aria-describedby`` pointing at the
field's error (and help) text, so a screen reader reads the error with the
field. The error summary at the top of the page (``workspace/_error_summary.html``)
links to each field by its id.

A form that edits a translated text (``title`` with ``title_nn`` and ``title_en``, see
``veikart.core.content``) shows the three as one group, ``workspace/_language_fields.html``:
the field's label as the legend, one input per language labelled with the language, side
by side where the screen is wide enough.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.forms.boundfield import BoundField

from veikart.core.content import SOURCE_LANGUAGE
from veikart.core.widgets import FastSelect

_UNSTYLED = (forms.CheckboxInput, forms.CheckboxSelectMultiple, forms.RadioSelect, forms.HiddenInput)


class WorkspaceFormMixin:
    """Mix into a ``Form``/``ModelForm`` before the Django base class."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField | forms.ModelMultipleChoiceField) and hasattr(
                field.queryset.model, "content_label"
            ):
                # Translated content (a goal, a phase) is offered in the page's language, marked where bokmål.
                field.label_from_instance = field.queryset.model.content_label
                field.widget.choices = field.choices
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
        self._group_languages()

    def _group_languages(self) -> None:
        """Label each language version of a translated field with its language; remember the groups."""
        names = dict(settings.LANGUAGES)
        self.language_groups: dict[str, list[str]] = {}
        for name, field in list(self.fields.items()):
            versions = [f"{name}_{language}" for language in settings.MODELTRANSLATION_LANGUAGES]
            versions[0] = name  # the bokmål text is edited through the plain field name
            if not all(version in self.fields for version in versions[1:]):
                continue
            self.language_groups[name] = versions
            legend = field.label
            for version, language in zip(versions, settings.MODELTRANSLATION_LANGUAGES, strict=True):
                language_field = self.fields[version]
                language_field.label = names[language]
                # The error summary names the field as well as the language.
                language_field.long_label = f"{legend} ({names[language]})"
                language_field.legend = legend
                language_field.widget.attrs["lang"] = language
                if language != SOURCE_LANGUAGE:
                    language_field.widget = _copy_widget(field.widget, language)

    def visible_fields(self) -> list[BoundField]:
        """The visible fields, a translated field standing for its group (``bound.language_versions``)."""
        in_groups = {version for versions in self.language_groups.values() for version in versions[1:]}
        shown = []
        for bound in super().visible_fields():
            if bound.name in in_groups:
                continue
            if bound.name in self.language_groups:
                bound.language_versions = [self[version] for version in self.language_groups[bound.name]]
            shown.append(bound)
        return shown

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


def _copy_widget(widget: forms.Widget, language: str) -> forms.Widget:
    """A widget like the bokmål field's (a text area of the same height), in ``language``."""
    inherited = {key: value for key, value in widget.attrs.items() if key != "aria-describedby"}
    return widget.__class__(attrs={**inherited, "lang": language})


class ConfirmForm(forms.Form):
    """An empty form for confirmation pages (publish, unpublish, delete): only the CSRF token matters."""
