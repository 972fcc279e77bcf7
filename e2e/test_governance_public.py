"""The public governance pages in a browser: every page under ``/styring/`` through the crawl's checks
(axe, 320 px reflow, text spacing, one h1, titles, breadcrumbs, languages) in bokmål, nynorsk and
English, and the "Decisions" section of a goal and a roadmap item page.

The site-wide crawl (``test_accessibility_crawl``) reaches these pages too, from the header menu's
"Styring"; this one stays under ``/styring/`` so a change here is checked without the whole site.
"""

from __future__ import annotations

import pytest

from e2e.conftest import axe_violations, describe_violations
from e2e.page_checks import page_findings
from e2e.test_accessibility_crawl import NARROW, crawl

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("prefix", ["", "/nn", "/en"])
def test_every_governance_page_passes_the_crawl_checks(page, prefix):
    start = f"{prefix}/styring/"
    visited = crawl(page, start, within=start)
    # The overview, the log, three bodies, the demo's six meetings and their cases at the least.
    assert any("/vedtak/" in path for path in visited), visited
    assert sum("/sak/" in path for path in visited) >= 10, visited


def test_the_decisions_section_of_a_goal_and_an_item_page(page):
    from veikart.governance.models import Case

    case = Case.objects.filter(is_exempt=False, goals__isnull=False, roadmap_items__isnull=False).first()
    page.set_viewport_size(NARROW)
    for url in (case.goals.first().get_absolute_url(), case.roadmap_items.first().get_absolute_url()):
        page.goto(page.base_url + url)
        assert page.locator("#decisions-heading").count() == 1, url
        assert page.locator(f'a[href="{case.get_absolute_url()}"]').count() >= 1, url
        violations = axe_violations(page)
        assert not violations, describe_violations(violations)
        assert not page_findings(page)["problems"], url
