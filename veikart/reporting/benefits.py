"""The benefit link's writes (add, change the note, remove) and its read: the linked indicators with
their progress as the indicators app assesses it.

The writes take plain data and the acting user, check ``permissions.can_edit_benefit_links`` (whoever
may edit the item), keep the history with the user, and log who did what. A refusal is
``PermissionDenied`` (who may not) or ``services.Refused`` (what may not be done), with a translated
message.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from veikart.accounts import permissions
from veikart.indicators.models import Indicator
from veikart.indicators.pages import indicator_overview
from veikart.indicators.progress import Progress
from veikart.roadmap.models import RoadmapItem

from .benefit_models import BenefitLink
from .services import Refused

logger = logging.getLogger(__name__)


def linkable_indicators(user: Any) -> QuerySet[Indicator]:
    """The indicators ``user`` may link an item to: those the workspace shows them (the strategy office
    every indicator; an owner editor its organisation's and the published ones)."""
    return permissions.workspace_indicators(user, Indicator.objects.all())


def readable_indicators(user: Any) -> QuerySet[Indicator]:
    """The linked indicators ``user`` sees in the workspace: what they may link, and the published ones."""
    if permissions.can_view_unpublished(user):
        return Indicator.objects.all()
    return Indicator.objects.filter(
        Q(pk__in=linkable_indicators(user).values("pk")) | Q(pk__in=Indicator.objects.published().values("pk"))
    )


def _item_for_link_editor(user: Any, item_id: int) -> RoadmapItem:
    item = RoadmapItem.objects.filter(pk=item_id).first()
    if item is None or not permissions.can_edit_benefit_links(user, item.owners.all()):
        raise PermissionDenied(_("Only those who may edit the item change the indicators it is meant to move."))
    return item


def _link_for_editor(user: Any, link_id: int) -> BenefitLink:
    link = BenefitLink.objects.select_related("item", "indicator").filter(pk=link_id).first()
    if link is None:
        raise Refused(_("There is no such link; it may have been removed already."))
    _item_for_link_editor(user, link.item_id)
    return link


def benefit_link_add(*, user: Any, item_id: int, indicator_id: int, note: str = "") -> BenefitLink:
    """Link the item to an indicator it is meant to move; returns the link.

    ``PermissionDenied`` for anyone who may not edit the item; ``Refused`` for an indicator the user
    may not see (told as "no such indicator", so an unpublished one does not reveal itself), one
    already linked, or a note that is too long.
    """
    item = _item_for_link_editor(user, item_id)
    indicator = linkable_indicators(user).filter(pk=indicator_id).first()
    if indicator is None:
        raise Refused(_("There is no such indicator."))
    link = BenefitLink(item=item, indicator=indicator, note=note.strip(), created_by=user)
    try:
        link.full_clean(exclude=["item", "indicator", "created_by"])
    except ValidationError as error:
        raise Refused(" ".join(error.messages)) from None
    link._history_user = user
    try:
        with transaction.atomic():
            link.save()
    except IntegrityError:
        raise Refused(_("The item is already linked to %(indicator)s.") % {"indicator": indicator.code}) from None
    logger.info("%s linked roadmap item %s to indicator %s", user.username, item.pk, indicator.code)
    return link


def benefit_link_change(*, user: Any, link_id: int, note: str) -> BenefitLink:
    """Change the note of a link (how the item moves the indicator)."""
    link = _link_for_editor(user, link_id)
    link.note = note.strip()
    try:
        link.full_clean(exclude=["item", "indicator", "created_by"])
    except ValidationError as error:
        raise Refused(" ".join(error.messages)) from None
    link._history_user = user
    link.save()
    logger.info(
        "%s changed the note of the link from roadmap item %s to indicator %s",
        user.username,
        link.item_id,
        link.indicator.code,
    )
    return link


def benefit_link_remove(*, user: Any, link_id: int) -> None:
    """Remove a link; the history keeps it, with who removed it."""
    link = _link_for_editor(user, link_id)
    link._history_user = user
    item_id, code = link.item_id, link.indicator.code
    link.delete()
    logger.info("%s removed the link from roadmap item %s to indicator %s", user.username, item_id, code)


# --- Reading ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkedIndicator:
    """An indicator an item is linked to, with its progress as ``indicators.progress`` assesses it."""

    link_id: int
    note: str
    indicator: Indicator
    progress: Progress

    @property
    def trend_words(self) -> str:
        """The trend in words: the recent trend when it runs against the long run, else which way the
        series went since its base; empty before there are two points in time."""
        return trend_words(self.progress)


def trend_words(progress: Progress) -> str:
    """ "Falling over the last 2 years (since 2021), against the trend since 2019." / "Rising since
    2019." / "" when there is no trend yet. Built from the assessment, never recomputed."""
    base, latest = progress.base, progress.latest
    if base is None or latest is None or base.period == latest.period or progress.change is None:
        return ""
    if progress.trend_turned:
        return _("%(trend)s, against the trend since %(period)s.") % {
            "trend": progress.recent.words,
            "period": base.period,
        }
    if progress.change > 0:
        return _("Rising since %(period)s.") % {"period": base.period}
    if progress.change < 0:
        return _("Falling since %(period)s.") % {"period": base.period}
    return _("Unchanged since %(period)s.") % {"period": base.period}


def linked_indicators_of(
    items: Iterable[int] | QuerySet, *, indicators: QuerySet[Indicator]
) -> dict[int, list[LinkedIndicator]]:
    """Per item id, its links to ``indicators`` (the ones the viewer may see) with their progress, in
    the order of the indicators' codes.

    ``items`` is a list of item ids, or a query giving them (``values("item_id")``), which the database
    reads as a subquery: the overview passes thousands. Two queries and the indicator overview's cache
    (progress is cached per indicator and data revision), however many items; each indicator is loaded
    and assessed once, whatever the number of items linked to it.
    """
    if not isinstance(items, QuerySet):
        items = list(items)
    links = list(
        BenefitLink.objects.filter(item_id__in=items, indicator__in=indicators)
        .order_by("item_id", "indicator__code", "pk")
        .values_list("pk", "item_id", "indicator_id", "note")
    )
    rows = {
        row.indicator.pk: row
        for row in indicator_overview(Indicator.objects.filter(pk__in={indicator_id for *_, indicator_id, _n in links}))
    }
    result: dict[int, list[LinkedIndicator]] = {}
    for pk, item_id, indicator_id, note in links:
        row = rows[indicator_id]
        result.setdefault(item_id, []).append(LinkedIndicator(pk, note, row.indicator, row.progress))
    return result
