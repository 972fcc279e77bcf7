import pytest

from veikart.indicators.periods import PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2023", "2023"),
        ("2023-Q2", "2023-Q2"),
        ("2023K2", "2023-Q2"),
        ("2023q4", "2023-Q4"),
        ("2023-5", "2023-05"),
        ("2023M05", "2023-05"),
        ("2023-05-17", "2023-05-17"),
        ("2023Q2", "2023-Q2"),
        ("2023-05", "2023-05"),
        ("2013/14", "2013/14"),
        ("2013/2014", "2013/14"),
        ("1999/00", "1999/00"),
        ("1999/2000", "1999/00"),
    ],
)
def test_each_spelling_gets_its_canonical_form(text, canonical):
    assert parse_period(text).text == canonical


@pytest.mark.parametrize(
    "text", ["", "23", "2023-13", "2023-Q5", "2023-02-30", "next year", "2013/15", "2013/2013", "2005 - 1"]
)
def test_nonsense_is_a_period_error(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_periods_sort_by_their_end_with_finer_periods_first():
    texts = ["2024", "2023-12-31", "2023", "2023-Q4", "2023-12", "2023-01"]
    assert sorted(texts, key=lambda t: parse_period(t).sort_key) == [
        "2023-01",
        "2023-12-31",
        "2023-12",
        "2023-Q4",
        "2023",
        "2024",
    ]


def test_the_time_axis_is_the_end_of_the_period_in_years():
    assert parse_period("2023").time == 2024.0
    assert parse_period("2023-Q2").time == pytest.approx(2023.5, abs=0.01)


def test_a_split_year_sorts_between_the_calendar_years_it_straddles():
    texts = ["2006", "2005/06", "2005", "2006-Q2", "2006-06", "2006/07"]
    assert sorted(texts, key=lambda t: parse_period(t).sort_key) == [
        "2005",
        "2006-06",
        "2006-Q2",
        "2005/06",
        "2006",
        "2006/07",
    ]


def test_a_split_year_runs_from_july_to_june_and_has_a_key_of_its_own():
    period = parse_period("2013/14")
    assert (period.start.isoformat(), period.end.isoformat()) == ("2013-07-01", "2014-06-30")
    others = {parse_period(t).sort_key for t in ["2014", "2014-Q2", "2014-06", "2014-06-30"]}
    assert period.sort_key not in others
    assert parse_period("2013/2014").sort_key == period.sort_key


def test_the_period_of_a_split_years_sort_key_reads_back():
    from veikart.indicators.freshness import period_from_sort_key

    assert period_from_sort_key(parse_period("2013/14").sort_key) == "2013/14"
    assert period_from_sort_key(parse_period("1999/00").sort_key) == "1999/00"
