"""Run every benchmark module against one freshly migrated database and print the rows as JSON.

Called by ``python -m benchmarks`` once per database, in a subprocess, with
``DATABASE_URL`` set. Modules are ``benchmarks/bench_*.py``, each with
``run(results)``; ``BENCH_ONLY`` (comma-separated module suffixes) picks some.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sys
import traceback

import django


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("TESTING", "true")
    django.setup()
    from django.core.management import call_command

    from benchmarks.results import CALIBRATION_GROUP, Results, calibration_seconds

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0)
    # Server times are measured in this process: prepare it as the WSGI and ASGI entry points do.
    from veikart.core.serving import prepare_serving_process

    prepare_serving_process()

    only = {name.strip() for name in os.environ.get("BENCH_ONLY", "").split(",") if name.strip()}
    import benchmarks

    modules = sorted(info.name for info in pkgutil.iter_modules(benchmarks.__path__) if info.name.startswith("bench_"))
    results = Results()
    # The machine's speed on this database's run, before and after it: the ratios use their mean.
    results.group = CALIBRATION_GROUP
    results.value("10-million-step Python loop, before", calibration_seconds(), "s")
    failed = False
    for name in modules:
        if only and name.removeprefix("bench_") not in only:
            continue
        results.group = name.removeprefix("bench_")
        print(f"  running {name} ...", file=sys.stderr, flush=True)
        try:
            importlib.import_module(f"benchmarks.{name}").run(results)
        except Exception:
            traceback.print_exc()
            failed = True
    results.group = CALIBRATION_GROUP
    results.value("10-million-step Python loop, after", calibration_seconds(), "s")
    print(json.dumps([row.as_dict() for row in results.rows]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
