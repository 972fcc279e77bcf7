"""The public pages: entry points, filters in the URL, pagination, timeline, item page."""

import datetime

import pytest
from django.urls import reverse

from veikart.roadmap.models import Link, Milestone, Phase, RoadmapItem
from veikart.strategy.models import SubGoal

LIST = reverse("roadmap:item-list")


@pytest.fixture
def sample(make_item, nhn, oslo, citizens, phases):
    """A few published items with owners and user groups, and one draft."""
    helsenorge = make_item(
        title="Helseverktøy (Helsenorge)",
        owners=[nhn],
        user_groups=[citizens],
        phase=phases["I bruk"],
        start_date=datetime.date(2025, 1, 1),
    )
    oslo_item = make_item(
        title="Rask psykisk helsehjelp",
        owners=[oslo],
        phase=phases["Innføring"],
        start_date=datetime.date(2023, 1, 1),
        end_date=datetime.date(2024, 12, 31),
    )
    draft = make_item(title="Hemmelig utkast", owners=[nhn], is_published=False)
    return {"helsenorge": helsenorge, "oslo": oslo_item, "draft": draft}


def titles(response) -> set[str]:
    return {item.title for _sub_goal, items in response.context["sections"] for item in items}


def test_the_list_shows_published_items_and_never_drafts_to_the_public(client, sample):
    response = client.get(LIST)
    assert response.status_code == 200
    assert titles(response) == {"Helseverktøy (Helsenorge)", "Rask psykisk helsehjelp"}
    assert "Hemmelig utkast" not in response.content.decode()


def test_the_strategy_office_sees_drafts_in_the_list(client, sample, strategy_office):
    client.force_login(strategy_office)
    assert "Hemmelig utkast" in titles(client.get(LIST))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("owner=nhn", {"Helseverktøy (Helsenorge)"}),
        ("owner=oslo", {"Rask psykisk helsehjelp"}),
        ("user_group=innbyggere", {"Helseverktøy (Helsenorge)"}),
        ("phase=innforing", {"Rask psykisk helsehjelp"}),
        ("year=2024", {"Rask psykisk helsehjelp"}),
        ("year=2026", {"Helseverktøy (Helsenorge)"}),
        ("goal=1", {"Helseverktøy (Helsenorge)", "Rask psykisk helsehjelp"}),
        ("goal=3", set()),
        ("sub_goal=1C&status=not_started", {"Helseverktøy (Helsenorge)", "Rask psykisk helsehjelp"}),
        ("status=done", set()),
        ("phase=i-bruk&year=2025&owner=nhn", {"Helseverktøy (Helsenorge)"}),
    ],
)
def test_filters_live_in_the_url(client, sample, query, expected):
    assert titles(client.get(f"{LIST}?{query}")) == expected


def test_an_unknown_filter_value_is_a_form_error_not_a_crash(client, sample):
    response = client.get(f"{LIST}?owner=nobody&year=1900")
    assert response.status_code == 200
    assert response.context["filter"].form.errors


def test_the_list_is_paginated_on_the_server(client, make_item):
    for number in range(30):
        make_item(title=f"Tiltak {number:02d}")
    first = client.get(LIST)
    second = client.get(f"{LIST}?page=2")
    assert len(titles(first)) == 25
    assert len(titles(second)) == 5
    assert 'href="?page=2"' in first.content.decode()


def test_the_list_issues_a_constant_number_of_queries(
    client, make_item, nhn, oslo, citizens, django_assert_max_num_queries
):
    def load(count):
        for _ in range(count):
            make_item(owners=[nhn, oslo], user_groups=[citizens], start_date=datetime.date(2024, 1, 1))

    load(3)
    with django_assert_max_num_queries(14) as few:
        client.get(f"{LIST}?phase=innforing&year=2024&owner=nhn")
    load(40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(f"{LIST}?phase=innforing&year=2024&owner=nhn")
    assert response.context["page"].paginator.count == 43


@pytest.mark.parametrize("name", ["roadmap:by-goal", "roadmap:by-owner", "roadmap:by-user-group", "roadmap:timeline"])
def test_every_entry_point_answers_in_every_language(client, sample, name):
    path = reverse(name)
    for prefix in ("", "/nn", "/en"):
        response = client.get(prefix + path)
        assert response.status_code == 200, prefix


def test_the_entry_points_count_only_public_items(client, sample):
    owners = {owner.slug: owner.n for owner in client.get(reverse("roadmap:by-owner")).context["owners"]}
    assert owners == {"nhn": 1, "oslo": 1}
    tree = client.get(reverse("roadmap:by-goal")).context["tree"]
    assert [(goal.number, count) for goal, count, _sub_goals in tree] == [(1, 2), (3, 0)]


def test_the_timeline_places_items_across_their_years_and_has_a_table(client, sample):
    response = client.get(reverse("roadmap:timeline"))
    rows = {row["item"].title: row for row in response.context["rows"]}
    assert response.context["years"][0] == 2023 and response.context["years"][-1] == 2030
    assert (rows["Rask psykisk helsehjelp"]["column"], rows["Rask psykisk helsehjelp"]["span"]) == (2, 2)
    assert rows["Helseverktøy (Helsenorge)"]["open"] is True
    body = response.content.decode()
    assert "<table" in body and "vk-legend" in body
    assert all(phase.name in body for phase in Phase.objects.all())


def test_the_item_page_shows_every_field_milestones_and_dependencies_both_ways(client, sample, strategy):
    item = sample["helsenorge"]
    other = sample["oslo"]
    other.depends_on.add(item)
    item.further_sub_goals.add(SubGoal.objects.get(code="1A"))
    Milestone.objects.create(item=item, date=datetime.date(2026, 9, 1), title="Verktøy for pårørende")
    Link.objects.create(item=item, title="Helsenorge", url="https://www.helsenorge.no/")
    item.description = "Verktøy på **Helsenorge**."
    item.save()
    body = client.get(item.get_absolute_url()).content.decode()
    for text in (
        "Verktøy for pårørende",
        "01.09.2026",
        "Rask psykisk helsehjelp",
        "<strong>Helsenorge</strong>",
        "Norsk helsenett SF",
        "Innbyggere",
        "1A",
        "https://www.helsenorge.no/",
    ):
        assert text in body
    assert "Helseverktøy (Helsenorge)" in client.get(other.get_absolute_url()).content.decode()


def test_the_item_page_lists_drafts_as_dependencies_only_for_staff(client, sample):
    sample["helsenorge"].depends_on.add(sample["draft"])
    assert "Hemmelig utkast" not in client.get(sample["helsenorge"].get_absolute_url()).content.decode()


def test_a_draft_item_page_is_not_found_for_the_public(client, sample):
    assert client.get(sample["draft"].get_absolute_url()).status_code == 404


def test_the_public_change_log_shows_changes_after_publication(client, sample):
    item = sample["helsenorge"]
    item.title = "Helseverktøy på Helsenorge"
    item.save()
    log = client.get(item.get_absolute_url()).context["change_log"]
    assert log[0].changes[0].old == "Helseverktøy (Helsenorge)"
    assert log[0].changes[0].new == "Helseverktøy på Helsenorge"
    assert log[-1].headline == "Publisert." and not log[-1].changes


def test_what_is_coming_for_a_user_group_lists_every_item_not_done_by_year(client, make_item, citizens, phases):
    make_item(title="I bruk 2025", user_groups=[citizens], phase=phases["I bruk"], start_date=datetime.date(2025, 3, 1))
    make_item(
        title="Innføring 2027", user_groups=[citizens], phase=phases["Innføring"], start_date=datetime.date(2027, 1, 1)
    )
    make_item(title="Bare utvikling", user_groups=[citizens], phase=phases["Utvikling og begrenset utprøving"])
    make_item(
        title="Ferdig", user_groups=[citizens], status=RoadmapItem.Status.DONE, start_date=datetime.date(2024, 1, 1)
    )
    response = client.get(citizens.get_absolute_url())
    assert [(year, [i.title for i in items]) for year, items in response.context["years"]] == [
        (2025, ["I bruk 2025"]),
        (2027, ["Innføring 2027"]),
        (None, ["Bare utvikling"]),
    ]
    lead = response.content.decode()
    assert "ikke er ferdige" in lead and "fortsatt er under utvikling" in lead


def test_the_goal_and_sub_goal_pages_list_their_items(client, sample, strategy):
    goal_page = client.get(reverse("strategy:goal-detail", kwargs={"slug": strategy.slug, "number": 1}))
    body = goal_page.content.decode()
    assert "Helseverktøy (Helsenorge)" in body and "Hemmelig utkast" not in body
    sub_goal_page = client.get(reverse("strategy:sub-goal-detail", kwargs={"slug": strategy.slug, "code": "1C"}))
    assert "Rask psykisk helsehjelp" in sub_goal_page.content.decode()


def test_the_sub_goal_page_also_lists_items_that_have_it_as_a_further_sub_goal(client, sample, strategy):
    sample["helsenorge"].further_sub_goals.add(SubGoal.objects.get(code="1A"))
    page = client.get(reverse("strategy:sub-goal-detail", kwargs={"slug": strategy.slug, "code": "1A"}))
    assert "Helseverktøy (Helsenorge)" in page.content.decode()


def test_the_sitemap_lists_public_items_only(client, sample):
    body = client.get("/sitemap.xml").content.decode()
    assert sample["helsenorge"].get_absolute_url() in body
    assert sample["draft"].get_absolute_url() not in body
    assert reverse("roadmap:timeline") in body


def test_the_roadmap_is_linked_from_the_home_page(client, strategy):
    assert reverse("roadmap:item-list") in client.get("/").content.decode()


def test_phases_are_data_and_a_new_one_appears_in_the_filter(client, sample):
    Phase.objects.create(name="Avviklet", slug="avviklet", order=9, colour="#444444")
    assert "Avviklet" in client.get(LIST).content.decode()
    assert RoadmapItem.objects.count() == 3


def test_our_translations_win_over_a_librarys_for_the_same_string(client, sample):
    # django-filter translates "Filter" as the noun ("Filtrering"); the button needs the verb.
    assert 'type="submit">Filtrer</button>' in client.get(LIST).content.decode()


@pytest.mark.parametrize("name", ["roadmap:item-list", "roadmap:timeline"])
def test_filtering_in_place_shows_a_url_without_the_empty_fields(client, sample, name):
    path = reverse(name)
    response = client.get(f"{path}?goal=&phase=i-bruk&year=&owner=nhn", headers={"HX-Request": "true"})
    assert response["HX-Push-Url"] == f"{path}?phase=i-bruk&owner=nhn"
    cleared = client.get(f"{path}?goal=&phase=", headers={"HX-Request": "true"})
    assert cleared["HX-Push-Url"] == path
    assert "HX-Push-Url" not in client.get(f"{path}?goal=&phase=i-bruk")  # a plain form submission
