"""Dependencies on the edit form: typed as ids, limited to visible items of the strategy, no cycles, kept in history."""

import threading
import time

import pytest
from django.db import connection, transaction
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import translation

from veikart.roadmap.admin import RoadmapItemAdminForm
from veikart.roadmap.dependencies import (
    DEPENDENCY_LOCK_KEY,
    dependency_cycle,
    lock_dependency_changes,
    parse_references,
    resolve_references,
)
from veikart.roadmap.forms import RoadmapItemForm
from veikart.roadmap.models import RoadmapItem
from veikart.roadmap.services import DependencyCycle, roadmap_item_update
from veikart.roadmap.tests.test_editing import edit_url, form_data
from veikart.strategy.models import Goal, Strategy, SubGoal


@pytest.fixture
def nhn_item(make_item, nhn):
    return make_item(title="Kjernejournal i sykehjem", owners=[nhn])


@pytest.fixture
def helseverktoy(make_item):
    return make_item(title="Helseverktøy (Helsenorge)", delivery_id="56876000019903546")


@pytest.fixture
def digi_ung(make_item):
    return make_item(title="Digi-ung: UngMestring")


@pytest.fixture
def other_strategy_item(phases):
    strategy = Strategy.objects.create(
        title="E-helsestrategi 2017–2022", slug="2017", period_start=2017, period_end=2022, is_published=True
    )
    goal = Goal.objects.create(strategy=strategy, number=1, title="Mål")
    sub_goal = SubGoal.objects.create(goal=goal, code="1A", title="Delmål")
    return RoadmapItem.objects.create(
        title="Gammelt tiltak", sub_goal=sub_goal, delivery_id="111", is_published=True, phase=phases["I bruk"]
    )


def errors_of(response) -> list[str]:
    return response.context["form"].errors.get("depends_on", [])


def test_an_owner_editor_sets_dependencies_by_delivery_id_and_item_number(
    client, nhn_editor, nhn_item, helseverktoy, digi_ung
):
    client.force_login(nhn_editor)
    typed = f"56876000019903546,\n#{digi_ung.pk}"
    response = client.post(edit_url(nhn_item), form_data(nhn_item, depends_on=typed))
    assert response.status_code == 302
    assert set(nhn_item.depends_on.all()) == {helseverktoy, digi_ung}
    nhn_item.refresh_from_db()
    assert nhn_item.version == 2

    form = client.get(edit_url(nhn_item)).context["form"]
    assert form["depends_on"].value() == f"#{digi_ung.pk}, 56876000019903546"


def test_a_bare_number_is_an_item_number_unless_a_delivery_id_says_otherwise(make_item, digi_ung):
    named_by_id = make_item(delivery_id=str(digi_ung.pk))
    candidates = RoadmapItem.objects.all()
    assert resolve_references([str(digi_ung.pk)], candidates) == ([named_by_id], [])
    assert resolve_references([f"#{digi_ung.pk}"], candidates) == ([digi_ung], [])
    assert resolve_references(["x1", "#", "²"], candidates) == ([], ["x1", "#", "²"])


def test_references_may_be_separated_by_commas_semicolons_spaces_and_new_lines():
    assert parse_references(" 1, 2;3\n#4\t1 ,, ") == ["1", "2", "3", "#4"]


def test_an_empty_field_removes_every_dependency(client, nhn_editor, nhn_item, helseverktoy):
    nhn_item.depends_on.set([helseverktoy])
    client.force_login(nhn_editor)
    assert client.post(edit_url(nhn_item), form_data(nhn_item, depends_on="")).status_code == 302
    assert not nhn_item.depends_on.exists()


def test_unknown_ids_are_listed_and_the_input_is_kept(client, nhn_editor, nhn_item, helseverktoy):
    client.force_login(nhn_editor)
    typed = "56876000019903546, 999, #424242"
    response = client.post("/en" + edit_url(nhn_item), form_data(nhn_item, depends_on=typed))
    assert response.status_code == 200
    [error] = errors_of(response)
    assert "999, #424242" in error and "56876000019903546" not in error
    assert typed in response.content.decode()
    assert not nhn_item.depends_on.exists()


def test_an_unpublished_item_cannot_be_named_by_an_owner_editor(client, nhn_editor, nhn_item, make_item):
    draft = make_item(title="Hemmelig utkast", delivery_id="222", is_published=False)
    client.force_login(nhn_editor)
    for reference in ("222", f"#{draft.pk}", str(draft.pk)):
        response = client.post(edit_url(nhn_item), form_data(nhn_item, depends_on=reference))
        assert response.status_code == 200
        assert reference in errors_of(response)[0]
        assert "Hemmelig utkast" not in response.content.decode()
    assert not nhn_item.depends_on.exists()


def test_an_item_of_another_strategy_cannot_be_named(client, nhn_editor, nhn_item, other_strategy_item):
    client.force_login(nhn_editor)
    for reference in ("111", f"#{other_strategy_item.pk}"):
        response = client.post(edit_url(nhn_item), form_data(nhn_item, depends_on=reference))
        assert response.status_code == 200 and errors_of(response)
    assert not nhn_item.depends_on.exists()


def test_the_strategy_office_may_name_an_unpublished_item(client, strategy_office, nhn_item, make_item, nhn):
    draft = make_item(delivery_id="222", is_published=False)
    client.force_login(strategy_office)
    data = form_data(nhn_item, depends_on="222", sub_goal=nhn_item.sub_goal_id, owners=[nhn.pk], is_published="on")
    assert client.post(edit_url(nhn_item), data).status_code == 302
    assert list(nhn_item.depends_on.all()) == [draft]


def test_dependencies_the_editor_cannot_choose_are_kept_and_not_shown(
    client, nhn_editor, nhn_item, make_item, helseverktoy, other_strategy_item
):
    draft = make_item(title="Hemmelig utkast", delivery_id="222", is_published=False)
    nhn_item.depends_on.set([draft, other_strategy_item, helseverktoy])
    client.force_login(nhn_editor)
    page = client.get("/en" + edit_url(nhn_item))
    assert page.context["form"]["depends_on"].value() == "56876000019903546"
    body = page.content.decode()
    assert "Hemmelig utkast" not in body and "2 items you cannot choose here" in body

    assert client.post(edit_url(nhn_item), form_data(nhn_item, depends_on="")).status_code == 302
    assert set(nhn_item.depends_on.all()) == {draft, other_strategy_item}


def test_an_owner_editor_of_another_organisation_cannot_change_dependencies_by_direct_post(
    client, oslo_editor, nhn_item, helseverktoy
):
    client.force_login(oslo_editor)
    response = client.post(edit_url(nhn_item), form_data(nhn_item, depends_on="56876000019903546"))
    assert response.status_code == 403
    assert not nhn_item.depends_on.exists()


def test_an_item_cannot_depend_on_itself(client, nhn_editor, nhn_item):
    client.force_login(nhn_editor)
    response = client.post("/en" + edit_url(nhn_item), form_data(nhn_item, depends_on=f"#{nhn_item.pk}"))
    assert response.status_code == 200
    assert errors_of(response) == ["An item cannot depend on itself."]
    assert not nhn_item.depends_on.exists()


def test_a_cycle_is_refused_naming_the_item_that_closes_it(
    client, nhn_editor, nhn_item, helseverktoy, digi_ung, make_item
):
    # Helseverktøy → Digi-ung → the NHN item; the NHN item may not depend on Helseverktøy.
    helseverktoy.depends_on.set([digi_ung])
    digi_ung.depends_on.set([nhn_item])
    unrelated = make_item(delivery_id="333")
    client.force_login(nhn_editor)
    response = client.post("/en" + edit_url(nhn_item), form_data(nhn_item, depends_on="333, 56876000019903546"))
    assert response.status_code == 200
    [error] = errors_of(response)
    assert error.startswith("“Helseverktøy (Helsenorge)” (56876000019903546) already depends on this item")
    assert not nhn_item.depends_on.exists()
    assert client.post(edit_url(nhn_item), form_data(nhn_item, depends_on="333")).status_code == 302
    assert list(nhn_item.depends_on.all()) == [unrelated]


def checked_form(item, user, depends_on: str) -> RoadmapItemForm:
    """The edit form for ``item``, posted with ``depends_on`` and found valid."""
    form = RoadmapItemForm(form_data(item, depends_on=depends_on), instance=item, user=user)
    assert form.is_valid(), form.errors
    return form


def save_checked(form: RoadmapItemForm, user) -> None:
    roadmap_item_update(
        item=form.instance,
        loaded_version=form.cleaned_data["version"],
        user=user,
        m2m={"depends_on": form.cleaned_data["depends_on"]},
    )


def test_a_cycle_saved_after_the_form_was_checked_is_refused_at_save_time(nhn_editor, nhn_item, helseverktoy):
    form = checked_form(nhn_item, nhn_editor, "56876000019903546")
    helseverktoy.depends_on.add(nhn_item)  # another editor's save, committed meanwhile
    with translation.override("en"), pytest.raises(DependencyCycle) as refused:
        save_checked(form, nhn_editor)
    assert str(refused.value).startswith("“Helseverktøy (Helsenorge)” (56876000019903546) already depends on this")
    nhn_item.refresh_from_db()
    assert (nhn_item.version, list(nhn_item.depends_on.all())) == (1, [])


def test_dependencies_the_item_already_has_are_not_checked_again(nhn_editor, nhn_item, helseverktoy, digi_ung):
    # An older cycle (say from two admin saves at once) does not block saving the item's other fields.
    nhn_item.depends_on.set([helseverktoy])
    helseverktoy.depends_on.set([nhn_item])
    form = RoadmapItemForm(
        form_data(nhn_item, depends_on=f"56876000019903546, #{digi_ung.pk}"), instance=nhn_item, user=nhn_editor
    )
    assert not form.is_valid()  # the form still names it
    form.cleaned_data["depends_on"] = [helseverktoy, digi_ung]
    save_checked(form, nhn_editor)
    assert set(nhn_item.depends_on.all()) == {helseverktoy, digi_ung}


def test_the_edit_page_shows_a_cycle_found_at_save_time_on_the_field(
    client, nhn_editor, nhn_item, helseverktoy, monkeypatch
):
    helseverktoy.depends_on.add(nhn_item)
    # As if the opposite dependency had been committed just after the form's own check.
    monkeypatch.setattr("veikart.roadmap.forms.dependency_cycle_error", lambda item_pk, items: None)
    client.force_login(nhn_editor)
    response = client.post("/en" + edit_url(nhn_item), form_data(nhn_item, depends_on="56876000019903546"))
    assert response.status_code == 200
    [error] = errors_of(response)
    assert error.startswith("“Helseverktøy (Helsenorge)” (56876000019903546) already depends on this item")
    assert "56876000019903546</textarea>" in response.content.decode()
    assert not nhn_item.depends_on.exists()


def _wait_for_a_waiter_on_the_dependency_lock(thread: threading.Thread) -> bool:
    """True once another session waits for the lock; False if ``thread`` ended or 10 s passed first."""
    deadline = time.monotonic() + 10
    with connection.cursor() as cursor:
        while thread.is_alive() and time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                " AND classid = 0 AND objid = %s AND objsubid = 1",
                [DEPENDENCY_LOCK_KEY],
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.02)
    return False


def _while_the_opposite_dependency_is_being_saved(item, dependency, action) -> tuple[bool, list]:
    """Run ``action`` in a thread of its own while this connection holds the dependency lock and has
    made ``item`` depend on ``dependency``, not yet committed; then commit.

    Returns whether the thread waited for the lock, and what ``action`` returned (empty if it failed).
    """
    outcome: list = []

    def run() -> None:
        try:
            outcome.append(action())
        finally:
            connection.close()  # this thread's own connection

    with transaction.atomic():
        lock_dependency_changes()
        item.depends_on.add(dependency)
        thread = threading.Thread(target=run)
        thread.start()
        waited = _wait_for_a_waiter_on_the_dependency_lock(thread)
    thread.join(timeout=10)
    return waited, outcome


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs write transactions one at a time")
@pytest.mark.django_db(transaction=True)
def test_two_saves_that_would_close_a_cycle_together_wait_for_each_other_on_postgresql(sub_goal, nhn, nhn_editor):
    # Items without a phase: a transactional test that ran before may have emptied the seeded phases.
    nhn_item = RoadmapItem.objects.create(title="Kjernejournal i sykehjem", sub_goal=sub_goal, is_published=True)
    nhn_item.owners.set([nhn])
    helseverktoy = RoadmapItem.objects.create(
        title="Helseverktøy (Helsenorge)", sub_goal=sub_goal, delivery_id="56876000019903546", is_published=True
    )
    form = checked_form(nhn_item, nhn_editor, "56876000019903546")

    def save() -> str:
        try:
            save_checked(form, nhn_editor)
        except DependencyCycle:
            return "refused"
        return "saved"

    assert _while_the_opposite_dependency_is_being_saved(helseverktoy, nhn_item, save) == (True, ["refused"])
    assert not nhn_item.depends_on.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs write transactions one at a time")
@pytest.mark.django_db(transaction=True)
def test_the_admin_waits_for_a_save_that_would_close_a_cycle_with_it_on_postgresql(sub_goal):
    nhn_item = RoadmapItem.objects.create(title="Kjernejournal i sykehjem", sub_goal=sub_goal)
    helseverktoy = RoadmapItem.objects.create(title="Helseverktøy (Helsenorge)", sub_goal=sub_goal)
    data = {key: value for key, value in model_to_dict(nhn_item).items() if value is not None and value != []}
    data["loaded_version"] = nhn_item.version
    form = RoadmapItemAdminForm({**data, "depends_on": [helseverktoy.pk]}, instance=nhn_item)

    def validate() -> bool:
        with transaction.atomic():  # as the admin's change view validates and saves
            return form.is_valid()

    assert _while_the_opposite_dependency_is_being_saved(helseverktoy, nhn_item, validate) == (True, [False])
    assert "depends_on" in form.errors


def test_the_cycle_walk_returns_the_shortest_path_back_through_items_of_any_visibility(make_item):
    a, b, c, d = (make_item(is_published=index != 2) for index in range(4))
    b.depends_on.set([c])
    c.depends_on.set([a, d])  # c is unpublished: a cycle through a draft still counts
    d.depends_on.set([b])
    assert dependency_cycle(a.pk, [d.pk]) == [d.pk, b.pk, c.pk, a.pk]
    assert dependency_cycle(a.pk, [b.pk, d.pk]) == [b.pk, c.pk, a.pk]
    assert dependency_cycle(a.pk, [a.pk]) == [a.pk]
    assert dependency_cycle(d.pk, [a.pk]) is None
    assert dependency_cycle(a.pk, []) is None


def test_dependency_changes_are_kept_in_the_history_like_owners(
    client, nhn_editor, strategy_office, nhn_item, helseverktoy
):
    client.force_login(nhn_editor)
    client.post(edit_url(nhn_item), form_data(nhn_item, depends_on="56876000019903546"))
    latest = nhn_item.history.latest()
    assert [row.to_roadmapitem for row in latest.depends_on.all()] == [helseverktoy]
    assert latest.history_user == nhn_editor

    client.force_login(strategy_office)
    history = client.get("/en" + reverse("core:change-history", args=["roadmap", "roadmapitem", nhn_item.pk]))
    changes = [change for entry in history.context["entries"] for change in entry.changes]
    assert any(change.label == "depends on" and change.new for change in changes)


def test_a_conflict_keeps_the_typed_dependencies_and_shows_theirs(
    client, nhn_editor, strategy_office, nhn_item, helseverktoy, digi_ung, nhn
):
    loaded = form_data(nhn_item)
    client.force_login(strategy_office)
    office = {**loaded, "sub_goal": nhn_item.sub_goal_id, "owners": [nhn.pk], "is_published": "on"}
    assert client.post(edit_url(nhn_item), {**office, "depends_on": f"#{digi_ung.pk}"}).status_code == 302

    client.force_login(nhn_editor)
    response = client.post("/en" + edit_url(nhn_item), {**loaded, "depends_on": "56876000019903546"})
    assert response.status_code == 409
    assert list(nhn_item.depends_on.all()) == [digi_ung]
    assert response.context["form"]["depends_on"].value() == "56876000019903546"
    assert "56876000019903546</textarea>" in response.content.decode()
    differences = {d.label: (d.old, d.new) for d in response.context["conflict"]}
    assert differences["depends on"] == ("", "Digi-ung: UngMestring")


def test_the_field_is_described_by_its_help_text_and_its_errors(client, nhn_editor, nhn_item):
    client.force_login(nhn_editor)
    body = client.post(edit_url(nhn_item), form_data(nhn_item, depends_on="999")).content.decode()
    assert 'aria-describedby="id_depends_on_helptext id_depends_on_error"' in body
    assert 'id="id_depends_on_error"' in body and 'id="id_depends_on_helptext"' in body


def test_the_admin_refuses_a_cycle_too(nhn_item, helseverktoy, digi_ung):
    helseverktoy.depends_on.set([nhn_item])
    data = {
        key: [obj.pk for obj in value] if isinstance(value, list) else value
        for key, value in model_to_dict(nhn_item).items()
        if value is not None
    }
    data["loaded_version"] = nhn_item.version
    with translation.override("en"):
        form = RoadmapItemAdminForm({**data, "depends_on": [digi_ung.pk, helseverktoy.pk]}, instance=nhn_item)
        assert not form.is_valid()
        assert form.errors["depends_on"][0].startswith("“Helseverktøy (Helsenorge)” (56876000019903546) already")
        itself = RoadmapItemAdminForm({**data, "depends_on": [nhn_item.pk]}, instance=nhn_item)
        assert itself.errors["depends_on"] == ["An item cannot depend on itself."]
    assert RoadmapItemAdminForm({**data, "depends_on": [digi_ung.pk]}, instance=nhn_item).is_valid()
