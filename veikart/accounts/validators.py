"""Checks on what people type for organisations: the organisation number's check digit."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The Central Coordinating Register for Legal Entities (Enhetsregisteret) computes the ninth digit
# of an organisation number from the first eight with these weights, modulo 11.
CHECK_DIGIT_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def organisation_number_check_digit(first_eight: str) -> int | None:
    """The check digit for eight digits, or None when no number may start with them.

    The weighted sum is taken modulo 11: a remainder of 0 gives 0, a remainder
    of 1 gives no valid number at all, any other remainder ``r`` gives ``11 - r``.
    """
    remainder = sum(int(digit) * weight for digit, weight in zip(first_eight, CHECK_DIGIT_WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def validate_organisation_number(value: str) -> None:
    """Refuse anything but nine digits whose last digit is the check digit of the first eight."""
    if len(value) != 9 or not value.isascii() or not value.isdigit():
        raise ValidationError(_("An organisation number has nine digits."), code="format")
    if organisation_number_check_digit(value[:8]) != int(value[8]):
        raise ValidationError(
            _("%(number)s is not an organisation number: its last digit does not match the check digit."),
            code="check_digit",
            params={"number": value},
        )
