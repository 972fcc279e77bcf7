"""The annual cycle (*årshjulet*): every event of a year in one list, and a year's cycle made from the last.

A year's cycle is put together when it is read, from three places, so nothing is kept twice:

- **status reporting**: each reporting period's opening day and deadline (``ReportingPeriod``);
- **meetings**: every meeting of every body (``Meeting``), drafts only for the strategy office,
  who prepares them (``Meeting.objects.visible_to``);
- **the cycle's own events** (``CycleEvent``): the annual status report, the annual revision and
  anything else the strategy office puts in the year.

Only the last are stored, so only they are copied to the next year (``copy_cycle``); the periods and
meetings of the new year are made where they belong.

A reporting period's dates are public when its strategy is: the owners plan by them. Its *reports*
are another matter, public only once the period is published (``ReportingPeriod.objects.published``).
"""

from __future__ import annotations

import calendar
import datetime
import logging
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from veikart.accounts import permissions
from veikart.core.content import ContentText, content_in_language, in_languages, language_mark, page_language
from veikart.reporting.models import ReportingPeriod
from veikart.strategy.models import Strategy

from .cycle_models import CycleEvent
from .models import Body, Meeting
from .services import Refused

logger = logging.getLogger(__name__)

Kind = CycleEvent.Kind

# The years the cycle's pages and feed answer for; outside them an address is a mistake, not a year.
FIRST_YEAR, LAST_YEAR = 2000, 2100

# Within a day: whole-day events before timed ones, then in this order.
_KIND_ORDER = {kind: position for position, kind in enumerate(Kind)}


@dataclass(frozen=True)
class CycleEntry:
    """One event of a year's cycle, whichever place it comes from.

    ``uid`` is stable for as long as the source exists (the iCal feed's UID). ``starts_at`` is set for
    a timed event (a meeting), which then also has its day in ``starts``; an event over several days
    has ``ends``. ``title`` and ``description`` are in the active language, or in bokmål where the
    stored event has no translation (``ContentText.language`` says which). ``event`` is the stored
    event, None for those read from elsewhere; ``is_draft`` marks a meeting not yet summoned (which
    only the strategy office sees). ``changed_at`` is when the source last changed, if known.
    """

    uid: str
    kind: str
    starts: datetime.date
    title: ContentText
    ends: datetime.date | None = None
    starts_at: datetime.datetime | None = None
    ends_at: datetime.datetime | None = None
    description: ContentText | None = None
    body: Body | None = None
    place: str = ""
    url: str = ""
    is_draft: bool = False
    event: CycleEvent | None = None
    changed_at: datetime.datetime | None = None

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label

    @property
    def title_lang(self) -> str:
        """The ``lang`` to mark the title with: its language when it is not the page's, else empty."""
        return language_mark(self.title)

    @property
    def description_lang(self) -> str:
        return language_mark(self.description) if self.description else ""

    @property
    def sort_key(self) -> tuple:
        time = timezone.localtime(self.starts_at).time() if self.starts_at else None
        return (self.starts, time is not None, time or datetime.time.min, _KIND_ORDER[Kind(self.kind)], self.title.text)


def is_cycle_year(year: int) -> bool:
    """Whether ``year`` is one the cycle's pages answer for (``FIRST_YEAR`` to ``LAST_YEAR``)."""
    return FIRST_YEAR <= year <= LAST_YEAR


def year_cycle(year: int, user: Any) -> list[CycleEntry]:
    """Every event of ``year`` that ``user`` may see, sorted by day (whole-day events first, then by time).

    The stored events, each reporting period's opening day and deadline that fall in the year (every
    period for those who follow reporting in the workspace, else those of a published strategy),
    and the meetings of the year (drafts only for the strategy office).
    """
    entries = [*_stored_entries(year), *_reporting_entries(year, user), *_meeting_entries(year, user)]
    return sorted(entries, key=lambda entry: entry.sort_key)


def by_month(year: int, entries: list[CycleEntry]) -> list[tuple[datetime.date, list[CycleEntry]]]:
    """``year``'s twelve months (as their first day), each with its entries in order; an event over
    several months is under the month it starts in."""
    months: dict[int, list[CycleEntry]] = {month: [] for month in range(1, 13)}
    for entry in entries:
        months[entry.starts.month].append(entry)
    return [(datetime.date(year, month, 1), month_entries) for month, month_entries in months.items()]


def _last_changed(model: type[Model]) -> Subquery:
    """When each row last changed, from its history (``django-simple-history``)."""
    history = model.history.model.objects.filter(id=OuterRef("pk")).order_by("-history_date")
    return Subquery(history.values("history_date")[:1])


def _in_language(text: str) -> ContentText:
    """A text of the site's own (already translated), in the page's language."""
    return ContentText(text, page_language())


def _stored_entries(year: int) -> list[CycleEntry]:
    events = CycleEvent.objects.filter(year=year).select_related("body").annotate(changed_at=_last_changed(CycleEvent))
    return [
        CycleEntry(
            uid=f"cycle-event-{event.pk}@veikart",
            kind=event.kind,
            starts=event.starts,
            ends=event.ends if event.ends != event.starts else None,
            title=content_in_language(event, "title"),
            description=content_in_language(event, "description") if event.description else None,
            body=event.body,
            event=event,
            changed_at=event.changed_at,
        )
        for event in events
    ]


def _visible_periods(user: Any) -> QuerySet[ReportingPeriod]:
    every = ReportingPeriod.objects.visible_to(user)
    return every | ReportingPeriod.objects.filter(strategy__in=Strategy.objects.published())


def _reporting_entries(year: int, user: Any) -> list[CycleEntry]:
    periods = (
        _visible_periods(user)
        .filter(opens__lte=datetime.date(year, 12, 31), deadline__gte=datetime.date(year, 1, 1))
        .annotate(changed_at=_last_changed(ReportingPeriod))
    )
    entries = []
    for period in periods:
        url = f"{reverse('reporting:portfolio')}?period={period.pk}" if period.is_published else ""
        for suffix, day, title in (
            ("opens", period.opens, _("Status reporting %(period)s opens") % {"period": period.name}),
            ("deadline", period.deadline, _("Deadline for status reporting %(period)s") % {"period": period.name}),
        ):
            if day.year == year:
                entries.append(
                    CycleEntry(
                        uid=f"reporting-period-{period.pk}-{suffix}@veikart",
                        kind=Kind.REPORTING_DEADLINE,
                        starts=day,
                        title=_in_language(title),
                        url=url,
                        changed_at=period.changed_at,
                    )
                )
    return entries


def _meeting_entries(year: int, user: Any) -> list[CycleEntry]:
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(year=year)
        .select_related("body")
        .annotate(changed_at=_last_changed(Meeting))
    )
    return [
        CycleEntry(
            uid=f"meeting-{meeting.pk}@veikart",
            kind=Kind.MEETING,
            starts=timezone.localdate(meeting.starts_at),
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            title=_in_language(_("Meeting %(meeting)s") % {"meeting": meeting.label}),
            body=meeting.body,
            place=meeting.place,
            url=meeting.get_absolute_url(),
            is_draft=meeting.state == Meeting.State.DRAFT,
            changed_at=meeting.changed_at,
        )
        for meeting in meetings
    ]


# --- The strategy office's changes ------------------------------------------------------------------


def _require_office(user: Any) -> None:
    if not permissions.can_manage_governance(user):
        raise PermissionDenied(_("Only the strategy office keeps the annual cycle."))


def save_event(event: CycleEvent, *, by: Any) -> CycleEvent:
    """Create or change a stored event after checking it (``CycleEvent.clean``: the dates in its year,
    the end not before the start, a kind that is stored); ``ValidationError`` says what is wrong."""
    _require_office(by)
    created = event.pk is None
    event.full_clean()
    event.save()
    logger.info("Cycle event %s (%s) %s by %s", event.pk, event, "created" if created else "changed", by)
    return event


def delete_event(event: CycleEvent, *, by: Any) -> None:
    """Remove a stored event from its year's cycle (its copies in later years stay)."""
    _require_office(by)
    logger.info("Cycle event %s (%s) deleted by %s", event.pk, event, by)
    event.delete()


@dataclass(frozen=True)
class CopyResult:
    """What ``copy_cycle`` did: the events made in the new year, and how many were there already."""

    created: list[CycleEvent]
    already_there: int


def same_day_in(day: datetime.date, year: int) -> datetime.date:
    """``day``'s month and day in ``year``; 29 February becomes 28 February in a year that has none."""
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return datetime.date(year, 2, 28)
    return day.replace(year=year)


def copy_cycle(from_year: int, to_year: int, *, by: Any, only_missing: bool = False) -> CopyResult:
    """Copy ``from_year``'s stored events to ``to_year`` on the same month and day (``same_day_in``),
    with their kind, titles, descriptions and body; each copy remembers its original.

    Refused when ``from_year`` has no stored events, when the years are the same or outside the
    cycle's years, and when ``to_year`` already has stored events, unless ``only_missing``: then
    only the events not yet there are added (one is there when it was copied from the same original,
    or has the same kind and title). Reporting deadlines and meetings are not copied: they come from
    the new year's periods and meetings.
    """
    _require_office(by)
    if from_year == to_year or not (is_cycle_year(from_year) and is_cycle_year(to_year)):
        raise Refused(
            _("Choose two different years between %(first)s and %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    with transaction.atomic():
        originals = list(CycleEvent.objects.filter(year=from_year).order_by("starts", "pk"))
        if not originals:
            raise Refused(_("%(year)s has no events of its own to copy.") % {"year": from_year})
        existing = list(CycleEvent.objects.select_for_update().filter(year=to_year))
        if existing and not only_missing:
            raise Refused(
                _("%(year)s already has %(count)s events. Add only the missing ones, or change %(year)s by hand.")
                % {"year": to_year, "count": len(existing)}
            )
        copied_from = {event.copied_from_id for event in existing}
        names = {(event.kind, event.title) for event in existing}
        created = []
        for original in originals:
            if original.pk in copied_from or (original.kind, original.title) in names:
                continue
            copy = CycleEvent(
                year=to_year,
                starts=same_day_in(original.starts, to_year),
                ends=same_day_in(original.ends, to_year) if original.ends else None,
                kind=original.kind,
                body=original.body,
                copied_from=original,
                **{name: getattr(original, name) for name in in_languages("title", "description")},
            )
            copy.full_clean()
            copy.save()
            created.append(copy)
    logger.info(
        "Cycle %s copied to %s by %s: %s events created, %s already there",
        from_year,
        to_year,
        by,
        len(created),
        len(originals) - len(created),
    )
    return CopyResult(created=created, already_there=len(originals) - len(created))
