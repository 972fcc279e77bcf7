"""Target indicators at national scale: 60 indicators × 356 municipalities × 120 months.

The generator writes about 2.6 million observations (per indicator: the national total, four
health regions and every municipality, monthly for ten years) with the importer's bulk writer
(``COPY`` on PostgreSQL). Then it measures the indicator page (national series plus a breakdown),
the indicator list with every status computed, and importing a one-million-row tidy CSV in a child
process (rows per second and the child's peak memory), side by side with the same rows written
into a bare table by the database's fastest path (``COPY``; ``executemany`` on SQLite) and the
ratio of the two; and a hostile workbook (15 kB claiming every cell of a sheet) being refused
(seconds and the child's peak memory).

The scale is set by environment variables, full scale by default (what ``make bench`` runs):
``BENCH_INDICATORS`` (60), ``BENCH_MUNICIPALITIES`` (356), ``BENCH_MONTHS`` (120) and
``BENCH_IMPORT_ROWS`` (1,000,000). Run alone with ``BENCH_ONLY=indicators python -m benchmarks``.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from django.db import connection, transaction
from django.test import Client

from benchmarks.results import Results, ok_response, settle_after_bulk_load

INDICATORS = int(os.environ.get("BENCH_INDICATORS", "60"))
MUNICIPALITIES = int(os.environ.get("BENCH_MUNICIPALITIES", "356"))
MONTHS = int(os.environ.get("BENCH_MONTHS", "120"))
IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "1000000"))
CHUNK = 50_000
ROOT = Path(__file__).resolve().parent.parent


def _months() -> list[tuple[str, int]]:
    from veikart.indicators.periods import parse_period

    periods = []
    for i in range(MONTHS):
        text = f"{2015 + i // 12}-{i % 12 + 1:02d}"
        periods.append((text, parse_period(text).sort_key))
    return periods


def _municipalities():
    from veikart.indicators.models import Dimension, DimensionValue

    municipality, _ = Dimension.objects.get_or_create(code="kommune", defaults={"name": "Kommune"})
    region, _ = Dimension.objects.get_or_create(code="region", defaults={"name": "Helseregion"})
    regions = list(region.values.all()[:4])
    if not regions:
        regions = [DimensionValue.objects.create(dimension=region, code=f"r{i}", label=f"Region {i}") for i in range(4)]
    existing = set(municipality.values.values_list("code", flat=True))
    DimensionValue.objects.bulk_create(
        [
            DimensionValue(
                dimension=municipality,
                code=f"K{n:04d}",
                label=f"Kommune {n}",
                parent=regions[n % len(regions)],
                position=100 + n,
            )
            for n in range(1, MUNICIPALITIES + 1)
            if f"K{n:04d}" not in existing
        ]
    )
    return [f"K{n:04d}" for n in range(1, MUNICIPALITIES + 1)], [r.code for r in regions]


def _series(rows, rng, indicator_id, months, key, start, growth, percentage) -> None:
    """Append a random walk with a steady trend, one value per month."""
    value = start
    for period, sort_key in months:
        value = value * (1 + growth + rng.uniform(-0.01, 0.01))
        shown = min(value, 100.0) if percentage else value
        rows.append((indicator_id, period, sort_key, key, Decimal(f"{shown:.2f}"), None, None, None))


def generate() -> int:
    """Write the national-scale indicators and observations; returns the number of observations."""
    from veikart.indicators.models import Indicator, Target
    from veikart.indicators.services import observations_bulk_insert
    from veikart.strategy.models import Goal

    rng = random.Random(2030)  # the same data every run
    goals = list(Goal.objects.filter(strategy__slug="e-helsestrategi-2023-2030")) or [None]
    municipalities, regions = _municipalities()
    months = _months()
    written = 0
    for number in range(1, INDICATORS + 1):
        percentage = number % 3 == 0
        indicator = Indicator.objects.create(
            code=f"bench-{number:03d}",
            name=f"Benchmark-indikator {number}",
            goal=goals[number % len(goals)],
            measure_type=Indicator.MeasureType.PERCENTAGE if percentage else Indicator.MeasureType.COUNT,
            direction=Indicator.Direction.LOWER if number % 5 == 0 else Indicator.Direction.HIGHER,
            frequency=Indicator.Frequency.MONTHLY,
            source_name=f"Kilde {number % 4}",
            status=Indicator.Status.ADOPTED,
            is_published=True,
        )
        Target.objects.create(indicator=indicator, period="2030", value=Decimal(90 if percentage else 5000))
        rows: list[tuple] = []
        _series(rows, rng, indicator.pk, months, "", 40.0 if percentage else 1000.0, 0.004, percentage)
        for code in regions:
            start = rng.uniform(20, 60) if percentage else rng.uniform(100, 400)
            _series(rows, rng, indicator.pk, months, f"region={code}", start, 0.004, percentage)
        for code in municipalities:
            start = rng.uniform(10, 70) if percentage else rng.uniform(5, 50)
            _series(rows, rng, indicator.pk, months, f"kommune={code}", start, 0.003, percentage)
        with transaction.atomic():
            for start in range(0, len(rows), CHUNK):
                observations_bulk_insert(rows[start : start + CHUNK])
        written += len(rows)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    settle_after_bulk_load()
    return written


def write_import_file(path: Path) -> int:
    """A tidy CSV of ``IMPORT_ROWS`` rows for fresh indicators (indicator, period, kommune, value)."""
    from veikart.indicators.models import Indicator

    municipalities = [f"K{n:04d}" for n in range(1, MUNICIPALITIES + 1)]
    months = [period for period, _key in _months()]
    per_indicator = len(municipalities) * len(months)
    needed = -(-IMPORT_ROWS // per_indicator)
    for number in range(1, needed + 1):
        Indicator.objects.get_or_create(
            code=f"bench-import-{number:02d}",
            defaults={
                "name": f"Importtest {number}",
                "measure_type": Indicator.MeasureType.COUNT,
                "is_published": True,
            },
        )
    written = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("indicator,period,kommune,value\n")
        for number in range(1, needed + 1):
            for period in months:
                for code in municipalities:
                    if written == IMPORT_ROWS:
                        return written
                    out.write(f"bench-import-{number:02d},{period},{code},{(written % 9973) / 7:.2f}\n")
                    written += 1
    return written


CHILD = """
import json, os, resource, sys, time
import django
django.setup()
from veikart.core.exchange.limits import Limits
from veikart.indicators.services import observations_import
start = time.perf_counter()
with open(sys.argv[1], "rb") as stream:
    report = observations_import(stream=stream, file_name="bench.csv", limits=Limits.for_commands())
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "ok": report.ok, "created": report.created, "unchanged": report.unchanged,
                  "problems": [str(p) for p in report.problems[:5]],
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


# The floor an import is compared with: the same file into a bare table with no checks, no indexes
# and no history, by the fastest path each database has (COPY; one executemany in a transaction).
RAW_CHILD = """
import csv, json, sys, time
import django
django.setup()
from django.db import connection, transaction
with connection.cursor() as cursor:
    cursor.execute("DROP TABLE IF EXISTS bench_raw_rows")
    cursor.execute("CREATE TABLE bench_raw_rows (indicator varchar(40), period varchar(20), kommune varchar(20), "
                   "value numeric(20, 6))")
start = time.perf_counter()
with transaction.atomic(), connection.cursor() as cursor, open(sys.argv[1], "rb") as stream:
    if connection.vendor == "postgresql":
        with cursor.cursor.copy("COPY bench_raw_rows FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
            while block := stream.read(1 << 20):
                copy.write(block)
    else:
        rows = csv.reader(line.decode() for line in stream)
        next(rows)
        cursor.executemany("INSERT INTO bench_raw_rows VALUES (%s, %s, %s, %s)", rows)
seconds = time.perf_counter() - start
with connection.cursor() as cursor:
    cursor.execute("DROP TABLE bench_raw_rows")
print(json.dumps({"seconds": seconds}))
"""

# A workbook of 15 kB whose sheet claims every cell a worksheet can have and has a value in its last
# column: the importer must refuse it at once, not pad rows to the claimed width.
HOSTILE_CHILD = """
import io, json, resource, sys, time, zipfile
import django
django.setup()
from openpyxl import Workbook
from veikart.indicators.services import observations_import
plain = io.BytesIO()
Workbook().save(plain)
rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>period</t></is></c></row>' + ''.join(
    f'<row r="{n}"><c r="XFD{n}"><v>1</v></c></row>' for n in range(2, 2000))
sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         '<dimension ref="A1:XFD1048576"/><sheetData>' + rows + '</sheetData></worksheet>')
hostile = io.BytesIO()
with zipfile.ZipFile(plain) as source, zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as archive:
    for member in source.infolist():
        data = sheet.encode() if member.filename == "xl/worksheets/sheet1.xml" else source.read(member.filename)
        archive.writestr(member.filename, data)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
report = observations_import(stream=io.BytesIO(hostile.getvalue()), file_name="hostile.xlsx")
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "refused": not report.ok, "bytes": len(hostile.getvalue()),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "before_mb": before}))
"""


def _in_child(script: str, *args: str) -> dict:
    """Run ``script`` in a fresh process (so its peak memory is its own, plus Django) and read its JSON line."""
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings", TESTING=os.environ.get("TESTING", "true"))
    done = subprocess.run(
        [sys.executable, "-c", script, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _import_in_child(path: Path) -> dict:
    """Import ``path`` in a fresh process so its peak memory is the import's alone (plus Django)."""
    return _in_child(CHILD, str(path))


def run(results: Results) -> None:
    start = time.perf_counter()
    count = generate()
    results.value(f"generate {INDICATORS} ind. × {MUNICIPALITIES} mun. × {MONTHS} months", count, "rows", target="")
    results.value("generation time", time.perf_counter() - start, "s")
    client = Client()
    results.timed(
        "indicator page: national + 4-region breakdown",
        ok_response(client, "/indikatorer/bench-001/?breakdown=region"),
        repeat=30,
        target="p95 ≤ 100 ms",
    )
    results.timed(
        "indicator page: national + one municipality",
        ok_response(client, "/indikatorer/bench-002/?breakdown=kommune&value=K0001"),
        repeat=30,
        target="p95 ≤ 100 ms",
    )
    results.timed(
        f"indicator list, {INDICATORS}+ statuses computed",
        ok_response(client, "/indikatorer/"),
        repeat=20,
        target="p95 ≤ 150 ms",
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "import.csv"
        rows = write_import_file(path)
        # The child process writes through its own connection: commit what this one holds.
        connection.close()
        first = _import_in_child(path)
        if not first["ok"]:
            raise AssertionError(f"import failed: {first['problems']}")
        goal = "≥ 100 000" if connection.vendor == "postgresql" else "≥ 30 000"
        results.value(f"import {rows:,} rows tidy CSV (new)", rows / first["seconds"], "rows/s", target=goal)
        results.value("import peak memory (whole process)", first["peak_mb"], "MB", target="< 500 MB")
        again = _import_in_child(path)
        results.value(f"import the same {rows:,} rows again (no change)", rows / again["seconds"], "rows/s")
        raw = _in_child(RAW_CHILD, str(path))
        floor = "COPY" if connection.vendor == "postgresql" else "executemany"
        results.value(f"the same rows into a bare table (raw {floor})", rows / raw["seconds"], "rows/s")
        results.value("import time ÷ raw time", first["seconds"] / raw["seconds"], "×")
    hostile = _in_child(HOSTILE_CHILD)
    if not hostile["refused"]:
        raise AssertionError("the hostile workbook was imported")
    results.value(
        f"hostile workbook refused ({hostile['bytes'] // 1000} kB, claims XFD1048576)",
        hostile["seconds"],
        "s",
        target="≤ 2 s",
    )
    results.value("hostile workbook: peak memory (whole process)", hostile["peak_mb"], "MB", target="≤ 200 MB")


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    results = Results()
    results.group = "indicators"
    run(results)
    for row in results.rows:
        print(row)
