"""The annual revision: a draft copy of the version in force with lineage, and its adoption."""

import logging

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from veikart.conftest import client_for
from veikart.indicators.models import Indicator
from veikart.strategy.comparison import compare_strategies
from veikart.strategy.models import (
    BenefitObjective,
    Goal,
    GoalOutcome,
    OverarchingGoal,
    Scenario,
    Strategy,
    SubGoal,
    SustainableDevelopmentGoal,
    TargetGroup,
)
from veikart.strategy.revision import revision_adopt, revision_start

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_force(db):
    """The adopted, published version: two goals (2 depends on 1), three sub-goals, every kind of part,
    translations, and an indicator of goal 1 measuring sub-goal 1A."""
    strategy = Strategy.objects.create(
        title="E-helsestrategi",
        title_nn="E-helsestrategi (nn)",
        title_en="Digital health strategy",
        vision="Én innbygger – én journal",
        vision_en="One citizen – one record",
        summary="Kort sagt",
        slug="e-helse",
        version_label="1.0",
        period_start=2023,
        period_end=2030,
        status="adopted",
        is_published=True,
    )
    OverarchingGoal.objects.create(strategy=strategy, number=1, title="Bærekraft", title_en="Sustainability")
    TargetGroup.objects.create(strategy=strategy, position=1, name="Innbyggere")
    first = Goal.objects.create(
        strategy=strategy, number=1, title="Helsetjenester på nett", title_nn="Helsetenester på nett", title_en="Online"
    )
    second = Goal.objects.create(strategy=strategy, number=2, title="Deling av data")
    second.depends_on.add(first)
    first.sustainable_development_goals.add(SustainableDevelopmentGoal.objects.get(number=3))
    GoalOutcome.objects.create(goal=first, position=1, text="Alle bruker nett", text_en="Everyone is online")
    Scenario.objects.create(goal=first, code="1.1", title="Kari", text="Kari bestiller time")
    one_a = SubGoal.objects.create(goal=first, code="1A", title="Digitale tjenester", title_en="Digital services")
    BenefitObjective.objects.create(sub_goal=one_a, position=1, text="Spart tid")
    SubGoal.objects.create(goal=first, code="1B", title="Selvbetjening")
    SubGoal.objects.create(goal=second, code="2A", title="Journaldeling")
    indicator = Indicator.objects.create(
        code="NETT", name="Andel på nett", measure_type="percentage", goal=first, is_published=True
    )
    indicator.sub_goals.add(one_a)
    return strategy


def _start(strategy, user=None, **kwargs):
    return revision_start(strategy=strategy, user=user, version_label=kwargs.pop("version_label", "Revisjon 2027"))


def test_a_revision_is_an_unpublished_draft_that_revises_the_version_in_force(in_force):
    revision = _start(in_force)
    assert (revision.status, revision.is_published, revision.previous_version) == ("draft", False, in_force)
    assert (revision.version_label, revision.slug) == ("Revisjon 2027", "e-helse-revisjon-2027")
    assert (revision.period_start, revision.period_end, revision.summary) == (2023, 2030, "Kort sagt")
    in_force.refresh_from_db()
    assert (in_force.status, in_force.is_published) == ("adopted", True)


def test_the_title_and_vision_are_copied_in_every_language(in_force):
    revision = Strategy.objects.get(pk=_start(in_force).pk)
    assert (revision.title_nb, revision.title_nn, revision.title_en) == (
        "E-helsestrategi",
        "E-helsestrategi (nn)",
        "Digital health strategy",
    )
    assert (revision.vision_nb, revision.vision_en) == ("Én innbygger – én journal", "One citizen – one record")
    goal = revision.goals.get(number=1)
    assert (goal.title_nb, goal.title_nn, goal.title_en) == (
        "Helsetjenester på nett",
        "Helsetenester på nett",
        "Online",
    )
    assert goal.outcomes.get().text_en == "Everyone is online"
    assert revision.sub_goals.get(code="1A").title_en == "Digital services"
    assert revision.overarching_goals.get().title_en == "Sustainability"


def test_every_goal_and_sub_goal_of_the_revision_continues_its_predecessor(in_force):
    revision = _start(in_force)
    goals = {goal.number: goal for goal in revision.goals.all()}
    assert {number: goal.continues for number, goal in goals.items()} == {
        goal.number: goal for goal in in_force.goals.all()
    }
    for sub_goal in revision.sub_goals.select_related("continues"):
        assert sub_goal.continues.strategy_id == in_force.pk
        assert sub_goal.continues.code == sub_goal.code
    assert revision.sub_goals.count() == 3


def test_every_part_is_copied_into_the_revision_and_the_original_is_untouched(in_force):
    before = {
        model: model.objects.count()
        for model in (OverarchingGoal, TargetGroup, Goal, GoalOutcome, Scenario, SubGoal, BenefitObjective)
    }
    revision = _start(in_force)
    for model, count in before.items():
        assert model.objects.count() == 2 * count, model
    first, second = revision.goals.order_by("number")
    assert list(second.depends_on.all()) == [first]
    assert [sdg.number for sdg in first.sustainable_development_goals.all()] == [3]
    assert first.scenarios.get().text == "Kari bestiller time"
    assert revision.sub_goals.get(code="1A").benefit_objectives.get().text == "Spart tid"
    assert revision.target_groups.get().name == "Innbyggere"
    assert in_force.goals.get(number=2).depends_on.get().strategy == in_force


def test_indicators_stay_on_the_version_in_force_while_the_revision_is_a_draft(in_force):
    revision = _start(in_force)
    indicator = Indicator.objects.get(code="NETT")
    assert indicator.goal.strategy == in_force
    assert [sub_goal.strategy for sub_goal in indicator.sub_goals.all()] == [in_force]
    assert not Indicator.objects.filter(goal__strategy=revision).exists()


def test_the_comparison_matches_every_goal_and_sub_goal_as_unchanged(in_force):
    revision = _start(in_force)
    comparison = compare_strategies(in_force, revision)
    assert [change.kind for change in comparison.changes] == ["unchanged", "unchanged"]
    assert [change.kind for change in comparison.sub_goal_changes] == ["unchanged"] * 3
    assert not comparison.has_changes


def test_the_comparison_follows_a_sub_goals_own_lineage_when_its_code_changes(in_force):
    revision = _start(in_force)
    revision.sub_goals.filter(code="1B").update(code="1C")
    revision.sub_goals.filter(code="1A").update(code="1B")
    changes = {(c.old.code, c.new.code): c.kind for c in compare_strategies(in_force, revision).sub_goal_changes}
    assert changes == {("1A", "1B"): "changed", ("1B", "1C"): "changed", ("2A", "2A"): "unchanged"}


def test_a_revision_may_take_its_own_title(in_force):
    revision = revision_start(strategy=in_force, user=None, version_label="Revisjon 2027", title="Ny strategi")
    assert Strategy.objects.get(pk=revision.pk).title_nb == "Ny strategi"


def test_a_second_revision_is_refused_and_names_the_open_one(in_force):
    _start(in_force)
    with pytest.raises(ValidationError) as refused:
        _start(in_force, version_label="Revisjon 2028")
    assert "Revisjon 2027" in refused.value.messages[0]
    assert Strategy.objects.count() == 2


def test_a_revision_on_consultation_is_still_open(in_force):
    _start(in_force).__class__.objects.filter(previous_version=in_force).update(status="consultation")
    with pytest.raises(ValidationError):
        _start(in_force, version_label="Revisjon 2028")


@pytest.mark.parametrize(
    "changes", [{"status": "draft"}, {"status": "superseded"}, {"is_published": False}], ids=["draft", "old", "hidden"]
)
def test_only_the_version_in_force_can_be_revised(in_force, changes):
    Strategy.objects.filter(pk=in_force.pk).update(**changes)
    in_force.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        _start(in_force)
    assert "Bare versjonen som gjelder" in refused.value.messages[0]
    assert Strategy.objects.count() == 1


def test_a_blank_label_is_refused(in_force):
    with pytest.raises(ValidationError) as refused:
        _start(in_force, version_label="  ")
    assert "version_label" in refused.value.message_dict
    assert Strategy.objects.count() == 1


def test_the_slug_of_a_revision_is_made_free(in_force):
    Strategy.objects.create(title="x", slug="e-helse-revisjon-2027", period_start=2020, period_end=2021)
    assert _start(in_force).slug == "e-helse-revisjon-2027-2"


def test_starting_and_adopting_are_logged_with_who_and_what(in_force, strategy_office, caplog):
    with caplog.at_level(logging.INFO, logger="veikart.strategy.revision"):
        revision = _start(in_force, user=strategy_office)
        revision_adopt(revision=revision, user=strategy_office)
    assert "kontor started revision" in caplog.text and "Revisjon 2027" in caplog.text
    assert "kontor adopted strategy" in caplog.text


def test_adopting_supersedes_the_version_in_force_and_publishes_the_revision(in_force):
    revision = revision_adopt(revision=_start(in_force), user=None)
    in_force.refresh_from_db()
    assert (revision.status, revision.is_published) == ("adopted", True)
    assert revision.published_on is not None
    assert (in_force.status, in_force.is_published) == ("superseded", True)
    assert Strategy.objects.in_force() == revision


def test_adopting_moves_indicators_to_the_goals_and_sub_goals_that_continue_theirs(in_force):
    revision = revision_adopt(revision=_start(in_force), user=None)
    indicator = Indicator.objects.get(code="NETT")
    assert (indicator.goal.strategy, indicator.goal.number) == (revision, 1)
    assert [(s.strategy, s.code) for s in indicator.sub_goals.all()] == [(revision, "1A")]


def test_an_indicator_whose_goal_was_dropped_stays_on_the_superseded_version(in_force):
    revision = _start(in_force)
    first = revision.goals.get(number=1)
    first.sub_goals.all().delete()
    first.delete()
    revision_adopt(revision=revision, user=None)
    assert Indicator.objects.get(code="NETT").goal.strategy == in_force


@pytest.mark.parametrize("status", ["adopted", "superseded"])
def test_only_an_open_revision_can_be_adopted(in_force, status):
    revision = _start(in_force)
    Strategy.objects.filter(pk=revision.pk).update(status=status)
    revision.refresh_from_db()
    with pytest.raises(ValidationError):
        revision_adopt(revision=revision, user=None)


def test_a_draft_that_revises_an_older_version_cannot_be_adopted(in_force):
    older = Strategy.objects.create(title="Gammel", slug="gammel", period_start=2017, period_end=2022)
    draft = Strategy.objects.create(
        title="Utkast", slug="utkast", period_start=2023, period_end=2030, previous_version=older
    )
    with pytest.raises(ValidationError) as refused:
        revision_adopt(revision=draft, user=None)
    assert "reviderer ikke versjonen som gjelder" in refused.value.messages[0]
    in_force.refresh_from_db()
    assert in_force.status == "adopted"
    assert Strategy.objects.get(pk=draft.pk).status == "draft"


def test_after_adoption_the_new_version_in_force_can_be_revised_in_turn(in_force):
    revision = revision_adopt(revision=_start(in_force), user=None)
    again = _start(revision, version_label="Revisjon 2028")
    assert again.previous_version == revision
    goal = again.goals.get(number=1)
    assert goal.continues.continues.strategy == in_force
    (change,) = [c for c in compare_strategies(in_force, again).changes if c.new == goal]
    assert change.kind == "unchanged"


# The public/draft boundary.


def test_the_public_cannot_see_the_draft_revision(in_force, client):
    revision = _start(in_force)
    assert revision not in Strategy.objects.published()
    assert client.get(revision.get_absolute_url()).status_code == 404
    goal_url = reverse("strategy:goal-detail", kwargs={"slug": revision.slug, "number": 1})
    assert client.get(goal_url).status_code == 404
    history = client.get(reverse("strategy:history")).content.decode()
    assert revision.slug not in history and "Revisjon 2027" not in history
    assert revision.slug not in client.get("/sitemap.xml").content.decode()
    public_goal = client.get(reverse("strategy:goal-detail", kwargs={"slug": "e-helse", "number": 1}))
    assert revision.slug not in public_goal.content.decode()


@pytest.mark.parametrize("persona", ["strategy_office", "body_member"])
def test_the_history_shows_the_draft_revision_with_its_lineage_to_those_who_read_drafts(request, in_force, persona):
    revision = _start(in_force)
    client = client_for(request.getfixturevalue(persona))
    response = client.get("/en/strategier/", {"older": "e-helse", "newer": revision.slug})
    html = response.content.decode()
    assert revision.slug in html
    assert "Revises Digital health strategy (1.0)" in html
    comparison = response.context["comparison"]
    assert comparison.newer == revision
    assert not comparison.has_changes
