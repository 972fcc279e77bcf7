"""Worked examples of the recent trend, the projection range and its warnings (docs/indicators-progress.md)."""

import pytest
from django.utils import translation

from veikart.indicators.progress import IMPLAUSIBLE_RANGE_FACTOR, Status, assess

# Visits to helsenorge.no in millions (Norsk e-helsemonitor), as in the demo, with its demo target.
HELSENORGE = [("2019", 37.2), ("2020", 72.9), ("2021", 140.9), ("2022", 115.9), ("2023", 109.5)]
HELSENORGE_TARGET = [("2030", 150)]


def test_helsenorge_falling_since_its_pandemic_peak_is_at_risk_not_on_track():
    progress = assess(series=HELSENORGE, targets=HELSENORGE_TARGET)
    # The long run (2019 → 2023) grows 31 % a year against 13.5 % needed: on track by the method alone.
    assert progress.observed_rate == pytest.approx((109.5 / 37.2) ** (1 / 4) - 1)
    assert progress.targets[0].ratio == pytest.approx(2.293, abs=1e-3)
    # The last three observations (2021 → 2023) fall 11.8 % a year.
    assert progress.recent.start.period == "2021"
    assert progress.recent.rate == pytest.approx((109.5 / 140.9) ** (1 / 2) - 1)
    assert progress.recent.against
    assert progress.recent.words == "Falling over the last 2 years (since 2021)"
    assert progress.status == Status.AT_RISK
    assert progress.uncapped_status == Status.ON_TRACK


def test_helsenorge_projects_a_range_with_a_warning_on_its_far_end():
    target = assess(series=HELSENORGE, targets=HELSENORGE_TARGET).targets[0]
    assert target.projected_value == pytest.approx(724.33, abs=0.01)
    assert (target.projected_low, target.projected_high) == (pytest.approx(45.31, abs=0.01), target.projected_value)
    assert target.has_range
    # 724 lies 615 beyond 109.5, about six times the observed range (140.9 - 37.2 = 103.7).
    assert target.implausible
    assert target.capped == ""
    assert "more than 3 times the range of the observed values" in target.projection_notes[0]
    assert [p.value for p in target.recent_projection][-1] == pytest.approx(target.projected_low)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nb", "Fallende de siste 2 årene (siden 2021)"),
        ("nn", "Fallande dei siste 2 åra (sidan 2021)"),
        ("en", "Falling over the last 2 years (since 2021)"),
    ],
)
def test_the_recent_trend_is_told_in_each_language(language, words):
    progress = assess(series=HELSENORGE, targets=HELSENORGE_TARGET)
    with translation.override(language):
        assert progress.recent.words == words


def test_the_recent_window_is_the_last_three_observations_or_the_last_third_whichever_is_longer():
    yearly = [(str(2000 + i), 100 + i) for i in range(12)]
    assert assess(series=yearly[:9]).recent.start.period == "2006"  # ⌈9/3⌉ = 3 observations
    assert assess(series=yearly).recent.start.period == "2008"  # ⌈12/3⌉ = 4 observations
    assert assess(series=yearly).recent.observations == 4


def test_three_observations_alone_have_no_recent_trend_apart_from_the_long_run():
    progress = assess(series=[("2021", 100), ("2022", 90), ("2023", 80)], targets=[("2030", 200)])
    assert progress.recent is None
    assert not progress.trend_turned
    assert not progress.targets[0].has_range


def test_three_observations_after_an_earlier_baseline_have_a_recent_trend():
    progress = assess(series=[("2021", 150), ("2022", 140), ("2023", 130)], baseline=("2015", 100))
    assert progress.recent.start.period == "2021"
    assert progress.recent.against
    assert progress.status == Status.AT_RISK
    assert progress.uncapped_status == Status.ON_TRACK


def test_a_recent_trend_that_agrees_with_the_long_run_changes_no_status_and_says_nothing():
    series = [("2019", 100), ("2020", 110), ("2021", 120), ("2022", 125), ("2023", 128)]
    progress = assess(series=series, targets=[("2030", 150)])
    assert progress.recent is not None and not progress.recent.against
    assert not progress.trend_turned
    assert progress.status == Status.ON_TRACK and progress.uncapped_status == ""
    target = progress.targets[0]
    assert target.projected_low < target.projected_value == target.projected_high


def test_without_a_target_a_recent_fall_holds_a_rising_series_at_risk():
    series = [("2018", 100), ("2019", 120), ("2020", 140), ("2021", 160), ("2022", 150), ("2023", 145)]
    progress = assess(series=series)
    assert progress.recent.words == "Falling over the last 2 years (since 2021)"
    assert progress.status == Status.AT_RISK
    assert progress.uncapped_status == Status.ON_TRACK


def test_a_recovery_after_a_long_decline_is_told_but_does_not_lift_the_status():
    series = [("2018", 100), ("2019", 80), ("2020", 60), ("2021", 50), ("2022", 55), ("2023", 58)]
    progress = assess(series=series, targets=[("2030", 120)])
    assert progress.trend_turned
    assert progress.recent.words == "Rising over the last 2 years (since 2021)"
    assert progress.status == Status.DETERIORATION
    assert progress.uncapped_status == ""


def test_a_lower_is_better_indicator_rising_again_is_at_risk():
    series = [("2018", 50), ("2019", 45), ("2020", 40), ("2021", 35), ("2022", 36), ("2023", 38)]
    progress = assess(series=series, higher_is_better=False, targets=[("2030", 30)])
    assert progress.recent.words == "Rising over the last 2 years (since 2021)"
    assert progress.status == Status.AT_RISK


def test_a_quarterly_series_counts_its_recent_trend_in_periods():
    series = [("2023-Q1", 10), ("2023-Q2", 12), ("2023-Q3", 14), ("2023-Q4", 13), ("2024-Q1", 12)]
    assert assess(series=series).recent.words == "Falling over the last 2 periods (since 2023-Q3)"


def test_a_target_already_met_stays_achieved_while_the_recent_trend_is_told():
    series = [("2019", 100), ("2020", 140), ("2021", 180), ("2022", 170), ("2023", 165)]
    progress = assess(series=series, targets=[("2030", 150)])
    assert progress.trend_turned
    assert progress.status == Status.ACHIEVED


def test_a_projection_beyond_the_ceiling_is_capped_and_says_so():
    progress = assess(series=[("2023", 274)], baseline=("2022", 101), bounds=(0, 356), targets=[("2025", 356)])
    target = progress.targets[0]
    assert target.projected_value == 356
    assert (target.capped, target.capped_at) == ("high", 356)
    assert target.projection_notes == ["Capped at the highest possible value, 356."]
    assert not target.implausible


def test_a_projection_below_the_floor_is_capped_at_the_lowest_value():
    progress = assess(series=[("2021", 20), ("2023", 10)], bounds=(0, 100), targets=[("2030", 50)])
    assert (progress.targets[0].capped, progress.targets[0].projected_value) == ("low", 0)


def test_a_steady_trend_over_a_long_horizon_is_not_implausible():
    # 121 → 169.4 by 2030 lies 48.4 beyond the latest value: 2.3 times the observed range of 21.
    target = assess(series=[("2019", 100), ("2023", 121)], targets=[("2030", 200)]).targets[0]
    assert abs(target.projected_value - 121) / 21 < IMPLAUSIBLE_RANGE_FACTOR
    assert not target.implausible
    assert target.projection_notes == []


def test_a_single_observation_without_a_baseline_still_has_not_enough_data():
    # Kritisk informasjon in the demo: one value, no baseline, no trend to tell.
    progress = assess(series=[("2022", 97000)], targets=[("2030", 300000)])
    assert progress.status == Status.NO_DATA
    assert progress.status_label == "Not enough data"


def test_a_single_observation_without_a_baseline_says_what_pace_the_target_needs():
    progress = assess(series=[("2022", 97000)], targets=[("2030", 300000)])
    # From the end of 2022 to the end of 2030 is 8 years: (300000 / 97000)^(1/8) - 1 = 15.2 % a year.
    assert progress.targets[0].needed_rate == pytest.approx((300000 / 97000) ** (1 / 8) - 1)
    assert progress.needed_words == "Reaching 300,000 by 2030 needs growth of 15.2 % a year from 2022."


def test_a_single_value_on_a_scale_needs_a_change_in_units_a_year():
    progress = assess(series=[("2023", 3)], bounds=(0, 7), targets=[("2030", 6)])
    assert progress.needed_words == "Reaching 6 by 2030 needs a change of 0.43 a year from 2023."
