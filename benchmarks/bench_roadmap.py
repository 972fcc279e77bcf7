"""National-scale roadmap: 20,000 items, 400 owners, 30 user groups, 25 sub-goals, 5 phases.

``generate()`` fills the benchmark database (bulk inserts, then the search
index); ``run(results)`` measures server time of the list with three filters,
a search for a common word, the timeline of one goal and an item page, and
the time to import a 20,000-row official export (all rows unchanged, then all
rows new).
"""

from __future__ import annotations

import datetime
import random
import time

from django.db import connection, transaction
from django.test import Client

from benchmarks.results import Results, ok_response, settle_after_bulk_load

ITEMS = 20_000
OWNERS = 400
USER_GROUPS = 30
SUB_GOALS = 25
WORDS = [
    "digital",
    "journal",
    "samhandling",
    "pasient",
    "innbygger",
    "helsedata",
    "deling",
    "legemiddel",
    "plattform",
    "tjeneste",
    "velferdsteknologi",
    "hjemmeoppfølging",
    "kjernejournal",
    "henvisning",
    "register",
    "analyse",
    "sykehus",
    "fastlege",
    "legevakt",
    "apotek",
    "mestring",
    "innsyn",
    "dialog",
    "timebestilling",
    "ambulanse",
    "standard",
    "kodeverk",
    "terminologi",
    "sikkerhet",
    "tilgang",
    "kvalitet",
    "forskning",
]
COMMON_WORD = "kommune"  # in about one item in six, in one inflection or another
INFLECTIONS = ["kommune", "kommunen", "kommunene", "kommunal", "kommunale"]


def generate(seed: int = 2026) -> dict:
    """Create the national-scale roadmap in the current database; returns ids the scenarios need."""
    from veikart.accounts.models import Organisation
    from veikart.roadmap.models import Grouping, Milestone, Phase, RoadmapItem, UserGroup
    from veikart.roadmap.search import search_index_refresh
    from veikart.strategy.models import Goal, Strategy, SubGoal

    rng = random.Random(seed)
    strategy = Strategy.objects.get(slug="e-helsestrategi-2023-2030")
    with transaction.atomic():
        goals = list(Goal.objects.filter(strategy=strategy).order_by("number"))
        extra = 0
        while SubGoal.objects.filter(strategy=strategy).count() < SUB_GOALS:
            extra += 1
            SubGoal.objects.create(
                goal=goals[extra % len(goals)],
                code=f"{goals[extra % len(goals)].number}Z{extra}",
                title=f"Benk {extra}",
            )
        sub_goals = list(SubGoal.objects.filter(strategy=strategy))
        have = Organisation.objects.count()
        Organisation.objects.bulk_create(
            [
                Organisation(name=f"Benkorganisasjon {n}", short_name=f"Benk {n}", slug=f"benk-{n}")
                for n in range(OWNERS - have)
            ]
        )
        owners = list(Organisation.objects.values_list("pk", flat=True))
        have = UserGroup.objects.count()
        UserGroup.objects.bulk_create(
            [
                UserGroup(name=f"Brukergruppe {n}", slug=f"brukergruppe-{n}", order=100 + n)
                for n in range(USER_GROUPS - have)
            ]
        )
        groups = list(UserGroup.objects.values_list("pk", flat=True))
        Grouping.objects.bulk_create(
            [
                Grouping(sub_goal=sub_goal, name=f"Gruppering {sub_goal.code}-{n}")
                for sub_goal in sub_goals
                for n in range(4)
            ],
            ignore_conflicts=True,
        )
        groupings: dict[int, list[int]] = {}
        for grouping in Grouping.objects.all():
            groupings.setdefault(grouping.sub_goal_id, []).append(grouping.pk)
        phases = list(Phase.objects.values_list("pk", flat=True))
        statuses = [choice for choice, _label in RoadmapItem.Status.choices]
        items = []
        for n in range(ITEMS):
            words = rng.sample(WORDS, 4)
            if rng.random() < 0.17:
                words[rng.randrange(4)] = rng.choice(INFLECTIONS)
            sub_goal = rng.choice(sub_goals)
            start = datetime.date(rng.randint(2020, 2029), rng.choice([1, 4, 7, 10]), 1)
            end = None if rng.random() < 0.3 else start + datetime.timedelta(days=rng.randint(90, 2000))
            items.append(
                RoadmapItem(
                    title=f"{' '.join(words).capitalize()} {n}",
                    description=" ".join(rng.choices(WORDS, k=25)),
                    delivery_id=str(56876000020000000 + n),
                    sub_goal=sub_goal,
                    grouping_id=rng.choice(groupings[sub_goal.pk]),
                    phase_id=rng.choice(phases),
                    start_date=None if rng.random() < 0.1 else start,
                    end_date=end if rng.random() >= 0.1 else None,
                    status=rng.choice(statuses),
                    is_published=rng.random() < 0.95,
                )
            )
        for item in items:
            if item.start_date is None:
                item.end_date = None
        RoadmapItem.objects.bulk_create(items, batch_size=2000)
        item_ids = list(RoadmapItem.objects.filter(delivery_id__startswith="568760000200").values_list("pk", flat=True))
        Owners = RoadmapItem.owners.through
        Groups = RoadmapItem.user_groups.through
        Depends = RoadmapItem.depends_on.through
        Owners.objects.bulk_create(
            [
                Owners(roadmapitem_id=pk, organisation_id=o)
                for pk in item_ids
                for o in rng.sample(owners, rng.randint(1, 3))
            ],
            batch_size=5000,
        )
        Groups.objects.bulk_create(
            [
                Groups(roadmapitem_id=pk, usergroup_id=g)
                for pk in item_ids
                for g in rng.sample(groups, rng.randint(1, 3))
            ],
            batch_size=5000,
        )
        Milestone.objects.bulk_create(
            [
                Milestone(
                    item_id=pk, date=datetime.date(rng.randint(2024, 2030), rng.randint(1, 12), 1), title=f"Milepæl {m}"
                )
                for pk in item_ids
                for m in range(rng.choice([0, 0, 1, 2]))
            ],
            batch_size=5000,
        )
        Depends.objects.bulk_create(
            [
                Depends(from_roadmapitem_id=pk, to_roadmapitem_id=rng.choice(item_ids))
                for pk in rng.sample(item_ids, 5000)
            ],
            batch_size=5000,
            ignore_conflicts=True,
        )
    started = time.perf_counter()
    search_index_refresh()
    index_seconds = time.perf_counter() - started
    # Fresh statistics (and, on PostgreSQL, a visibility map for index-only
    # scans) after a bulk load, as autovacuum or an operator would provide.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    settle_after_bulk_load()
    busy_group = UserGroup.objects.order_by("pk").first()
    item = RoadmapItem.objects.filter(is_published=True, milestones__isnull=False, dependants__isnull=False).first()
    return {"user_group": busy_group.slug, "item": item.pk, "index_seconds": index_seconds}


def run(results: Results) -> None:
    from veikart.roadmap.exporters import export_csv
    from veikart.roadmap.models import RoadmapItem
    from veikart.roadmap.services import roadmap_import

    started = time.perf_counter()
    fixture = generate()
    results.value("generate 20,000 items (incl. search index)", time.perf_counter() - started, "s")
    results.value("build the search index of 20,000 items", fixture["index_seconds"], "s")
    client = Client()
    fast = "p95 ≤ 50 ms"
    results.timed("roadmap list, no filter (20,000 items)", ok_response(client, "/veikart/"), target=fast)
    results.timed(
        "roadmap list, three filters (phase, year, user group)",
        ok_response(client, f"/veikart/?phase=innforing&year=2026&user_group={fixture['user_group']}"),
        target=fast,
    )
    results.timed(
        "roadmap list, three filters (goal, status, owner)",
        ok_response(client, "/veikart/?goal=2&status=on_track&owner=nhn"),
        target=fast,
    )
    results.timed(
        f"roadmap search '{COMMON_WORD}' (page)", ok_response(client, f"/veikart/sok/?q={COMMON_WORD}"), target=fast
    )
    htmx = Client(headers={"HX-Request": "true"})
    results.timed(
        "roadmap search-as-you-type 'kommun' (HTMX)", ok_response(htmx, "/veikart/sok/?q=kommun"), target=fast
    )
    results.timed("roadmap timeline of goal 1", ok_response(client, "/veikart/tidslinje/?goal=1"))
    results.timed("roadmap item page", ok_response(client, f"/veikart/tiltak/{fixture['item']}/"))

    queryset = RoadmapItem.objects.filter(delivery_id__startswith="568760000200")
    started = time.perf_counter()
    data = export_csv(queryset, official_only=True)
    results.value("export 20,000 rows (official CSV)", time.perf_counter() - started, "s")
    started = time.perf_counter()
    plan = roadmap_import(data=data, file_name="veikart.csv")
    assert not plan.problems and len(plan.unchanged) == ITEMS, plan.problems.kept[:3]
    results.value("import 20,000-row export, all unchanged", time.perf_counter() - started, "s", target="≤ 10 s")
    text = data.decode("utf-8-sig").replace(";568760000200", ";568760000300").replace(" ", "  ny ", 0)
    renamed = text.encode("utf-8-sig")
    started = time.perf_counter()
    plan = roadmap_import(data=renamed, file_name="veikart.csv")
    assert not plan.problems and len(plan.created) == ITEMS, plan.problems.kept[:3]
    results.value("import 20,000-row export, all rows new", time.perf_counter() - started, "s", target="≤ 10 s")


if __name__ == "__main__":
    import subprocess
    import sys

    sys.exit(
        subprocess.call([sys.executable, "-m", "benchmarks"], env={"BENCH_ONLY": "roadmap", **__import__("os").environ})
    )
