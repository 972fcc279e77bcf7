"""Shared set-up of the workspace indicator tests: an indicator each owner organisation is responsible for."""

from __future__ import annotations

from django.urls import reverse

from veikart.indicators.tests.factories import make_goal, make_indicator


def ws(name: str, **kwargs) -> str:
    return reverse(f"ws-indicators:{name}", kwargs=kwargs or None)


def own_and_other(organisation, other_organisation):
    """(own published, own unpublished, other's published, other's unpublished) indicators."""
    goal = make_goal(published=True)
    values = {"goal": goal, "definition": "Antall kommuner."}
    return (
        make_indicator(code="EGEN-PUB", responsible=organisation, **values),
        make_indicator(code="EGEN-UPUB", responsible=organisation, published=False, **values),
        make_indicator(code="ANNEN-PUB", responsible=other_organisation, **values),
        make_indicator(code="ANNEN-UPUB", responsible=other_organisation, published=False, **values),
    )
