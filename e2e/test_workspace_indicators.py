"""The workspace's indicator pages in Chromium: axe on each page, for the strategy office and an owner editor."""

import pytest

from e2e.conftest import describe_violations, log_in

pytestmark = pytest.mark.e2e


def _office_pages() -> list[str]:
    from veikart.indicators.models import Dimension, Indicator

    emram = Indicator.objects.get(code="emram")
    target = emram.targets.first()
    region = Dimension.objects.order_by("position").first()
    value = region.values.first()
    base = "/forvaltning/indikatorer"
    return [
        f"{base}/",
        f"{base}/?overdue=yes&sort=-latest",
        f"{base}/ny/",
        f"{base}/{emram.pk}/",
        f"{base}/{emram.pk}/endre/",
        f"{base}/{emram.pk}/avpubliser/",
        f"{base}/{emram.pk}/malverdier/ny/",
        f"{base}/{emram.pk}/malverdier/{target.pk}/endre/",
        f"{base}/{emram.pk}/utgangspunkt/",
        f"{base}/dimensjoner/",
        f"{base}/dimensjoner/{region.pk}/",
        f"{base}/dimensjoner/{region.pk}/verdier/{value.pk}/slett/",
        "/forvaltning/",
    ]


def test_the_strategy_offices_indicator_pages_have_no_wcag_violations(page, axe_violations):
    log_in(page, "strategikontor")
    failures = []
    for path in _office_pages():
        response = page.goto(page.base_url + path)
        assert response.status == 200, path
        if violations := axe_violations(page):
            failures.append(f"{path}: {describe_violations(violations)}")
    assert not failures, "\n".join(failures)


def test_a_form_with_errors_has_no_wcag_violations_and_focuses_the_summary(page, axe_violations):
    log_in(page, "strategikontor")
    page.goto(page.base_url + "/forvaltning/indikatorer/ny/")
    page.fill("#id_code", "har mellomrom")
    page.locator("form.vk-form button[type=submit]").click()
    page.locator("[data-error-summary]").wait_for()
    assert "Kode" in page.inner_text("[data-error-summary]")
    assert page.input_value("#id_code") == "har mellomrom"
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_an_owner_editors_indicator_pages_have_no_wcag_violations(page, axe_violations):
    from veikart.indicators.models import Indicator

    log_in(page, "eier-nhn")
    own = Indicator.objects.filter(responsible__short_name="NHN").order_by("code").first()
    failures = []
    for path in ["/forvaltning/", "/forvaltning/indikatorer/vare/", f"/forvaltning/indikatorer/{own.pk}/"]:
        response = page.goto(page.base_url + path)
        assert response.status == 200, path
        if violations := axe_violations(page):
            failures.append(f"{path}: {describe_violations(violations)}")
    assert not failures, "\n".join(failures)
    page.goto(page.base_url + "/forvaltning/indikatorer/vare/")
    page.locator("a", has_text=f"Last opp data for {own.code}").click()
    assert page.locator("select[name=indicator]").input_value() == own.code
