"""The roadmap in Chromium: search as you type, filters, an item page, all by keyboard; axe on every page."""

import re

import pytest

from e2e.conftest import describe_violations, log_in
from e2e.keyboard import element, link, tab_until, with_id

pytestmark = pytest.mark.e2e


def test_search_as_you_type_finds_inflected_forms_and_highlights_them(page):
    page.goto(page.base_url + "/veikart/sok/")
    tab_until(page, with_id("roadmap-q"))
    page.keyboard.type("kommunene", delay=30)
    results = page.locator("#search-results")
    results.locator("mark").first.wait_for()
    assert "Rask psykisk helsehjelp" in results.inner_text()
    marked = {text.lower() for text in results.locator("mark").all_inner_texts()}
    assert "kommunene" in marked
    assert all(text.startswith("kommun") for text in marked)
    page.wait_for_url(re.compile(r"/veikart/sok/\?q=kommunene$"))


def test_search_works_without_javascript_on_enter(page):
    page.goto(page.base_url + "/veikart/sok/?q=helsenorge")
    assert "Helseverktøy (Helsenorge)" in page.inner_text("#search-results")


def test_a_keyboard_user_filters_the_list_and_opens_an_item(page):
    page.goto(page.base_url + "/veikart/")
    total = page.inner_text("#results p[role=status]")
    tab_until(page, element("SELECT", "owner"))
    option = page.locator("select[name=owner] option", has_text="Norsk helsenett SF").get_attribute("value")
    page.keyboard.type("Norsk helsenett")  # type-ahead selects the option; HTMX fetches on change
    page.wait_for_url(re.compile(rf"owner={option}"))
    page.wait_for_function(
        "(before) => document.querySelector('#results p[role=status]').textContent !== before", arg=total
    )
    results = page.inner_text("#results")
    assert "Helseverktøy (Helsenorge)" in results
    assert "Rask psykisk helsehjelp" not in results

    tab_until(page, link("Helseverktøy (Helsenorge)"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/veikart/tiltak/\d+/$"))
    assert page.inner_text("h1") == "Helseverktøy (Helsenorge)"
    main = page.inner_text("main")
    assert "56876000019903546" in main and "Digital selvhjelp" in main and "Verktøy for pårørende" in main


def test_the_filter_form_works_without_javascript(page):
    page.goto(page.base_url + "/veikart/?phase=i-bruk&year=2025")
    assert "Helseverktøy (Helsenorge)" in page.inner_text("#results")
    assert page.locator("select[name=phase]").input_value() == "i-bruk"


ROADMAP_PAGES = [
    "/veikart/",
    "/veikart/?owner=nhn&year=2026",
    "/veikart/mal/",
    "/veikart/eiere/",
    "/veikart/brukergrupper/",
    "/veikart/brukergrupper/innbyggere/",
    "/veikart/tidslinje/?goal=1",
    "/veikart/sok/?q=kommunene",
    "/strategier/e-helsestrategi-2023-2030/mal/1/",
]


@pytest.mark.parametrize("prefix", ["", "/nn", "/en"])
def test_the_roadmap_pages_have_no_wcag_violations(page, axe_violations, prefix):
    item_url = None
    for path in ROADMAP_PAGES:
        page.goto(page.base_url + prefix + path)
        violations = axe_violations(page)
        assert violations == [], f"{prefix}{path}: {describe_violations(violations)}"
        if item_url is None and page.locator("a[href*='/veikart/tiltak/']").count():
            item_url = page.locator("a[href*='/veikart/tiltak/']").first.get_attribute("href")
    page.goto(page.base_url + item_url)
    violations = axe_violations(page)
    assert violations == [], f"{item_url}: {describe_violations(violations)}"


def test_an_owner_editor_edits_an_item_by_keyboard_and_the_form_is_accessible(page, axe_violations):
    from veikart.roadmap.models import RoadmapItem

    item = RoadmapItem.objects.get(delivery_id="56876000019903546")
    log_in(page, "eier-nhn")
    page.goto(page.base_url + item.get_absolute_url())
    tab_until(page, link("Rediger tiltaket"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/rediger/$"))
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    tab_until(page, element("SELECT", "status"))
    page.keyboard.type("Risiko")

    def save(h) -> bool:
        return h.evaluate("e => e.tagName") == "BUTTON" and "Lagre" in h.evaluate("e => e.textContent")

    # Dependencies are typed as delivery ids; an unknown one is refused, named, and the input is kept.
    tab_until(page, element("TEXTAREA", "depends_on"))
    page.keyboard.type("999, 56876000019903558")
    tab_until(page, save)
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "999" in page.inner_text("#id_depends_on_error")
    assert page.get_attribute("#id_depends_on", "aria-invalid") == "true"
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    page.focus("#id_depends_on")
    page.keyboard.press("Control+A")
    page.keyboard.type("56876000019903558")
    tab_until(page, save)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/veikart/tiltak/\d+/$"))
    main = page.inner_text("main")
    assert "Risiko for forsinkelse" in main
    assert "Nettbasert behandling (inkl. eBehandling) somatikk" in main


def test_a_change_reads_as_a_marked_word_diff_on_the_item_page_and_in_the_staff_history(page, axe_violations):
    import datetime

    from veikart.roadmap.models import RoadmapItem

    item = RoadmapItem.objects.get(delivery_id="56876000019903546")
    item.title = f"{item.title} for alle"
    item.start_date = datetime.date(2025, 2, 1)
    item.save()
    page.goto(page.base_url + item.get_absolute_url())
    log = page.inner_text(".vk-change-log")
    assert "satt inn:" in log and "for alle" in log and "01.01.2025" in log and "01.02.2025" in log
    assert page.locator(".vk-change-log ins", has_text="for alle").count() == 1
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)

    log_in(page, "strategikontor")
    page.goto(page.base_url + f"/endringslogg/roadmap/roadmapitem/{item.pk}/")
    assert "for alle" in page.inner_text("main")
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
