"""A select widget that renders its options in Python.

Django renders every ``<option>`` through a template; with a few hundred
owners in the filter that alone costs tens of milliseconds per page. The
markup is the same as Django's.
"""

from __future__ import annotations

from django import forms
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        selected = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option_value, SafeString(" selected") if str(option_value) in selected else "", label)
                for option_value, label in self._option_pairs()
            ),
        )
        attributes = SafeString(
            "".join(
                f' {key}="{conditional_escape(val)}"' for key, val in final_attrs.items() if val not in (None, False)
            )
        )
        return format_html("<select{}>{}</select>", attributes, options)

    def _option_pairs(self):
        for option_value, label in self.choices:
            if isinstance(label, list | tuple):  # option groups are not used by the filters
                continue
            yield ("" if option_value is None else str(getattr(option_value, "value", option_value)), label)
