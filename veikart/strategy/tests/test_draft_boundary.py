"""An unpublished strategy appears nowhere for anyone but staff and governance body members."""

import pytest
from django.urls import reverse

from veikart.conftest import client_for
from veikart.strategy.models import Strategy

pytestmark = pytest.mark.django_db

UNPUBLISHED = "e-helsestrategi-2023-2030-revisjon-2027"
MARKER = "Revisjon 2027"


@pytest.fixture
def unpublished(demo):
    strategy = Strategy.objects.get(slug=UNPUBLISHED)
    assert not strategy.is_published
    return strategy


def public_urls(strategy: Strategy) -> list[str]:
    return [
        reverse("core:home"),
        reverse("strategy:history"),
        "/sitemap.xml",
        reverse("strategy:strategy-detail", kwargs={"slug": "e-helsestrategi-2023-2030"}),
        reverse("strategy:goal-detail", kwargs={"slug": "e-helsestrategi-2023-2030", "number": 3}),
    ]


@pytest.mark.parametrize("persona", [None, "outsider", "owner_editor"])
def test_the_public_outsiders_and_owner_editors_never_see_the_unpublished_strategy(request, unpublished, persona):
    client = client_for(request.getfixturevalue(persona) if persona else None)
    for url in public_urls(unpublished):
        html = client.get(url).content.decode()
        assert MARKER not in html and UNPUBLISHED not in html, url
    for url in [
        unpublished.get_absolute_url(),
        reverse("strategy:goal-detail", kwargs={"slug": UNPUBLISHED, "number": 1}),
    ]:
        assert client.get(url).status_code == 404, url
    response = client.get(reverse("strategy:history"), {"older": UNPUBLISHED, "newer": "e-helsestrategi-2023-2030"})
    assert response.context["comparison"] is None


def test_the_strategy_office_sees_and_compares_the_unpublished_strategy(unpublished, strategy_office):
    client = client_for(strategy_office)
    assert client.get(unpublished.get_absolute_url()).status_code == 200
    response = client.get("/en/strategier/", {"older": "e-helsestrategi-2023-2030", "newer": UNPUBLISHED})
    assert response.context["comparison"].newer == unpublished
    assert "Renamed" in response.content.decode()


def test_a_body_member_reads_the_unpublished_strategy_but_the_public_pages_show_the_current_one(
    unpublished, body_member
):
    client = client_for(body_member)
    assert client.get(unpublished.get_absolute_url()).status_code == 200
    assert client.get(reverse("strategy:goal-detail", kwargs={"slug": UNPUBLISHED, "number": 1})).status_code == 200
    assert client.get(reverse("core:home")).context["strategy"].slug == "e-helsestrategi-2023-2030"
    assert UNPUBLISHED not in client.get("/sitemap.xml").content.decode()


def test_the_later_goal_of_an_unpublished_version_is_not_linked_from_a_public_goal(unpublished, client):
    response = client.get(reverse("strategy:goal-detail", kwargs={"slug": "e-helsestrategi-2023-2030", "number": 3}))
    assert UNPUBLISHED not in response.content.decode()


def test_the_home_page_has_an_empty_state_when_nothing_is_published(client, db):
    Strategy.objects.create(title="Hemmelig", slug="hemmelig", period_start=2023, period_end=2030)
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    assert "Hemmelig" not in response.content.decode()
    assert response.context["strategy"] is None
