"""Only the strategy office opens the framework's workspace pages; every other role is refused, by GET and by POST."""

import pytest

from veikart.conftest import client_for
from veikart.strategy.models import Goal, OverarchingGoal, Scenario, Strategy, SubGoal, TargetGroup

REFUSED = ["outsider", "owner_editor", "other_owner_editor", "body_member"]


@pytest.fixture
def urls(draft):
    goal = draft.goals.get(number=1)
    sub_goal = draft.sub_goals.get(code="1A")
    overarching = OverarchingGoal.objects.create(strategy=draft, number=1, title="Bærekraft")
    scenario = Scenario.objects.create(goal=goal, code="1.1", title="Kari")
    target_group = TargetGroup.objects.create(strategy=draft, position=1, name="Innbyggere")
    base = f"/forvaltning/strategi/{draft.pk}"
    return [
        "/forvaltning/strategi/",
        "/forvaltning/strategi/ny/",
        f"{base}/",
        f"{base}/endre/",
        f"{base}/publiser/",
        f"{base}/avpubliser/",
        f"{base}/vedta/",
        f"/forvaltning/strategi/{draft.previous_version_id}/revider/",
        f"{base}/mal/ny/",
        f"{base}/mal/{goal.pk}/endre/",
        f"{base}/mal/{goal.pk}/slett/",
        f"{base}/delmal/ny/",
        f"{base}/delmal/{sub_goal.pk}/endre/",
        f"{base}/delmal/{sub_goal.pk}/slett/",
        f"{base}/overordnede-mal/ny/",
        f"{base}/overordnede-mal/{overarching.pk}/endre/",
        f"{base}/overordnede-mal/{overarching.pk}/slett/",
        f"{base}/situasjoner/ny/",
        f"{base}/situasjoner/{scenario.pk}/endre/",
        f"{base}/situasjoner/{scenario.pk}/slett/",
        f"{base}/malgrupper/ny/",
        f"{base}/malgrupper/{target_group.pk}/endre/",
        f"{base}/malgrupper/{target_group.pk}/slett/",
    ]


def _snapshot() -> list:
    return [
        list(model.objects.order_by("pk").values())
        for model in (Strategy, Goal, SubGoal, OverarchingGoal, Scenario, TargetGroup)
    ]


def test_the_strategy_office_opens_every_page(strategy_office, urls):
    client = client_for(strategy_office)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_an_anonymous_visitor_is_sent_to_the_login_page_by_get_and_post(anonymous_client, urls):
    before = _snapshot()
    for url in urls:
        for method in (anonymous_client.get, anonymous_client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith("/konto/logg-inn/"), url
    assert _snapshot() == before


@pytest.mark.parametrize("persona", REFUSED)
def test_no_other_role_opens_or_posts_to_any_page(request, persona, urls):
    client = client_for(request.getfixturevalue(persona))
    before = _snapshot()
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"title": "Endret", "number": 9, "code": "9Z"}).status_code == 403, url
    assert _snapshot() == before


def test_the_lists_answer_only_get(strategy_office, draft):
    client = client_for(strategy_office)
    assert client.post("/forvaltning/strategi/").status_code == 405
    assert client.post(f"/forvaltning/strategi/{draft.pk}/").status_code == 405


def test_parts_are_found_only_within_their_own_version(strategy_office, draft, published_version):
    other_goal = published_version.goals.get()
    other_sub_goal = published_version.sub_goals.get()
    client = client_for(strategy_office)
    for url in [
        f"/forvaltning/strategi/{draft.pk}/mal/{other_goal.pk}/endre/",
        f"/forvaltning/strategi/{draft.pk}/mal/{other_goal.pk}/slett/",
        f"/forvaltning/strategi/{draft.pk}/delmal/{other_sub_goal.pk}/endre/",
        "/forvaltning/strategi/999999/endre/",
    ]:
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    assert Goal.objects.filter(pk=other_goal.pk).exists()


def test_the_navigation_shows_the_framework_only_to_the_strategy_office(strategy_office, body_member, owner_editor):
    assert 'href="/forvaltning/strategi/"' in client_for(strategy_office).get("/forvaltning/").text
    for user in (body_member, owner_editor):
        assert 'href="/forvaltning/strategi/"' not in client_for(user).get("/forvaltning/").text
