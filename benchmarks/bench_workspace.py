"""The workspace at national scale: 20,000 items, 400 organisations, 60 indicators, 2,000 users.

Runs after the roadmap and indicator benchmarks, on the data they generated
(it generates the roadmap itself when run alone, ``BENCH_ONLY=workspace``), and
adds 2,000 users. Measures the server time of the workspace's start page and
lists for the strategy office and an owner editor, each list page the apps
register (a list that does not exist yet is skipped), and a bulk action on
1,000 items (publish, and add an owner) with one history row per item.
"""

from __future__ import annotations

import time

from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse

from benchmarks.results import Results, ok_response, settle_after_bulk_load

USERS = 2_000
FAST = "p95 ≤ 50 ms"


def _ensure_data() -> None:
    from veikart.accounts.models import Organisation, User
    from veikart.roadmap.models import RoadmapItem

    if RoadmapItem.objects.count() < 20_000:
        from benchmarks import bench_roadmap

        bench_roadmap.generate()
    organisations = list(Organisation.objects.values_list("pk", flat=True))
    have = User.objects.count()
    roles = [User.Role.OWNER_EDITOR] * 8 + [User.Role.BODY_MEMBER, User.Role.STRATEGY_OFFICE]
    with transaction.atomic():
        User.objects.bulk_create(
            [
                User(
                    username=f"benk-bruker-{n}",
                    email=f"benk-bruker-{n}@example.org",
                    first_name="Benk",
                    last_name=f"Bruker {n}",
                    role=roles[n % len(roles)],
                    organisation_id=organisations[n % len(organisations)],
                    password="!",
                )
                for n in range(USERS - have)
            ],
            batch_size=1000,
        )
    settle_after_bulk_load()


def _client_for(username: str) -> Client:
    from veikart.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def _timed_page(results: Results, client: Client, scenario: str, url_name: str, query: str = "") -> None:
    try:
        url = reverse(url_name)
    except NoReverseMatch:
        print(f"  (skipped {scenario}: no page {url_name})", flush=True, file=__import__("sys").stderr)
        return
    results.timed(scenario, ok_response(client, url + query), target=FAST)


def run(results: Results) -> None:
    from veikart.accounts.models import Organisation, User
    from veikart.roadmap.authoring import roadmap_items_add_relation, roadmap_items_set_published
    from veikart.roadmap.models import RoadmapItem

    started = time.perf_counter()
    _ensure_data()
    results.value(f"add {USERS:,} users".replace(",", " "), time.perf_counter() - started, "s")
    office = _client_for("strategikontor")
    # The demo's owner editor for Norsk helsenett owns a share of the generated items too.
    owner = _client_for("eier-nhn")
    _timed_page(results, office, "start page, strategy office (attention counts)", "workspace:start")
    _timed_page(results, owner, "start page, owner editor", "workspace:start")
    _timed_page(results, office, "items, strategy office, no filter", "ws-roadmap:item-list")
    _timed_page(
        results,
        office,
        "items, no user group, newest change first",
        "ws-roadmap:item-list",
        "?missing=user_group&sort=-updated",
    )
    _timed_page(
        results,
        office,
        "items, unpublished, by sub-goal, page 20",
        "ws-roadmap:item-list",
        "?publication=unpublished&sort=sub_goal&page=20",
    )
    _timed_page(results, office, "items, name contains 'kommune'", "ws-roadmap:item-list", "?q=kommune")
    _timed_page(results, owner, "our items, owner editor", "ws-roadmap:item-list")
    _timed_page(results, office, "organisations (400)", "ws-accounts:organisation-list")
    _timed_page(results, office, "users (2,000)", "ws-accounts:user-list")
    _timed_page(
        results, office, "users, owner editors, sorted by name", "ws-accounts:user-list", "?role=owner_editor&sort=name"
    )
    _timed_page(results, office, "indicators (60)", "ws-indicators:indicator-list")

    user = User.objects.get(username="strategikontor")
    ids = list(RoadmapItem.objects.filter(is_published=True).order_by("pk").values_list("pk", flat=True)[:1000])
    history_before = RoadmapItem.history.count()
    started = time.perf_counter()
    changed = roadmap_items_set_published(item_ids=ids, published=False, user=user)
    results.value("bulk unpublish 1,000 items (history row each)", time.perf_counter() - started, "s", target="≤ 2 s")
    started = time.perf_counter()
    roadmap_items_set_published(item_ids=ids, published=True, user=user)
    results.value("bulk publish 1,000 items (history row each)", time.perf_counter() - started, "s", target="≤ 2 s")
    new_owner = Organisation.objects.create(name="Benk ny eier", slug="benk-ny-eier")
    started = time.perf_counter()
    added = roadmap_items_add_relation(item_ids=ids, user=user, owner=new_owner)
    results.value(
        "bulk add an owner to 1,000 items (history row each)", time.perf_counter() - started, "s", target="≤ 2 s"
    )
    assert changed == added == 1000
    assert RoadmapItem.history.count() - history_before == 3000
