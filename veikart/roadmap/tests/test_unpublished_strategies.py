"""Items and strategy versions that are not published: what an editor is offered, and what may be published.

The rule: a published item belongs only to sub-goals of published strategy versions. It is checked
by the model (forms and the admin), by the edit form for further sub-goals, and by the import. A
strategy version unpublished later takes its items out of public view with it.
"""

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from veikart.accounts.models import User
from veikart.conftest import client_for
from veikart.roadmap.forms import RoadmapItemForm
from veikart.roadmap.models import Grouping, RoadmapItem
from veikart.roadmap.services import roadmap_import
from veikart.roadmap.tests.test_importer import REAL_ROWS, excel_csv
from veikart.strategy.models import Goal, Strategy, SubGoal


@pytest.fixture
def draft_sub_goal(db) -> SubGoal:
    """Sub-goal 2A of a strategy version being drafted (not published)."""
    draft = Strategy.objects.create(
        title="Neste strategi", slug="neste", status=Strategy.Status.DRAFT, period_start=2031, period_end=2036
    )
    goal = Goal.objects.create(strategy=draft, number=2, title="Et mål under arbeid")
    return SubGoal.objects.create(goal=goal, code="2A", title="Et delmål under arbeid")


@pytest.fixture
def secret_grouping(draft_sub_goal) -> Grouping:
    return Grouping.objects.create(sub_goal=draft_sub_goal, name="Hemmelig gruppering")


def edit_url(item) -> str:
    return reverse("roadmap:item-edit", kwargs={"pk": item.pk})


# --- What the edit form offers ------------------------------------------------------------


def test_the_edit_page_offers_no_grouping_of_a_draft_strategy(make_item, nhn, nhn_editor, sub_goal, secret_grouping):
    Grouping.objects.create(sub_goal=sub_goal, name="Offentlig gruppering")
    item = make_item(owners=[nhn])
    html = client_for(nhn_editor).get(edit_url(item)).content.decode()
    assert "Offentlig gruppering" in html
    assert "Hemmelig gruppering" not in html


@pytest.mark.parametrize("persona", ["nhn_editor", "strategy_office"])
def test_the_form_offers_only_sub_goals_and_groupings_of_the_items_strategy(
    request, make_item, nhn, persona, secret_grouping, draft_sub_goal
):
    form = RoadmapItemForm(instance=make_item(owners=[nhn]), user=request.getfixturevalue(persona))
    assert secret_grouping not in form.fields["grouping"].queryset
    for name in ("sub_goal", "further_sub_goals"):
        if name in form.fields:
            assert draft_sub_goal not in form.fields[name].queryset


def test_an_editor_who_cannot_see_the_items_strategy_is_offered_none_of_its_groupings(
    make_item, nhn, nhn_editor, draft_sub_goal, secret_grouping
):
    # Reached only through the form itself: the edit page answers 404 for an item the editor cannot see.
    item = make_item(owners=[nhn], sub_goal=draft_sub_goal, grouping=secret_grouping, is_published=False)
    form = RoadmapItemForm(instance=item, user=nhn_editor)
    assert "grouping" not in form.fields
    assert "Hemmelig gruppering" not in str(form)
    data = {"title": "Nytt navn", "status": "on_track", "version": item.version}
    form = RoadmapItemForm(data, instance=item, user=nhn_editor)
    assert form.is_valid(), form.errors
    assert form.save().grouping == secret_grouping  # kept, not cleared


def test_the_strategy_office_is_offered_the_groupings_of_a_draft_strategy(
    make_item, strategy_office, draft_sub_goal, secret_grouping
):
    item = make_item(sub_goal=draft_sub_goal, is_published=False)
    form = RoadmapItemForm(instance=item, user=strategy_office)
    assert list(form.fields["grouping"].queryset) == [secret_grouping]
    assert draft_sub_goal in form.fields["sub_goal"].queryset


def test_an_owner_editor_is_offered_no_draft_as_a_dependency(make_item, nhn, nhn_editor):
    item = make_item(owners=[nhn])
    draft = make_item(title="Hemmelig utkast", is_published=False, delivery_id="D-1")
    form = RoadmapItemForm(instance=item, user=nhn_editor)
    assert draft not in form.dependency_candidates
    form = RoadmapItemForm(
        {"title": item.title, "status": item.status, "version": item.version, "depends_on": "D-1"},
        instance=item,
        user=nhn_editor,
    )
    assert "depends_on" in form.errors


# --- A published item belongs to a published strategy version --------------------------------


def test_the_model_refuses_a_published_item_under_a_draft_strategy(make_item, draft_sub_goal):
    item = RoadmapItem(title="Tiltak", sub_goal=draft_sub_goal, is_published=True)
    with pytest.raises(ValidationError) as refused:
        item.full_clean()
    assert "delmål i en strategiversjon som ikke er publisert (Neste strategi)" in str(refused.value)
    item.is_published = False
    item.full_clean()


def test_the_strategy_office_cannot_publish_an_item_under_a_draft_strategy(
    client, make_item, strategy_office, draft_sub_goal
):
    item = make_item(title="Utkast", sub_goal=draft_sub_goal, is_published=False)
    data = {
        "title": "Nytt navn",
        "status": item.status,
        "version": item.version,
        "sub_goal": draft_sub_goal.pk,
        "is_published": "on",
        "milestones-TOTAL_FORMS": "0",
        "milestones-INITIAL_FORMS": "0",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
    }
    response = client_for(strategy_office).post("/en" + edit_url(item), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "A published item cannot belong to a sub-goal of an unpublished strategy version" in html
    assert 'value="Nytt navn"' in html  # what was typed is kept
    item.refresh_from_db()
    assert (item.title, item.is_published) == ("Utkast", False)


def test_the_edit_form_refuses_a_further_sub_goal_of_a_draft_strategy(make_item, strategy_office, draft_sub_goal):
    item = make_item()
    data = {
        "title": item.title,
        "status": item.status,
        "version": item.version,
        "sub_goal": item.sub_goal_id,
        "further_sub_goals": [draft_sub_goal.pk],
        "is_published": "on",
    }
    form = RoadmapItemForm(data, instance=item, user=strategy_office)
    form.fields["further_sub_goals"].queryset = SubGoal.objects.all()  # as if it had been offered
    assert not form.is_valid()
    assert "strategiversjon som ikke er publisert" in str(form.errors["further_sub_goals"])


def test_the_admin_refuses_a_published_item_under_a_draft_strategy(make_item, draft_sub_goal):
    request = RequestFactory().get("/")
    request.user = User.objects.create_superuser("admin", "admin@example.org", "pw-test-123!")
    item = make_item(sub_goal=draft_sub_goal, is_published=False)
    model_admin = admin.site.get_model_admin(RoadmapItem)
    form_class = model_admin.get_form(request, item)
    data = {
        "title": item.title,
        "sub_goal": draft_sub_goal.pk,
        "status": item.status,
        "is_published": "on",
    }
    form = form_class(data, instance=item)
    assert not form.is_valid()
    assert "strategiversjon som ikke er publisert" in str(form.non_field_errors())


def test_an_item_published_before_its_strategy_was_unpublished_can_still_be_edited(
    make_item, nhn, nhn_editor, strategy_office, strategy, sub_goal
):
    item = make_item(owners=[nhn])
    Strategy.objects.filter(pk=strategy.pk).update(is_published=False)
    item.refresh_from_db()
    item.full_clean()  # no dead end: it stays as it is, hidden with its strategy
    data = {"title": "Nytt navn", "status": item.status, "version": item.version}
    form = RoadmapItemForm(data, instance=item, user=nhn_editor)
    assert form.is_valid(), form.errors
    # Moving it to another sub-goal of the unpublished version while published is refused.
    other = SubGoal.objects.get(strategy=strategy, code="1A")
    data = {**data, "sub_goal": other.pk, "is_published": "on"}
    form = RoadmapItemForm(data, instance=item, user=strategy_office)
    assert not form.is_valid()
    assert "strategiversjon som ikke er publisert" in str(form.non_field_errors())


# --- A strategy version unpublished later ----------------------------------------------------


def test_unpublishing_a_strategy_hides_its_published_items_everywhere_public(
    anonymous_client, make_item, strategy, nhn, strategy_office
):
    item = make_item(title="Helseverktøy", owners=[nhn], delivery_id="D-7")
    assert anonymous_client.get(item.get_absolute_url()).status_code == 200
    strategy.is_published = False
    strategy.save()
    assert anonymous_client.get(item.get_absolute_url()).status_code == 404
    assert "Helseverktøy" not in anonymous_client.get(reverse("roadmap:item-list")).content.decode()
    assert client_for(strategy_office).get(item.get_absolute_url()).status_code == 200


# --- The import --------------------------------------------------------------------------------


def draft_copy_of(strategy) -> Strategy:
    """A draft next version of ``strategy`` with the same sub-goal codes, newer, so it is the one imported into."""
    draft = Strategy.objects.create(
        title="Revidert strategi", slug="revidert", status=Strategy.Status.DRAFT, period_start=2031, period_end=2036
    )
    for sub_goal in SubGoal.objects.filter(strategy=strategy).select_related("goal"):
        goal, _created = Goal.objects.get_or_create(
            strategy=draft, number=sub_goal.goal.number, defaults={"title": sub_goal.goal.title}
        )
        SubGoal.objects.create(goal=goal, code=sub_goal.code, title=sub_goal.title)
    return draft


def test_an_import_into_a_draft_strategy_creates_its_new_items_unpublished(strategy, phases):
    draft = draft_copy_of(strategy)
    plan = roadmap_import(data=excel_csv(REAL_ROWS), strategy=draft)
    assert plan.is_valid and len(plan.created) == len(REAL_ROWS)
    assert not RoadmapItem.objects.filter(is_published=True).exists()


def test_an_import_does_not_move_published_items_into_a_draft_strategy(strategy, phases):
    roadmap_import(data=excel_csv(REAL_ROWS), strategy=strategy)
    draft = draft_copy_of(strategy)
    with translation.override("en"):
        plan = roadmap_import(data=excel_csv(REAL_ROWS), strategy=draft)
    assert not plan.is_valid
    # Every row with a delivery id matches a published item of the published version.
    assert len(plan.problems) == 4
    assert {problem.column for problem in plan.problems} == {"Delmål (B)"}
    assert "unpublished strategy version (Revidert strategi)" in plan.problems.kept[0].message
    assert not RoadmapItem.objects.filter(sub_goal__strategy=draft).exists()


def test_an_import_may_move_unpublished_items_into_a_draft_strategy(strategy, phases):
    roadmap_import(data=excel_csv(REAL_ROWS), strategy=strategy, publish_new=False)
    draft = draft_copy_of(strategy)
    plan = roadmap_import(data=excel_csv(REAL_ROWS), strategy=draft)
    assert plan.is_valid
    assert RoadmapItem.objects.filter(sub_goal__strategy=draft, is_published=False).count() == len(REAL_ROWS)


def test_the_item_page_does_not_name_a_further_sub_goal_of_a_strategy_unpublished_later(
    anonymous_client, make_item, draft_sub_goal, strategy_office
):
    # Linked while its strategy was public (or through the admin, which cannot check many-to-many links).
    item = make_item(title="Helseverktøy")
    item.further_sub_goals.add(draft_sub_goal)
    html = anonymous_client.get(item.get_absolute_url()).content.decode()
    assert "Helseverktøy" in html
    assert "2A" not in html and "/neste/" not in html
    assert "/neste/" in client_for(strategy_office).get(item.get_absolute_url()).content.decode()
