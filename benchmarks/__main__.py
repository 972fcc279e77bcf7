"""`make bench`: run the benchmarks on SQLite and on PostgreSQL and print one table.

Each database is created afresh: a new SQLite file under ``var/bench/`` and a
PostgreSQL database named by ``BENCH_POSTGRES_URL`` (default
``postgres://postgres@127.0.0.1:5432/veikart_bench``), dropped and recreated.
``BENCH_DATABASES=sqlite`` or ``=postgres`` runs one of them only. Server times
are measured in-process through Django's test client (no network), so they
are the time the server spends on a request: median (p50) and 95th percentile.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/veikart_bench"


def _recreate_postgres(url: str) -> str | None:
    """Drop and create the benchmark database; returns an error message, or None when ready."""
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        return str(error).strip()
    return None


def _databases() -> list[tuple[str, str | None, str | None]]:
    """(label, DATABASE_URL, reason it cannot run) for each database to measure."""
    wanted = os.environ.get("BENCH_DATABASES", "sqlite,postgres").split(",")
    databases = []
    if "sqlite" in wanted:
        path = ROOT / "var" / "bench" / "bench.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        databases.append(("SQLite", f"sqlite:///{path}", None))
    if "postgres" in wanted:
        url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
        databases.append(("PostgreSQL", url, _recreate_postgres(url)))
    return databases


def _format(rows: list[dict]) -> str:
    header = (
        f"{'database':<11} {'group':<11} {'scenario':<52} {'p50 ms':>9} {'p95 ms':>9} {'value':>12} {'unit':<8} target"
    )
    lines = [header, "-" * len(header)]
    for row in rows:

        def number(value):
            return "" if value is None else f"{value:,.2f}".replace(",", " ")

        lines.append(
            f"{row['database']:<11} {row['group']:<11} {row['scenario'][:52]:<52} {number(row['p50_ms']):>9} "
            f"{number(row['p95_ms']):>9} {number(row['value']):>12} {row['unit']:<8} {row['target']}"
        )
    return "\n".join(lines)


def _calibration_seconds(rounds: int = 5) -> float:
    """Median time of a fixed ten-million-step Python loop: how fast this machine is right now.

    Shared machines differ several-fold from day to day; printed with the figures, it tells
    whether two runs can be compared at all.
    """
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        total = 0
        for step in range(10_000_000):
            total += step
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> int:
    calibration = _calibration_seconds()
    all_rows: list[dict] = [
        {
            "database": "machine",
            "group": "calibration",
            "scenario": "10-million-step Python loop (median of 5)",
            "p50_ms": None,
            "p95_ms": None,
            "runs": 5,
            "value": round(calibration, 2),
            "unit": "s",
            "target": "",
        }
    ]
    status = 0
    for label, url, problem in _databases():
        if problem:
            print(f"{label}: skipped ({problem})", file=sys.stderr)
            status = 1
            continue
        print(f"{label}: {url}", file=sys.stderr, flush=True)
        env = {**os.environ, "DATABASE_URL": url, "TESTING": "true"}
        completed = subprocess.run(
            [sys.executable, "-m", "benchmarks.run_one"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            status = 1
        try:
            rows = json.loads(completed.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            print(f"{label}: no results", file=sys.stderr)
            continue
        all_rows += [{**row, "database": label} for row in rows]
    print(_format(all_rows))
    out = ROOT / "var" / "bench" / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(all_rows, indent=2))
    print(f"\n(also written to {out.relative_to(ROOT)})")
    return status


if __name__ == "__main__":
    sys.exit(main())
