"""The site search at national scale: 20,000 roadmap items, 60 indicators and the framework.

Reuses the roadmap benchmark's generator (when ``bench_roadmap`` has not run before it in the same
database) and adds 60 published indicators without observations (the search reads their texts only,
so ``bench_indicators``' millions of observations are not needed). Measures the site search page
for a misspelt word with a clear correction ("helsnorge", "kjernjournal"), a sub-goal code ("1A"),
a common word, a two-word query, a word with no hits and no correction, and an empty search, as an
anonymous visitor; and the time to count the whole vocabulary afresh.
"""

from __future__ import annotations

import time

from django.test import Client

from benchmarks.results import Results, ok_response

INDICATORS = 60


def _prepare() -> None:
    from benchmarks import bench_roadmap
    from veikart.indicators.models import Indicator
    from veikart.roadmap.models import RoadmapItem
    from veikart.strategy.models import Goal

    if not RoadmapItem.objects.filter(delivery_id__startswith="568760000200").exists():
        bench_roadmap.generate()
    goals = list(Goal.objects.filter(strategy__slug="e-helsestrategi-2023-2030").order_by("number"))
    have = Indicator.objects.filter(code__startswith="bench-").count()
    for number in range(have + 1, INDICATORS + 1):
        Indicator.objects.get_or_create(
            code=f"bench-{number:03d}",
            defaults={
                "name": f"Benchmark-indikator {number} for {bench_roadmap.WORDS[number % len(bench_roadmap.WORDS)]}",
                "definition": "Andel innbyggere som bruker tjenesten, målt hvert år.",
                "goal": goals[number % len(goals)],
                "measure_type": Indicator.MeasureType.PERCENTAGE,
                "status": Indicator.Status.ADOPTED,
                "is_published": True,
            },
        )


def run(results: Results) -> None:
    from veikart.search.vocabulary import vocabulary_recount

    started = time.perf_counter()
    _prepare()
    results.value("prepare 20,000 items and 60 indicators", time.perf_counter() - started, "s")
    started = time.perf_counter()
    vocabulary_recount(None)
    results.value("count the whole vocabulary afresh", time.perf_counter() - started, "s")
    client = Client()
    fast = "p95 ≤ 50 ms"
    for label, query in [
        ("misspelt, shows its correction: helsnorge", "helsnorge"),
        ("misspelt, shows its correction: kjernjournal", "kjernjournal"),
        ("sub-goal code: 1A", "1A"),
        ("common word: kommune", "kommune"),
        ("two words: digital journal", "digital+journal"),
        ("no hits, no correction: xqzvw", "xqzvw"),
    ]:
        results.timed(f"site search, {label}", ok_response(client, f"/sok/?q={query}"), target=fast)
    results.timed(
        "site search, common word narrowed to indicators",
        ok_response(client, "/sok/?q=kommune&type=indicator"),
        target=fast,
    )
    results.timed("site search, empty: where to start", ok_response(client, "/sok/"), target=fast)
    htmx = Client(headers={"HX-Request": "true"})
    results.timed("site search-as-you-type 'kommun' (HTMX)", ok_response(htmx, "/sok/?q=kommun"), target=fast)
    # The roadmap's own search at the same moment, for comparison: the site search's items come from it.
    results.timed("roadmap search 'kommune' (page), for comparison", ok_response(client, "/veikart/sok/?q=kommune"))
    results.timed("home page with the header's search field", ok_response(client, "/"))


if __name__ == "__main__":
    import os
    import subprocess
    import sys

    sys.exit(subprocess.call([sys.executable, "-m", "benchmarks"], env={"BENCH_ONLY": "search", **os.environ}))
