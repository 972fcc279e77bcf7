"""Each app's workspace pages, found by convention so that adding one needs no change elsewhere.

An app adds pages under ``/forvaltning/`` with a module ``veikart/<app>/workspace_urls.py``
holding ``app_name`` (its namespace, ``ws-<app>`` by convention: ``ws-roadmap:item-list``),
``url_prefix`` (such as ``"veikart/"``) and ``urlpatterns``.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.urls import include, path


def app_workspace_urls() -> list:
    """One ``path(prefix, include(module))`` per installed Veikart app with a ``workspace_urls`` module."""
    patterns = []
    for config in apps.get_app_configs():
        name = f"{config.name}.workspace_urls"
        if config.name.startswith("veikart.") and find_spec(name) is not None:
            module = import_module(name)
            patterns.append(path(module.url_prefix, include(module)))
    return patterns
