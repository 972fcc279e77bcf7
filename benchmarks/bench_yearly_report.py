"""The annual status report at national scale: the roadmap's 20,000 items (2,000 in the portfolio, 12
periods of reports), the 60 indicators with their national series, and a snapshot frozen of it.

Named to run after the roadmap, indicator and portfolio benchmarks, whose data it reads; run alone
(``BENCH_ONLY=yearly_report``) it generates what is missing. Measures the report's page assembled live
(a draft, as the strategy office previews it) and published (its body rendered from the frozen
content once per language and kept, as the public reads it), target ≤ 500 ms each, and the first
reader's request that renders and stores it; and the PDF as the task worker makes it, in a process of its own so its peak memory is
its own (plus Django's), target ≤ 30 s.
"""

from __future__ import annotations

import time

from django.test import Client

from benchmarks.portfolio_data import ensure_portfolio
from benchmarks.results import Results, ok_response

PDF_CHILD = """
import json, resource, sys, time
import django
django.setup()
from veikart.governance.report_models import AnnualReport
from veikart.governance.report_pdf import annual_report_pdf_bytes
from veikart.core import pdf
report = AnnualReport.objects.select_related("strategy").get(pk=int(sys.argv[1]))
html_seconds = []
render_to_string = pdf.render_to_string
def timed_render(*args, **kwargs):
    started = time.perf_counter()
    try:
        return render_to_string(*args, **kwargs)
    finally:
        html_seconds.append(time.perf_counter() - started)
pdf.render_to_string = timed_render
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
data = annual_report_pdf_bytes(report)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "html_seconds": sum(html_seconds), "bytes": len(data), "before_mb": before,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

YEAR = 2024


def run(results: Results) -> None:
    from benchmarks import bench_indicators
    from veikart.accounts.models import User
    from veikart.governance import report_services
    from veikart.governance.models import Body, Case
    from veikart.governance.report_models import AnnualReport
    from veikart.indicators.models import Indicator
    from veikart.reporting.snapshots import portfolio_snapshot_freeze
    from veikart.roadmap.models import RoadmapItem
    from veikart.strategy.models import Goal, Strategy

    started = time.perf_counter()
    ensure_portfolio()
    if Indicator.objects.count() < 60:
        bench_indicators.generate()
    results.value("national data (unless other benches made it)", time.perf_counter() - started, "s")
    office = User.objects.get(username="strategikontor")
    strategy = Strategy.objects.get(slug="e-helsestrategi-2023-2030")
    snapshot = portfolio_snapshot_freeze(title="Benk årsrapport", user=office)
    AnnualReport.objects.filter(strategy=strategy, year=YEAR).delete()
    report = report_services.annual_report_create(strategy=strategy, year=YEAR, snapshot=snapshot, by=office)
    for goal in Goal.objects.filter(strategy=strategy):
        report_services.goal_narrative_save(
            report=report, goal=goal, text="Vurdering av året.\n\n- ett\n- to", text_en="The year.", by=office
        )
    items, indicators = RoadmapItem.objects.count(), Indicator.objects.count()
    url = f"/styring/arsrapport/{YEAR}/"
    client = Client()
    client.force_login(office)
    results.timed(
        f"report page, draft assembled live ({items} items, {indicators} indicators)",
        ok_response(client, url),
        repeat=10,
        warmup=1,
        target="≤ 500 ms",
    )
    case = Case.objects.filter(body__kind=Body.Kind.COUNCIL, decision__isnull=False).first()
    report_services.annual_report_approve(report=report, case=case, by=office)
    started = time.perf_counter()
    report_services.annual_report_publish(report=report, by=office)
    results.value("publish (assemble and freeze the content)", time.perf_counter() - started, "s")
    from veikart.governance.report_models import AnnualReportRendering

    AnnualReportRendering.objects.filter(report=report).delete()
    started = time.perf_counter()
    ok_response(Client(), url)()
    results.value("report page, published: first reader (renders, stores)", time.perf_counter() - started, "s")
    results.timed(
        "report page, published (stored rendering)", ok_response(Client(), url), repeat=20, warmup=2, target="≤ 500 ms"
    )
    child = bench_indicators._in_child(PDF_CHILD, str(report.pk))
    results.value(f"report PDF in the worker ({child['bytes'] // 1024} kB)", child["seconds"], "s", target="≤ 30 s")
    results.value("report PDF: of which the HTML (the rest is WeasyPrint)", child["html_seconds"], "s")
    results.value("report PDF in the worker: peak memory", child["peak_mb"], "MB")
