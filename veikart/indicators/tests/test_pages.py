"""The public pages: list, indicator page with chart and table, breakdown switch, downloads, sitemap, upload."""

import io

import pytest
from django.urls import reverse

from veikart.indicators.models import Observation
from veikart.indicators.tests.factories import (
    add_observations,
    add_target,
    make_goal,
    make_indicator,
    make_regions,
    plain_user,
    strategy_office_user,
)
from veikart.indicators.tests.uploading import upload
from veikart.strategy.models import Strategy

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal():
    return make_goal()


@pytest.fixture
def public(goal):
    make_regions()
    indicator = make_indicator(code="KJ", goal=goal, scale_max=356, source_name="Norsk e-helsemonitor")
    add_observations(indicator, {"2022": 101, "2023": 274})
    add_observations(indicator, {"2023": 40}, breakdown_key="region=02")
    Observation.objects.filter(breakdown_key="region=02").update(is_illustrative=True)
    add_target(indicator, "2025", 356, is_demo=True, justification="Alle kommuner")
    return indicator


@pytest.fixture
def hidden(goal):
    indicator = make_indicator(code="SECRET", name="Hemmelig indikator", goal=goal, published=False)
    add_observations(indicator, {"2023": 12345})
    return indicator


def test_the_list_groups_indicators_by_goal_with_status_and_trend(client, public, goal):
    response = client.get(reverse("indicators:indicator-list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert goal.title in html and public.name in html
    assert "On track" in html
    assert 'class="vk-sparkline"' in html


def test_the_list_filters_by_status_and_source_through_the_query_string(client, public):
    make_indicator(code="EMPTY", name="Uten data", source_name="Annen kilde")
    url = reverse("indicators:indicator-list")
    assert "Uten data" not in client.get(url, {"status": "on_track"}).content.decode()
    assert public.name not in client.get(url, {"status": "no_data"}).content.decode()
    assert public.name not in client.get(url, {"source": "Annen kilde"}).content.decode()


def test_the_indicator_page_shows_an_accessible_chart_and_its_table(client, public):
    html = client.get(public.get_absolute_url()).content.decode()
    # The page is in English and the name has no English version: the chart's title says it is bokmål.
    assert 'role="img"' in html and '<title id="indicator-chart-title" lang="nb">' in html
    assert '<desc id="indicator-chart-desc">' in html
    assert 'id="indicator-data-table"' in html and '<caption id="indicator-data-caption">' in html
    assert ">274<" in html
    assert "Demo target" in html


def test_an_indicator_with_an_english_name_shows_it_unmarked_in_english(client, public):
    public.name_en = "Municipalities using the summary care record"
    public.definition_en = "Share of municipalities."
    public.save()
    html = client.get(public.get_absolute_url()).content.decode()
    assert "<title>Municipalities using the summary care record – Veikart</title>" in html
    assert '<h1 class="ds-heading" data-size="xl">Municipalities using the summary care record</h1>' in html
    assert '<title id="indicator-chart-title">Municipalities using the summary care record: values and targets' in html


def test_the_breakdown_switch_is_a_plain_get_form(client, public):
    html = client.get(public.get_absolute_url(), {"breakdown": "region"}).content.decode()
    assert '<form method="get"' in html and 'name="breakdown"' in html
    assert "Vest" in html
    assert "illustrative" in html


def test_an_htmx_request_gets_only_the_chart_panel(client, public):
    response = client.get(public.get_absolute_url(), {"breakdown": "region"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="chart-panel"')
    assert "<html" not in html


def test_downloads_of_one_indicator_in_each_format(client, public):
    for fmt, content_type in [("csv", "text/csv"), ("xlsx", "application/vnd"), ("json", "application/json")]:
        response = client.get(reverse("indicators:indicator-download", args=[public.code, fmt]))
        assert response.status_code == 200
        assert response["Content-Type"].startswith(content_type)
    assert client.get(reverse("indicators:indicator-download", args=[public.code, "pdf"])).status_code == 404


def test_anonymous_visitors_never_see_an_unpublished_indicator(client, public, hidden):
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(reverse("indicators:indicator-download", args=[hidden.code, "csv"])).status_code == 404
    assert hidden.name not in client.get(reverse("indicators:indicator-list")).content.decode()
    for fmt in ("csv", "json"):
        response = client.get(reverse("indicators:download-all", args=[fmt]))
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"SECRET" not in body and b"12345" not in body
    sitemap = client.get("/sitemap.xml").content.decode()
    assert public.get_absolute_url() in sitemap
    assert hidden.get_absolute_url() not in sitemap
    goal_page = client.get(public.goal.get_absolute_url()).content.decode()
    assert public.name in goal_page and hidden.name not in goal_page


def test_a_logged_in_citizen_does_not_see_it_either(client, hidden):
    client.force_login(plain_user())
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_the_strategy_office_sees_an_unpublished_indicator(client, hidden):
    client.force_login(strategy_office_user())
    response = client.get(hidden.get_absolute_url())
    assert response.status_code == 200
    assert "Not published" in response.content.decode()


def test_an_indicator_of_an_unpublished_strategy_is_hidden(client):
    goal = make_goal()
    indicator = make_indicator(code="DRAFT", goal=goal)
    Strategy.objects.filter(pk=goal.strategy_id).update(is_published=False)  # unpublished after the fact
    assert client.get(indicator.get_absolute_url()).status_code == 404


def test_the_upload_page_needs_a_login_and_the_right_to_import(client):
    url = reverse("indicators:import")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(plain_user())
    assert client.get(url).status_code == 403


def test_the_upload_page_previews_then_writes(client, public):
    client.force_login(strategy_office_user())
    url = reverse("indicators:import")

    preview = upload(client, b"period,value\n2024,300\n", name="kj.csv", indicator="KJ")
    assert "1 new" in preview.content.decode()
    assert not Observation.objects.filter(period="2024").exists()
    written = upload(client, b"period,value\n2024,300\n", name="kj.csv", indicator="KJ", write=True)
    assert written.redirect_chain == [(url, 302)] and "Imported 1 rows from kj.csv" in written.content.decode()
    assert Observation.objects.get(period="2024", breakdown_key="").value == 300


def test_the_upload_page_lists_every_problem(client, public):
    client.force_login(strategy_office_user())
    data = {"file": io.BytesIO(b"period,value\n2024,x\n2025,9999\n"), "indicator": "KJ"}
    data["file"].name = "bad.csv"
    response = client.post(reverse("indicators:import"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Row 2, column" in html and "Row 3, column" in html


def test_the_indicator_page_names_no_sub_goal_of_an_unpublished_strategy_version(client, goal):
    from veikart.strategy.models import SubGoal

    indicator = make_indicator(code="SUBG", goal=goal)
    public_sub_goal = SubGoal.objects.create(goal=goal, code="1Q", title="Offentlig")
    draft_goal = make_goal(published=False, number=7)
    draft_sub_goal = SubGoal.objects.create(goal=draft_goal, code="7Q", title="Utkast")
    indicator.sub_goals.set([public_sub_goal, draft_sub_goal])
    page = client.get(indicator.get_absolute_url()).text
    assert ">1Q<" in page
    assert "7Q" not in page
