"""How goals move between versions: the draft's goal 1 is the final strategy's goal 2."""

import pytest
from django.urls import reverse

from veikart.strategy.comparison import compare_strategies
from veikart.strategy.models import Goal, Strategy

pytestmark = pytest.mark.django_db

DRAFT = "e-helsestrategi-2023-2030-utkast-0-9"
FINAL = "e-helsestrategi-2023-2030"


def test_the_drafts_goal_1_is_the_finals_goal_2(demo):
    comparison = compare_strategies(Strategy.objects.get(slug=DRAFT), Strategy.objects.get(slug=FINAL))
    by_old = {change.old.number: change for change in comparison.changes if change.old}
    assert by_old[1].new.number == 2
    assert by_old[1].new.title == "Enklere arbeidshverdag"
    assert by_old[1].kind == "renumbered"
    assert by_old[2].new.number == 1
    assert by_old[3].kind == "unchanged"
    assert by_old[5].kind == "renamed"


def test_goals_without_lineage_are_added_and_removed():
    older = Strategy.objects.create(title="Gammel", slug="gammel", period_start=2017, period_end=2022)
    newer = Strategy.objects.create(title="Ny", slug="ny", period_start=2023, period_end=2030)
    kept = Goal.objects.create(strategy=older, number=1, title="Beholdt")
    Goal.objects.create(strategy=older, number=2, title="Fjernet")
    Goal.objects.create(strategy=newer, number=1, title="Beholdt", continues=kept)
    Goal.objects.create(strategy=newer, number=2, title="Ny")
    kinds = sorted(change.kind for change in compare_strategies(older, newer).changes)
    assert kinds == ["added", "removed", "unchanged"]


def test_lineage_is_followed_across_several_versions():
    versions = [
        Strategy.objects.create(title=f"V{n}", slug=f"v{n}", period_start=2020 + n, period_end=2030) for n in range(3)
    ]
    first = Goal.objects.create(strategy=versions[0], number=1, title="Mål")
    middle = Goal.objects.create(strategy=versions[1], number=2, title="Mål", continues=first)
    Goal.objects.create(strategy=versions[2], number=3, title="Mål", continues=middle)
    (change,) = compare_strategies(versions[0], versions[2]).changes
    assert (change.old.number, change.new.number, change.kind) == (1, 3, "renumbered")


def test_the_history_page_shows_the_draft_goal_1_as_the_final_goal_2(client, demo):
    response = client.get("/en/strategier/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Renumbered 1 → 2" in html
    row = html[html.index("Renumbered 1 → 2") - 2000 : html.index("Renumbered 1 → 2")]
    assert "Goal 1: A simpler working day" in row and "Goal 2: A simpler working day" in row


def test_comparing_two_chosen_versions(client, demo):
    response = client.get(reverse("strategy:history"), {"older": "e-helsestrategi-2017-2022", "newer": FINAL})
    assert response.context["comparison"].older.slug == "e-helsestrategi-2017-2022"


def test_comparing_a_version_with_itself_says_so_and_offers_the_version_it_revises(client, demo):
    response = client.get("/en" + reverse("strategy:history"), {"older": FINAL, "newer": FINAL})
    html = response.content.decode()
    assert response.context["comparison"] is None
    assert not response.context["form"].errors
    assert 'role="status" id="compare-same"' in html
    assert "You chose Nasjonal e-helsestrategi 2023–2030 (1.0) on both sides" in html
    assert f'href="?older={DRAFT}&amp;newer={FINAL}#compare-heading"' in html
    # The form keeps what was chosen.
    assert html.count(f'<option value="{FINAL}" selected>') == 2


def _sub_goal_versions():
    older = Strategy.objects.create(title="Utkast", slug="utkast", period_start=2023, period_end=2030)
    newer = Strategy.objects.create(title="Endelig", slug="endelig", period_start=2023, period_end=2030)
    old_goal_1 = Goal.objects.create(strategy=older, number=1, title="Arbeidshverdag")
    old_goal_2 = Goal.objects.create(strategy=older, number=2, title="Medvirkning")
    new_goal_1 = Goal.objects.create(strategy=newer, number=1, title="Medvirkning", continues=old_goal_2)
    new_goal_2 = Goal.objects.create(strategy=newer, number=2, title="Arbeidshverdag", continues=old_goal_1)
    new_goal_3 = Goal.objects.create(strategy=newer, number=3, title="Helsedata")
    old_goal_1.sub_goals.create(code="1A", title="Journal")  # becomes 2A with its goal
    old_goal_1.sub_goals.create(code="1B", title="Legemidler")  # becomes 2B, renamed
    old_goal_2.sub_goals.create(code="2A", title="Innsyn")  # becomes 1A with its goal
    old_goal_2.sub_goals.create(code="2C", title="Fjernes")  # removed
    old_goal_2.sub_goals.create(code="3A", title="Data")  # no lineage: found by its code, moved
    new_goal_2.sub_goals.create(code="2A", title="Journal")
    new_goal_2.sub_goals.create(code="2B", title="Legemidler og målinger")
    new_goal_1.sub_goals.create(code="1A", title="Innsyn")
    new_goal_1.sub_goals.create(code="1D", title="Unge")  # added
    new_goal_3.sub_goals.create(code="3A", title="Data")
    return older, newer


def test_sub_goals_follow_their_goals_lineage_then_their_code():
    older, newer = _sub_goal_versions()
    changes = {
        (change.old and change.old.code, change.new and change.new.code): change
        for change in compare_strategies(older, newer).sub_goal_changes
    }
    assert set(changes) == {("2A", "1A"), (None, "1D"), ("1A", "2A"), ("1B", "2B"), ("3A", "3A"), ("2C", None)}
    assert changes[("2A", "1A")].recoded and not changes[("2A", "1A")].renamed
    assert not changes[("2A", "1A")].moved
    assert changes[("1B", "2B")].renamed
    assert changes[("3A", "3A")].moved and changes[("3A", "3A")].kind == "changed"
    assert changes[(None, "1D")].kind == "added"
    assert changes[("2C", None)].kind == "removed"


def test_a_sub_goal_with_the_same_code_title_and_goal_is_unchanged():
    older = Strategy.objects.create(title="A", slug="a", period_start=2023, period_end=2030)
    newer = Strategy.objects.create(title="B", slug="b", period_start=2023, period_end=2030)
    old_goal = Goal.objects.create(strategy=older, number=1, title="Mål")
    new_goal = Goal.objects.create(strategy=newer, number=1, title="Mål", continues=old_goal)
    old_goal.sub_goals.create(code="1A", title="Delmål")
    new_goal.sub_goals.create(code="1A", title="Delmål")
    (change,) = compare_strategies(older, newer).sub_goal_changes
    assert change.kind == "unchanged"
    assert not compare_strategies(older, newer).has_changes


def test_the_history_page_lists_the_sub_goal_changes(client):
    older, newer = _sub_goal_versions()
    Strategy.objects.filter(pk__in=[older.pk, newer.pk]).update(is_published=True)
    html = client.get("/en" + reverse("strategy:history"), {"older": "utkast", "newer": "endelig"}).content.decode()
    table = html[html.index('id="sub-goal-changes-heading"') :]
    assert "New code 2A → 1A" in table
    assert "Moved to goal 3" in table
    # Titles with no English version are the bokmål ones, marked for a screen reader (WCAG 3.1.2).
    assert 'Sub-goal 1D: <span lang="nb">Unge</span>' in table
    assert 'Sub-goal 2C: <span lang="nb">Fjernes</span>' in table


def test_a_field_error_of_the_comparison_has_the_id_its_select_is_described_by(client, demo):
    html = client.get(reverse("strategy:history"), {"older": "ukjent", "newer": FINAL}).content.decode()
    assert 'aria-describedby="id_older_error"' in html
    assert '<div id="id_older_error"><p class="ds-validation-message"' in html


def test_the_goal_page_links_to_the_goal_it_continues(client, demo):
    response = client.get(reverse("strategy:goal-detail", kwargs={"slug": FINAL, "number": 2}))
    assert reverse("strategy:goal-detail", kwargs={"slug": DRAFT, "number": 1}) in response.content.decode()
