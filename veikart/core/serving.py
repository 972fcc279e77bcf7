"""How a serving process treats Python's cyclic garbage collector.

A Django process keeps well over 100,000 long-lived objects (modules, models, URL patterns,
compiled templates, translation catalogues). With CPython's defaults a full collection walks all
of them, and it comes every few dozen requests, because each gen-1 collection promotes whatever
a request had alive at that moment: on a 2-core server that is a 50–120 ms pause inside an
unlucky request, most of the slow tail of the busiest pages. Two standard remedies together:

* ``gc.freeze()`` once the application is loaded moves what exists then into a permanent
  generation that collections skip (the URL configuration is loaded first, so the views are in it);
* a young-generation threshold of ``YOUNG_THRESHOLD`` allocations instead of 700 lets most of a
  request's objects die by reference counting before a collection could promote them.

Cycles are still collected, just later and in smaller steps. The WSGI and ASGI entry points call
``prepare_serving_process`` (so ``runserver`` does too); ``make bench`` calls it as well, so it
measures the server as it runs.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000


def prepare_serving_process() -> None:
    """Load the URL configuration, then freeze what exists and raise the young-generation threshold.

    Call once per process, after Django is set up and before the first request.
    """
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view module now, so they are frozen too
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
