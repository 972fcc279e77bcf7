"""Phases, groupings and user groups in the workspace: the strategy office lists, creates, edits and deletes them."""

import pytest

from veikart.conftest import client_for
from veikart.roadmap.colours import contrast_with_white, readable_with_white
from veikart.roadmap.models import Grouping, Phase, UserGroup

BASE = "/forvaltning/veikart/referansedata/"


@pytest.fixture
def grouping(sub_goal):
    return Grouping.objects.create(sub_goal=sub_goal, name="Digitale innbyggertjenester")


@pytest.fixture
def unused_phase(db):
    return Phase.objects.create(name="Utfasing", slug="utfasing", order=9, colour="#5a3e1b")


def urls(segment, obj):
    return [
        f"{BASE}{segment}/",
        f"{BASE}{segment}/ny/",
        f"{BASE}{segment}/{obj.pk}/",
        f"{BASE}{segment}/{obj.pk}/slett/",
    ]


@pytest.fixture
def every_page(unused_phase, grouping, citizens):
    return [*urls("faser", unused_phase), *urls("grupperinger", grouping), *urls("brukergrupper", citizens)]


def test_an_anonymous_visitor_is_sent_to_the_login_page(anonymous_client, every_page):
    for url in every_page:
        for response in (anonymous_client.get(url), anonymous_client.post(url, {"name": "X"})):
            assert response.status_code == 302, url
            assert response["Location"].startswith("/konto/logg-inn/")


@pytest.mark.parametrize("persona", ["outsider", "owner_editor", "other_owner_editor", "body_member"])
def test_only_the_strategy_office_may_open_or_post_to_the_reference_pages(persona, request, every_page):
    client = client_for(request.getfixturevalue(persona))
    for url in every_page:
        assert client.get(url).status_code == 403, url
        is_list = url.count("/") == 5
        assert client.post(url, {"name": "X", "colour": "#000000"}).status_code == (405 if is_list else 403), url
    assert Phase.objects.filter(name="Utfasing").exists()
    assert Grouping.objects.filter(name="Digitale innbyggertjenester").exists()
    assert UserGroup.objects.filter(name="Innbyggere").exists()
    assert not Phase.objects.filter(name="X").exists() and not UserGroup.objects.filter(name="X").exists()


def test_the_strategy_office_opens_every_page(strategy_office, every_page):
    client = client_for(strategy_office)
    for url in every_page:
        assert client.get(url).status_code == 200, url


def test_the_navigation_has_a_reference_data_group_for_the_strategy_office(strategy_office, owner_editor):
    text = client_for(strategy_office).get("/forvaltning/").text
    assert "Referansedata" in text
    for segment in ("faser", "grupperinger", "brukergrupper"):
        assert f'href="{BASE}{segment}/"' in text
    assert f'href="{BASE}faser/"' not in client_for(owner_editor).get("/forvaltning/").text


# --- Phases ---------------------------------------------------------------------


def test_the_phase_list_shows_colours_with_their_contrast(strategy_office, unused_phase):
    Phase.objects.create(name="Lys", slug="lys", order=10, colour="#ffdd00")
    text = client_for(strategy_office).get(f"{BASE}faser/").text
    assert "#5a3e1b" in text and "Utfasing" in text
    assert "for lav" in text  # yellow under white text


def test_the_strategy_office_creates_a_phase_with_a_slug_from_its_name(strategy_office):
    response = client_for(strategy_office).post(
        f"{BASE}faser/ny/", {"name": "Videreutvikling", "order": "7", "colour": "#1E5AA0", "is_rollout": "on"}
    )
    assert response.status_code == 302
    phase = Phase.objects.get(name="Videreutvikling")
    assert (phase.slug, phase.colour, phase.is_rollout) == ("videreutvikling", "#1e5aa0", True)
    assert phase.history.first().history_user == strategy_office


def test_a_light_colour_is_saved_with_a_warning_about_its_contrast(strategy_office):
    response = client_for(strategy_office).post(
        f"{BASE}faser/ny/", {"name": "Gul", "order": "7", "colour": "#ffdd00"}, follow=True
    )
    assert Phase.objects.filter(name="Gul").exists()
    assert "Velg en mørkere farge" in response.text


@pytest.mark.parametrize("colour", ["blue", "#12345", "#1234567", "#gggggg", ""])
def test_a_colour_that_is_not_rrggbb_is_refused(strategy_office, colour):
    response = client_for(strategy_office).post(f"{BASE}faser/ny/", {"name": "Feil", "order": "1", "colour": colour})
    assert response.status_code == 200
    assert 'value="Feil"' in response.text
    assert not Phase.objects.filter(name="Feil").exists()


def test_a_taken_phase_name_or_slug_is_a_field_error(strategy_office, unused_phase):
    client = client_for(strategy_office)
    for data in ({"name": "Utfasing"}, {"name": "Ny", "slug": "utfasing"}):
        response = client.post(f"{BASE}faser/ny/", {"order": "1", "colour": "#000000", **data})
        assert response.status_code == 200
        assert "finnes allerede" in response.text
    assert Phase.objects.filter(slug="utfasing").count() == 1


def test_bad_numbers_are_refused(strategy_office):
    response = client_for(strategy_office).post(f"{BASE}faser/ny/", {"name": "Ny", "order": "-1", "colour": "#000000"})
    assert response.status_code == 200
    response = client_for(strategy_office).post(f"{BASE}faser/ny/", {"name": "Ny", "order": "x", "colour": "#000000"})
    assert response.status_code == 200
    assert not Phase.objects.filter(name="Ny").exists()


def test_a_phase_is_edited(strategy_office, unused_phase):
    response = client_for(strategy_office).post(
        f"{BASE}faser/{unused_phase.pk}/",
        {"name": "Avvikling", "slug": "avvikling", "order": "9", "colour": "#222222", "description": "Slutt."},
    )
    assert response.status_code == 302
    unused_phase.refresh_from_db()
    assert (unused_phase.name, unused_phase.description) == ("Avvikling", "Slutt.")


def test_an_unused_phase_is_deleted_after_confirmation(strategy_office, unused_phase):
    client = client_for(strategy_office)
    assert client.get(f"{BASE}faser/{unused_phase.pk}/slett/").status_code == 200
    assert client.post(f"{BASE}faser/{unused_phase.pk}/slett/").status_code == 302
    assert not Phase.objects.filter(pk=unused_phase.pk).exists()


def test_a_phase_in_use_is_not_deleted_and_the_page_says_how_many_items_use_it(strategy_office, phases, make_item):
    phase = phases["Innføring"]
    make_item(phase=phase)
    make_item(phase=phase)
    client = client_for(strategy_office)
    assert "Tiltak: 2" in client.get(f"{BASE}faser/{phase.pk}/slett/").text
    response = client.post(f"{BASE}faser/{phase.pk}/slett/")
    assert response.status_code == 409
    assert "kan ikke slettes" in response.text
    assert Phase.objects.filter(pk=phase.pk).exists()


# --- Groupings ------------------------------------------------------------------


def test_the_grouping_list_filters_by_sub_goal_and_searches(strategy_office, grouping, strategy):
    from veikart.strategy.models import SubGoal

    other = Grouping.objects.create(sub_goal=SubGoal.objects.get(strategy=strategy, code="3B"), name="KI i klinikken")
    client = client_for(strategy_office)
    text = client.get(f"{BASE}grupperinger/", {"sub_goal": grouping.sub_goal_id}).text
    assert grouping.name in text and other.name not in text
    text = client.get(f"{BASE}grupperinger/", {"q": "klinikk"}).text
    assert other.name in text and grouping.name not in text
    assert client.get(f"{BASE}grupperinger/", {"sub_goal": "x", "sort": "-items", "page": "-1"}).status_code == 200


def test_a_grouping_name_is_unique_per_sub_goal_only(strategy_office, grouping, strategy):
    from veikart.strategy.models import SubGoal

    client = client_for(strategy_office)
    response = client.post(f"{BASE}grupperinger/ny/", {"sub_goal": grouping.sub_goal_id, "name": grouping.name.upper()})
    assert response.status_code == 200
    assert "har allerede en strategigruppering med dette navnet" in response.text
    other = SubGoal.objects.get(strategy=strategy, code="3B")
    assert client.post(f"{BASE}grupperinger/ny/", {"sub_goal": other.pk, "name": grouping.name}).status_code == 302
    assert Grouping.objects.filter(name=grouping.name).count() == 2


def test_a_grouping_needs_a_sub_goal_that_exists(strategy_office):
    response = client_for(strategy_office).post(f"{BASE}grupperinger/ny/", {"sub_goal": "999999", "name": "Ny"})
    assert response.status_code == 200
    assert not Grouping.objects.filter(name="Ny").exists()


def test_a_grouping_in_use_is_not_deleted(strategy_office, grouping, make_item):
    make_item(grouping=grouping)
    response = client_for(strategy_office).post(f"{BASE}grupperinger/{grouping.pk}/slett/")
    assert response.status_code == 409
    assert Grouping.objects.filter(pk=grouping.pk).exists()


def test_an_unused_grouping_is_deleted(strategy_office, grouping):
    assert client_for(strategy_office).post(f"{BASE}grupperinger/{grouping.pk}/slett/").status_code == 302
    assert not Grouping.objects.filter(pk=grouping.pk).exists()


# --- User groups ----------------------------------------------------------------


def test_the_strategy_office_creates_and_edits_a_user_group(strategy_office):
    client = client_for(strategy_office)
    assert client.post(f"{BASE}brukergrupper/ny/", {"name": "Fastleger", "order": "2"}).status_code == 302
    group = UserGroup.objects.get(name="Fastleger")
    assert group.slug == "fastleger"
    response = client.post(
        f"{BASE}brukergrupper/{group.pk}/", {"name": "Fastleger", "slug": "fastlegene", "order": "3"}
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.slug, group.order) == ("fastlegene", 3)


def test_a_taken_user_group_name_is_a_field_error(strategy_office, citizens):
    response = client_for(strategy_office).post(f"{BASE}brukergrupper/ny/", {"name": "Innbyggere", "order": "1"})
    assert response.status_code == 200
    assert "finnes allerede" in response.text


def test_a_user_group_on_items_is_not_deleted_and_stays_on_them(strategy_office, citizens, make_item):
    item = make_item(user_groups=[citizens])
    client = client_for(strategy_office)
    assert "Tiltak: 1" in client.get(f"{BASE}brukergrupper/{citizens.pk}/slett/").text
    assert client.post(f"{BASE}brukergrupper/{citizens.pk}/slett/").status_code == 409
    assert item.user_groups.filter(pk=citizens.pk).exists()


def test_an_unknown_object_answers_404(strategy_office):
    client = client_for(strategy_office)
    for segment in ("faser", "grupperinger", "brukergrupper"):
        assert client.get(f"{BASE}{segment}/999999/").status_code == 404
        assert client.post(f"{BASE}{segment}/999999/slett/").status_code == 404


# --- Contrast -------------------------------------------------------------------


def test_contrast_with_white_follows_wcag():
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert round(contrast_with_white("#ffffff"), 1) == 1.0
    assert round(contrast_with_white("#767676"), 1) == 4.5
    assert readable_with_white("#1e5aa0") and not readable_with_white("#ffdd00")


def test_an_item_that_takes_a_phase_after_the_check_still_stops_the_delete(
    strategy_office, phases, make_item, monkeypatch
):
    from veikart.accounts import references
    from veikart.roadmap import workspace_reference

    phase = phases["Innføring"]
    make_item(phase=phase)
    calls = []

    def first_sees_nothing(obj):
        calls.append(obj)
        return [] if len(calls) == 1 else references.references_to(obj)

    monkeypatch.setattr(workspace_reference, "references_to", first_sees_nothing)
    response = client_for(strategy_office).post(f"{BASE}faser/{phase.pk}/slett/")
    assert response.status_code == 409
    assert "Tiltak: 1" in response.text
    assert Phase.objects.filter(pk=phase.pk).exists()
    assert len(calls) == 2  # the delete was tried, and refused by the database's PROTECT
