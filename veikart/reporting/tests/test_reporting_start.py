"""The reporting section's start (``/forvaltning/rapportering/``) for each role."""

from __future__ import annotations

from django.urls import reverse

from veikart.conftest import client_for


def test_the_strategy_office_is_taken_to_the_review_queue_not_refused(strategy_office, period):
    response = client_for(strategy_office).get(reverse("ws-reporting:own-reports"))
    assert response.status_code == 302
    assert response["Location"] == reverse("ws-reporting:review")
    assert client_for(strategy_office).get(response["Location"]).status_code == 200


def test_the_strategy_office_keeps_the_chosen_period_on_the_way(strategy_office, period):
    response = client_for(strategy_office).get(reverse("ws-reporting:own-reports"), {"period": period.pk})
    assert response["Location"] == f"{reverse('ws-reporting:review')}?period={period.pk}"


def test_a_body_member_is_taken_to_the_reports_they_read(body_member, period):
    response = client_for(body_member).get(reverse("ws-reporting:own-reports"))
    assert response.status_code == 302
    assert response["Location"] == reverse("ws-reporting:review")


def test_an_owner_editor_still_sees_its_own_reports(owner_editor, item, period):
    assert client_for(owner_editor).get(reverse("ws-reporting:own-reports")).status_code == 200


def test_a_user_without_a_role_is_still_refused(outsider, period):
    assert client_for(outsider).get(reverse("ws-reporting:own-reports")).status_code == 403
