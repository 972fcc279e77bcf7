"""The strategy office's pages for organisations, users and reference data: accessible, also with errors.

Ends with the whole invitation in the browser: the office invites, the
invited person opens the mailed link, chooses a password and lands in the
workspace.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail

from e2e.conftest import describe_violations, log_in
from veikart.conftest import sent_mail

pytestmark = pytest.mark.e2e

PAGES = [
    "/forvaltning/organisasjoner/",
    "/forvaltning/organisasjoner/ny/",
    "/forvaltning/brukere/",
    "/forvaltning/brukere/inviter/",
    "/forvaltning/veikart/referansedata/faser/",
    "/forvaltning/veikart/referansedata/faser/ny/",
    "/forvaltning/veikart/referansedata/grupperinger/",
    "/forvaltning/veikart/referansedata/brukergrupper/",
]


def test_the_pages_have_no_wcag_violations(page, axe_violations):
    log_in(page, "strategikontor")
    failures = []
    for path in PAGES:
        response = page.goto(page.base_url + path)
        assert response.status == 200, path
        if violations := axe_violations(page):
            failures.append(f"{path}: {describe_violations(violations)}")
    assert not failures, "\n".join(failures)


def test_a_refused_organisation_number_is_announced_accessibly_and_keeps_the_input(page, axe_violations):
    log_in(page, "strategikontor")
    page.goto(page.base_url + "/forvaltning/organisasjoner/ny/")
    page.fill("#id_name", "Testetat")
    page.fill("#id_organisation_number", "983544621")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "kontrollsifferet" in page.inner_text("#id_organisation_number_error")
    assert page.get_attribute("#id_organisation_number", "aria-invalid") == "true"
    assert page.input_value("#id_name") == "Testetat"
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)


def test_an_invited_person_chooses_a_password_from_the_link_and_lands_in_the_workspace(page, axe_violations, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    log_in(page, "strategikontor")
    page.goto(page.base_url + "/forvaltning/brukere/inviter/")
    page.fill("#id_first_name", "Ingrid")
    page.fill("#id_email", "ingrid@example.org")
    page.select_option("#id_role", "owner_editor")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "Organisasjon" in page.inner_text("#error-summary-heading ~ ul")
    page.select_option("#id_organisation", label="Norsk helsenett SF")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/forvaltning/brukere/\d+/$"))
    outbox = sent_mail()  # the task worker sends what the page queued
    assert len(outbox) == 1
    link = re.search(r"https?://\S+", outbox[0].body).group(0)
    path = "/" + link.split("/", 3)[3]

    page.context.clear_cookies()
    page.goto(page.base_url + path)
    page.wait_for_url(re.compile(r"/angi-passord/$"))
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    page.fill("#id_new_password1", "et-langt-og-hemmelig-passord-42")
    page.fill("#id_new_password2", "et-langt-og-hemmelig-passord-42")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/forvaltning/$"))
    assert "Passordet ditt er lagret" in page.inner_text("main")
