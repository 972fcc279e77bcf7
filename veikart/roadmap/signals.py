"""Keep the search index (and, through ``core.search``, the site search's vocabulary) in step with items,
their owners and groupings."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from veikart.accounts.models import Organisation
from veikart.core.search import documents_changing
from veikart.roadmap.models import Grouping, RoadmapItem
from veikart.roadmap.search import KIND, search_index_refresh, search_index_remove


@receiver(post_save, sender=RoadmapItem, dispatch_uid="roadmap_item_saved")
def item_saved(sender, instance: RoadmapItem, raw: bool = False, **kwargs) -> None:
    if not raw:
        search_index_refresh([instance.pk])


@receiver(pre_delete, sender=RoadmapItem, dispatch_uid="roadmap_item_deleting")
def item_deleting(sender, instance: RoadmapItem, **kwargs) -> None:
    # The site search's vocabulary reads the item's words now, while its search row still exists.
    instance._search_vocabulary_done = documents_changing(KIND, [instance.pk])


@receiver(post_delete, sender=RoadmapItem, dispatch_uid="roadmap_item_deleted")
def item_deleted(sender, instance: RoadmapItem, **kwargs) -> None:
    search_index_remove([instance.pk])
    if done := getattr(instance, "_search_vocabulary_done", None):
        done()


@receiver(m2m_changed, sender=RoadmapItem.owners.through, dispatch_uid="roadmap_item_owners_changed")
def owners_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # organisation.roadmap_items.add(...): the items are in pk_set
        search_index_refresh(pk_set or instance.roadmap_items.values_list("pk", flat=True))
    else:
        search_index_refresh([instance.pk])


@receiver(post_save, sender=Organisation, dispatch_uid="roadmap_organisation_renamed")
def organisation_saved(sender, instance: Organisation, created: bool, raw: bool = False, **kwargs) -> None:
    if not created and not raw:
        search_index_refresh(instance.roadmap_items.values_list("pk", flat=True))


@receiver(post_save, sender=Grouping, dispatch_uid="roadmap_grouping_renamed")
def grouping_saved(sender, instance: Grouping, created: bool, raw: bool = False, **kwargs) -> None:
    if not created and not raw:
        search_index_refresh(instance.items.values_list("pk", flat=True))
