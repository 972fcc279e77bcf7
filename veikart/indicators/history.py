"""The public change history of an indicator: definition, targets, baseline and data uploads.

Like the roadmap's change log (``veikart.roadmap.history``) it starts at publication: the first
entry is "published" and shows no earlier values; nothing entered while the indicator (or its
goal's strategy) was unpublished appears, neither a target's value or justification nor a
definition, and after a period unpublished it comes back as "published again". Within public periods
it lists changed definition fields, targets and the baseline added, changed or removed, and each
data upload as "data updated, N values".

Observations are written in bulk without a history record each, so an upload is read from its
import record (``ObservationImport``): the values it wrote for this indicator are those whose
latest write it was (``Observation.source_import``) plus those a later import corrected, whose
history records keep the import that wrote them before.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from veikart.core.diffs import plain_value
from veikart.core.history import (
    Period,
    PublicEntry,
    inside_periods,
    intersect_periods,
    public_changes,
    public_child_changes,
    publication_entries,
    published_periods,
)
from veikart.indicators.models import Baseline, Indicator, Observation, ObservationImport, Target
from veikart.strategy.models import public_names

# Change reasons written by the observation import (``services``), translated where shown.
REASONS = (gettext_noop("Import"), gettext_noop("Before correction"))
_PUBLICATION = ("history_id", "history_date", "history_type", "is_published")
_VALUE_FIELDS = ("period", "value")


def public_fields() -> list[str]:
    """What the page shows of an indicator: every editable field but the publication flag."""
    fields = [f for f in Indicator._meta.concrete_fields if f.editable and not f.primary_key]
    return [f.name for f in fields if f.name != "is_published"] + ["sub_goals"]


def public_periods(indicator: Indicator) -> list[Period]:
    """When the indicator was public: published itself and, if it has a goal, within a published strategy."""
    periods = published_periods(indicator.history.only(*_PUBLICATION))
    if indicator.goal_id is None:
        return periods
    strategy = indicator.goal.strategy
    records = list(strategy.history.only(*_PUBLICATION))
    if records:
        return intersect_periods(periods, published_periods(records))
    always = [(datetime.datetime.min.replace(tzinfo=datetime.UTC), None)]
    return intersect_periods(periods, always) if strategy.is_published else []


def public_history(indicator: Indicator, *, limit: int = 30) -> list[PublicEntry]:
    """The indicator's public entries, newest first, at most ``limit``; none while it was never public."""
    periods = public_periods(indicator)
    if not periods:
        return []
    records = list(indicator.history.order_by("history_date", "history_id"))
    entries = publication_entries(periods)
    entries += public_changes(Indicator, records, periods, public_fields(), names=public_names())
    targets = Target.history.filter(indicator_id=indicator.pk).order_by("history_date", "history_id")
    entries += _parts(
        Target,
        list(targets),
        periods,
        ("value", "justification"),
        {
            "+": _("Target added for %(subject)s"),
            "~": _("Target changed for %(subject)s"),
            "-": _("Target removed for %(subject)s"),
        },
    )
    baselines = Baseline.history.filter(indicator_id=indicator.pk).order_by("history_date", "history_id")
    entries += _parts(
        Baseline,
        list(baselines),
        periods,
        ("period", "value", "note"),
        {
            "+": _("Baseline set: %(subject)s"),
            "~": _("Baseline changed: %(subject)s"),
            "-": _("Baseline removed: %(subject)s"),
        },
    )
    entries += upload_entries(indicator, periods)
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]


def _parts(
    model: type[Target] | type[Baseline],
    records: list,
    periods: list[Period],
    fields: tuple[str, ...],
    headlines: dict[str, str],
) -> list[PublicEntry]:
    """Entries for targets or the baseline; a change to none of ``fields`` (e.g. the demo flag) is left out."""

    def subject(record) -> str:
        value = plain_value(record.value)
        return f"{record.period} ({value})" if record.history_type != "~" else record.period

    found = public_child_changes(model, records, periods, fields, subject=subject, headlines=headlines)
    return [entry for entry, _before, record in found if entry.changes or record.history_type != "~"]


def upload_counts(indicator: Indicator) -> dict[int, int]:
    """How many of the indicator's values each import wrote: import id → number of values."""
    history = Observation.history.model
    recorded = (
        history.objects.filter(indicator_id=indicator.pk, source_import_id__isnull=False)
        .values("source_import_id")
        .annotate(values=Count("id", distinct=True))
        .values_list("source_import_id", "values")
    )
    counts = dict(recorded)
    in_history = history.objects.filter(id=OuterRef("pk"), source_import_id=OuterRef("source_import_id"))
    current = (
        Observation.objects.filter(indicator_id=indicator.pk, source_import__isnull=False)
        .filter(~Exists(in_history))
        .values("source_import")
        .annotate(values=Count("pk"))
        .values_list("source_import", "values")
    )
    for import_id, number in current:
        counts[import_id] = counts.get(import_id, 0) + number
    return counts


def upload_entries(indicator: Indicator, periods: list[Period]) -> list[PublicEntry]:
    """ "Data updated, N values" for each import into the indicator made while it was public."""
    counts = upload_counts(indicator)
    entries = []
    for record in ObservationImport.objects.filter(pk__in=counts).only("pk", "imported_at"):
        if inside_periods(record.imported_at, periods):
            number = counts[record.pk]
            headline = ngettext("Data updated, %(count)s value.", "Data updated, %(count)s values.", number)
            entries.append(PublicEntry(record.imported_at, headline % {"count": number}))
    return entries
