"""What still refers to an object, so a workspace delete page can say why it may not delete it.

Used for organisations here and for the roadmap's reference data; any model
added later that points at them (a status report, a consultation response) is
found the same way, without this module knowing it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from simple_history.models import HistoricalChanges


@dataclass(frozen=True)
class Reference:
    """``count`` rows of a kind (``label``, its plural verbose name) that refer to the object."""

    label: Promise | str
    count: int


def references_to(obj: models.Model) -> list[Reference]:
    """Every kind of row that refers to ``obj`` by a foreign key or a many-to-many relation, with its count.

    Change-history rows do not count: the history outlives what it describes.
    Kinds with no rows are left out, so an empty list means the object may be deleted.
    """
    found = []
    for relation in obj._meta.related_objects:
        model = relation.related_model
        if issubclass(model, HistoricalChanges):
            continue
        count = model._base_manager.filter(**{relation.field.name: obj}).count()
        if count:
            found.append(Reference(model._meta.verbose_name_plural, count))
    return found
