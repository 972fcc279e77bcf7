"""Baselines and targets in the workspace: bad input, the indicator's bounds, and the data revision."""

from __future__ import annotations

import logging

import pytest
from django.urls import reverse

from veikart.conftest import client_for
from veikart.indicators.models import Baseline, Indicator, Target
from veikart.indicators.tests.factories import add_baseline, add_observations, add_target, make_goal, make_indicator
from veikart.indicators.tests.workspace_helpers import ws

pytestmark = pytest.mark.django_db


def revision(indicator: Indicator) -> int:
    return Indicator.objects.values_list("data_revision", flat=True).get(pk=indicator.pk)


@pytest.fixture
def indicator():
    return make_indicator(code="KJ", goal=make_goal(), definition="Kommuner.")


@pytest.fixture
def emram():
    return make_indicator(code="EMRAM", goal=make_goal(), measure_type="scale", scale_min=0, scale_max=7)


@pytest.fixture
def office(strategy_office):
    return client_for(strategy_office)


def test_adding_a_target_shows_it_on_the_public_page_at_once(indicator, office, anonymous_client, caplog):
    add_observations(indicator, {"2022": 101, "2023": 274})
    public = anonymous_client.get(indicator.get_absolute_url())
    assert "No target has been set." in public.text
    before = revision(indicator)
    with caplog.at_level(logging.INFO, logger="veikart.indicators.editing"):
        response = office.post(
            ws("target-create", pk=indicator.pk), {"period": "2030", "value": "356", "justification": "Alle kommuner."}
        )
    assert response.status_code == 302
    assert revision(indicator) > before
    public = anonymous_client.get(indicator.get_absolute_url())
    assert "Alle kommuner." in public.text and "No target has been set." not in public.text
    assert "kontor created target KJ 2030 = 356" in caplog.text
    assert Target.objects.get(indicator=indicator).history.latest().history_user.username == "kontor"


def test_the_public_list_shows_the_status_a_new_target_gives_at_once(indicator, office, anonymous_client):
    add_observations(indicator, {"2022": 101, "2023": 274})
    achieved = reverse("indicators:indicator-list") + "?status=achieved"
    assert anonymous_client.get(achieved).context["count"] == 0
    office.post(ws("target-create", pk=indicator.pk), {"period": "2023", "value": "200"})
    assert anonymous_client.get(achieved).context["count"] == 1


def test_editing_and_deleting_a_target_raise_the_data_revision_and_show_at_once(indicator, office, anonymous_client):
    target = add_target(indicator, "2030", 356, justification="Gammel begrunnelse.")
    seen = [revision(indicator)]
    office.post(
        ws("target-edit", pk=indicator.pk, target_pk=target.pk),
        {"period": "2030", "value": "300", "justification": "Ny begrunnelse."},
    )
    seen.append(revision(indicator))
    page = anonymous_client.get(indicator.get_absolute_url()).text
    assert "Ny begrunnelse." in page
    office.post(ws("target-delete", pk=indicator.pk, target_pk=target.pk))
    seen.append(revision(indicator))
    assert "No target has been set." in anonymous_client.get(indicator.get_absolute_url()).text
    assert seen == sorted(set(seen))
    assert not Target.objects.exists()


def test_setting_editing_and_deleting_the_baseline_raise_the_data_revision(indicator, office):
    seen = [revision(indicator)]
    assert office.post(ws("baseline-edit", pk=indicator.pk), {"period": "2021", "value": "50"}).status_code == 302
    seen.append(revision(indicator))
    assert office.post(ws("baseline-edit", pk=indicator.pk), {"period": "2021", "value": "60"}).status_code == 302
    seen.append(revision(indicator))
    assert Baseline.objects.get(indicator=indicator).value == 60
    assert office.post(ws("baseline-delete", pk=indicator.pk)).status_code == 302
    seen.append(revision(indicator))
    assert seen == sorted(set(seen))
    assert not Baseline.objects.exists()


@pytest.mark.parametrize(
    ("existing", "period", "message"),
    [
        ("2030", "2030", "There is already a target for 2030."),
        ("2030", " 2030 ", "There is already a target for 2030."),
        ("2030-Q4", "2030q4", "There is already a target for 2030-Q4."),
        ("2030", "2030-Q4", "2030-Q4 overlaps the target for 2030"),
        ("2030-Q4", "2030", "2030 overlaps the target for 2030-Q4"),
        ("2030-12", "2030-12-31", "2030-12-31 overlaps the target for 2030-12"),
    ],
)
def test_overlapping_or_duplicate_target_periods_are_refused(indicator, office, existing, period, message):
    add_target(indicator, existing, 10)
    response = office.post(
        ws("target-create", pk=indicator.pk), {"period": period, "value": "20", "justification": "Begrunnet."}
    )
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["period"])
    assert "Begrunnet." in response.text
    assert Target.objects.count() == 1


def test_a_target_next_to_another_is_accepted(indicator, office):
    add_target(indicator, "2030", 10)
    assert office.post(ws("target-create", pk=indicator.pk), {"period": "2031-Q1", "value": "20"}).status_code == 302
    assert Target.objects.count() == 2


def test_moving_a_target_onto_its_own_period_is_not_an_overlap(indicator, office):
    target = add_target(indicator, "2030", 10)
    url = ws("target-edit", pk=indicator.pk, target_pk=target.pk)
    assert office.post(url, {"period": "2030", "value": "12"}).status_code == 302


@pytest.mark.parametrize(
    ("page", "value", "message"),
    [
        ("target-create", "8", "8 is outside the scale of EMRAM (0–7)."),
        ("target-create", "-1", "-1 is outside the scale of EMRAM (0–7)."),
        ("baseline-edit", "7,5", "7.5 is outside the scale of EMRAM (0–7)."),
    ],
)
def test_a_value_outside_a_bounded_scale_is_refused(emram, office, page, value, message):
    response = office.post(ws(page, pk=emram.pk), {"period": "2030", "value": value})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["value"])
    assert f'value="{value}"' in response.text
    assert not Target.objects.exists() and not Baseline.objects.exists()


def test_a_value_on_the_bounds_of_the_scale_is_accepted_with_a_decimal_comma(emram, office):
    assert office.post(ws("target-create", pk=emram.pk), {"period": "2030", "value": "7"}).status_code == 302
    assert office.post(ws("baseline-edit", pk=emram.pk), {"period": "2020", "value": "2,5"}).status_code == 302
    assert Baseline.objects.get().value == 2.5


@pytest.mark.parametrize("value", ["100.5", "-0.1"])
def test_a_percentage_outside_0_to_100_is_refused(office, value):
    indicator = make_indicator(code="PCT", measure_type=Indicator.MeasureType.PERCENTAGE)
    response = office.post(ws("target-create", pk=indicator.pk), {"period": "2030", "value": value})
    assert response.status_code == 400
    assert "outside the scale of PCT (0–100)" in " ".join(response.context["form"].errors["value"])


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"period": "2030-13", "value": "1"}, "period"),
        ({"period": "neste år", "value": "1"}, "period"),
        ({"period": "", "value": "1"}, "period"),
        ({"period": "2030", "value": "mange"}, "value"),
        ({"period": "2030", "value": ""}, "value"),
        ({"period": "2030", "value": "1" * 30}, "value"),
    ],
)
def test_bad_periods_and_values_are_clear_messages(indicator, office, data, field):
    response = office.post(ws("target-create", pk=indicator.pk), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Target.objects.exists()


def test_a_baseline_is_edited_not_duplicated(indicator, office):
    add_baseline(indicator, "2020", 5)
    page = office.get(ws("baseline-edit", pk=indicator.pk))
    assert 'value="2020"' in page.text
    office.post(ws("baseline-edit", pk=indicator.pk), {"period": "2019", "value": "4"})
    assert list(Baseline.objects.values_list("period", "value")) == [("2019", 4)]


def test_deleting_a_missing_baseline_answers_404(indicator, office):
    assert office.post(ws("baseline-delete", pk=indicator.pk)).status_code == 404


def test_the_indicator_page_in_the_workspace_lists_the_new_target(indicator, office):
    office.post(ws("target-create", pk=indicator.pk), {"period": "2030", "value": "356"})
    page = office.get(ws("indicator-detail", pk=indicator.pk)).text
    assert "2030" in page and "356" in page
