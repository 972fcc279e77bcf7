"""Form defaults shared by the apps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

# An address typed without a scheme ("www.helsenorge.no") gets "https://", as it will by default
# from Django 6.0. Until then every form that turns a model's URLField into a form field says so:
# that also keeps Django 5's RemovedInDjango60Warning away, which the transitional setting
# FORMS_URLFIELD_ASSUME_HTTPS would too, but that setting is itself deprecated.
# ASSUME_HTTPS is for the ``formfield_overrides`` of an admin (or inline) of a model with a URLField.
ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


def formfield_assuming_https(db_field: models.Field, **kwargs: Any) -> forms.Field | None:
    """A ``ModelForm`` ``Meta.formfield_callback``: each model URLField becomes a form field assuming https."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


def with_unix_newlines(text: str) -> str:
    """``text`` with the CRLF line breaks a browser sends for a textarea turned into LF.

    Stored text uses LF (imports, demo data), so a description saved back
    unchanged from a form compares equal to what is stored and is no change.
    """
    return text.replace("\r\n", "\n")
