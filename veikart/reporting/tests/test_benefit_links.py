"""The benefit link: who may change which indicators an item is meant to move, by the service and by
direct requests; what is refused; the history; and where the linked indicators show."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from veikart.conftest import client_for
from veikart.indicators.tests.factories import add_observations, add_target, make_indicator
from veikart.reporting.benefit_models import BenefitLink
from veikart.reporting.benefits import benefit_link_add, benefit_link_change, benefit_link_remove, linked_indicators_of
from veikart.reporting.services import Refused, status_report_save_draft


@pytest.fixture
def visits(db, organisation):
    """Helsenorge visits as the demo has them: a long rise and a fall since 2021."""
    indicator = make_indicator(code="helsenorge-besok", name="Bruk av Helsenorge: besøk", unit="millioner besøk")
    add_observations(indicator, {"2019": 37.2, "2020": 72.9, "2021": 140.9, "2022": 115.9, "2023": 109.5})
    add_target(indicator, "2030", 150)
    return indicator


@pytest.fixture
def unpublished(db, other_organisation):
    return make_indicator(code="hemmelig", name="Upublisert indikator", published=False, responsible=other_organisation)


def links_url(item) -> str:
    return reverse("ws-reporting:benefit-links", kwargs={"item_pk": item.pk})


def test_an_owner_editor_links_its_own_item_and_the_history_keeps_who(owner_editor, item, visits):
    link = benefit_link_add(user=owner_editor, item_id=item.pk, indicator_id=visits.pk, note="  Flere besøk  ")
    assert (link.item, link.indicator, link.note) == (item, visits, "Flere besøk")
    assert link.history.get().history_user == owner_editor
    benefit_link_change(user=owner_editor, link_id=link.pk, note="Flere og lengre besøk")
    benefit_link_remove(user=owner_editor, link_id=link.pk)
    assert not BenefitLink.objects.exists()
    assert [(row.history_type, row.history_user) for row in BenefitLink.history.order_by("history_date")] == [
        ("+", owner_editor),
        ("~", owner_editor),
        ("-", owner_editor),
    ]


def test_the_strategy_office_links_any_item(strategy_office, other_item, visits):
    assert benefit_link_add(user=strategy_office, item_id=other_item.pk, indicator_id=visits.pk).item == other_item


@pytest.mark.parametrize("persona", ["other_owner_editor", "body_member", "outsider"])
def test_nobody_else_changes_an_items_links(request, persona, owner_editor, item, visits):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        benefit_link_add(user=user, item_id=item.pk, indicator_id=visits.pk)
    link = benefit_link_add(user=owner_editor, item_id=item.pk, indicator_id=visits.pk, note="Før")
    with pytest.raises(PermissionDenied):
        benefit_link_change(user=user, link_id=link.pk, note="Etter")
    with pytest.raises(PermissionDenied):
        benefit_link_remove(user=user, link_id=link.pk)
    link.refresh_from_db()
    assert link.note == "Før"


def test_an_owner_editor_cannot_change_another_organisations_links_by_direct_post(
    other_owner_editor, owner_editor, item, visits
):
    link = benefit_link_add(user=owner_editor, item_id=item.pk, indicator_id=visits.pk)
    client = client_for(other_owner_editor)
    assert client.get(links_url(item)).status_code == 403
    assert client.post(links_url(item), {"indicator": visits.pk}).status_code == 403
    remove = reverse("ws-reporting:benefit-link-remove", kwargs={"item_pk": item.pk, "pk": link.pk})
    assert client.post(remove).status_code == 403
    edit = reverse("ws-reporting:benefit-link-edit", kwargs={"item_pk": item.pk, "pk": link.pk})
    assert client.post(edit, {"note": "Overtatt"}).status_code == 403
    assert BenefitLink.objects.get().note == ""


def test_the_public_is_sent_to_log_in_and_a_body_member_is_refused(body_member, item):
    assert client_for(None).get(links_url(item)).status_code == 302
    assert client_for(body_member).get(links_url(item)).status_code == 403


def test_an_unpublished_indicator_of_another_organisation_is_refused_as_if_it_did_not_exist(
    owner_editor, item, unpublished
):
    with pytest.raises(Refused, match=r"Indikatoren finnes ikke\."):
        benefit_link_add(user=owner_editor, item_id=item.pk, indicator_id=unpublished.pk)
    response = client_for(owner_editor).get(links_url(item))
    assert unpublished.name not in response.content.decode()
    response = client_for(owner_editor).post(links_url(item), {"indicator": unpublished.pk})
    assert response.status_code == 200
    assert not BenefitLink.objects.exists()


def test_the_same_indicator_twice_is_refused(owner_editor, item, visits):
    benefit_link_add(user=owner_editor, item_id=item.pk, indicator_id=visits.pk)
    with pytest.raises(Refused, match="allerede koblet"):
        benefit_link_add(user=owner_editor, item_id=item.pk, indicator_id=visits.pk)


def test_an_owner_editor_links_removes_and_annotates_by_the_pages(owner_editor, item, visits):
    client = client_for(owner_editor)
    assert visits.name in client.get(links_url(item)).content.decode()
    response = client.post(links_url(item), {"indicator": visits.pk, "note": "Flere besøk"})
    assert response.status_code == 302
    link = BenefitLink.objects.get()
    page = client.get(links_url(item)).content.decode()
    assert "Flere besøk" in page and "109,5 millioner besøk (2023)" in page
    edit = reverse("ws-reporting:benefit-link-edit", kwargs={"item_pk": item.pk, "pk": link.pk})
    assert client.get(edit).status_code == 200
    assert client.post(edit, {"note": "Flere og lengre besøk"}).status_code == 302
    link.refresh_from_db()
    assert link.note == "Flere og lengre besøk"
    remove = reverse("ws-reporting:benefit-link-remove", kwargs={"item_pk": item.pk, "pk": link.pk})
    assert client.get(remove).status_code == 200
    assert client.post(remove).status_code == 302
    assert not BenefitLink.objects.exists()


def test_a_note_that_is_too_long_is_a_field_error_and_nothing_is_saved(owner_editor, item, visits):
    response = client_for(owner_editor).post(links_url(item), {"indicator": visits.pk, "note": "x" * 2_001})
    assert response.status_code == 200
    assert not BenefitLink.objects.exists()


def test_the_linked_indicators_progress_is_the_indicator_apps_own(owner_editor, item, visits):
    from veikart.indicators.progress import indicator_progress

    benefit_link_add(user=owner_editor, item_id=item.pk, indicator_id=visits.pk)
    (row,) = linked_indicators_of([item.pk], indicators=visits.__class__.objects.all())[item.pk]
    own = indicator_progress(visits)
    assert (row.progress.status, row.progress.latest, row.progress.trend_turned) == (
        own.status,
        own.latest,
        own.trend_turned,
    )
    assert row.progress.status == "at_risk"
    assert row.trend_words == "Fallende de siste 2 årene (siden 2021), mot utviklingen siden 2019."


def test_the_report_form_and_page_show_the_linked_indicators_status_value_and_trend(
    owner_editor, body_member, item, period, content, visits
):
    benefit_link_add(user=owner_editor, item_id=item.pk, indicator_id=visits.pk)
    edit = reverse("ws-reporting:report-edit", kwargs={"item_pk": item.pk, "period_pk": period.pk})
    page = client_for(owner_editor).get(edit).content.decode()
    for text in ("Bruk av Helsenorge: besøk", "109,5 millioner besøk (2023)", "Fallende de siste 2 årene"):
        assert text in page
    assert links_url(item) in page
    report = status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)
    page = client_for(owner_editor).get(reverse("ws-reporting:report", kwargs={"pk": report.pk})).content.decode()
    assert "Bruk av Helsenorge: besøk" in page and 'data-color="warning"' in page


def test_the_public_item_section_shows_published_linked_indicators_only(
    strategy_office, item, visits, unpublished, anonymous_client
):
    benefit_link_add(user=strategy_office, item_id=item.pk, indicator_id=visits.pk)
    benefit_link_add(user=strategy_office, item_id=item.pk, indicator_id=unpublished.pk)
    page = anonymous_client.get(item.get_absolute_url()).content.decode()
    assert "Bruk av Helsenorge: besøk" in page
    assert "109,5 millioner besøk (2023)" in page
    assert unpublished.name not in page
