"""iCalendar feeds (RFC 5545) the way every Veikart feed writes them: one calendar, all-day events
for dates, timed events in the site's time zone, and one response type.

A feed names each event with a UID that stays the same for as long as the thing it shows exists
(``milestone-12@veikart``), so a subscribed calendar updates the event instead of adding a copy,
and stamps it (DTSTAMP) with when the thing last changed.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event


def new_calendar(name: str) -> Calendar:
    """An empty calendar called ``name`` (the name a calendar program shows for the subscription)."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//veikart//NO")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def all_day_event(
    *,
    uid: str,
    summary: str,
    first_day: datetime.date,
    last_day: datetime.date | None = None,
    stamp: datetime.datetime,
    url: str = "",
    description: str = "",
) -> Event:
    """An event over whole days, ``first_day`` to ``last_day`` (default: the one day) inclusive.

    DTEND of an all-day event is the day after the last (RFC 5545 §3.6.1), which is why it is
    written as ``last_day + 1``.
    """
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", first_day)
    event.add("dtend", (last_day or first_day) + datetime.timedelta(days=1))
    _finish(event, stamp=stamp, url=url, description=description)
    return event


def timed_event(
    *,
    uid: str,
    summary: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    stamp: datetime.datetime,
    url: str = "",
    description: str = "",
    location: str = "",
) -> Event:
    """An event at a time, written in the site's time zone (Europe/Oslo) so that a calendar shows it at
    the local time it was set for, summer time or not; without ``ends_at`` it has no end."""
    zone = ZoneInfo(settings.TIME_ZONE)
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", timezone.localtime(starts_at, zone))
    if ends_at is not None:
        event.add("dtend", timezone.localtime(ends_at, zone))
    if location:
        event.add("location", location)
    _finish(event, stamp=stamp, url=url, description=description)
    return event


def _finish(event: Event, *, stamp: datetime.datetime, url: str, description: str) -> None:
    event.add("dtstamp", stamp)
    if url:
        event.add("url", url)
    if description:
        event.add("description", description)


def calendar_response(
    calendar: Calendar,
    *,
    first_day: datetime.date = datetime.date(1970, 1, 1),
    last_day: datetime.date = datetime.date(2038, 1, 1),
) -> HttpResponse:
    """The calendar as a ``text/calendar`` response, with a VTIMEZONE for every time zone its timed
    events name (RFC 5545 requires one), covering ``first_day`` to ``last_day``."""
    calendar.add_missing_timezones(first_date=first_day, last_date=last_day)
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
