"""The admin saves a strategy only when something changed, so an unchanged save adds no history record."""

import pytest
from django.urls import reverse
from django.utils import translation

from veikart.accounts.models import Organisation
from veikart.indicators.tests.factories import make_goal
from veikart.roadmap.tests.test_admin import loaded_admin_form


@pytest.fixture(autouse=True)
def bokmal():
    with translation.override("nb"):
        yield


@pytest.mark.parametrize("model", ["strategy", "organisation"])
def test_an_unchanged_save_in_the_admin_adds_no_history_and_a_change_adds_one(client, strategy_office, model):
    if model == "strategy":
        obj, field, value = make_goal().strategy, "title_nb", "Ny tittel"
    else:
        obj, field, value = Organisation.objects.create(name="Eier", slug="eier"), "short_name", "E"
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    client.force_login(strategy_office)
    before = obj.history.count()
    assert client.post(url, loaded_admin_form(client, obj, url)).status_code == 302
    assert obj.history.count() == before
    assert client.post(url, {**loaded_admin_form(client, obj, url), field: value}).status_code == 302
    assert obj.history.count() == before + 1
    obj.refresh_from_db()
    assert getattr(obj, field) == value
