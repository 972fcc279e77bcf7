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
from pathlib import Path

from benchmarks.results import CALIBRATION_GROUP, calibration_seconds

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


def _calibrations(rows: list[dict]) -> dict[str, float]:
    """Per database, the mean of its run's calibration loops (seconds)."""
    loops: dict[str, list[float]] = {}
    for row in rows:
        if row["group"] == CALIBRATION_GROUP and row["value"]:
            loops.setdefault(row["database"], []).append(row["value"])
    return {database: statistics.mean(values) for database, values in loops.items()}


def _side_by_side(rows: list[dict]) -> str:
    """One line per scenario, the databases side by side: p50 and p95 in ms (or the value), and the ratio
    of p95 (or the value) to the calibration loop of that database's run, both in the same unit."""
    calibrations = _calibrations(rows)
    databases = [database for database in calibrations if database != "machine"]
    scenarios: dict[tuple[str, str], dict[str, dict]] = {}
    for row in rows:
        if row["group"] != CALIBRATION_GROUP and row["database"] in databases:
            scenarios.setdefault((row["group"], row["scenario"]), {})[row["database"]] = row

    def cells(row: dict | None, calibration: float) -> str:
        if row is None:
            return f"{'':>9} {'':>9} {'':>7}"
        if row["p95_ms"] is not None:
            ratio = row["p95_ms"] / (calibration * 1000)
            return f"{row['p50_ms']:>9.1f} {row['p95_ms']:>9.1f} {ratio:>7.3f}"
        value = f"{row['value']:.2f} {row['unit']}"
        ratio = f"{row['value'] / calibration:>7.2f}" if row["unit"] == "s" else f"{'':>7}"
        return f"{'':>9} {value:>9} {ratio}"

    header = f"{'group':<11} {'scenario':<52}" + "".join(
        f" | {'p50':>9} {'p95':>9} {'/cal':>7}" for _database in databases
    )
    title = f"{'':<64}" + "".join(
        f" | {database + f' (cal {calibrations[database]:.2f} s)':<27}" for database in databases
    )
    lines = [title, header, "-" * len(header)]
    for (group, scenario), by_database in scenarios.items():
        target = next((row["target"] for row in by_database.values() if row["target"]), "")
        lines.append(
            f"{group:<11} {scenario[:52]:<52}"
            + "".join(f" | {cells(by_database.get(database), calibrations[database])}" for database in databases)
            + f"  {target}"
        )
    return "\n".join(lines)


def main() -> int:
    calibration = calibration_seconds()
    all_rows: list[dict] = [
        {
            "database": "machine",
            "group": CALIBRATION_GROUP,
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
    print("\nSide by side: p50 and p95 in ms (or a value), and p95 (or the value) over the calibration loop of")
    print("that database's run (the mean of the loop before and after it), a figure that compares between runs.\n")
    print(_side_by_side(all_rows))
    out = ROOT / "var" / "bench" / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(all_rows, indent=2))
    print(f"\n(also written to {out.relative_to(ROOT)})")
    return status


if __name__ == "__main__":
    sys.exit(main())
