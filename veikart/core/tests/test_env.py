"""Settings read from the environment fail loudly on a bad value."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_date, env_int, env_list, env_str


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("1", True), ("Off", False), ("no", False)])
def test_booleans_accept_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", not expected) is expected


def test_a_bad_boolean_names_the_variable(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env_bool("DEBUG", False)


def test_a_bad_integer_names_the_variable(monkeypatch):
    monkeypatch.setenv("LOGIN_FAILURE_LIMIT", "five")
    with pytest.raises(ImproperlyConfigured, match="LOGIN_FAILURE_LIMIT"):
        env_int("LOGIN_FAILURE_LIMIT", 5)


def test_empty_values_fall_back_to_the_default(monkeypatch):
    monkeypatch.setenv("SITE_NAME", "  ")
    assert env_str("SITE_NAME", "Veikart") == "Veikart"


def test_lists_are_split_on_commas_and_trimmed(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", " a.example , b.example,, ")
    assert env_list("ALLOWED_HOSTS", []) == ["a.example", "b.example"]


def test_dates_are_read_as_iso_and_a_bad_one_names_the_variable(monkeypatch):
    monkeypatch.setenv("VK_DATE", "2026-11-30")
    assert env_date("VK_DATE", datetime.date(2000, 1, 1)) == datetime.date(2026, 11, 30)
    monkeypatch.setenv("VK_DATE", "30.11.2026")
    with pytest.raises(ImproperlyConfigured, match="VK_DATE"):
        env_date("VK_DATE", datetime.date(2000, 1, 1))
