"""The annual cycle's pages: the year and the list for everyone, the iCal feed, and the strategy office's
pages for the stored events and the copy to next year, with who may open them and the bad input refused."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from veikart.conftest import client_for
from veikart.governance.models import CycleEvent

from .cycle_fixtures import make_event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

Kind = CycleEvent.Kind


@pytest.fixture
def year_2026(cycle_periods, cycle_meetings, nuit) -> CycleEvent:
    """2026 with reporting deadlines, a summoned and a draft meeting, and a stored event over two days."""
    return make_event(
        2026,
        "2026-03-12",
        "Årlig statusrapport til NUIT",
        title_en="Annual status report to NUIT",
        ends=datetime.date(2026, 3, 13),
        kind=Kind.ANNUAL_REPORT,
        body=nuit,
    )


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _structure(html: str) -> tuple[int, str, list[str]]:
    """The number of h1s, the <title> and the breadcrumb trail's entries."""
    title = " ".join(unescape(re.search(r"<title>(.*?)</title>", html, re.S)[1]).split())
    nav = re.search(r'<nav class="vk-breadcrumbs".*?</nav>', html, re.S)
    crumbs = [_text(li) for li in re.findall(r"<li>(.*?)</li>", nav[0], re.S)] if nav else []
    return len(re.findall(r"<h1[ >]", html)), title, crumbs


def _year_url(year: int | str = 2026, name: str = "governance:cycle") -> str:
    return f"{reverse(name)}?year={year}"


def test_the_year_page_shows_twelve_months_with_deadlines_meetings_and_the_stored_events(client, year_2026):
    html = client.get(_year_url()).content.decode()
    h1s, title, crumbs = _structure(html)
    assert h1s == 1 and title.startswith("Annual cycle 2026") and crumbs == ["Home", "Annual cycle 2026"]
    assert re.findall(r'<h2 class="ds-heading" data-size="xs" id="month-(\d+)">', html) == [
        str(month) for month in range(1, 13)
    ]
    text = _text(html)
    for expected in (
        "Deadline for status reporting 2025 T3",
        "Status reporting 2026 T1 opens",
        "Annual status report to NUIT",
        "Meeting NUIT 1/2026",
    ):
        assert expected in text
    assert "March 12 – March 13" in text
    # The stored event is in March, under March's heading.
    march = html[html.index('id="month-3"') : html.index('id="month-4"')]
    assert "Annual status report to NUIT" in march and "Meeting NUIT 1/2026" in march
    assert "Meeting NUFA 1/2026" not in text  # a draft


def test_the_list_page_has_every_event_in_one_table(client, year_2026):
    html = client.get(_year_url(name="governance:cycle-list")).content.decode()
    h1s, title, crumbs = _structure(html)
    assert h1s == 1 and title.startswith("Annual cycle 2026 as a list")
    assert crumbs == ["Home", "Annual cycle 2026", "List"]
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)[1:]
    assert len(rows) == 5
    assert "Deadline for status reporting 2025 T3" in _text(rows[0])
    assert "Meeting NUIT 1/2026" in _text(rows[3]) and "NUIT" in _text(rows[3])


def test_a_draft_meeting_is_shown_to_the_strategy_office_only_and_marked(
    client, year_2026, strategy_office, body_member
):
    for viewer in (None, body_member):
        assert "Meeting NUFA 1/2026" not in _text(client_for(viewer).get(_year_url()).content.decode())
    text = _text(client_for(strategy_office).get(_year_url()).content.decode())
    assert "Meeting NUFA 1/2026 Draft, not public" in text


def test_the_year_page_shows_this_year_by_default(client):
    html = client.get(reverse("governance:cycle")).content.decode()
    assert _structure(html)[1].startswith(f"Annual cycle {timezone.localdate().year}")


@pytest.mark.parametrize("asked", ["abc", "99999", "1999", "-1", "2026x"])
def test_a_year_that_is_not_one_is_said_so_and_this_year_shown(client, asked):
    for name in ("governance:cycle", "governance:cycle-list"):
        response = client.get(_year_url(asked, name))
        assert response.status_code == 200
        text = _text(response.content.decode())
        this_year = timezone.localdate().year
        assert f"“{asked}” is not a year from 2000 to 2100; showing {this_year}." in text


def test_the_pages_are_in_nynorsk_with_the_events_nynorsk_title_or_the_bokmal_marked(client, nuit):
    make_event(2026, "2026-03-12", "Årlig statusrapport", title_nn="Årleg statusrapport", kind=Kind.ANNUAL_REPORT)
    make_event(2026, "2026-06-04", "Bare bokmål")
    with translation.override("nn"):
        html = client.get(_year_url()).content.decode()
    assert '<html lang="nn"' in html
    assert "<span>Årleg statusrapport</span>" in html
    assert '<span lang="nb">Bare bokmål</span>' in html


def _calendar(client, year: int = 2026) -> Calendar:
    response = client.get(reverse("governance:cycle-ical", args=[year]))
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_the_ical_feed_has_the_public_events_with_stable_uids_whole_days_and_meetings_in_oslo_time(
    client, year_2026, cycle_meetings, strategy_office
):
    events = {str(event["uid"]): event for event in _calendar(client).walk("VEVENT")}
    stored = events[f"cycle-event-{year_2026.pk}@veikart"]
    assert str(stored["summary"]) == "Annual status report to NUIT"
    assert stored.decoded("dtstart") == datetime.date(2026, 3, 12)
    assert stored.decoded("dtend") == datetime.date(2026, 3, 14)  # the day after the last
    assert "dtstamp" in stored
    meeting = events[f"meeting-{cycle_meetings['summoned'].pk}@veikart"]
    assert meeting["dtstart"].params["TZID"] == "Europe/Oslo"
    assert meeting.decoded("dtstart").replace(tzinfo=None) == datetime.datetime(2026, 3, 26, 9, 0)
    assert f"meeting-{cycle_meetings['draft'].pk}@veikart" not in events
    assert f"meeting-{cycle_meetings['other_year'].pk}@veikart" not in events
    assert len(events) == 5
    # The same feed for the strategy office (a subscription carries no login), and the same UIDs again.
    again = {str(event["uid"]) for event in _calendar(client_for(strategy_office)).walk("VEVENT")}
    assert again == set(events)
    calendar = _calendar(client)
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]


def test_the_ical_feed_of_a_year_outside_the_cycles_years_is_not_found(client):
    assert client.get(reverse("governance:cycle-ical", args=[1800])).status_code == 404
    assert not list(_calendar(client, 2031).walk("VEVENT"))


# --- The strategy office's pages ------------------------------------------------------------------


def _workspace_pages(event: CycleEvent) -> list[str]:
    return [
        f"{reverse('ws-governance:cycle')}?year=2026",
        reverse("ws-governance:cycle-event-create"),
        reverse("ws-governance:cycle-event-edit", args=[event.pk]),
        reverse("ws-governance:cycle-event-delete", args=[event.pk]),
        reverse("ws-governance:cycle-copy", args=[2026]),
    ]


def test_only_the_strategy_office_opens_the_cycles_workspace_pages(
    year_2026, strategy_office, body_member, owner_editor, outsider
):
    pages = _workspace_pages(year_2026)
    for path in pages:
        assert client_for(None).get(path).status_code == 302  # to the login
        for user in (body_member, owner_editor, outsider):
            assert client_for(user).get(path).status_code == 403, (user, path)
        html = client_for(strategy_office).get(path).content.decode()
        h1s, _title, crumbs = _structure(html)
        assert h1s == 1 and crumbs[:2] == ["Home", "Workspace"], path
    # Nor can anyone else change the cycle by posting directly.
    for user in (body_member, owner_editor):
        client_for(user).post(pages[3])
        client_for(user).post(pages[4])
    assert CycleEvent.objects.count() == 1


def test_the_cycle_is_in_the_workspace_navigation_of_the_strategy_office_only(strategy_office, body_member):
    url = reverse("ws-governance:cycle")
    assert url in client_for(strategy_office).get(reverse("workspace:start")).content.decode()
    assert url not in client_for(body_member).get(reverse("workspace:start")).content.decode()


def _form(**changes) -> dict:
    return {
        "year": "2026",
        "starts": "2026-06-04",
        "ends": "",
        "kind": "annual_revision",
        "title": "Årlig revisjon",
        "title_nn": "Årleg revisjon",
        "title_en": "",
        "description": "",
        "description_nn": "",
        "description_en": "",
        "body": "",
        **changes,
    }


def test_the_strategy_office_adds_changes_and_removes_an_event(strategy_office, nuit):
    client = client_for(strategy_office)
    response = client.post(reverse("ws-governance:cycle-event-create"), _form(body=str(nuit.pk)))
    assert response.status_code == 302 and response["Location"].endswith("?year=2026")
    event = CycleEvent.objects.get()
    assert (event.title, event.title_nn, event.body, event.kind) == (
        "Årlig revisjon",
        "Årleg revisjon",
        nuit,
        "annual_revision",
    )
    response = client.post(
        reverse("ws-governance:cycle-event-edit", args=[event.pk]), _form(ends="2026-06-05", title="Revisjon")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.ends) == ("Revisjon", datetime.date(2026, 6, 5))
    assert client.post(reverse("ws-governance:cycle-event-delete", args=[event.pk])).status_code == 302
    assert not CycleEvent.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends": "2026-06-01"}, "End date: The end date cannot be before the date."),
        ({"starts": "2027-01-04"}, "Date: The date must be in 2026, the year of the cycle."),
        ({"ends": "2027-01-04"}, "End date: The end date must be in 2026, the year of the cycle."),
        ({"kind": "meeting"}, "Kind: Select a valid choice. meeting is not one of the available choices."),
        ({"kind": "birthday"}, "Kind: Select a valid choice."),
        ({"starts": "not a date"}, "Date: Enter a valid date."),
        ({"title": ""}, "This field is required."),
        ({"year": "twenty"}, "Year: Enter a whole number."),
    ],
)
def test_bad_input_on_the_event_form_is_refused_with_the_reason_and_what_was_typed_kept(
    strategy_office, changes, message
):
    response = client_for(strategy_office).post(reverse("ws-governance:cycle-event-create"), _form(**changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in _text(html)
    assert 'value="Årleg revisjon"' in html
    assert not CycleEvent.objects.exists()


def test_an_unknown_event_is_not_found(strategy_office):
    client = client_for(strategy_office)
    assert client.get(reverse("ws-governance:cycle-event-edit", args=[999])).status_code == 404
    assert client.post(reverse("ws-governance:cycle-event-delete", args=[999])).status_code == 404
    assert client.get(reverse("ws-governance:cycle-copy", args=[2100])).status_code == 404


def test_the_copy_page_shows_what_is_copied_and_creates_next_year(strategy_office, year_2026):
    client = client_for(strategy_office)
    url = reverse("ws-governance:cycle-copy", args=[2026])
    html = client.get(url).content.decode()
    assert _structure(html)[1].startswith("Create 2027 from 2026")
    assert "1 event of 2026 is copied to the same day in 2027" in _text(html)
    assert "only_missing" not in html  # 2027 is empty: nothing to ask
    response = client.post(url)
    assert response.status_code == 302 and response["Location"].endswith("?year=2027")
    copy = CycleEvent.objects.get(year=2027)
    assert (copy.starts, copy.ends, copy.copied_from) == (
        datetime.date(2027, 3, 12),
        datetime.date(2027, 3, 13),
        year_2026,
    )


def test_copying_into_a_year_with_events_is_refused_unless_asked_for_the_missing_ones(strategy_office, year_2026):
    make_event(2026, "2026-06-04", "Revisjon", kind=Kind.ANNUAL_REVISION)
    make_event(2027, "2027-03-12", "Årlig statusrapport til NUIT", kind=Kind.ANNUAL_REPORT)
    client = client_for(strategy_office)
    url = reverse("ws-governance:cycle-copy", args=[2026])
    html = client.get(url).content.decode()
    assert "2027 already has 1 event." in _text(html) and 'name="only_missing"' in html
    response = client.post(url, follow=True)
    assert "2027 already has 1 events" in _text(response.content.decode())
    assert CycleEvent.objects.filter(year=2027).count() == 1
    response = client.post(url, {"only_missing": "on"})
    assert response.status_code == 302
    assert sorted(CycleEvent.objects.filter(year=2027).values_list("title", flat=True)) == [
        "Revisjon",
        "Årlig statusrapport til NUIT",
    ]


def test_copying_a_year_without_events_says_so(strategy_office):
    client = client_for(strategy_office)
    html = client.get(reverse("ws-governance:cycle-copy", args=[2026])).content.decode()
    assert "2026 has no events of its own to copy." in _text(html)
    response = client.post(reverse("ws-governance:cycle-copy", args=[2026]), follow=True)
    assert "2026 has no events of its own to copy." in _text(response.content.decode())
    assert not CycleEvent.objects.exists()


def test_the_pages_speak_bokmal_by_default(client, year_2026):
    with translation.override("nb"):
        html = client.get(_year_url()).content.decode()
        list_html = client.get(_year_url(name="governance:cycle-list")).content.decode()
    assert _structure(html)[1].startswith("Årshjul 2026") and _structure(html)[2] == ["Forside", "Årshjul 2026"]
    text = _text(html)
    assert "Frist for statusrapportering 2025 T3" in text and "Møte NUIT 1/2026" in text and "Mars" in text
    assert _structure(list_html)[1].startswith("Årshjul 2026 som liste")
