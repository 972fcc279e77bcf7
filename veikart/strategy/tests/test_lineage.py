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


def test_comparing_two_chosen_versions_and_rejecting_the_same_twice(client, demo):
    response = client.get(reverse("strategy:history"), {"older": "e-helsestrategi-2017-2022", "newer": FINAL})
    assert response.context["comparison"].older.slug == "e-helsestrategi-2017-2022"
    response = client.get(reverse("strategy:history"), {"older": FINAL, "newer": FINAL})
    assert response.context["comparison"] is None
    assert response.context["form"].errors


def test_a_field_error_of_the_comparison_has_the_id_its_select_is_described_by(client, demo):
    html = client.get(reverse("strategy:history"), {"older": "ukjent", "newer": FINAL}).content.decode()
    assert 'aria-describedby="id_older_error"' in html
    assert '<div id="id_older_error"><p class="ds-validation-message"' in html


def test_the_goal_page_links_to_the_goal_it_continues(client, demo):
    response = client.get(reverse("strategy:goal-detail", kwargs={"slug": FINAL, "number": 2}))
    assert reverse("strategy:goal-detail", kwargs={"slug": DRAFT, "number": 1}) in response.content.decode()
