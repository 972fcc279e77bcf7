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
    ],
)
def test_each_spelling_gets_its_canonical_form(text, canonical):
    assert parse_period(text).text == canonical


@pytest.mark.parametrize("text", ["", "23", "2023-13", "2023-Q5", "2023-02-30", "next year"])
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
