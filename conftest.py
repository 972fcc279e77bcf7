"""Fixtures for every test in the repository."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language.

    A request to ``/en/`` leaves English active in the test's thread, and a
    later ``reverse()`` would then build ``/en/`` URLs.
    """
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: ids and revisions repeat from one test database to the next."""
    cache.clear()
    yield


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Within each module, the tests that use the demo run after those that do not.

    The demo is loaded once per module (``veikart.conftest._demo_for_module``) and stays until the
    module's end, so a test that expects a database without it must run before it is loaded. Only
    the tests of one run of a module's items change places: pytest-django's order (tests in a
    transaction before those that flush the database) and the modules' order stay as they are.
    """
    runs: list[list] = []
    for item in items:
        if runs and runs[-1][0].path == item.path:
            runs[-1].append(item)
        else:
            runs.append([item])
    items[:] = [item for run in runs for item in sorted(run, key=lambda item: "demo" in item.fixturenames)]
