import pytest
from django.contrib import admin

from veikart.accounts.models import User
from veikart.indicators.models import Indicator
from veikart.indicators.tests.factories import add_observations, add_target, make_indicator, make_regions

pytestmark = pytest.mark.django_db


def test_the_admin_lists_and_opens_indicators_observations_and_dimensions(client):
    make_regions()
    indicator = make_indicator(code="KJ")
    add_observations(indicator, {"2023": 274})
    add_target(indicator, "2025", 356)
    client.force_login(User.objects.create_superuser("admin", "admin@example.org", "pw-test-123!"))
    for url in [
        "/en/admin/indicators/indicator/",
        f"/en/admin/indicators/indicator/{indicator.pk}/change/",
        f"/en/admin/indicators/indicator/{indicator.pk}/history/",
        "/en/admin/indicators/observation/",
        "/en/admin/indicators/dimension/",
        "/en/admin/indicators/observationimport/",
    ]:
        assert client.get(url).status_code == 200, url


def test_the_admin_reads_a_source_address_without_a_scheme_as_https(rf):
    request = rf.get("/")
    request.user = User.objects.create_superuser("admin", "admin@example.org", "pw-test-123!")
    form = admin.site.get_model_admin(Indicator).get_form(request)()
    assert form.fields["source_url"].to_python("www.ssb.no/statbank") == "https://www.ssb.no/statbank"


def test_the_admin_refuses_a_published_indicator_on_a_sub_goal_of_an_unpublished_version(db):
    from django.forms.models import model_to_dict

    from veikart.indicators.admin import IndicatorAdminForm
    from veikart.indicators.tests.factories import make_goal, make_indicator
    from veikart.strategy.models import SubGoal

    indicator = make_indicator(code="ADM", goal=make_goal())
    draft_sub_goal = SubGoal.objects.filter(strategy__is_published=False).first() or SubGoal.objects.get(
        goal=make_goal(published=False, number=8)
    )
    data = {**model_to_dict(indicator), "sub_goals": [draft_sub_goal.pk]}
    data = {key: value for key, value in data.items() if value is not None}
    form = IndicatorAdminForm(data=data, instance=indicator)
    assert not form.is_valid()
    assert "sub_goals" in form.errors
    form = IndicatorAdminForm(data={**data, "is_published": False}, instance=indicator)
    form.is_valid()
    assert "sub_goals" not in form.errors
