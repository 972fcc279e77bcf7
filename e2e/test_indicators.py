"""The indicator pages in Chromium: the chart and its table, the breakdown switch with and without
JavaScript, the keyboard path, and axe on every indicator page in bokmål, nynorsk and English."""

import re

import pytest

from e2e.conftest import axe_violations
from e2e.keyboard import tab_until, with_id, with_text

pytestmark = pytest.mark.e2e

KJ = "/indikatorer/kjernejournal-kommuner/"


def test_the_chart_has_a_text_alternative_and_a_table_with_the_published_figures(page):
    page.goto(page.base_url + KJ)
    chart = page.locator("svg.vk-chart")
    assert chart.get_attribute("role") == "img"
    labelled_by = chart.get_attribute("aria-labelledby").split()
    assert page.locator(f"#{labelled_by[0]}").text_content().startswith("Kommuner som bruker kjernejournal")
    assert "274" in page.locator(f"#{labelled_by[1]}").text_content()
    table = page.locator("#indicator-data-table")
    assert "101" in table.inner_text() and "274" in table.inner_text()
    assert "I rute" in page.inner_text("main")


def test_the_breakdown_switch_works_without_javascript(page):
    page.route(re.compile(r".*/htmx\.min\.js$"), lambda route: route.abort())
    page.goto(page.base_url + KJ)
    page.select_option("#breakdown-select", "region")
    page.click("#chart-panel button[type=submit]")
    page.wait_for_url(re.compile(r"\?breakdown=region$"))
    table = page.locator("#indicator-data-table")
    assert "Helse Vest" in table.inner_text()
    assert "illustrasjoner" in page.inner_text("#chart-panel")


def test_the_breakdown_switch_swaps_the_chart_without_reloading_with_htmx(page):
    page.goto(page.base_url + KJ)
    page.wait_for_function("window.htmx !== undefined")
    page.evaluate("window.__notReloaded = true")
    page.select_option("#breakdown-select", "region")
    page.click("#chart-panel button[type=submit]")
    page.wait_for_function("document.querySelector('#indicator-data-table').innerText.includes('Helse Vest')")
    assert page.evaluate("window.__notReloaded") is True
    assert page.url.endswith("?breakdown=region")
    assert page.locator("#chart-panel").count() == 1


def test_a_keyboard_user_reaches_the_indicator_and_switches_the_breakdown(page):
    page.goto(page.base_url + "/indikatorer/")
    tab_until(page, with_text("Kommuner som bruker kjernejournal"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/indikatorer/kjernejournal-kommuner/$"))
    tab_until(page, with_id("breakdown-select"))
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "region"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#indicator-data-table').innerText.includes('Helse Vest')")


@pytest.mark.parametrize("prefix", ["", "/nn", "/en"])
def test_indicator_pages_have_no_wcag_violations(page, prefix):
    for path in [
        "/indikatorer/",
        KJ,
        KJ + "?breakdown=region",
        "/indikatorer/emram/",
        "/strategier/e-helsestrategi-2023-2030/mal/4/",
    ]:
        page.goto(page.base_url + prefix + path)
        violations = axe_violations(page)
        assert violations == [], f"{prefix}{path}: {[v['id'] for v in violations]}"
