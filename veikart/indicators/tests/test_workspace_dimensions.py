"""Dimensions and their values in the workspace: unique codes, parents, and values observations use."""

from __future__ import annotations

import logging

import pytest

from veikart.conftest import client_for
from veikart.indicators.models import Dimension, DimensionValue
from veikart.indicators.tests.factories import add_observations, make_indicator, make_regions
from veikart.indicators.tests.workspace_helpers import ws

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(strategy_office):
    return client_for(strategy_office)


@pytest.fixture
def region():
    return make_regions()


def test_the_strategy_office_creates_a_dimension_and_its_values(office, region, caplog):
    with caplog.at_level(logging.INFO, logger="veikart.indicators.editing"):
        response = office.post(ws("dimension-create"), {"code": "kommune", "name": "Kommune", "position": "2"})
    municipality = Dimension.objects.get(code="kommune")
    assert response.status_code == 302 and response["Location"] == ws("dimension-detail", pk=municipality.pk)
    oslo_region = region.values.get(code="01")
    response = office.post(
        ws("value-create", pk=municipality.pk),
        {"code": "0301", "label": "Oslo", "parent": str(oslo_region.pk), "position": "1"},
    )
    assert response.status_code == 302
    oslo = DimensionValue.objects.get(dimension=municipality, code="0301")
    assert oslo.parent == oslo_region and oslo.history.latest().history_user.username == "kontor"
    assert "kontor created dimension kommune" in caplog.text
    page = office.get(ws("dimension-detail", pk=municipality.pk)).text
    assert "Oslo" in page and "Sør-Øst" in page
    assert "kommune" in office.get(ws("dimension-list")).text


def test_a_taken_dimension_code_is_refused(office, region):
    response = office.post(ws("dimension-create"), {"code": "region", "name": "Region igjen", "position": "0"})
    assert response.status_code == 400
    assert response.context["form"].errors["code"]
    assert 'value="Region igjen"' in response.text


def test_a_value_code_taken_in_the_same_dimension_is_refused_but_free_in_another(office, region):
    response = office.post(ws("value-create", pk=region.pk), {"code": "01", "label": "Dobbel", "position": "0"})
    assert response.status_code == 400
    assert "already has a value with the code “01”" in " ".join(response.context["form"].errors["code"])
    other = Dimension.objects.create(code="kommune", name="Kommune")
    assert (
        office.post(ws("value-create", pk=other.pk), {"code": "01", "label": "Ok", "position": "0"}).status_code == 302
    )


def test_renaming_a_value_onto_a_sibling_code_is_refused(office, region):
    value = region.values.get(code="02")
    url = ws("value-edit", pk=region.pk, value_pk=value.pk)
    response = office.post(url, {"code": "01", "label": "Vest", "position": "1"})
    assert response.status_code == 400
    value.refresh_from_db()
    assert value.code == "02"


def test_a_value_cannot_be_part_of_itself_or_of_a_value_below_it(office, region):
    parent, child = region.values.get(code="01"), region.values.get(code="02")
    child.parent = parent
    child.save()
    url = ws("value-edit", pk=region.pk, value_pk=parent.pk)
    response = office.post(url, {"code": "01", "label": "Sør-Øst", "parent": str(child.pk), "position": "0"})
    assert response.status_code == 400
    assert "part of itself" in " ".join(response.context["form"].errors["parent"])
    form = office.get(url).context["form"]
    assert parent not in form.fields["parent"].queryset


@pytest.mark.parametrize(
    "data",
    [
        {"code": "", "label": "Tom", "position": "0"},
        {"code": "har mellomrom", "label": "X", "position": "0"},
        {"code": "x", "label": "X", "position": "-1"},
        {"code": "x", "label": "X", "position": "0", "parent": "99999"},
    ],
)
def test_bad_value_input_is_a_clear_message(office, region, data):
    response = office.post(ws("value-create", pk=region.pk), data)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert DimensionValue.objects.filter(dimension=region).count() == 4


def test_a_value_no_observation_uses_is_deleted_after_confirmation(office, region):
    value = region.values.get(code="04")
    url = ws("value-delete", pk=region.pk, value_pk=value.pk)
    assert "Delete the value “Nord”" in office.get(url).text
    assert office.post(url).status_code == 302
    assert not DimensionValue.objects.filter(pk=value.pk).exists()


def test_a_value_observations_use_is_not_deleted_and_says_why(office, region):
    indicator = make_indicator(code="KJ")
    add_observations(indicator, {"2023": 62}, breakdown_key="region=02")
    add_observations(indicator, {"2023": 5}, breakdown_key="kommune=4601|region=02")
    value = region.values.get(code="02")
    url = ws("value-delete", pk=region.pk, value_pk=value.pk)
    page = office.get(url)
    assert page.status_code == 200 and "2 observations use “Vest”, so it cannot be deleted." in page.text
    response = office.post(url)
    assert response.status_code == 400 and "2 observations use “Vest”" in response.text
    assert DimensionValue.objects.filter(pk=value.pk).exists()


def test_only_whole_codes_count_as_use(office, region):
    indicator = make_indicator(code="KJ")
    add_observations(indicator, {"2023": 1}, breakdown_key="region=011")
    DimensionValue.objects.create(dimension=region, code="011", label="Elleve")
    value = region.values.get(code="01")
    assert office.post(ws("value-delete", pk=region.pk, value_pk=value.pk)).status_code == 302


def test_the_code_of_a_used_value_or_dimension_cannot_change(office, region):
    indicator = make_indicator(code="KJ")
    add_observations(indicator, {"2023": 62}, breakdown_key="region=02")
    value = region.values.get(code="02")
    response = office.post(
        ws("value-edit", pk=region.pk, value_pk=value.pk), {"code": "20", "label": "Vest", "position": "1"}
    )
    assert response.status_code == 400
    assert "Observations use the code “02”" in " ".join(response.context["form"].errors["code"])
    response = office.post(
        ws("value-edit", pk=region.pk, value_pk=value.pk), {"code": "02", "label": "Helse Vest", "position": "1"}
    )
    assert response.status_code == 302
    response = office.post(
        ws("dimension-edit", pk=region.pk), {"code": "helseregion", "name": "Helseregion", "position": "0"}
    )
    assert response.status_code == 400
    assert Dimension.objects.filter(code="region").exists()


def test_a_value_of_another_dimension_is_not_found_under_this_one(office, region):
    other = Dimension.objects.create(code="kommune", name="Kommune")
    value = region.values.get(code="01")
    assert office.get(ws("value-edit", pk=other.pk, value_pk=value.pk)).status_code == 404
    assert office.post(ws("value-delete", pk=other.pk, value_pk=value.pk)).status_code == 404
