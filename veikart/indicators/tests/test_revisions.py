"""The data revision: every write that can change an indicator's progress raises it, so the list never shows a stale status."""

import io

import pytest
from django.urls import reverse

from veikart.indicators.models import Indicator, Observation
from veikart.indicators.services import observations_import
from veikart.indicators.tests.factories import add_baseline, add_observations, add_target, make_indicator

pytestmark = pytest.mark.django_db


def revision(indicator: Indicator) -> int:
    return Indicator.objects.values_list("data_revision", flat=True).get(pk=indicator.pk)


def import_csv(text: str, **options):
    return observations_import(stream=io.BytesIO(text.encode()), file_name="data.csv", **options)


@pytest.fixture
def indicator():
    return make_indicator(code="KJ", scale_max=356)


def test_saving_or_deleting_an_observation_target_or_baseline_raises_the_revision(indicator):
    seen = [revision(indicator)]
    add_observations(indicator, {"2022": 101})
    seen.append(revision(indicator))
    target = add_target(indicator, "2025", 356)
    seen.append(revision(indicator))
    add_baseline(indicator, "2021", 50)
    seen.append(revision(indicator))
    target.delete()
    seen.append(revision(indicator))
    Observation.objects.get(indicator=indicator).delete()
    seen.append(revision(indicator))
    indicator.refresh_from_db()
    indicator.direction = Indicator.Direction.LOWER
    indicator.save()
    seen.append(revision(indicator))
    assert seen == sorted(set(seen)), seen


def test_an_import_raises_the_revision_of_the_indicators_it_wrote_and_a_dry_run_does_not(indicator):
    other = make_indicator(code="OTHER")
    before, other_before = revision(indicator), revision(other)
    assert import_csv("indicator,period,value\nKJ,2022,101\n", dry_run=True).ok
    assert revision(indicator) == before
    report = import_csv("indicator,period,value\nKJ,2022,101\n")
    assert report.created == 1
    assert revision(indicator) > before
    assert revision(other) == other_before


def test_a_correction_by_import_raises_the_revision(indicator):
    import_csv("indicator,period,value\nKJ,2022,101\n")
    before = revision(indicator)
    report = import_csv("indicator,period,value\nKJ,2022,120\n")
    assert report.updated == 1
    assert revision(indicator) > before


def test_a_failed_import_leaves_the_revision_as_it_was(indicator):
    before = revision(indicator)
    report = import_csv("indicator,period,value\nKJ,2022,101\nKJ,2023,not a number\n")
    assert not report.ok
    assert revision(indicator) == before


def test_the_list_shows_the_new_status_after_new_data(client, indicator):
    add_observations(indicator, {"2022": 101, "2023": 274})
    add_target(indicator, "2025", 356)
    url = reverse("indicators:indicator-list")
    badge = '">On track</span>'
    assert badge in client.get(url).content.decode()
    import_csv("indicator,period,value\nKJ,2024,120\n")  # a fall: now off track or worse
    assert badge not in client.get(url).content.decode()
