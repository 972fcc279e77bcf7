"""The data revision of an indicator: raised whenever its computed progress may change.

Pages cache what they compute from an indicator's series under the indicator's ``data_revision``
(see ``pages.indicator_overview``), so a write that does not raise it would leave a stale status on
the page. Model writes raise it through the signals below; bulk writers (the import's
``ObservationWriter`` and its corrections) call ``raise_data_revision`` themselves. The raise is an
``UPDATE`` in the writer's own transaction, so a rolled-back import leaves the revision as it was.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from veikart.indicators.models import Baseline, Indicator, Observation, Target


def raise_data_revision(indicator_ids: Iterable[int]) -> None:
    """Mark the indicators' computed progress as out of date."""
    ids = sorted(set(indicator_ids))
    if ids:
        Indicator.objects.filter(pk__in=ids).update(data_revision=F("data_revision") + 1)


@receiver(post_save, sender=Observation, dispatch_uid="indicator_revision_observation_saved")
@receiver(post_delete, sender=Observation, dispatch_uid="indicator_revision_observation_deleted")
@receiver(post_save, sender=Target, dispatch_uid="indicator_revision_target_saved")
@receiver(post_delete, sender=Target, dispatch_uid="indicator_revision_target_deleted")
@receiver(post_save, sender=Baseline, dispatch_uid="indicator_revision_baseline_saved")
@receiver(post_delete, sender=Baseline, dispatch_uid="indicator_revision_baseline_deleted")
def series_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        raise_data_revision([instance.indicator_id])


@receiver(post_save, sender=Indicator, dispatch_uid="indicator_revision_indicator_saved")
def indicator_saved(sender, instance: Indicator, created: bool, raw: bool = False, **kwargs) -> None:
    # Direction, measure type, bounds and name all shape the progress or its sparkline.
    if not created and not raw:
        raise_data_revision([instance.pk])
