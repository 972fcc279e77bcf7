"""The workspace in Chromium: an owner editor prepares an item and submits it, all by keyboard;
axe on every workspace page each role reaches, in bokmål, nynorsk and English."""

import re

import pytest

from e2e.conftest import log_in
from e2e.keyboard import element, link, tab_until, with_text
from e2e.test_accessibility_crawl import crawl

pytestmark = pytest.mark.e2e


def test_an_owner_editor_creates_an_unpublished_item_and_submits_it_by_keyboard(page):
    from veikart.roadmap.models import RoadmapItem

    log_in(page, "eier-oslo")
    page.goto(page.base_url + "/")
    tab_until(page, link("Forvaltning"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/forvaltning/$"))
    tab_until(page, link("Nytt tiltak"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/forvaltning/veikart/tiltak/ny/$"))

    # Submitting with the end before the start: the error summary takes the focus and keeps the input.
    tab_until(page, element("INPUT", "title"))
    page.keyboard.type("Digital hjemmeoppfølging i bydel Frogner")
    tab_until(page, element("SELECT", "sub_goal"))
    page.keyboard.type("1B")
    tab_until(page, element("INPUT", "start_date"))
    page.keyboard.type("05052027")  # the same date in day-first and month-first locales
    tab_until(page, element("INPUT", "end_date"))
    page.keyboard.type("01012027")
    tab_until(page, with_text("Opprett tiltaket"))
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.input_value("input[name=title]") == "Digital hjemmeoppfølging i bydel Frogner"
    tab_until(page, link("Sluttdato"))
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "end_date"
    page.keyboard.type("12122028")
    tab_until(page, with_text("Opprett tiltaket"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/forvaltning/veikart/tiltak/\d+/(#.*)?$"))
    assert "Ikke publisert" in page.inner_text("main")

    tab_until(page, link("Send til publisering"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/send-til-publisering/$"))
    tab_until(page, with_text("Send til publisering"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/forvaltning/veikart/tiltak/\d+/(#.*)?$"))
    item = RoadmapItem.objects.get(title="Digital hjemmeoppfølging i bydel Frogner")
    assert not item.is_published
    assert item.publication_requested_at is not None
    assert [owner.short_name for owner in item.owners.all()] == ["Oslo"]


def choose_by_arrow_keys(page, name: str, value: str, limit: int = 80) -> None:
    """Move the focused select named ``name`` down with the arrow key until ``value`` is chosen."""
    for _ in range(limit):
        if page.evaluate(f"document.querySelector('select[name={name}]').value") == value:
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"{value} was never reached in the select {name}")


def _crawl_workspace(page, username: str, prefix: str) -> list[str]:
    """axe and the page checks on every workspace page the user reaches, at 320 CSS px (400 % zoom of a
    1,280 px window)."""
    log_in(page, username)
    return crawl(page, f"{prefix}/forvaltning/", within=f"{prefix}/forvaltning/", per_shape=2)


@pytest.mark.parametrize("prefix", ["", "/nn", "/en"])
def test_every_workspace_page_of_the_strategy_office_has_no_wcag_violations(page, prefix):
    visited = _crawl_workspace(page, "strategikontor", prefix)
    assert any("/forvaltning/veikart/tiltak/" in path for path in visited), visited


@pytest.mark.parametrize("username", ["eier-oslo", "nuit-medlem"])
def test_every_workspace_page_of_an_owner_editor_and_a_body_member_has_no_wcag_violations(page, username):
    _crawl_workspace(page, username, "")


def test_the_strategy_office_creates_an_indicator_with_a_target_and_publishes_it_by_keyboard(page):
    from veikart.indicators.models import Indicator
    from veikart.strategy.models import Goal

    goal = Goal.objects.get(strategy__slug="e-helsestrategi-2023-2030", number=1)
    log_in(page, "strategikontor")
    page.goto(page.base_url + "/forvaltning/")
    # The workspace navigation's "Indikatorer", not the public site's link of the same name in the header.
    tab_until(page, lambda h: (h.evaluate("e => e.getAttribute('href') || ''")).endswith("/forvaltning/indikatorer/"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/forvaltning/indikatorer/$"))
    tab_until(page, link("Ny indikator"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/forvaltning/indikatorer/ny/$"))
    tab_until(page, element("INPUT", "code"))
    page.keyboard.type("DIGI-KONTAKT")
    tab_until(page, element("INPUT", "name"))
    page.keyboard.type("Innbyggere med digital kontakt med fastlegen")
    tab_until(page, element("SELECT", "goal"))
    choose_by_arrow_keys(page, "goal", str(goal.pk))
    tab_until(page, element("TEXTAREA", "definition"))
    page.keyboard.type("Andel innbyggere som har hatt digital kontakt med fastlegen siste år.")
    tab_until(page, element("SELECT", "measure_type"))
    choose_by_arrow_keys(page, "measure_type", Indicator.MeasureType.PERCENTAGE.value)
    tab_until(page, with_text("Opprett indikator"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/forvaltning/indikatorer/\d+/$"))
    indicator = Indicator.objects.get(code="DIGI-KONTAKT")
    assert indicator.goal == goal and not indicator.is_published

    tab_until(page, link("Legg til måltall"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/malverdier/ny/$"))
    tab_until(page, element("INPUT", "period"))
    page.keyboard.type("2030")
    tab_until(page, element("INPUT", "value"))
    page.keyboard.type("80")
    tab_until(page, element("TEXTAREA", "justification"))
    page.keyboard.type("Målet i handlingsplanen.")
    tab_until(page, with_text("Legg til måltall"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/forvaltning/indikatorer/\d+/$"))
    assert indicator.targets.get().value == 80

    tab_until(page, link("Publiser"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/publiser/$"))
    tab_until(page, with_text("Publiser"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/forvaltning/indikatorer/\d+/$"))
    indicator.refresh_from_db()
    assert indicator.is_published
    page.goto(page.base_url + indicator.get_absolute_url())
    assert "Innbyggere med digital kontakt med fastlegen" in page.inner_text("h1")
