"""Frozen portfolio snapshots at national scale: 2,000 items of the 20,000 in the portfolio, 12 periods
of approved reports (24,000 reports, five area statuses each).

Runs on the roadmap benchmark's 20,000 items (generated when run alone, ``BENCH_ONLY=snapshots``) and
adds the portfolio and its reports in bulk. Measures freezing the portfolio (target ≤ 5 s), comparing two
snapshots (the service and the page, target ≤ 1 s) and the snapshot page and its downloads.
"""

from __future__ import annotations

import datetime
import random
import time

from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from benchmarks.results import Results, ok_response, settle_after_bulk_load

PORTFOLIO = 2_000
PERIODS = 12


def _ensure_data() -> None:
    from veikart.reporting.models import (
        PortfolioMembership,
        ReportingPeriod,
        StatusArea,
        StatusColour,
        StatusReport,
        StatusReportArea,
    )
    from veikart.roadmap.models import RoadmapItem
    from veikart.strategy.models import Strategy

    if RoadmapItem.objects.count() < 20_000:
        from benchmarks import bench_roadmap

        bench_roadmap.generate()
    rng = random.Random(2026)
    strategy = Strategy.objects.get(slug="e-helsestrategi-2023-2030")
    colours = list(StatusColour.objects.order_by("rank"))
    areas = list(StatusArea.objects.all())
    with transaction.atomic():
        member_ids = set(PortfolioMembership.objects.values_list("item_id", flat=True))
        candidates = list(
            RoadmapItem.objects.exclude(pk__in=member_ids)
            .order_by("pk")
            .values_list("pk", flat=True)[: max(0, PORTFOLIO - len(member_ids))]
        )
        PortfolioMembership.objects.bulk_create(
            [PortfolioMembership(item_id=pk, since=datetime.date(2023, 1, 1)) for pk in candidates], batch_size=1000
        )
        items = list(PortfolioMembership.objects.values_list("item_id", flat=True))
        periods = []
        for n in range(PERIODS):
            opens = datetime.date(2021 + n // 3, 1 + 4 * (n % 3), 1)
            period, _created = ReportingPeriod.objects.get_or_create(
                strategy=strategy,
                name=f"Benk {opens:%Y} T{n % 3 + 1}",
                defaults={
                    "opens": opens,
                    "deadline": opens + datetime.timedelta(days=40),
                    "state": ReportingPeriod.State.CLOSED,
                    "is_published": True,
                    "published_at": timezone.now(),
                },
            )
            periods.append(period)
        approved_at = timezone.now() - datetime.timedelta(days=1)
        for period in periods:
            have = set(StatusReport.objects.filter(period=period).values_list("item_id", flat=True))
            reports = StatusReport.objects.bulk_create(
                [
                    StatusReport(
                        item_id=pk,
                        period=period,
                        state=StatusReport.State.APPROVED,
                        overall=rng.choice(colours),
                        narrative="Leveransen følger i hovedsak planen; en milepæl er flyttet.",
                        next_steps="Følge opp neste milepæl.",
                        submitted_at=approved_at,
                        reviewed_at=approved_at,
                    )
                    for pk in items
                    if pk not in have
                ],
                batch_size=1000,
            )
            StatusReportArea.objects.bulk_create(
                [
                    StatusReportArea(report_id=report.pk, area=area, colour=rng.choice(colours), comment="Benk")
                    for report in reports
                    for area in areas
                ],
                batch_size=2000,
            )
    settle_after_bulk_load()


def run(results: Results) -> None:
    from veikart.accounts.models import User
    from veikart.reporting.models import StatusColour, StatusReport
    from veikart.reporting.snapshots import portfolio_snapshot_freeze, snapshots_compare
    from veikart.roadmap.models import RoadmapItem

    started = time.perf_counter()
    _ensure_data()
    results.value("add 2,000 portfolio items and 24,000 reports", time.perf_counter() - started, "s")
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
