"""The framework's workspace pages in a real browser: no WCAG violations, and a goal edited by keyboard alone."""

from __future__ import annotations

import re

import pytest

from e2e.conftest import axe_violations, describe_violations, log_in
from e2e.keyboard import element, tab_until

pytestmark = pytest.mark.e2e


def test_the_framework_pages_have_no_wcag_violations_and_a_clash_is_reported_on_the_field(page):
    from veikart.strategy.models import Strategy

    strategy = Strategy.objects.get(slug="e-helsestrategi-2023-2030")
    revision = Strategy.objects.get(slug="e-helsestrategi-2023-2030-revisjon-2027")
    goal = strategy.goals.get(number=1)
    sub_goal = goal.sub_goals.first()
    log_in(page, "strategikontor")
    base = f"{page.base_url}/forvaltning/strategi/"
    for path in [
        "",
        "?published=no",
        "ny/",
        f"{strategy.pk}/",
        f"{strategy.pk}/publiser/",
        f"{strategy.pk}/revider/",
        f"{revision.pk}/",
        f"{revision.pk}/vedta/",
        f"{strategy.pk}/mal/{goal.pk}/endre/",
        f"{strategy.pk}/delmal/{sub_goal.pk}/endre/",
        f"{strategy.pk}/delmal/{sub_goal.pk}/slett/",
        f"{strategy.pk}/malgrupper/ny/",
    ]:
        page.goto(base + path)
        violations = axe_violations(page)
        assert violations == [], f"{path}: {describe_violations(violations)}"

    page.goto(f"{base}{strategy.pk}/mal/{goal.pk}/endre/")
    tab_until(page, element("INPUT", "number"))
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    page.keyboard.press("Enter")
    page.wait_for_selector("#id_number_error")
    assert page.locator("#id_number").input_value() == "2", "what was typed is kept"
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    goal.refresh_from_db()
    assert goal.number == 1


def test_a_body_member_opens_an_unpublished_version_from_the_start_page(page):
    log_in(page, "nuit-medlem")
    page.goto(page.base_url + "/forvaltning/")
    page.get_by_role("link", name=re.compile("Revisjon 2027")).click()
    page.wait_for_url(re.compile(r"/strategier/e-helsestrategi-2023-2030-revisjon-2027/$"))
    assert page.get_by_role("heading", level=1).is_visible()
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
