"""The flag service on plain data: worked examples of each flag and of what raises none."""

from __future__ import annotations

import datetime

import pytest
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import override

from veikart.indicators.progress import Status
from veikart.reporting.flags import (
    COLOUR_AGAINST_INDICATORS,
    DEPENDENCY_SLIP,
    IndicatorFacts,
    ItemFacts,
    MilestoneDate,
    Slip,
    portfolio_flags,
    slip_of,
)

D = datetime.date

# Helsenorge visits 2019–2023: 37.2, 72.9, 140.9, 115.9, 109.5 with a target of 150 by 2030. The long
# run still reaches the target (on track), the last three years fall: held at "at risk".
HELSENORGE = IndicatorFacts(
    name="Bruk av Helsenorge: besøk",
    status=Status.AT_RISK,
    status_label="At risk",
    recent_against=True,
    recent_rate=-0.118,
    recent_words="Falling over the last 2 years (since 2021)",
    base_period="2019",
)
ON_TRACK = IndicatorFacts(name="Digital kontakt", status=Status.ON_TRACK, status_label="On track")


def item(item_id: int, **facts) -> ItemFacts:
    values = {
        "title": f"Tiltak {item_id}",
        "period": "2026 T1",
        "colour_name": "I samsvar med plan",
        "is_best_colour": True,
    }
    return ItemFacts(item_id=item_id, **(values | facts))


@pytest.fixture(autouse=True)
def english():
    with override("en"):
        yield


def reasons(flags) -> list[str]:
    return [strip_tags(flag.reason) for flag in flags]


# --- Colour against indicators ---------------------------------------------------------------------


def test_a_green_item_whose_indicator_falls_against_its_long_run_trend_is_flagged_with_the_trend_in_words():
    flags = portfolio_flags([item(1, indicators=(HELSENORGE,))])
    (flag,) = flags.of(1)
    assert flag.kind == COLOUR_AGAINST_INDICATORS
    assert reasons([flag]) == [
        "Reported “I samsvar med plan”, but the linked indicator “Bruk av Helsenorge: besøk” is “At risk”. "
        "Falling over the last 2 years (since 2021), against the trend since 2019."
    ]


@pytest.mark.parametrize("status", [Status.OFF_TRACK, Status.DETERIORATION])
def test_a_green_item_whose_indicator_is_off_track_or_deteriorating_is_flagged(status):
    indicator = IndicatorFacts(name="Kjernejournal", status=status, status_label=Status(status).label)
    (flag,) = portfolio_flags([item(1, indicators=(indicator,))]).of(1)
    assert strip_tags(flag.reason) == (
        f"Reported “I samsvar med plan”, but the linked indicator “Kjernejournal” is “{Status(status).label}”."
    )


def test_a_yellow_or_red_item_is_not_flagged_for_its_indicators_it_already_reports_a_deviation():
    assert portfolio_flags([item(1, is_best_colour=False, indicators=(HELSENORGE,))]).of(1) == []


@pytest.mark.parametrize(
    "indicator",
    [
        ON_TRACK,
        IndicatorFacts(name="Ny", status=Status.NO_VALUES, status_label="No data yet"),
        IndicatorFacts(name="Én verdi", status=Status.NO_DATA, status_label="Not enough data"),
        IndicatorFacts(name="Nådd", status=Status.ACHIEVED, status_label="Target achieved"),
        # A recovery after a long decline runs against the long run too, but the right way.
        IndicatorFacts(
            name="Bedring",
            status=Status.AT_RISK,
            status_label="At risk",
            recent_against=True,
            recent_rate=0.05,
            recent_words="Rising over the last 2 years (since 2021)",
            base_period="2015",
        ),
    ],
)
def test_a_green_item_whose_indicators_give_no_concern_is_not_flagged(indicator):
    assert portfolio_flags([item(1, indicators=(indicator,))]).by_item == {}


def test_a_rise_is_the_wrong_way_for_an_indicator_where_lower_is_better():
    waiting = IndicatorFacts(
        name="Ventetid",
        status=Status.AT_RISK,
        status_label="At risk",
        higher_is_better=False,
        recent_against=True,
        recent_rate=0.1,
        recent_words="Rising over the last 2 years (since 2021)",
        base_period="2018",
    )
    assert [flag.kind for flag in portfolio_flags([item(1, indicators=(waiting,))]).of(1)] == [
        COLOUR_AGAINST_INDICATORS
    ]


def test_each_concerning_indicator_gets_its_own_flag_and_an_indicator_name_keeps_its_language_mark():
    marked = IndicatorFacts(
        name=mark_safe('<span lang="nb">Bruk av Helsenorge</span>'), status=Status.OFF_TRACK, status_label="Off track"
    )
    flags = portfolio_flags([item(1, indicators=(marked, ON_TRACK, HELSENORGE))]).of(1)
    assert len(flags) == 2
    assert '“<span lang="nb">Bruk av Helsenorge</span>”' in flags[0].reason


def test_a_title_with_markup_is_escaped_in_the_reason():
    slipped = item(1, title="<script>x</script>", planned_end=D(2026, 12, 31), expected_end=D(2027, 6, 30))
    dependant = item(2, depends_on=(1,))
    (flag,) = portfolio_flags([slipped, dependant]).of(2)
    assert "<script>" not in flag.reason and "&lt;script&gt;" in flag.reason


# --- Slips ------------------------------------------------------------------------------------------


def test_the_end_slips_when_the_report_expects_it_later_than_the_previous_report_did():
    facts = item(
        1, planned_end=D(2028, 12, 31), expected_end=D(2029, 6, 30), has_previous=True, previous_expected_end=None
    )
    assert slip_of(facts) == Slip(D(2028, 12, 31), D(2029, 6, 30))


def test_an_end_already_expected_late_in_the_previous_report_does_not_slip_again():
    facts = item(
        1,
        planned_end=D(2028, 12, 31),
        expected_end=D(2029, 6, 30),
        has_previous=True,
        previous_expected_end=D(2029, 6, 30),
    )
    assert slip_of(facts) is None


def test_without_a_previous_report_the_expected_end_is_compared_with_the_planned_end():
    assert slip_of(item(1, planned_end=D(2026, 12, 31), expected_end=D(2027, 3, 31))) == Slip(
        D(2026, 12, 31), D(2027, 3, 31)
    )
    assert slip_of(item(1, planned_end=D(2026, 12, 31), expected_end=D(2026, 6, 30))) is None
    assert slip_of(item(1, planned_end=None, expected_end=D(2026, 6, 30))) is None


def test_an_end_expected_earlier_is_no_slip():
    facts = item(
        1,
        planned_end=D(2028, 12, 31),
        expected_end=D(2028, 6, 30),
        has_previous=True,
        previous_expected_end=D(2029, 6, 30),
    )
    assert slip_of(facts) is None


def test_a_milestone_moved_later_than_known_before_is_a_slip_and_the_latest_one_is_named():
    facts = item(
        1,
        milestones=(
            MilestoneDate("Pilot", D(2026, 9, 1), D(2026, 6, 1)),
            MilestoneDate("Utrulling", D(2027, 3, 1), D(2026, 12, 1)),
            MilestoneDate("Ny milepæl", D(2027, 6, 1), None),
            MilestoneDate("Tidligere", D(2026, 1, 1), D(2026, 3, 1)),
        ),
    )
    assert slip_of(facts) == Slip(D(2026, 12, 1), D(2027, 3, 1), "Utrulling")


# --- Dependants --------------------------------------------------------------------------------------


def test_a_dependant_that_keeps_its_dates_is_flagged_with_the_reason_naming_the_item_that_slipped():
    platform = item(
        35,
        title="Helseanalyseplattform",
        is_best_colour=False,
        planned_end=D(2028, 12, 31),
        expected_end=D(2029, 6, 30),
        has_previous=True,
    )
    analysis = item(36, title="Felles analysemiljø", planned_start=D(2025, 1, 1), depends_on=(35,))
    flags = portfolio_flags([platform, analysis])
    assert flags.by_item.keys() == {36}
    (flag,) = flags.of(36)
    assert (flag.kind, flag.about_item_id) == (DEPENDENCY_SLIP, 35)
    assert strip_tags(flag.reason) == (
        "Depends on “Helseanalyseplattform”, whose expected end moved from Dec. 31, 2028 to June 30, 2029 "
        "in 2026 T1, while this item keeps its dates."
    )


def test_a_milestone_slip_is_named_in_the_dependants_flag():
    slipped = item(1, title="Plattform", milestones=(MilestoneDate("Pilot", D(2026, 9, 1), D(2026, 6, 1)),))
    (flag,) = portfolio_flags([slipped, item(2, depends_on=(1,))]).of(2)
    assert "whose milestone “Pilot” moved from June 1, 2026 to Sept. 1, 2026" in strip_tags(flag.reason)


def test_a_dependant_that_slips_too_is_not_flagged():
    slipped = item(1, planned_end=D(2026, 12, 31), expected_end=D(2027, 6, 30))
    follows = item(2, depends_on=(1,), planned_end=D(2027, 12, 31), expected_end=D(2028, 6, 30))
    assert portfolio_flags([slipped, follows]).by_item == {}


def test_a_dependant_planned_to_start_after_the_new_date_is_not_reached_by_the_slip():
    slipped = item(1, planned_end=D(2026, 12, 31), expected_end=D(2027, 6, 30))
    later = item(2, depends_on=(1,), planned_start=D(2027, 6, 30))
    earlier = item(3, depends_on=(1,), planned_start=D(2027, 6, 29))
    assert portfolio_flags([slipped, later, earlier]).by_item.keys() == {3}


def test_a_dependency_outside_the_overview_raises_no_flag():
    # Item 9 slipped, but it has no report the viewer may read in the period: it is not among the facts.
    assert portfolio_flags([item(2, depends_on=(9,))]).by_item == {}


def test_an_item_can_carry_both_flags():
    slipped = item(1, planned_end=D(2026, 12, 31), expected_end=D(2027, 6, 30), is_best_colour=False)
    both = item(2, depends_on=(1,), indicators=(HELSENORGE,))
    assert [flag.kind for flag in portfolio_flags([slipped, both]).of(2)] == [
        COLOUR_AGAINST_INDICATORS,
        DEPENDENCY_SLIP,
    ]
