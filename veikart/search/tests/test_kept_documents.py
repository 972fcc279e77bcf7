"""What the small kinds' sources keep between searches is read afresh after a change, in every process."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from veikart.core.models import SearchRevision
from veikart.core.search import kept_until_changed
from veikart.indicators.models import Indicator
from veikart.search.pages import site_search

ANONYMOUS = AnonymousUser()


def titles(query: str, user=ANONYMOUS) -> list[str]:
    results = site_search(query=query, kind="indicator", user=user)
    return [hit.title for _label, hit in results.page.object_list]


def another_process_writes(revision: int) -> None:
    """What another server process's write leaves here: the database changed, this process's cache did not hear of it."""
    SearchRevision.objects.update_or_create(pk=1, defaults={"number": revision})


@pytest.mark.django_db
def test_a_kept_value_is_computed_once_until_the_revision_moves():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert kept_until_changed(("test",), compute) == 1
    assert kept_until_changed(("test",), compute) == 1
    another_process_writes(1000)
    assert kept_until_changed(("test",), compute) == 2


def test_a_renamed_indicator_is_found_by_its_new_name_at_once(site):
    indicator = site["indicators"]["visits"]
    assert titles("blodtrykksmåling") == []
    indicator.name = "Blodtrykksmåling hjemme"
    indicator.save()
    assert titles("blodtrykksmåling") == ["Blodtrykksmåling hjemme"]


def test_a_change_made_by_another_process_is_seen_once_the_revision_moves(site):
    indicator = site["indicators"]["visits"]
    assert titles("blodtrykksmåling") == []
    Indicator.objects.filter(pk=indicator.pk).update(name="Blodtrykksmåling hjemme")  # no signal: the row only
    assert titles("blodtrykksmåling") == []  # kept: nothing here said the documents changed
    another_process_writes(1000)
    assert titles("blodtrykksmåling") == ["Blodtrykksmåling hjemme"]


def test_what_is_kept_for_the_strategy_office_is_never_shown_to_the_public(site, strategy_office):
    assert titles("hemmeligmåling", strategy_office) == ["Hemmeligmåling av journal"]
    assert titles("hemmeligmåling") == []
    assert titles("skjult-indikator") == []


def test_publishing_an_indicator_shows_it_to_the_public_at_once(site):
    draft = site["indicators"]["draft"]
    assert titles("hemmeligmåling") == []
    draft.is_published = True
    draft.save()
    assert titles("hemmeligmåling") == ["Hemmeligmåling av journal"]
