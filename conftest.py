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
