"""A serving process freezes what it loaded and collects young objects less often."""

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from veikart.core.serving import YOUNG_THRESHOLD, prepare_serving_process

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def restored_collector():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_preparing_freezes_the_loaded_objects_and_raises_the_young_threshold(restored_collector):
    middle_and_old = gc.get_threshold()[1:]
    prepare_serving_process()
    assert gc.get_freeze_count() > 10_000  # Django, the apps and every view module
    assert gc.get_threshold() == (YOUNG_THRESHOLD, *middle_and_old)


@pytest.mark.parametrize("entry_point", ["config.wsgi", "config.asgi"])
def test_both_entry_points_prepare_the_process(entry_point):
    script = f"import gc, {entry_point}; print(gc.get_threshold()[0], gc.get_freeze_count() > 0)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "TESTING": "true"}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert done.stdout.split() == [str(YOUNG_THRESHOLD), "True"]
