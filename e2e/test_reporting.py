"""Status reporting in a real browser: the whole loop by keyboard (an owner writes and submits, the
strategy office returns it with a note, the owner submits again, the office approves), and the new
pages at 320 px with axe and the reflow checks, in bokmål, nynorsk and English."""

from __future__ import annotations

import re

import pytest

from e2e.conftest import axe_violations, describe_violations, log_in
from e2e.keyboard import element, link, tab_until, with_text
from e2e.page_checks import page_findings

pytestmark = pytest.mark.e2e


def _open_period_item():
    """An NHN portfolio item without a report in the open demo period, and that period."""
    from veikart.accounts.models import User
    from veikart.reporting import pages
    from veikart.reporting.models import ReportingPeriod

    period = ReportingPeriod.objects.get(name="2026 T2")
    rows = pages.own_rows(User.objects.get(username="eier-nhn"), period)
    return next(row.item for row in rows if row.report is None), period


def _submit_by_keyboard(page) -> None:
    tab_until(page, with_text("Lagre og send inn"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/forvaltning/rapportering/\?period="))


def test_the_reporting_loop_works_by_keyboard_alone(page):
    from veikart.reporting.models import StatusReport

    item, period = _open_period_item()
    log_in(page, "eier-nhn")
    page.goto(page.base_url + "/forvaltning/rapportering/")
    tab_until(page, link(f"Skriv rapporten: {item.title}"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/tiltak/\d+/periode/\d+/$"))
    tab_until(page, element("INPUT", "overall"))
    page.keyboard.press("ArrowDown")  # the group's first choice is focused; arrow to the second: yellow
    page.keyboard.press("Space")
    tab_until(page, element("TEXTAREA", "narrative"))
    page.keyboard.type("Piloten er forsinket to måneder.")
    _submit_by_keyboard(page)
    report = StatusReport.objects.get(item=item, period=period)
    assert report.state == StatusReport.State.SUBMITTED and report.overall.key == "yellow"

    page.context.clear_cookies()
    log_in(page, "strategikontor")
    page.goto(f"{page.base_url}/forvaltning/rapportering/rapporter/{report.pk}/")
    tab_until(page, link("Send tilbake med merknad"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_until(page, element("TEXTAREA", "note"))
    page.keyboard.type("Beskriv kostnadsavviket.")
    tab_until(page, with_text("Send tilbake med merknaden"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/forvaltning/rapportering/rapporter/\?period="))
    report.refresh_from_db()
    assert report.state == StatusReport.State.RETURNED

    page.context.clear_cookies()
    log_in(page, "eier-nhn")
    page.goto(page.base_url + "/forvaltning/rapportering/")
    tab_until(page, link(f"Endre og send inn på nytt: {item.title}"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/tiltak/\d+/periode/\d+/$"))
    assert "Beskriv kostnadsavviket." in page.content()
    tab_until(page, element("TEXTAREA", "area_cost_comment"))
    page.keyboard.type("Kostnaden øker med 10 prosent.")
    _submit_by_keyboard(page)

    page.context.clear_cookies()
    log_in(page, "strategikontor")
    page.goto(f"{page.base_url}/forvaltning/rapportering/rapporter/{report.pk}/")
    tab_until(page, with_text("Godkjenn"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    report.refresh_from_db()
    assert report.state == StatusReport.State.APPROVED
    assert [step.action for step in report.transitions.all()] == [
        "created",
        "submitted",
        "returned",
        "resubmitted",
        "approved",
    ]


@pytest.mark.parametrize("language", ["", "/nn", "/en"])
def test_the_reporting_pages_pass_axe_and_the_reflow_checks_at_320_px(page, language):
    from veikart.reporting.models import ReportingPeriod, StatusReport

    item, period = _open_period_item()
    submitted = StatusReport.objects.filter(period=period, state="submitted").first()
    page.set_viewport_size({"width": 320, "height": 800})
    visits = [
        (None, "/portefolje/"),
        (None, f"/veikart/tiltak/{submitted.item_id}/"),
        ("eier-nhn", "/forvaltning/rapportering/"),
        ("eier-nhn", f"/forvaltning/rapportering/tiltak/{item.pk}/periode/{period.pk}/"),
        ("strategikontor", "/forvaltning/rapportering/rapporter/"),
        ("strategikontor", f"/forvaltning/rapportering/rapporter/{submitted.pk}/"),
        ("strategikontor", f"/forvaltning/rapportering/rapporter/{submitted.pk}/send-tilbake/"),
        ("strategikontor", "/forvaltning/rapportering/perioder/"),
        ("strategikontor", "/forvaltning/rapportering/perioder/ny/"),
        ("strategikontor", f"/forvaltning/rapportering/perioder/{period.pk}/closed/"),
        ("nuit-medlem", "/forvaltning/rapportering/rapporter/"),
    ]
    current = "anonymous"
    for user, path in visits:
        if (user or "anonymous") != current:
            page.context.clear_cookies()
            if user:
                log_in(page, user)
            current = user or "anonymous"
        page.goto(page.base_url + language + path)
        assert page.locator("h1").count() == 1, path
        violations = axe_violations(page)
        assert violations == [], f"{language}{path}: {describe_violations(violations)}"
        findings = page_findings(page)
        assert findings["problems"] == [], f"{language}{path}: {findings['problems']}"
        assert findings["breadcrumbs"], f"{language}{path} has no breadcrumbs"
    assert ReportingPeriod.objects.get(pk=period.pk).state == "open", "the confirmation page changed nothing"
