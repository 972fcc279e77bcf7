"""Helpers for idempotent demo loaders.

Every app that ships demo content names a loader in its AppConfig
(``demo_loader = "veikart.<app>.demo.load"`` and ``demo_order``); the
``load_demo`` command runs them in order. Loaders use ``upsert`` so that
running them again changes nothing and records no new history.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def upsert(model: type[M], lookup: dict[str, Any], values: dict[str, Any]) -> tuple[M, bool]:
    """Create the object matching ``lookup`` or bring it to ``values``; save only when something differs.

    Returns the object and whether it was created or changed.
    """
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        return obj, True
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        return obj, False
    for name in changed:
        setattr(obj, name, values[name])
    obj.full_clean()
    obj.save()
    return obj, True


def sync_ordered_texts(parent: models.Model, relation: str, texts: list[str]) -> None:
    """Make ``parent.<relation>`` (objects with ``position`` and ``text``) hold exactly ``texts`` in order."""
    manager = getattr(parent, relation)
    model = manager.model
    fk_name = manager.field.name
    for position, text in enumerate(texts, start=1):
        upsert(model, {fk_name: parent, "position": position}, {"text": text})
    manager.filter(position__gt=len(texts)).delete()


def sync_m2m(manager: Any, objects: list[models.Model]) -> None:
    """Set a many-to-many relation only when it differs (so no history is written for no change)."""
    if {obj.pk for obj in manager.all()} != {obj.pk for obj in objects}:
        manager.set(objects)


def with_translations(values: dict[str, Any], translations: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """``values`` plus ``<field>_nn`` and ``<field>_en`` for every text that ``translations`` holds.

    ``translations`` maps a bokmål text to its nynorsk and English versions, so one entry
    serves every strategy version that shares the text. A text it does not hold gets no
    translation keys, so the loader leaves those columns as they are.
    """
    extended = dict(values)
    for field, value in values.items():
        if isinstance(value, str) and value in translations:
            extended[f"{field}_nn"], extended[f"{field}_en"] = translations[value]
    return extended
