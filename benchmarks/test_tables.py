"""The benchmark's own arithmetic, without a database: the side-by-side table's ratios and the open
period's mix of states. (The benchmarks themselves run in ``make bench``, never in ``make test``.)"""

from benchmarks.__main__ import _side_by_side
from benchmarks.portfolio_data import OPEN_STATES, _open_state


def _row(database, group, scenario, **values):
    return {
        "database": database,
        "group": group,
        "scenario": scenario,
        "p50_ms": None,
        "p95_ms": None,
        "value": None,
        "unit": "",
        "target": "",
        **values,
    }


def test_each_database_figure_is_divided_by_its_own_runs_calibration():
    rows = [
        _row("machine", "calibration", "loop", value=0.3, unit="s"),
        _row("SQLite", "calibration", "before", value=0.2, unit="s"),
        _row("SQLite", "calibration", "after", value=0.4, unit="s"),
        _row("PostgreSQL", "calibration", "before", value=0.5, unit="s"),
        _row("SQLite", "status", "portfolio page", p50_ms=40.0, p95_ms=60.0, target="p95 ≤ 100 ms"),
        _row("PostgreSQL", "status", "portfolio page", p50_ms=50.0, p95_ms=100.0, target="p95 ≤ 100 ms"),
        _row("SQLite", "snapshots", "freeze", value=1.5, unit="s"),
    ]
    table = _side_by_side(rows)
    assert "SQLite (cal 0.30 s)" in table and "PostgreSQL (cal 0.50 s)" in table
    page = next(line for line in table.splitlines() if "portfolio page" in line)
    # 60 ms over 300 ms; 100 ms over 500 ms.
    assert "0.200" in page and page.count("0.200") == 2 and page.endswith("p95 ≤ 100 ms")
    freeze = next(line for line in table.splitlines() if "freeze" in line)
    assert "1.50 s" in freeze and "5.00" in freeze


def test_the_open_periods_states_cover_every_draw():
    assert abs(sum(share for _state, share in OPEN_STATES) - 1) < 1e-9
    assert _open_state(0.0) == "approved"
    assert _open_state(0.999999) == "returned"
    assert {_open_state(n / 100) for n in range(100)} == {"approved", "submitted", "draft", "returned"}
