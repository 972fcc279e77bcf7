"""Frozen portfolio snapshots in a real browser: the strategy office freezes the portfolio by keyboard,
and the snapshot page and the comparison of the two demo snapshots pass axe and the reflow checks at
320 px, in bokmål, nynorsk and English."""

from __future__ import annotations

import re

import pytest

from e2e.conftest import axe_violations, describe_violations, log_in
from e2e.keyboard import element, tab_until, with_text
from e2e.page_checks import page_findings

pytestmark = pytest.mark.e2e


def test_the_strategy_office_freezes_the_portfolio_by_keyboard(page):
    from veikart.reporting.models import PortfolioSnapshot

    log_in(page, "strategikontor")
    page.goto(page.base_url + "/forvaltning/rapportering/oyeblikksbilder/ny/")
    tab_until(page, element("INPUT", "title"))
    page.keyboard.type("Til NUIT-møte 5/2026")
    tab_until(page, with_text("Frys"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/oyeblikksbilder/\d+/$"))
    snapshot = PortfolioSnapshot.objects.get(title="Til NUIT-møte 5/2026")
    assert snapshot.content_hash in page.content()
    assert snapshot.item_count == 30


@pytest.mark.parametrize("language", ["", "/nn", "/en"])
def test_the_snapshot_pages_pass_axe_and_the_reflow_checks_at_320_px(page, language):
    from veikart.reporting.models import PortfolioSnapshot

    first = PortfolioSnapshot.objects.get(title="Til NUIT-møte 1/2026")
    later = PortfolioSnapshot.objects.get(title="Til NUIT-møte 4/2026")
    page.set_viewport_size({"width": 320, "height": 800})
    log_in(page, "nuit-medlem")
    for path in [
        "/forvaltning/rapportering/oyeblikksbilder/",
        f"/forvaltning/rapportering/oyeblikksbilder/{first.pk}/",
        f"/forvaltning/rapportering/oyeblikksbilder/sammenlign/?a={first.pk}&b={later.pk}",
        f"/forvaltning/rapportering/oyeblikksbilder/sammenlign/?a={first.pk}&b={later.pk}&all=1",
    ]:
        page.goto(page.base_url + language + path)
        assert page.locator("h1").count() == 1, path
        violations = axe_violations(page)
        assert violations == [], f"{language}{path}: {describe_violations(violations)}"
        findings = page_findings(page)
        assert findings["problems"] == [], f"{language}{path}: {findings['problems']}"
        assert findings["breadcrumbs"], f"{language}{path} has no breadcrumbs"
