"""Collecting benchmark figures: timings as p50/p95 and single measured values."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

SLOW_SECONDS = 1.0
SLOW_REPEAT = 5


@dataclass
class Row:
    group: str
    scenario: str
    p50_ms: float | None = None
    p95_ms: float | None = None
    runs: int | None = None
    value: float | None = None
    unit: str = ""
    target: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile of ``samples`` (fraction in 0..1)."""
    ordered = sorted(samples)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


class Results:
    """Figures of one benchmark run on one database; ``group`` names the module measuring."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.group = ""

    def timed(
        self, scenario: str, fn: Callable[[], Any], *, repeat: int = 50, warmup: int = 3, target: str = ""
    ) -> Row:
        """Call ``fn`` ``warmup`` times unmeasured, then ``repeat`` times; record p50 and p95 in ms.

        A scenario whose first call takes over ``SLOW_SECONDS`` is far over any target: it is called
        ``SLOW_REPEAT`` times only (``runs`` says how many), so that a slow page does not hold up the run.
        """
        for done in range(warmup):
            start = time.perf_counter()
            fn()
            if done == 0 and time.perf_counter() - start > SLOW_SECONDS:
                repeat = min(repeat, SLOW_REPEAT)
                break
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - start) * 1000)
        row = Row(
            group=self.group,
            scenario=scenario,
            p50_ms=round(statistics.median(samples), 2),
            p95_ms=round(percentile(samples, 0.95), 2),
            runs=repeat,
            target=target,
        )
        self.rows.append(row)
        return row

    def value(self, scenario: str, value: float, unit: str, *, target: str = "") -> Row:
        """Record one measured figure (seconds, rows/s, MB, ...)."""
        row = Row(group=self.group, scenario=scenario, value=round(value, 2), unit=unit, target=target)
        self.rows.append(row)
        return row


def calibration_seconds(rounds: int = 5) -> float:
    """Median time of a fixed ten-million-step Python loop: how fast this machine is right now.

    Shared machines differ several-fold from day to day; printed with the figures, it tells
    whether two runs can be compared at all, and a figure divided by it (the ratio) compares
    better between runs than the figure itself.
    """
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        total = 0
        for step in range(10_000_000):
            total += step
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


CALIBRATION_GROUP = "calibration"


def ok_response(client, url: str) -> Callable[[], Any]:
    """A callable that GETs ``url`` and fails loudly unless the answer is 200."""

    def get() -> Any:
        response = client.get(url)
        if response.status_code != 200:
            raise AssertionError(f"{url} answered {response.status_code}")
        return response

    return get


def settle_after_bulk_load() -> None:
    """Write out what a bulk load left in memory, so that the timings that follow measure the pages,
    not the database flushing hundreds of megabytes in the background.

    On PostgreSQL a ``CHECKPOINT``: after the indicator benchmark's millions of rows (and the
    database-wide ``VACUUM`` that follows the roadmap's load) the checkpointer would otherwise write
    them out over the next minutes, while pages are timed; measured back to back, the first roadmap
    list's median fell from 32–37 to 25–27 ms with it. On SQLite the write-ahead log is folded into
    the database file.
    """
    from django.db import DatabaseError, connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("CHECKPOINT" if connection.vendor == "postgresql" else "PRAGMA wal_checkpoint(TRUNCATE)")
    except DatabaseError as error:  # CHECKPOINT needs a superuser or the pg_checkpoint role
        print(f"  (the database was not checkpointed before timing: {error})".rstrip(), file=sys.stderr)
