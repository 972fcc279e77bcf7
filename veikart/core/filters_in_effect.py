"""The filters in effect on a list page, each with the link that removes it.

A list filtered from the URL shows every filter it applies, so a visitor who followed a shared
link, or lost track of what was chosen, sees why the list is short and can take any one filter
off, or all of them (``includes/filters_in_effect.html``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django import forms
from django.http import QueryDict

# Parameters that are not filters and lose their meaning when the filters change.
RESET_WITH_FILTERS = ("page",)


@dataclass(frozen=True)
class FilterInEffect:
    name: str
    label: str
    value: str
    remove_query: str


@dataclass(frozen=True)
class FiltersInEffect:
    """The filters of a list that are in effect; ``clear_query`` removes them all."""

    filters: list[FilterInEffect]
    clear_query: str

    def __bool__(self) -> bool:
        return bool(self.filters)

    def __iter__(self):
        return iter(self.filters)

    def __len__(self) -> int:
        return len(self.filters)


def _query_without(query: QueryDict, names: Iterable[str]) -> str:
    """``query`` without ``names``, the page and the parameters left empty (a form sends them all)."""
    dropped = {*names, *RESET_WITH_FILTERS}
    kept = QueryDict(mutable=True)
    for name, values in query.lists():
        if name not in dropped:
            kept.setlist(name, [value for value in values if value])
    encoded = kept.urlencode()
    return f"?{encoded}" if encoded else "?"


def filters_in_effect(
    form: forms.Form, query: QueryDict, *, value_labels: Mapping[str, str] | None = None
) -> FiltersInEffect:
    """The valid, non-empty fields of ``form`` (bound to ``query``) as filters in effect.

    A value is shown by its label among the field's choices (the widget's, which are what the
    select shows); ``value_labels`` names the value of a field without choices (a hidden id). A
    field whose value is invalid filters nothing and is left out.
    """
    if not form.is_bound:
        return FiltersInEffect([], "?")
    filters = []
    if form.is_valid():
        for name, field in form.fields.items():
            raw = form[name].value()
            if raw in (None, "", []) or not form.cleaned_data.get(name):
                continue
            choices = dict(getattr(field.widget, "choices", None) or getattr(field, "choices", None) or [])
            value = (value_labels or {}).get(name) or choices.get(str(raw)) or str(raw)
            filters.append(FilterInEffect(name, str(field.label), str(value), _query_without(query, [name])))
    return FiltersInEffect(filters, _query_without(query, form.fields))
