"""The indicator pages in Chromium: the chart and its table, the breakdown switch with and without
JavaScript, the keyboard path, axe on every indicator page in bokmål, nynorsk and English, and an
owner editor's upload."""

import re
from decimal import Decimal

import pytest

from e2e.conftest import axe_violations, describe_violations, log_in
from e2e.keyboard import tab_until, with_id, with_text

pytestmark = pytest.mark.e2e

KJ = "/indikatorer/kjernejournal-kommuner/"


def test_the_chart_has_a_text_alternative_and_a_table_with_the_published_figures(page):
    page.goto(page.base_url + KJ)
    # Two drawings, wide and narrow; the stylesheet shows one, and each has the text alternative.
    charts = page.locator("svg.vk-chart").all()
    assert len(charts) == 2 and sum(chart.is_visible() for chart in charts) == 1
    for chart in charts:
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


def upload_and_write(page, path, text: str, *, indicator: str) -> None:
    """Fill in the upload form with ``text`` as the file and send it; write the data if the preview offers it."""
    path.write_text(text)
    page.select_option("#id_indicator", indicator)
    page.set_input_files("#id_file", str(path))
    page.click("form:has(#id_file) button[type=submit]")
    page.wait_for_load_state()
    write = page.locator("button[name=action][value=apply]")
    if write.count():
        assert "1 nye" in page.inner_text("[role=status]")
        write.click()
        page.wait_for_load_state()


def test_an_owner_editor_uploads_data_for_its_own_indicator_only(page, tmp_path):
    from veikart.indicators.models import Observation

    log_in(page, "eier-nhn")
    page.goto(page.base_url + "/indikatorer/")
    tab_until(page, with_text("Importer måleverdier"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/indikatorer/import/$"))
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    options = page.locator("#id_indicator option").all_inner_texts()
    assert any(text.startswith("helsenorge-besok") for text in options)
    assert not any(text.startswith("emram") for text in options)
    uploaded = Observation.objects.filter(indicator__code__in=["helsenorge-besok", "emram"], period="2024")

    mixed = "indicator,period,value\nhelsenorge-besok,2024,120.5\nemram,2024,3\n"
    upload_and_write(page, tmp_path / "mixed.csv", mixed, indicator="helsenorge-besok")
    summary = page.locator(".ds-error-summary").inner_text()
    assert "Rad 3" in summary and "emram" in summary and "Rad 2" not in summary
    assert not uploaded.exists()

    upload_and_write(page, tmp_path / "besok.csv", "period,value\n2024,120.5\n", indicator="helsenorge-besok")
    assert "Importerte 1 rader fra besok.csv" in page.inner_text("main")
    assert [o.value for o in uploaded] == [Decimal("120.5")]
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
