"""Deleting an indicator deletes its observations in one statement.

An indicator can have hundreds of thousands of observations. Left to Django's cascade, deleting it
would load every one of them, send two signals for each and write a history row for each: minutes
of work and memory for one click in the admin. ``Observation.indicator`` therefore does nothing on
delete, and this receiver removes the observations with a single ``DELETE`` inside the same
transaction, before the indicator row goes. The indicator's own history records the deletion; the
history rows of its observations stay as they were.
"""

from __future__ import annotations

from django.db import connections
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from veikart.indicators.models import Indicator, Observation


@receiver(pre_delete, sender=Indicator, dispatch_uid="indicator_deletes_its_observations")
def delete_observations(sender, instance: Indicator, using: str, **kwargs) -> None:
    connection = connections[using]
    table = connection.ops.quote_name(Observation._meta.db_table)
    column = connection.ops.quote_name(Observation._meta.get_field("indicator").column)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {column} = %s", [instance.pk])  # noqa: S608 - quoted names
