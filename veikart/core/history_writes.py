"""History rows for many objects at once, written by the database.

django-simple-history writes one row per ``save()``; its ``bulk_history_create``
builds every row in Python and leaves out the many-to-many rows that
``HistoricalRecords(m2m_fields=...)`` keeps per history row, so the next row
would show every owner as removed. ``write_history`` copies the objects' rows
as they are now into the history table with one ``INSERT … SELECT``, and each
many-to-many relation with one more: a thousand objects cost a handful of
statements, whatever their size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection, models
from django.db.models import Max
from django.utils import timezone


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def write_history(
    model: type[models.Model], pks: Sequence[int], *, user: Any, reason: str, created: bool = False
) -> int:
    """Write one history row ("+" if ``created`` else "~") per object of ``model`` in ``pks``, as stored now.

    Call it inside the transaction that changed the objects, after the change.
    Returns the number of history rows written.
    """
    written = 0
    for start in range(0, len(pks), _CHUNK):
        written += _write_chunk(model, pks[start : start + _CHUNK], user=user, reason=reason, created=created)
    return written


# Keeps each statement's parameters well under SQLite's limit of 32,766.
_CHUNK = 5000


def _write_chunk(model: type[models.Model], pks: Sequence[int], *, user: Any, reason: str, created: bool) -> int:
    history_model = model.history.model
    table = model._meta.db_table
    source_columns = {field.column for field in model._meta.concrete_fields}
    copied = [
        field.column
        for field in history_model._meta.concrete_fields
        if field.column in source_columns and not field.name.startswith("history_")
    ]
    pk_column = model._meta.pk.column
    before = history_model.objects.aggregate(top=Max("history_id"))["top"] or 0
    when = timezone.now()
    history_columns = ["history_date", "history_change_reason", "history_type", "history_user_id"]
    placeholders = ", ".join(["%s"] * len(pks))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_quoted(history_model._meta.db_table)} "  # noqa: S608 - names from the models, values as parameters
            f"({', '.join(map(_quoted, copied + history_columns))}) "
            f"SELECT {', '.join(f'item.{_quoted(column)}' for column in copied)}, %s, %s, %s, %s "
            f"FROM {_quoted(table)} item WHERE item.{_quoted(pk_column)} IN ({placeholders})",
            [when, reason, "+" if created else "~", getattr(user, "pk", None), *pks],
        )
        written = cursor.rowcount
        for field in getattr(history_model, "_history_m2m_fields", []):
            m2m_history = getattr(history_model, field.name).model
            through = field.remote_field.through
            through_columns = [column.column for column in through._meta.concrete_fields]
            source = through._meta.get_field(field.m2m_field_name()).column
            cursor.execute(
                f"INSERT INTO {_quoted(m2m_history._meta.db_table)} "  # noqa: S608 - as above
                f"(history_id, {', '.join(map(_quoted, through_columns))}) "
                f"SELECT h.history_id, {', '.join(f'link.{_quoted(column)}' for column in through_columns)} "
                f"FROM {_quoted(through._meta.db_table)} link "
                f"JOIN {_quoted(history_model._meta.db_table)} h ON h.{_quoted(pk_column)} = link.{_quoted(source)} "
                f"WHERE h.history_id > %s AND h.history_date = %s AND h.{_quoted(pk_column)} IN ({placeholders})",
                [before, when, *pks],
            )
    return written
