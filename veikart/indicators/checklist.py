"""What an indicator still lacks, as the workspace's lists and pages show it.

``with_checklist`` annotates a QuerySet with everything ``missing`` needs, so a list of indicators
is read in one query: freshness (``freshness.with_freshness``) and whether a baseline and a target
exist.
"""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from veikart.indicators.editing import publication_gaps
from veikart.indicators.freshness import due_period, period_from_sort_key, with_freshness
from veikart.indicators.models import Baseline, Indicator, Target


def with_checklist(indicators: QuerySet, today: datetime.date | None = None) -> QuerySet:
    """``indicators`` with ``latest_period_key``, ``is_overdue``, ``has_baseline`` and ``has_target``."""
    return with_freshness(indicators.select_related("goal__strategy", "responsible"), today).annotate(
        has_baseline=Exists(Baseline.objects.filter(indicator=OuterRef("pk"))),
        has_target=Exists(Target.objects.filter(indicator=OuterRef("pk"))),
    )


def latest_period(indicator: Indicator) -> str:
    """The latest period with data of an indicator from ``with_freshness`` ("" without data)."""
    return period_from_sort_key(indicator.latest_period_key)


def missing(indicator: Indicator, today: datetime.date | None = None) -> list[str]:
    """What ``indicator`` (from ``with_checklist``) lacks: publication, baseline, target, data."""
    today = today or timezone.localdate()
    lacks = []
    if not indicator.is_published:
        gaps = publication_gaps(indicator)
        lacks.append(
            _("Not published: %(gaps)s") % {"gaps": " ".join(gaps)} if gaps else _("Ready to publish, not published.")
        )
    if not indicator.has_baseline:
        lacks.append(_("No baseline."))
    if not indicator.has_target:
        lacks.append(_("No target."))
    if indicator.status != Indicator.Status.RETIRED:
        if indicator.latest_period_key is None:
            lacks.append(_("No data for the total yet."))
        elif indicator.is_overdue:
            lacks.append(_("Data for %(period)s is overdue.") % {"period": due_period(indicator.frequency, today).text})
    return lacks


def bounds_text(indicator: Indicator) -> str:
    """ "Values must lie between 0 and 7." for a bounded indicator, "" for one without bounds."""
    low, high = indicator.bounds
    if low is None and high is None:
        return ""
    return _("Values must lie between %(low)s and %(high)s.") % {
        "low": "…" if low is None else format(low.normalize(), "f"),
        "high": "…" if high is None else format(high.normalize(), "f"),
    }
