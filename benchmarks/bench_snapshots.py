"""Frozen portfolio snapshots at national scale: 2,000 items of the 20,000 in the portfolio, 12 periods
(24,000 reports, five area statuses each; ``portfolio_data``).

Runs on the roadmap benchmark's 20,000 items (generated when run alone, ``BENCH_ONLY=snapshots``) and
adds the portfolio and its reports in bulk (unless the status reporting benchmark did). Measures freezing the portfolio (target ≤ 5 s), comparing two
snapshots (the service and the page, target ≤ 1 s) and the snapshot page and its downloads.
"""

from __future__ import annotations

import datetime
import time

from django.test import Client
from django.urls import reverse

from benchmarks.portfolio_data import ensure_portfolio
from benchmarks.results import Results, ok_response


def run(results: Results) -> None:
    from veikart.accounts.models import User
    from veikart.reporting.models import StatusColour, StatusReport
    from veikart.reporting.snapshots import portfolio_snapshot_freeze, snapshots_compare
    from veikart.roadmap.models import RoadmapItem

    started = time.perf_counter()
    ensure_portfolio()
    results.value("portfolio data (unless the status bench made it)", time.perf_counter() - started, "s")
    office = User.objects.get(username="strategikontor")

    started = time.perf_counter()
    first = portfolio_snapshot_freeze(title="Benk 1", user=office)
    results.value(
        f"freeze the portfolio ({first.item_count} items)", time.perf_counter() - started, "s", target="≤ 5 s"
    )
    # Between the two: a tenth of the items get a later end date and another overall status.
    latest = StatusReport.objects.order_by("-period__opens").values_list("period_id", flat=True).first()
    changed = list(RoadmapItem.objects.filter(portfolio_membership__isnull=False).values_list("pk", flat=True)[::10])
    RoadmapItem.objects.filter(pk__in=changed, end_date__isnull=False).update(end_date=datetime.date(2031, 12, 31))
    worst = StatusColour.objects.order_by("-rank").first()
    StatusReport.objects.filter(period_id=latest, item_id__in=changed).update(overall=worst)
    started = time.perf_counter()
    second = portfolio_snapshot_freeze(title="Benk 2", user=office)
    results.value("freeze the portfolio again", time.perf_counter() - started, "s", target="≤ 5 s")

    results.timed(
        "compare two snapshots (service)",
        lambda: snapshots_compare(first, second),
        repeat=10,
        warmup=1,
        target="≤ 1 s",
    )
    client = Client()
    client.force_login(office)
    compare = reverse("ws-reporting:snapshot-compare") + f"?a={first.pk}&b={second.pk}"
    results.timed("compare two snapshots (page)", ok_response(client, compare), repeat=10, warmup=1, target="≤ 1 s")
    results.timed(
        "snapshot page (2,000 items, 100 a page)",
        ok_response(client, reverse("ws-reporting:snapshot", kwargs={"pk": first.pk})),
        repeat=5,
        warmup=1,
    )
    results.timed(
        "snapshot download, JSON",
        ok_response(client, reverse("ws-reporting:snapshot-export", kwargs={"pk": first.pk, "fmt": "json"})),
        repeat=5,
        warmup=1,
    )
    results.timed(
        "snapshot download, XLSX",
        ok_response(client, reverse("ws-reporting:snapshot-export", kwargs={"pk": first.pk, "fmt": "xlsx"})),
        repeat=5,
        warmup=1,
    )
