"""Who gets the admin: the strategy office (and superusers), by role; everyone else is refused, by GET and by POST."""

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from veikart.accounts import demo
from veikart.accounts.demo import DEMO_PASSWORD
from veikart.accounts.models import Organisation, User
from veikart.conftest import client_for
from veikart.indicators.tests.factories import make_goal, make_indicator
from veikart.roadmap.models import RoadmapItem

REFUSED = ["anonymous", "outsider", "owner_editor", "other_owner_editor", "body_member"]


@pytest.fixture(autouse=True)
def bokmal():
    """Start in bokmål, so that reverse() gives the unprefixed URLs."""
    with translation.override("nb"):
        yield


@pytest.fixture
def objects(organisation, owner_editor):
    goal = make_goal()
    item = RoadmapItem.objects.create(title="Kjernejournal i sykehjem", sub_goal=goal.sub_goals.get())
    item.owners.set([organisation])
    return {
        "roadmap_roadmapitem": item,
        "indicators_indicator": make_indicator(code="KJ", goal=goal, responsible=organisation),
        "strategy_strategy": goal.strategy,
        "accounts_organisation": organisation,
        "accounts_user": owner_editor,
    }


def pages(objects) -> list[str]:
    urls = [reverse("admin:index")]
    for name, obj in objects.items():
        urls.append(reverse(f"admin:{name}_changelist"))
        urls.append(reverse(f"admin:{name}_change", args=[obj.pk]))
        urls.append(reverse(f"admin:{name}_add"))
    return urls


def persona(request, name: str) -> User | None:
    return None if name == "anonymous" else request.getfixturevalue(name)


def refused(response) -> bool:
    """Sent to the admin's login page, or forbidden."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    )


def test_the_strategy_office_opens_the_admin_index_lists_change_and_add_pages(strategy_office, objects):
    client = client_for(strategy_office)
    for url in pages(objects):
        assert client.get(url).status_code == 200, url


def test_a_strategy_office_user_given_only_the_role_gets_the_admin(objects):
    user = User.objects.create_user("kontor-ny", role=User.Role.STRATEGY_OFFICE)
    client = client_for(user)
    for url in pages(objects):
        assert client.get(url).status_code == 200, url


def test_a_superuser_keeps_the_whole_admin_djangos_models_included(objects):
    client = client_for(User.objects.create_superuser("super", "super@example.org", "pw-test-123!"))
    for url in [*pages(objects), reverse("admin:auth_group_changelist")]:
        assert client.get(url).status_code == 200, url


def test_the_strategy_office_opens_the_list_and_add_page_of_every_model_of_veikart(strategy_office):
    client = client_for(strategy_office)
    models = [model for model in admin.site._registry if model._meta.app_config.name.startswith("veikart.")]
    assert {model._meta.app_label for model in models} >= {"accounts", "strategy", "roadmap", "indicators"}
    request = RequestFactory().get("/")
    request.user = strategy_office
    for model in models:
        # A model kept read-only in the admin (status reports change only through their workflow) has no add page.
        views = ("changelist", "add") if admin.site._registry[model].has_add_permission(request) else ("changelist",)
        for view in views:
            url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}")
            assert client.get(url).status_code == 200, url


def test_the_strategy_office_does_not_get_djangos_own_models(strategy_office):
    client = client_for(strategy_office)
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert "auth" not in [app["app_label"] for app in client.get(reverse("admin:index")).context["app_list"]]


@pytest.mark.parametrize("name", REFUSED)
def test_everyone_else_is_refused_every_admin_page_even_with_the_staff_flag_forced(request, name, objects):
    user = persona(request, name)
    if user is not None:
        User.objects.filter(pk=user.pk).update(is_staff=True)  # as if ticked, past User.save
    client = client_for(user)
    for url in pages(objects):
        assert refused(client.get(url)), url


@pytest.mark.parametrize("name", REFUSED)
def test_everyone_else_changes_nothing_through_the_admin_by_direct_post(request, name, objects, organisation):
    user = persona(request, name)
    if user is not None:
        User.objects.filter(pk=user.pk).update(is_staff=True)
    client = client_for(user)
    item = objects["roadmap_roadmapitem"]
    posts = [
        (reverse("admin:roadmap_roadmapitem_change", args=[item.pk]), {"title": "Kapret", "loaded_version": 1}),
        (reverse("admin:accounts_organisation_add"), {"name": "Ny eier", "slug": "ny-eier", "kind": "other"}),
        (reverse("admin:accounts_organisation_delete", args=[organisation.pk]), {"post": "yes"}),
        (reverse("admin:strategy_strategy_delete", args=[objects["strategy_strategy"].pk]), {"post": "yes"}),
    ]
    if user is not None:
        posts.append(
            (
                reverse("admin:accounts_user_change", args=[user.pk]),
                {"username": user.username, "is_superuser": "on", "role": User.Role.STRATEGY_OFFICE},
            )
        )
    for url, data in posts:
        assert refused(client.post(url, data)), url
    item.refresh_from_db()
    assert item.title == "Kjernejournal i sykehjem" and item.version == 1
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert not Organisation.objects.filter(slug="ny-eier").exists()
    assert objects["strategy_strategy"].__class__.objects.filter(pk=objects["strategy_strategy"].pk).exists()
    if user is not None:
        user.refresh_from_db()
        assert not user.is_superuser and user.role != User.Role.STRATEGY_OFFICE


def test_the_strategy_office_adds_and_deletes_through_the_admin(strategy_office, organisation):
    client = client_for(strategy_office)
    response = client.post(
        reverse("admin:accounts_organisation_add"), {"name": "Ny eier", "slug": "ny-eier", "kind": "other"}
    )
    assert response.status_code == 302
    added = Organisation.objects.get(slug="ny-eier")
    assert (
        client.post(reverse("admin:accounts_organisation_delete", args=[added.pk]), {"post": "yes"}).status_code == 302
    )
    assert not Organisation.objects.filter(slug="ny-eier").exists()


def admin_login(client: Client, username: str, password: str):
    return client.post(reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"})


def test_the_strategy_office_logs_in_on_the_admins_own_login_page(objects):
    user = User.objects.create_user("kontor-ny", password="a-long-test-password", role=User.Role.STRATEGY_OFFICE)
    client = Client()
    response = admin_login(client, user.username, "a-long-test-password")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize("name", ["outsider", "owner_editor", "body_member"])
def test_nobody_else_logs_in_on_the_admins_login_page_even_with_the_staff_flag_forced(request, name):
    user = persona(request, name)
    User.objects.filter(pk=user.pk).update(is_staff=True)
    client = Client()
    response = admin_login(client, user.username, "a-long-test-password")
    assert response.status_code == 200 and response.context["form"].errors
    assert refused(client.get(reverse("admin:index")))


def test_the_demo_strategy_office_user_gets_the_admin_and_the_demo_owner_editor_does_not(db):
    demo.load(demo_passwords=True)  # what ``load_demo --demo-passwords`` runs for the users
    office = Client()
    assert admin_login(office, "strategikontor", DEMO_PASSWORD).status_code == 302
    index = office.get(reverse("admin:index"))
    assert index.status_code == 200
    assert "Du har ikke tillatelse" not in index.content.decode()
    assert office.get(reverse("admin:roadmap_roadmapitem_changelist")).status_code == 200
    owner = Client()
    assert admin_login(owner, "eier-nhn", DEMO_PASSWORD).status_code == 200
    assert refused(owner.get(reverse("admin:roadmap_roadmapitem_changelist")))
