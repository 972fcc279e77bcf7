"""The national portfolio at scale, shared by the status reporting and snapshot benchmarks.

2,000 of the roadmap benchmark's 20,000 items in the portfolio and 12 reporting periods of the demo
strategy: nine generated ones ("Benk 2022 T3" … "Benk 2025 T2", closed and published) before the
demo's three (2025 T3 and 2026 T1 closed and published, 2026 T2 open). Every item has one report per
period, 24,000 in all, five area statuses each: approved in the closed periods; in the open one mostly
approved, some submitted, draft and returned (with a note). Written with ``bulk_create``; a second call
adds nothing.
"""

from __future__ import annotations

import datetime
import random

from django.db import connection, transaction
from django.utils import timezone

PORTFOLIO = 2_000
GENERATED_PERIODS = 9  # and the demo's three: twelve
# The open period's reports: (state, share); the rest of the periods are approved.
OPEN_STATES = (("approved", 0.70), ("submitted", 0.15), ("draft", 0.10), ("returned", 0.05))


def _open_state(draw: float) -> str:
    """The state a report of the open period gets for a random ``draw`` in [0, 1)."""
    total = 0.0
    for state, share in OPEN_STATES:
        total += share
        if draw < total:
            return state
    return OPEN_STATES[-1][0]


def _generated_periods(strategy) -> list:
    from veikart.reporting.models import ReportingPeriod

    periods = []
    published_at = timezone.now() - datetime.timedelta(days=400)
    for n in range(GENERATED_PERIODS):
        # 2022 T3 (September) … 2025 T2 (May): three a year, before the demo's 2025 T3.
        year, third = 2022 + (n + 2) // 3, (n + 2) % 3
        opens = datetime.date(year, 1 + 4 * third, 1)
        period, _created = ReportingPeriod.objects.get_or_create(
            strategy=strategy,
            name=f"Benk {year} T{third + 1}",
            defaults={
                "opens": opens,
                "deadline": opens + datetime.timedelta(days=40),
                "state": ReportingPeriod.State.CLOSED,
                "is_published": True,
                "published_at": published_at,
            },
        )
        periods.append(period)
    return periods


def ensure_portfolio() -> None:
    """Fill the portfolio, periods and reports (generating the roadmap first when it is not there)."""
    from benchmarks.results import settle_after_bulk_load
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
            [PortfolioMembership(item_id=pk, since=datetime.date(2022, 1, 1)) for pk in candidates], batch_size=1000
        )
        items = list(PortfolioMembership.objects.order_by("item_id").values_list("item_id", flat=True))
        periods = _generated_periods(strategy) + list(
            ReportingPeriod.objects.filter(strategy=strategy).exclude(name__startswith="Benk ").order_by("opens")
        )
        reviewed_at = timezone.now() - datetime.timedelta(days=1)
        for period in periods:
            is_open = period.state == ReportingPeriod.State.OPEN
            have = set(StatusReport.objects.filter(period=period).values_list("item_id", flat=True))
            new = []
            for pk in items:
                if pk in have:
                    continue
                state = _open_state(rng.random()) if is_open else "approved"
                new.append(
                    StatusReport(
                        item_id=pk,
                        period=period,
                        state=state,
                        overall=rng.choice(colours),
                        narrative="Leveransen følger i hovedsak planen; en milepæl er flyttet.",
                        next_steps="Følge opp neste milepæl.",
                        review_note="Beskriv avviket i kostnad nærmere." if state == "returned" else "",
                        submitted_at=None if state == "draft" else reviewed_at,
                        reviewed_at=reviewed_at if state in ("approved", "returned") else None,
                    )
                )
            reports = StatusReport.objects.bulk_create(new, batch_size=1000)
            StatusReportArea.objects.bulk_create(
                [
                    StatusReportArea(report_id=report.pk, area=area, colour=rng.choice(colours), comment="Benk")
                    for report in reports
                    for area in areas
                ],
                batch_size=2000,
            )
    # Fresh statistics after the bulk load, as autovacuum or an operator would provide (as the roadmap's).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    settle_after_bulk_load()
