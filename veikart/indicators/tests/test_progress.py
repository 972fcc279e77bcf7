"""Worked examples of the progress method (docs/indicators-progress.md walks through the same numbers)."""

import pytest

from veikart.indicators.progress import GROWTH, LINEAR, Status, assess
from veikart.indicators.tests.factories import add_baseline, add_observations, add_target, make_indicator


def test_a_growing_count_behind_its_required_growth_is_at_risk():
    # 100 → 121 in four years is 4.9 % a year; reaching 200 by 2030 needs 6.5 % a year: R = 0.75.
    progress = assess(series=[("2019", 100), ("2023", 121)], targets=[("2030", 200)])
    assert progress.method == GROWTH
    assert progress.observed_rate == pytest.approx(1.21 ** (1 / 4) - 1)
    target = progress.targets[0]
    assert target.required_rate == pytest.approx(2 ** (1 / 11) - 1)
    assert target.ratio == pytest.approx(0.7504, abs=1e-3)
    assert progress.status == Status.AT_RISK
    assert progress.change == 21
    assert progress.change_percent == pytest.approx(21)
    assert target.projected_value == pytest.approx(121 * 1.21 ** (7 / 4))


def test_a_lower_is_better_indicator_falling_nearly_fast_enough_is_at_risk():
    # 50 → 40 in three years is -7.2 % a year; 30 by 2026 needs -8.2 % a year: R = 0.88.
    progress = assess(series=[("2020", 50), ("2023", 40)], higher_is_better=False, targets=[("2026", 30)])
    assert progress.targets[0].ratio == pytest.approx(0.8788, abs=1e-3)
    assert progress.status == Status.AT_RISK


def test_a_lower_is_better_indicator_that_rises_is_deteriorating():
    progress = assess(series=[("2020", 50), ("2023", 55)], higher_is_better=False, targets=[("2026", 30)])
    assert progress.targets[0].ratio < 0
    assert progress.status == Status.DETERIORATION


def test_a_lower_is_better_indicator_below_its_target_has_achieved_it():
    progress = assess(series=[("2020", 50), ("2023", 28)], higher_is_better=False, targets=[("2026", 30)])
    assert progress.status == Status.ACHIEVED


def test_a_bounded_scale_uses_linear_growth():
    # EMRAM 2 → 3 in two years is 0.5 a year; 5 by 2025 needs 0.75 a year: R = 0.67.
    progress = assess(series=[("2021", 2), ("2023", 3)], bounds=(0, 7), targets=[("2025", 5)])
    assert progress.method == LINEAR
    target = progress.targets[0]
    assert target.required_rate == pytest.approx(0.75)
    assert target.ratio == pytest.approx(2 / 3)
    assert target.projected_value == pytest.approx(4)
    assert progress.status == Status.AT_RISK


def test_a_projection_never_leaves_the_scale():
    progress = assess(series=[("2021", 5), ("2023", 6.5)], bounds=(0, 7), targets=[("2030", 7)])
    assert progress.targets[0].projected_value == 7
    assert max(p.value for p in progress.targets[0].projection) == 7
    assert progress.status == Status.ON_TRACK


def test_a_single_observation_cannot_show_a_trend():
    progress = assess(series=[("2023", 274)], targets=[("2025", 356)])
    assert progress.observed_rate is None
    assert progress.status == Status.NO_DATA


def test_a_single_observation_that_meets_the_target_has_achieved_it():
    assert assess(series=[("2023", 274)], targets=[("2025", 200)]).status == Status.ACHIEVED


def test_a_single_observation_after_a_baseline_is_enough():
    progress = assess(series=[("2023", 274)], baseline=("2022", 101), bounds=(0, 356), targets=[("2025", 356)])
    assert progress.base.value == 101
    assert progress.targets[0].ratio == pytest.approx(173 / 85)
    assert progress.status == Status.ON_TRACK


def test_a_passed_target_is_judged_on_the_value_observed_at_its_period():
    series = [("2020", 50), ("2022", 80), ("2024", 120)]
    progress = assess(series=series, targets=[("2022", 100), ("2023", 70)])
    missed, met = progress.targets
    assert missed.passed and missed.status == Status.OFF_TRACK
    assert met.passed and met.status == Status.ACHIEVED
    # With every target passed the last one decides.
    assert progress.status == Status.ACHIEVED


def test_the_headline_target_is_the_first_one_the_data_has_not_reached():
    series = [("2020", 50), ("2022", 80), ("2024", 120)]
    progress = assess(series=series, targets=[("2022", 100), ("2030", 110)])
    assert progress.headline_target.period == "2030"
    assert progress.status == Status.ACHIEVED
    progress = assess(series=series, targets=[("2022", 100), ("2030", 5000)])
    assert progress.status == Status.OFF_TRACK


def test_a_required_trajectory_runs_from_the_base_to_the_target():
    progress = assess(series=[("2019", 100), ("2023", 121)], targets=[("2030", 200)])
    trajectory = progress.targets[0].trajectory
    assert trajectory[0].value == pytest.approx(100)
    assert trajectory[-1].value == pytest.approx(200)
    assert trajectory[-1].period == "2030"


def test_without_a_target_the_trend_alone_decides():
    assert assess(series=[("2019", 100), ("2023", 110)]).status == Status.ON_TRACK
    assert assess(series=[("2019", 100), ("2023", 103)]).status == Status.AT_RISK
    assert assess(series=[("2019", 100), ("2023", 101)]).status == Status.OFF_TRACK
    assert assess(series=[("2019", 100), ("2023", 90)]).status == Status.DETERIORATION


def test_no_observations_is_no_data_yet():
    progress = assess(series=[], targets=[("2030", 10)])
    assert progress.status == Status.NO_VALUES
    assert progress.status_label == "No data yet"


def test_zero_values_fall_back_to_linear_growth():
    progress = assess(series=[("2020", 0), ("2023", 30)], targets=[("2026", 60)])
    assert progress.method == LINEAR
    assert progress.status == Status.ON_TRACK


@pytest.mark.django_db
def test_an_indicator_is_assessed_from_its_total_series_baseline_and_targets():
    indicator = make_indicator(scale_max=356)
    add_baseline(indicator, "2022", 101)
    add_observations(indicator, {"2023": 274})
    add_observations(indicator, {"2023": 5}, breakdown_key="region=01")
    add_target(indicator, "2025", 356)
    from veikart.indicators.progress import indicator_progress

    progress = indicator_progress(indicator)
    assert progress.latest.value == 274
    assert progress.status == Status.ON_TRACK


def test_targets_set_before_any_data_are_listed_with_no_data_yet():
    progress = assess(series=[], targets=[("2030", 80), ("2027", 60)])
    assert progress.status == Status.NO_VALUES
    assert [(t.period, t.value, t.status) for t in progress.targets] == [
        ("2027", 60, Status.NO_VALUES),
        ("2030", 80, Status.NO_VALUES),
    ]
