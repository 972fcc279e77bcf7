"""Flags on the portfolio overview: where an item's report disagrees with what else is known of it.

Computed from plain data (``ItemFacts``, one per item with a report in the period shown), so the public
portfolio, the workspace and the benchmark call the same code and nothing here reads the database.
``pages.period_flags`` gathers the facts with one query per table; the method is in
``docs/reporting.md`` ("Flags").

1. **Colour against indicators.** The report gives the best colour of the scale (green, "i samsvar
   med plan") while an indicator the item is linked to (``BenefitLink``) is off track, has
   deteriorated, or falls recently against its long-run trend. The status and the recent trend are
   the indicators app's own assessment (``indicators.progress``), not computed again here; a recent
   trend against the long run counts only when it runs the wrong way (a recovery is no concern).
2. **A slip the dependants do not follow.** An item *slips* when its report expects its end later
   than before (its forecast end, the expected end date or else the planned end date, is later than
   the forecast end of its report in the previous period; without one, the expected end date is later
   than the planned end date), or moves a roadmap milestone later than the date known before (the
   previous period's report's update of that milestone, else the roadmap's date). Each item that
   depends on it (``depends_on``, whoever owns it) and does not slip itself is flagged, with the
   reason naming the item that slipped; unless it is planned to start on or after the slipped date,
   when the slip does not reach it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from veikart.core.content import sentence
from veikart.indicators.progress import Status

COLOUR_AGAINST_INDICATORS = "indicators"
DEPENDENCY_SLIP = "dependency"

# Statuses that disagree with "in line with the plan" by themselves.
CONCERNING_STATUSES = frozenset({Status.OFF_TRACK, Status.DETERIORATION})


@dataclass(frozen=True)
class IndicatorFacts:
    """A linked indicator as assessed by ``indicators.progress`` (``name`` may hold a ``lang`` mark)."""

    name: str
    status: str
    status_label: str
    higher_is_better: bool = True
    # The recent trend, when there is one: whether it runs against the long run, its yearly rate, its words.
    recent_against: bool = False
    recent_rate: float | None = None
    recent_words: str = ""
    base_period: str = ""

    @property
    def falls_the_wrong_way(self) -> bool:
        """The recent trend runs against the long run, and in the direction that is worse."""
        if not self.recent_against or self.recent_rate is None:
            return False
        return (self.recent_rate < 0) if self.higher_is_better else (self.recent_rate > 0)

    @property
    def is_concern(self) -> bool:
        return self.status in CONCERNING_STATUSES or self.falls_the_wrong_way


@dataclass(frozen=True)
class MilestoneDate:
    """A report's update of a roadmap milestone: the date it gives, and the date known before it."""

    title: str
    date: datetime.date
    before: datetime.date | None


@dataclass(frozen=True)
class ItemFacts:
    """What the flags need of one item and its report in the period shown."""

    item_id: int
    title: str
    period: str
    colour_name: str
    is_best_colour: bool
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    expected_end: datetime.date | None = None
    has_previous: bool = False
    previous_expected_end: datetime.date | None = None
    milestones: tuple[MilestoneDate, ...] = ()
    depends_on: tuple[int, ...] = ()
    indicators: tuple[IndicatorFacts, ...] = ()

    @property
    def forecast_end(self) -> datetime.date | None:
        return self.expected_end or self.planned_end


@dataclass(frozen=True)
class Slip:
    """A date of an item that moved later: its end (``milestone`` empty) or a milestone."""

    before: datetime.date
    after: datetime.date
    milestone: str = ""


@dataclass(frozen=True)
class Flag:
    kind: str
    reason: SafeString
    about_item_id: int | None = None


@dataclass
class FlagSet:
    """The flags of each item (item id → flags), and the items that slipped."""

    by_item: dict[int, list[Flag]] = field(default_factory=dict)
    slips: dict[int, Slip] = field(default_factory=dict)

    def of(self, item_id: int) -> list[Flag]:
        return self.by_item.get(item_id, [])


def slip_of(facts: ItemFacts) -> Slip | None:
    """The date of the item that moved later in this report (the end before a milestone; of several
    milestones, the one moved to the latest date), else None."""
    if facts.has_previous:
        before = facts.previous_expected_end or facts.planned_end
        after = facts.forecast_end
    else:
        before, after = facts.planned_end, facts.expected_end
    if before and after and after > before:
        return Slip(before, after)
    moved = [m for m in facts.milestones if m.before and m.date > m.before]
    if moved:
        latest = max(moved, key=lambda m: m.date)
        return Slip(latest.before, latest.date, latest.title)
    return None


def portfolio_flags(items: Iterable[ItemFacts]) -> FlagSet:
    """Every flag of ``items`` (see the module's docstring). Items without a flag have no entry.

    A dependency counts only between items in ``items``: an item that is not in the overview (not in
    the portfolio, or with no report the viewer may read in the period) neither raises nor gets a flag.
    """
    facts = {item.item_id: item for item in items}
    result = FlagSet()
    result.slips = {item_id: slip for item_id, item in facts.items() if (slip := slip_of(item)) is not None}
    for item in facts.values():
        flags = _colour_flags(item) + _dependency_flags(item, facts, result.slips)
        if flags:
            result.by_item[item.item_id] = flags
    return result


def _colour_flags(item: ItemFacts) -> list[Flag]:
    if not item.is_best_colour:
        return []
    flags = []
    for indicator in item.indicators:
        if not indicator.is_concern:
            continue
        reason = sentence(
            _("Reported “%(colour)s”, but the linked indicator “%(indicator)s” is “%(status)s”."),
            colour=item.colour_name,
            indicator=indicator.name,
            status=indicator.status_label,
        )
        if indicator.falls_the_wrong_way:
            reason += " " + conditional_escape(
                _("%(trend)s, against the trend since %(period)s.")
                % {"trend": indicator.recent_words, "period": indicator.base_period}
            )
        flags.append(Flag(COLOUR_AGAINST_INDICATORS, SafeString(reason)))
    return flags


def _dependency_flags(item: ItemFacts, facts: dict[int, ItemFacts], slips: dict[int, Slip]) -> list[Flag]:
    if item.item_id in slips:
        return []  # it moves its own dates: not "keeping its dates"
    flags = []
    for other_id in item.depends_on:
        slip = slips.get(other_id)
        if slip is None or other_id == item.item_id:
            continue
        if item.planned_start is not None and item.planned_start >= slip.after:
            continue  # planned to start after the new date anyway: the slip does not reach it
        other = facts[other_id]
        values = {
            "item": other.title,
            "before": date_format(slip.before, "DATE_FORMAT"),
            "after": date_format(slip.after, "DATE_FORMAT"),
            "period": other.period,
        }
        if slip.milestone:
            values["milestone"] = slip.milestone
            text = _(
                "Depends on “%(item)s”, whose milestone “%(milestone)s” moved from %(before)s to %(after)s "
                "in %(period)s, while this item keeps its dates."
            )
        else:
            text = _(
                "Depends on “%(item)s”, whose expected end moved from %(before)s to %(after)s in %(period)s, "
                "while this item keeps its dates."
            )
        flags.append(Flag(DEPENDENCY_SLIP, SafeString(conditional_escape(text % values)), about_item_id=other_id))
    return flags
