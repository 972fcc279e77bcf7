"""The strategy office runs a governance meeting from the workspace by keyboard alone: it creates the
meeting, adds a case, summons it, marks it held, records the decisions and approves the minutes."""

from __future__ import annotations

import re

import pytest

from e2e.conftest import log_in
from e2e.keyboard import element, link, tab_until, with_text
from e2e.test_workspace import choose_by_arrow_keys

pytestmark = pytest.mark.e2e

MEETING_PAGE = re.compile(r"/forvaltning/styring/moter/\d+/(#.*)?$")
CASE_PAGE = re.compile(r"/forvaltning/styring/saker/\d+/$")


def _press_and_wait(page, pattern) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(pattern)


def _confirm_move(page, label: str) -> None:
    """From the meeting page: the move's link, then the button of its confirmation page."""
    tab_until(page, link(label))
    _press_and_wait(page, re.compile(r"/status/[a-z_]+/$"))
    tab_until(page, with_text(label))
    _press_and_wait(page, MEETING_PAGE)


def test_the_strategy_office_prepares_holds_and_closes_a_meeting_by_keyboard(page):
    from veikart.governance.models import Body, Case, Meeting

    nufa = Body.objects.get(slug="nufa")
    log_in(page, "strategikontor")
    page.goto(page.base_url + "/forvaltning/")
    tab_until(page, link("Møter"))
    _press_and_wait(page, re.compile(r"/forvaltning/styring/moter/$"))
    tab_until(page, link("Nytt møte"))
    _press_and_wait(page, re.compile(r"/moter/ny/$"))

    tab_until(page, element("SELECT", "body"))
    choose_by_arrow_keys(page, "body", str(nufa.pk))
    tab_until(page, element("INPUT", "date"))
    page.keyboard.type("03032026")  # the same date in day-first and month-first locales
    tab_until(page, element("INPUT", "starts"))
    # Headless Chromium shows a 12-hour field (hh:mm AM/PM) whatever the page's language; the "A"
    # fills its AM/PM part and is ignored where the field is 24-hour.
    page.keyboard.type("1000A")
    tab_until(page, element("INPUT", "place"))
    page.keyboard.type("Helsedirektoratet, Oslo")
    tab_until(page, with_text("Opprett"))
    _press_and_wait(page, MEETING_PAGE)
    meeting = Meeting.objects.get(body=nufa, place="Helsedirektoratet, Oslo")
    assert meeting.state == "draft" and meeting.cases.exists()

    tab_until(page, link("Ny sak"))
    _press_and_wait(page, re.compile(r"/saker/ny/$"))
    tab_until(page, element("SELECT", "kind"))
    choose_by_arrow_keys(page, "kind", "approval")
    tab_until(page, element("INPUT", "title"))
    page.keyboard.type("Plan for realisering 2026")
    tab_until(page, element("TEXTAREA", "proposed_decision"))
    page.keyboard.type("NUFA tilrår planen.")
    tab_until(page, with_text("Sett på dagsordenen"))
    _press_and_wait(page, MEETING_PAGE)
    case = Case.objects.get(meeting=meeting, title="Plan for realisering 2026")

    _confirm_move(page, "Kall inn til møtet")
    _confirm_move(page, "Marker møtet som avholdt")
    assert Meeting.objects.get(pk=meeting.pk).state == "held"

    # A decision on every case for approval: the new case takes its proposed decision as written.
    for approval in meeting.cases.filter(kind="approval").order_by("position"):
        title = approval.title
        tab_until(page, link(title))
        _press_and_wait(page, CASE_PAGE)
        tab_until(page, link("Før vedtaket"))
        _press_and_wait(page, re.compile(r"/vedtak/$"))
        tab_until(page, element("TEXTAREA", "text"))
        if approval.pk != case.pk:
            page.keyboard.type("Godkjent.")
        tab_until(page, with_text("Lagre"))
        _press_and_wait(page, CASE_PAGE)
        tab_until(page, link(meeting.label))
        _press_and_wait(page, MEETING_PAGE)
    assert case.__class__.objects.get(pk=case.pk).decision.text == "NUFA tilrår planen."

    _confirm_move(page, "Godkjenn referatet")
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert meeting.is_locked
    assert "kan bare leses" in page.inner_text("main")
