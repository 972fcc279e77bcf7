"""Editing by owner editors and the strategy office, and no lost updates."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse

from veikart.accounts.models import User
from veikart.roadmap.models import Link, Milestone, RoadmapItem
from veikart.strategy.models import SubGoal


def edit_url(item) -> str:
    return reverse("roadmap:item-edit", kwargs={"pk": item.pk})


def form_data(item, **changes) -> dict:
    data = {
        "title": item.title,
        "description": item.description,
        "phase": item.phase_id or "",
        "status": item.status,
        "start_date": item.start_date.isoformat() if item.start_date else "",
        "end_date": item.end_date.isoformat() if item.end_date else "",
        "grouping": item.grouping_id or "",
        "user_groups": [group.pk for group in item.user_groups.all()],
        "version": item.version,
        "milestones-TOTAL_FORMS": "0",
        "milestones-INITIAL_FORMS": "0",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


@pytest.fixture
def nhn_item(make_item, nhn):
    return make_item(title="NHN-tiltak", owners=[nhn])


@pytest.fixture
def oslo_item(make_item, oslo):
    return make_item(title="Oslo-tiltak", owners=[oslo])


def test_an_owner_editor_edits_their_organisations_item(client, nhn_editor, nhn_item):
    client.force_login(nhn_editor)
    assert client.get(edit_url(nhn_item)).status_code == 200
    response = client.post(edit_url(nhn_item), form_data(nhn_item, title="Nytt navn", status="at_risk"))
    assert response.status_code == 302
    nhn_item.refresh_from_db()
    assert (nhn_item.title, nhn_item.status, nhn_item.version) == ("Nytt navn", "at_risk", 2)
    assert nhn_item.history.first().history_user == nhn_editor


def test_an_owner_editor_cannot_open_another_organisations_form(client, nhn_editor, oslo_item):
    client.force_login(nhn_editor)
    assert client.get(edit_url(oslo_item)).status_code == 403


def test_an_owner_editor_cannot_change_another_organisations_item_by_direct_post(client, nhn_editor, oslo_item):
    client.force_login(nhn_editor)
    response = client.post(edit_url(oslo_item), form_data(oslo_item, title="Kapret"))
    assert response.status_code == 403
    oslo_item.refresh_from_db()
    assert oslo_item.title == "Oslo-tiltak"


def test_an_owner_editor_cannot_take_over_or_publish_by_posting_extra_fields(
    client, nhn_editor, nhn_item, oslo, strategy
):
    client.force_login(nhn_editor)
    RoadmapItem.objects.filter(pk=nhn_item.pk).update(is_published=True)
    nhn_item.refresh_from_db()
    client.post(edit_url(nhn_item), form_data(nhn_item, owners=[oslo.pk], is_published="", delivery_id="999"))
    nhn_item.refresh_from_db()
    assert [owner.short_name for owner in nhn_item.owners.all()] == ["NHN"]
    assert nhn_item.is_published and nhn_item.delivery_id == ""


def test_the_strategy_office_edits_any_item_including_owners(client, strategy_office, oslo_item, nhn, sub_goal):
    client.force_login(strategy_office)
    further = SubGoal.objects.get(code="3B")
    data = form_data(
        oslo_item,
        owners=[nhn.pk],
        sub_goal=sub_goal.pk,
        delivery_id="123",
        is_published="on",
        further_sub_goals=[further.pk],
    )
    assert client.post(edit_url(oslo_item), data).status_code == 302
    oslo_item.refresh_from_db()
    assert list(oslo_item.owners.all()) == [nhn]
    assert list(oslo_item.further_sub_goals.all()) == [further]
    assert oslo_item.delivery_id == "123"


@pytest.mark.parametrize("role", ["", User.Role.BODY_MEMBER])
def test_other_roles_cannot_edit(client, oslo, oslo_item, role):
    user = User.objects.create_user("annen", password="not-used-in-tests-1", role=role, organisation=oslo)
    client.force_login(user)
    assert client.post(edit_url(oslo_item), form_data(oslo_item, title="Nei")).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(client, oslo_item):
    response = client.post(edit_url(oslo_item), form_data(oslo_item, title="Nei"))
    assert response.status_code == 302 and "/konto/" in response["Location"]


def test_a_draft_is_not_found_for_an_owner_editor_of_another_organisation(client, nhn_editor, make_item, oslo):
    draft = make_item(owners=[oslo], is_published=False)
    client.force_login(nhn_editor)
    assert client.get(edit_url(draft)).status_code == 404


def test_an_end_date_before_the_start_is_refused_with_the_input_kept(client, nhn_editor, nhn_item):
    client.force_login(nhn_editor)
    response = client.post(
        edit_url(nhn_item), form_data(nhn_item, title="Skrevet", start_date="2025-01-01", end_date="2024-01-01")
    )
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    assert 'value="Skrevet"' in response.content.decode()


def test_the_second_of_two_concurrent_saves_is_refused_and_keeps_what_was_typed(
    client, nhn_editor, strategy_office, nhn_item, nhn
):
    loaded = form_data(nhn_item)  # both open the form at version 1
    client.force_login(strategy_office)
    office = {**loaded, "sub_goal": nhn_item.sub_goal_id, "owners": [nhn.pk], "is_published": "on"}
    assert (
        client.post(edit_url(nhn_item), {**office, "title": "Kontorets navn", "status": "delayed"}).status_code == 302
    )

    client.force_login(nhn_editor)
    # In English, so that the labels below do not depend on the catalogues.
    response = client.post("/en" + edit_url(nhn_item), {**loaded, "description": "Min nye beskrivelse"})
    assert response.status_code == 409
    nhn_item.refresh_from_db()
    assert nhn_item.title == "Kontorets navn" and nhn_item.description == ""
    differences = {d.label: (d.old, d.new) for d in response.context["conflict"]}
    assert differences["name"] == ("NHN-tiltak", "Kontorets navn")
    assert differences["status"] == ("Not started", "Delayed")
    body = response.content.decode()
    assert "Min nye beskrivelse" in body
    assert "Someone else saved this item" in body

    # Saving again is now a deliberate overwrite of the version they have seen.
    form = response.context["form"]
    assert form["version"].value() == "2"
    again = client.post(edit_url(nhn_item), {**loaded, "description": "Min nye beskrivelse", "version": 2})
    assert again.status_code == 302
    nhn_item.refresh_from_db()
    assert nhn_item.description == "Min nye beskrivelse" and nhn_item.version == 3


def test_the_edit_link_shows_only_for_those_who_may_edit(client, nhn_editor, oslo_editor, nhn_item):
    client.force_login(nhn_editor)
    assert edit_url(nhn_item) in client.get(nhn_item.get_absolute_url()).content.decode()
    client.force_login(oslo_editor)
    assert edit_url(nhn_item) not in client.get(nhn_item.get_absolute_url()).content.decode()


def test_an_owner_editor_adds_changes_and_removes_milestones_and_links(client, nhn_editor, nhn_item):
    kept = Milestone.objects.create(item=nhn_item, date=datetime.date(2025, 1, 1), title="Pilot")
    dropped = Milestone.objects.create(item=nhn_item, date=datetime.date(2025, 6, 1), title="Avlyst")
    client.force_login(nhn_editor)
    data = form_data(nhn_item)
    data.update(
        {
            "milestones-TOTAL_FORMS": "3",
            "milestones-INITIAL_FORMS": "2",
            "milestones-0-id": kept.pk,
            "milestones-0-date": "2025-02-01",
            "milestones-0-title": "Pilot i tre kommuner",
            "milestones-0-is_done": "on",
            "milestones-1-id": dropped.pk,
            "milestones-1-date": "2025-06-01",
            "milestones-1-title": "Avlyst",
            "milestones-1-DELETE": "on",
            "milestones-2-date": "2026-10-01",
            "milestones-2-title": "Nasjonal innføring",
            "links-TOTAL_FORMS": "1",
            "links-0-title": "Prosjektside",
            "links-0-url": "https://example.org/prosjekt",
        }
    )
    assert client.post(edit_url(nhn_item), data).status_code == 302
    assert list(nhn_item.milestones.values_list("title", "date", "is_done")) == [
        ("Pilot i tre kommuner", datetime.date(2025, 2, 1), True),
        ("Nasjonal innføring", datetime.date(2026, 10, 1), False),
    ]
    assert list(nhn_item.links.values_list("url", flat=True)) == ["https://example.org/prosjekt"]


def test_a_link_typed_without_a_scheme_is_saved_as_https(client, nhn_editor, nhn_item):
    client.force_login(nhn_editor)
    data = form_data(nhn_item, **{"links-TOTAL_FORMS": "1", "links-0-title": "Helsenorge"})
    assert client.post(edit_url(nhn_item), {**data, "links-0-url": "www.helsenorge.no"}).status_code == 302
    assert list(nhn_item.links.values_list("url", flat=True)) == ["https://www.helsenorge.no"]


def test_the_admin_reads_a_link_without_a_scheme_as_https(rf, nhn_item):
    request = rf.get("/")
    request.user = User.objects.create_superuser("admin", "admin@example.org", "pw-test-123!")
    [links] = [
        inline.get_formset(request, nhn_item)
        for inline in admin.site.get_model_admin(RoadmapItem).get_inline_instances(request, nhn_item)
        if inline.model is Link
    ]
    assert links.form.base_fields["url"].to_python("www.helsenorge.no") == "https://www.helsenorge.no"


def test_milestones_are_not_saved_when_the_item_save_is_refused(client, nhn_editor, nhn_item):
    client.force_login(nhn_editor)
    stale = form_data(nhn_item)
    RoadmapItem.objects.filter(pk=nhn_item.pk).update(version=5)
    stale.update({"milestones-TOTAL_FORMS": "1", "milestones-0-date": "2026-01-01", "milestones-0-title": "Ny"})
    response = client.post(edit_url(nhn_item), stale)
    assert response.status_code == 409
    assert not nhn_item.milestones.exists()
    assert 'value="Ny"' in response.content.decode()
