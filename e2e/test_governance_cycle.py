"""The annual cycle's pages in the browser: axe and the crawl's page checks (reflow at 320 CSS px, text
spacing, one h1, unique titles, breadcrumbs, target size, language of parts) in bokmål, nynorsk and
English, for the public (the year, the list, other years) and for the strategy office (the workspace
pages, the event form and the copy page)."""

from __future__ import annotations

import pytest

from e2e.conftest import log_in
from e2e.test_accessibility_crawl import crawl

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("prefix", ["", "/nn", "/en"])
def test_the_public_cycle_pages_have_no_wcag_violations(page, prefix):
    visited = crawl(page, f"{prefix}/styring/arshjul/?year=2026", within=f"{prefix}/styring/arshjul/")
    assert f"{prefix}/styring/arshjul/liste/?year=2026" in visited, visited


@pytest.mark.parametrize("prefix", ["", "/nn", "/en"])
def test_the_strategy_offices_cycle_pages_have_no_wcag_violations(page, prefix):
    log_in(page, "strategikontor")
    # The public year with the office's drafts, then the workspace pages it links to.
    crawl(page, f"{prefix}/styring/arshjul/?year=2026", within=f"{prefix}/styring/arshjul/")
    visited = crawl(
        page, f"{prefix}/forvaltning/styring/arshjul/?year=2026", within=f"{prefix}/forvaltning/styring/arshjul/"
    )
    assert any("/kopier/" in path for path in visited) and any("/endre/" in path for path in visited), visited


def test_the_year_view_reflows_into_one_column_of_months_at_320_px(page):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(page.base_url + "/styring/arshjul/?year=2026")
    lefts = page.eval_on_selector_all(".vk-cycle-month", "months => months.map(m => m.getBoundingClientRect().left)")
    assert len(lefts) == 12 and len(set(lefts)) == 1
    page.set_viewport_size({"width": 1280, "height": 800})
    lefts = page.eval_on_selector_all(".vk-cycle-month", "months => months.map(m => m.getBoundingClientRect().left)")
    assert len(set(lefts)) > 1
