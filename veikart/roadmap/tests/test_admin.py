"""Saving a roadmap item in the admin: the site's version check both ways, and no version for a save that changes nothing."""

import datetime
import threading
import time

import pytest
from django.db import connection, transaction
from django.forms.models import model_to_dict
from django.urls import reverse

from veikart.roadmap.admin import RoadmapItemAdminForm
from veikart.roadmap.models import Milestone, RoadmapItem
from veikart.roadmap.services import EditConflict, roadmap_item_update
from veikart.roadmap.tests.test_editing import edit_url, form_data


def admin_url(item) -> str:
    return reverse("admin:roadmap_roadmapitem_change", args=[item.pk])


def loaded_admin_form(client, item, url: str = "") -> dict:
    """What the admin's change page of ``item`` (at ``url`` if given) posts when saved as it was loaded."""
    response = client.get(url or admin_url(item))
    assert response.status_code == 200
    data = _fields(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
        for form in formset.forms:
            data.update(_fields(form))
    return data


def _fields(form) -> dict:
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False or value == []:
            continue
        data[form.add_prefix(name)] = "on" if value is True else value
    return data


@pytest.fixture
def nhn_item(make_item, nhn):
    item = make_item(title="Kjernejournal i sykehjem", owners=[nhn], start_date=datetime.date(2025, 1, 1))
    Milestone.objects.create(item=item, date=datetime.date(2025, 6, 1), title="Pilot")
    return item


@pytest.fixture
def office(client, strategy_office):
    client.force_login(strategy_office)
    return client


def test_an_admin_save_based_on_a_version_the_site_saved_since_is_refused_keeping_the_input(
    office, nhn_item, nhn_editor
):
    # In English, so that the messages below do not depend on the catalogues.
    url, site_url = "/en" + admin_url(nhn_item), edit_url(nhn_item)
    loaded = loaded_admin_form(office, nhn_item, url)
    assert loaded["loaded_version"] == 1

    site = type(office)()
    site.force_login(nhn_editor)
    assert site.post(site_url, form_data(nhn_item, title="Sidens navn", status="at_risk")).status_code == 302

    response = office.post(url, {**loaded, "title": "Adminens navn"})
    assert response.status_code == 200
    nhn_item.refresh_from_db()
    assert (nhn_item.title, nhn_item.version) == ("Sidens navn", 2)
    body = response.content.decode()
    assert "Someone else saved this item while you were editing it" in body
    assert "Changed in the meantime: name, status." in body
    assert 'value="Adminens navn"' in body
    form = response.context["adminform"].form
    assert form["loaded_version"].value() == "2"

    # Saving again, now at the version shown, is a deliberate overwrite.
    again = office.post(url, {**loaded, "title": "Adminens navn", "loaded_version": 2})
    assert again.status_code == 302
    nhn_item.refresh_from_db()
    assert (nhn_item.title, nhn_item.status, nhn_item.version) == ("Adminens navn", "not_started", 3)


def test_a_site_save_based_on_a_version_the_admin_saved_since_is_refused_with_the_differences(
    office, nhn_item, nhn_editor
):
    loaded_on_the_site = form_data(nhn_item)
    data = loaded_admin_form(office, nhn_item)
    assert office.post(admin_url(nhn_item), {**data, "title": "Adminens navn"}).status_code == 302
    nhn_item.refresh_from_db()
    assert nhn_item.version == 2
    assert nhn_item.history.latest().history_user.role == "strategy_office"

    office.force_login(nhn_editor)
    response = office.post("/en" + edit_url(nhn_item), {**loaded_on_the_site, "description": "Min beskrivelse"})
    assert response.status_code == 409
    differences = {d.label: (d.old, d.new) for d in response.context["conflict"]}
    assert differences == {"name": ("Kjernejournal i sykehjem", "Adminens navn")}
    nhn_item.refresh_from_db()
    assert nhn_item.title == "Adminens navn" and nhn_item.description == ""


def test_saving_the_admin_form_unchanged_writes_no_version_and_no_history(office, nhn_item):
    history = nhn_item.history.count()
    milestone_history = Milestone.history.count()
    response = office.post(admin_url(nhn_item), loaded_admin_form(office, nhn_item))
    assert response.status_code == 302
    nhn_item.refresh_from_db()
    assert nhn_item.version == 1
    assert nhn_item.history.count() == history
    assert Milestone.history.count() == milestone_history


def test_changing_one_field_in_the_admin_adds_exactly_one_version_and_one_history_row(office, nhn_item):
    history = nhn_item.history.count()
    data = loaded_admin_form(office, nhn_item)
    assert office.post(admin_url(nhn_item), {**data, "status": "delayed"}).status_code == 302
    nhn_item.refresh_from_db()
    assert (nhn_item.status, nhn_item.version) == ("delayed", 2)
    assert nhn_item.history.count() == history + 1
    assert nhn_item.history.latest().version == 2


def test_changing_only_a_milestone_in_the_admin_is_a_new_version(office, nhn_item):
    data = loaded_admin_form(office, nhn_item)
    assert office.post(admin_url(nhn_item), {**data, "milestones-0-title": "Pilot i Bergen"}).status_code == 302
    nhn_item.refresh_from_db()
    assert nhn_item.version == 2
    assert nhn_item.milestones.get().title == "Pilot i Bergen"


def test_saving_the_sites_form_unchanged_writes_no_version_and_no_history(client, nhn_editor, nhn_item):
    client.force_login(nhn_editor)
    history = nhn_item.history.count()
    response = client.post(edit_url(nhn_item), form_data(nhn_item))
    assert response.status_code == 302
    nhn_item.refresh_from_db()
    assert nhn_item.version == 1 and nhn_item.history.count() == history


def test_a_description_sent_back_with_a_browsers_line_breaks_is_no_change(client, office, nhn_editor, nhn_item):
    RoadmapItem.objects.filter(pk=nhn_item.pk).update(description="Første avsnitt.\n\nAndre avsnitt.")
    nhn_item.refresh_from_db()
    as_sent = "Første avsnitt.\r\n\r\nAndre avsnitt."
    data = loaded_admin_form(office, nhn_item)
    assert office.post(admin_url(nhn_item), {**data, "description": as_sent}).status_code == 302
    client.force_login(nhn_editor)
    assert client.post(edit_url(nhn_item), form_data(nhn_item, description=as_sent)).status_code == 302
    nhn_item.refresh_from_db()
    assert nhn_item.version == 1


def test_changing_one_field_on_the_site_adds_exactly_one_history_row(client, nhn_editor, nhn_item):
    client.force_login(nhn_editor)
    history = nhn_item.history.count()
    assert client.post(edit_url(nhn_item), form_data(nhn_item, title="Nytt navn")).status_code == 302
    nhn_item.refresh_from_db()
    assert nhn_item.version == 2 and nhn_item.history.count() == history + 1


def test_an_unchanged_save_from_an_old_version_overwrites_nothing_and_is_not_a_conflict(
    client, nhn_editor, strategy_office, nhn_item
):
    old = form_data(nhn_item)
    client.force_login(strategy_office)
    office = {**old, "sub_goal": nhn_item.sub_goal_id, "owners": [o.pk for o in nhn_item.owners.all()]}
    client.post(edit_url(nhn_item), {**office, "is_published": "on", "title": "Nytt navn"})
    client.post(edit_url(nhn_item), {**office, "is_published": "on", "version": 2})  # and back
    nhn_item.refresh_from_db()
    assert (nhn_item.title, nhn_item.version) == ("Kjernejournal i sykehjem", 3)

    client.force_login(nhn_editor)
    history = nhn_item.history.count()
    assert client.post(edit_url(nhn_item), old).status_code == 302
    nhn_item.refresh_from_db()
    assert nhn_item.version == 3 and nhn_item.history.count() == history


def test_the_strategy_office_adds_an_item_in_the_admin(office, sub_goal):
    response = office.post(
        reverse("admin:roadmap_roadmapitem_add"),
        {
            "title": "Nytt tiltak",
            "sub_goal": sub_goal.pk,
            "status": "not_started",
            "milestones-TOTAL_FORMS": "0",
            "milestones-INITIAL_FORMS": "0",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    item = RoadmapItem.objects.get(title="Nytt tiltak")
    assert item.version == 1 and item.history.count() == 1


def test_reverting_from_the_admins_history_is_refused_as_it_would_skip_the_version_check(office, nhn_item):
    data = loaded_admin_form(office, nhn_item)
    office.post(admin_url(nhn_item), {**data, "title": "Nytt navn"})
    first = nhn_item.history.earliest()
    url = reverse("admin:roadmap_roadmapitem_simple_history", args=[nhn_item.pk, first.history_id])
    assert office.get(url).status_code == 200
    assert office.post(url, {**data, "title": "Kjernejournal i sykehjem"}).status_code == 403
    nhn_item.refresh_from_db()
    assert (nhn_item.title, nhn_item.version) == ("Nytt navn", 2)


def test_a_conflict_found_only_when_saving_writes_nothing_and_answers_with_a_message(office, nhn_item, monkeypatch):
    data = loaded_admin_form(office, nhn_item)
    RoadmapItem.objects.filter(pk=nhn_item.pk).update(version=2, title="Lagret imens")
    # As if another save slipped in between the form's check and the save.
    monkeypatch.setattr("veikart.roadmap.admin.roadmap_item_version_check", lambda **kwargs: None)
    response = office.post(admin_url(nhn_item), {**data, "title": "Adminens navn"})
    assert response.status_code == 302 and response["Location"] == admin_url(nhn_item)
    nhn_item.refresh_from_db()
    assert (nhn_item.title, nhn_item.version) == ("Lagret imens", 2)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs write transactions one at a time")
@pytest.mark.django_db(transaction=True)
def test_a_site_save_arriving_between_the_admins_check_and_its_save_waits_and_is_refused_on_postgresql(sub_goal):
    item = RoadmapItem.objects.create(title="Kjernejournal i sykehjem", sub_goal=sub_goal)
    outcome: list[str] = []

    def site_save() -> None:
        try:
            loaded = RoadmapItem.objects.get(pk=item.pk)
            loaded.title = "Sidens navn"
            roadmap_item_update(item=loaded, loaded_version=1, user=None, m2m={})
            outcome.append("saved")
        except EditConflict:
            outcome.append("refused")
        finally:
            connection.close()  # this thread's own connection

    data = {key: value for key, value in model_to_dict(item).items() if value is not None and value != []}
    with transaction.atomic():  # as the admin's change view validates and saves
        form = RoadmapItemAdminForm({**data, "title": "Adminens navn", "loaded_version": 1}, instance=item)
        assert form.is_valid()
        thread = threading.Thread(target=site_save)
        thread.start()
        waited = _wait_for_a_session_waiting_on_a_lock(thread)
        roadmap_item_update(item=form.instance, loaded_version=1, user=None, m2m={})
    thread.join(timeout=10)
    assert (waited, outcome) == (True, ["refused"])
    item.refresh_from_db()
    assert (item.title, item.version) == ("Adminens navn", 2)


def _wait_for_a_session_waiting_on_a_lock(thread: threading.Thread) -> bool:
    """True once another session waits for a lock; False if ``thread`` ended or 10 s passed first."""
    deadline = time.monotonic() + 10
    with connection.cursor() as cursor:
        while thread.is_alive() and time.monotonic() < deadline:
            # pg_locks rather than pg_stat_activity, which a transaction reads once and keeps.
            cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()")
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.02)
    return False


def test_the_admin_refuses_a_published_item_with_a_further_sub_goal_of_an_unpublished_version(sub_goal, phases):
    from veikart.roadmap.admin import RoadmapItemAdminForm
    from veikart.strategy.models import Goal, Strategy, SubGoal

    draft = Strategy.objects.create(title="Utkast", slug="utkast", period_start=2027, period_end=2030)
    draft_sub_goal = SubGoal.objects.create(
        goal=Goal.objects.create(strategy=draft, number=1, title="Mål"), code="1A", title="Delmål"
    )
    data = {"title": "Nytt", "sub_goal": sub_goal.pk, "status": "not_started", "is_published": "on"}
    form = RoadmapItemAdminForm(data={**data, "further_sub_goals": [draft_sub_goal.pk]})
    assert not form.is_valid()
    assert "further_sub_goals" in form.errors
    assert "further_sub_goals" not in RoadmapItemAdminForm(data={**data, "further_sub_goals": [sub_goal.pk]}).errors
