from django import forms
from django.utils.translation import gettext_lazy as _

from veikart.strategy.models import Strategy


class CompareForm(forms.Form):
    """Choose two visible strategy versions to compare; the choices are the given strategies only."""

    older = forms.ChoiceField(label=_("From version"))
    newer = forms.ChoiceField(label=_("To version"))

    def __init__(self, *args, strategies: list[Strategy], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._by_slug = {strategy.slug: strategy for strategy in strategies}
        choices = [(strategy.slug, str(strategy)) for strategy in strategies]
        for name in ("older", "newer"):
            self.fields[name].choices = choices
            self.fields[name].widget.attrs["class"] = "ds-input"

    def clean(self) -> dict:
        cleaned = super().clean()
        older, newer = cleaned.get("older"), cleaned.get("newer")
        if older and newer:
            if older == newer:
                raise forms.ValidationError(_("Choose two different versions."))
            cleaned["older"], cleaned["newer"] = self._by_slug[older], self._by_slug[newer]
        return cleaned

    @staticmethod
    def default_pair(strategies: list[Strategy]) -> tuple[Strategy, Strategy] | None:
        """The current strategy and the version it revises, when both are visible."""
        current = next((s for s in strategies if s.status == Strategy.Status.ADOPTED), None)
        if current and current.previous_version and current.previous_version in strategies:
            return current.previous_version, current
        return None
