import pytest
from django.core.management import call_command

from veikart.indicators.models import Indicator, Observation, Target
from veikart.indicators.pages import with_framework
from veikart.indicators.progress import Status, indicator_progress

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def test_the_summary_care_record_indicator_shows_its_published_figures_target_and_status(client, demo):
    indicator = Indicator.objects.get(code="kjernejournal-kommuner")
    totals = {o.period: (o.value, o.note) for o in indicator.observations.totals()}
    assert totals["2022"][0] == 101 and "rett over 100" in totals["2022"][1].lower()
    assert totals["2023"][0] == 274
    assert all("Norsk e-helsemonitor" in note for _value, note in totals.values())
    html = client.get(indicator.get_absolute_url()).content.decode()
    assert ">274<" in html and ">356<" in html
    assert "Demo target" in html
    assert "On track" in html


def test_invented_figures_are_flagged_and_published_ones_are_not(demo):
    assert not Observation.objects.filter(breakdown_key="", is_illustrative=True).exists()
    assert Observation.objects.filter(breakdown_key__startswith="region=", is_illustrative=False).count() == 0
    assert Observation.objects.filter(is_illustrative=True).exists()
    assert not Target.objects.filter(is_demo=False).exists()


def test_every_indicator_the_draft_names_is_there(demo):
    codes = set(Indicator.objects.values_list("code", flat=True))
    assert {
        "emram",
        "helsepersonell-undersokelse",
        "innbygger-undersokelse",
        "helsenorge-besok",
        "digital-hjemmeoppfolging",
        "kjernejournal-kommuner",
        "kritisk-informasjon",
        "legemiddelliste",
        "dokumentdeling",
        "helsedataservice-soknader",
        "forskningsartikler",
    } <= codes


def test_loading_the_demo_again_changes_nothing(demo):
    counts = (Observation.history.count(), Indicator.history.count(), Target.history.count())
    call_command("load_demo", verbosity=0)
    assert (Observation.history.count(), Indicator.history.count(), Target.history.count()) == counts


def test_the_demo_statuses_tell_a_falling_series_and_indicators_without_values_apart(demo):
    statuses = {i.code: indicator_progress(i).status for i in with_framework(Indicator.objects.all())}
    assert statuses["helsenorge-besok"] == Status.AT_RISK
    assert [code for code, status in statuses.items() if status == Status.NO_DATA] == ["kritisk-informasjon"]
    without_values = Indicator.objects.exclude(observations__breakdown_key="").values_list("code", flat=True)
    assert {code for code, status in statuses.items() if status == Status.NO_VALUES} == set(without_values)
