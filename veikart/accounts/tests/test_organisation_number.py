"""The organisation number's check digit (modulo 11, weights 3 2 7 6 5 4 3 2)."""

import pytest
from django.core.exceptions import ValidationError

from veikart.accounts.validators import organisation_number_check_digit, validate_organisation_number


@pytest.mark.parametrize("number", ["983544622", "974761122", "958935420", "964338531"])
def test_it_accepts_real_organisation_numbers(number):
    validate_organisation_number(number)


def test_a_remainder_of_zero_gives_the_check_digit_zero():
    # Oslo kommune, 958935420: the weighted sum of its first eight digits is divisible by 11.
    assert organisation_number_check_digit("95893542") == 0


def test_any_other_remainder_gives_eleven_minus_it():
    assert organisation_number_check_digit("00000005") == 1  # 5 * 2 = 10
    assert organisation_number_check_digit("00000050") == 7  # 5 * 3 = 15, remainder 4


def test_a_remainder_of_one_means_no_number_can_start_with_those_digits():
    assert organisation_number_check_digit("40000000") is None  # 4 * 3 = 12, remainder 1
    for last in "0123456789":
        with pytest.raises(ValidationError):
            validate_organisation_number("40000000" + last)


@pytest.mark.parametrize("number", ["983544621", "123456789", "000000001"])
def test_it_refuses_a_wrong_check_digit_with_a_clear_message(number):
    with pytest.raises(ValidationError) as raised:
        validate_organisation_number(number)
    assert raised.value.error_list[0].code == "check_digit"


@pytest.mark.parametrize("number", ["98354462", "9835446222", "98354462x", "９８３５４４６２２"])
def test_it_refuses_anything_but_nine_digits(number):
    with pytest.raises(ValidationError) as raised:
        validate_organisation_number(number)
    assert raised.value.error_list[0].code == "format"
