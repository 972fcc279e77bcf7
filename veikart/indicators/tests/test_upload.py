"""Who may upload observations, for which indicators, and what an owner editor's file may hold."""

import io
import re
from pathlib import Path

import pytest
from django.urls import reverse

from veikart.conftest import client_for
from veikart.indicators.models import Dimension, Observation
from veikart.indicators.services import observations_import
from veikart.indicators.tests.factories import make_indicator
from veikart.indicators.tests.uploading import upload as upload_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def third_organisation():
    from veikart.accounts.models import Organisation

    return Organisation.objects.create(name="Testeier C", short_name="Eier C", slug="testeier-c")


@pytest.fixture
def indicators(organisation, third_organisation):
    """Two indicators of the owner editor's organisation (one unpublished) and two of another."""
    return {
        "own": make_indicator(code="KJ", name="Kommuner med kjernejournal", responsible=organisation),
        "own_draft": make_indicator(
            code="UTKAST", name="Utkast til indikator", responsible=organisation, published=False
        ),
        "other": make_indicator(code="HN", name="Besøk på Helsenorge", responsible=third_organisation),
        "secret": make_indicator(
            code="SECRET", name="Hemmelig indikator", responsible=third_organisation, published=False
        ),
    }


def upload(client, text: str, *, indicator: str = "", confirm: bool = False, name: str = "data.csv"):
    return upload_file(client, text.encode(), name=name, indicator=indicator, write=confirm)


def test_the_upload_page_by_role(indicators, strategy_office, owner_editor, other_owner_editor, body_member, outsider):
    url = reverse("indicators:import")
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))
    assert client_for(strategy_office).get(url).status_code == 200
    assert client_for(owner_editor).get(url).status_code == 200
    for refused in (other_owner_editor, body_member, outsider):
        assert client_for(refused).get(url).status_code == 403


def test_a_direct_post_by_someone_without_the_right_writes_nothing(indicators, other_owner_editor, body_member):
    for user in (other_owner_editor, body_member):
        response = upload(client_for(user), "period,value\n2024,300\n", indicator="KJ", confirm=True)
        assert response.status_code == 403
    assert client_for(None).post(reverse("indicators:import"), {"indicator": "KJ"}).status_code == 302
    assert not Observation.objects.exists()


def test_an_owner_editor_chooses_among_its_own_indicators_published_or_not(indicators, owner_editor):
    html = client_for(owner_editor).get(reverse("indicators:import")).content.decode()
    assert '<option value="KJ"' in html and '<option value="UTKAST"' in html
    assert "Utkast til indikator" in html
    # Codes as option values: a bare "HN" can turn up in the page's random CSRF token.
    for hidden in ('value="HN"', "Besøk på Helsenorge", 'value="SECRET"', "Hemmelig indikator"):
        assert hidden not in html


def test_an_owner_editor_must_choose_an_indicator(indicators, owner_editor):
    response = upload(client_for(owner_editor), "indicator,period,value\nKJ,2024,300\n", confirm=True)
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Observation.objects.exists()


def test_an_owner_editor_previews_then_writes_data_for_its_unpublished_indicator(indicators, owner_editor):
    client = client_for(owner_editor)
    preview = upload(client, "period,value\n2024,12\n", indicator="UTKAST")
    assert preview.status_code == 200 and "1 new" in preview.content.decode()
    assert not Observation.objects.exists()
    assert upload(client, "period,value\n2024,12\n", indicator="UTKAST", confirm=True).status_code == 200
    assert Observation.objects.get().indicator == indicators["own_draft"]


def test_rows_for_other_indicators_are_refused_one_by_one(indicators, owner_editor):
    text = "indicator,period,value\nKJ,2024,300\nHN,2024,7\nSECRET,2024,8\nKJ,2025,310\n"
    response = upload(client_for(owner_editor), text, indicator="KJ", confirm=True)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Row 3, column indicator: The row is for &#x27;HN&#x27;, not &#x27;KJ&#x27;." in html
    assert "Row 4, column indicator: The row is for &#x27;SECRET&#x27;, not &#x27;KJ&#x27;." in html
    assert "Row 2" not in html and "Row 5" not in html
    assert not Observation.objects.exists()


def test_a_json_stat_collection_for_another_indicator_is_refused_too(indicators, owner_editor):
    document = (
        '{"class": "collection", "link": {"item": [{"class": "dataset", "extension": {"indicator": "HN"},'
        ' "id": ["Tid"], "size": [1], "dimension": {"Tid": {"category": {"index": ["2024"]}}}, "value": [7]}]}}'
    )
    response = upload(client_for(owner_editor), document, indicator="KJ", confirm=True, name="hn.json")
    assert response.status_code == 400
    assert "The row is for &#x27;HN&#x27;, not &#x27;KJ&#x27;." in response.content.decode()
    assert not Observation.objects.exists()


def test_a_direct_post_for_another_organisations_indicator_writes_nothing_and_reveals_nothing(indicators, owner_editor):
    client = client_for(owner_editor)
    answers = {}
    for code in ("HN", "SECRET", "NO-SUCH"):
        response = upload(client, "period,value\n2024,5\n", indicator=code, confirm=True)
        assert response.status_code == 400
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
        answers[code] = page.replace(code, "CODE")
    assert "Select a valid choice." in answers["HN"]
    assert answers["HN"] == answers["SECRET"] == answers["NO-SUCH"]
    assert not Observation.objects.exists()


def test_the_service_refuses_rows_outside_the_allowed_indicators_without_telling_which_exist(indicators, owner_editor):
    from veikart.accounts import permissions
    from veikart.indicators.models import Indicator

    allowed = permissions.importable_indicators(owner_editor, Indicator.objects.all())
    text = b"indicator,period,value\nKJ,2024,1\nSECRET,2024,2\nNO-SUCH,2024,3\n"
    report = observations_import(stream=io.BytesIO(text), file_name="x.csv", indicators=allowed)
    assert [str(problem) for problem in report.problems] == [
        "Row 3, column indicator: 'SECRET' is not one of the indicators you may import data for.",
        "Row 4, column indicator: 'NO-SUCH' is not one of the indicators you may import data for.",
    ]
    assert not Observation.objects.exists()


def test_the_strategy_office_uploads_a_file_for_several_indicators_of_any_organisation(indicators, strategy_office):
    text = "indicator,period,value\nKJ,2024,300\nHN,2024,7\nSECRET,2024,8\n"
    response = upload(client_for(strategy_office), text, confirm=True)
    assert response.status_code == 200, response.content.decode()
    assert Observation.objects.count() == 3


def test_the_indicator_list_links_to_the_upload_page_for_those_who_may_upload(
    indicators, owner_editor, other_owner_editor
):
    link = reverse("indicators:import")
    list_url = reverse("indicators:indicator-list")
    assert link in client_for(owner_editor).get(list_url).content.decode()
    assert link not in client_for(other_owner_editor).get(list_url).content.decode()
    assert link not in client_for(None).get(list_url).content.decode()


SSB = Path(__file__).parent / "data" / "real" / "ssb-jsonstat2-boligprisindeks.json"


def upload_ssb(client, *, write: bool = False, **fields):
    return upload_file(client, SSB.read_bytes(), name=SSB.name, indicator="KJ", write=write, **fields)


def test_the_strategy_office_previews_a_slice_and_the_dimensions_it_would_create(indicators, strategy_office):
    response = upload_ssb(
        client_for(strategy_office), where="ContentsCode=Boligindeks; Boligtype=02", create_dimensions="on"
    )
    assert response.status_code == 200, response.content.decode()
    page = response.content.decode()
    assert "Dimensions and values to be created" in page
    assert "New dimension Region (region)" in page
    assert "Oslo med Bærum" in page
    assert "192 rows outside the slice and 24 rows without a value were skipped." in page
    assert not Dimension.objects.exists()
    assert not Observation.objects.exists()


def test_the_strategy_office_imports_a_slice_creating_its_dimensions(indicators, strategy_office):
    response = upload_ssb(
        client_for(strategy_office), where="ContentsCode=Boligindeks", create_dimensions="on", write=True
    )
    assert response.status_code == 200, response.content.decode()
    assert Observation.objects.filter(indicator=indicators["own"]).count() == 264
    assert Dimension.objects.filter(code__in=["Region", "Boligtype"]).count() == 2


def test_a_slice_that_is_not_dimension_equals_code_is_a_form_error(indicators, strategy_office):
    response = upload_ssb(client_for(strategy_office), where="Boligindeks")
    assert response.status_code == 400
    assert "is not DIMENSION=CODE" in response.content.decode()


def test_an_owner_editor_is_not_offered_and_cannot_ask_to_create_dimensions(indicators, owner_editor):
    client = client_for(owner_editor)
    assert 'name="create_dimensions"' not in client.get(reverse("indicators:import")).content.decode()
    response = upload_ssb(client, where="ContentsCode=Boligindeks", create_dimensions="on", write=True)
    assert response.status_code == 403
    assert not Dimension.objects.exists()
    assert not Observation.objects.exists()


def test_an_owner_editor_may_slice_a_file_into_known_dimensions(indicators, owner_editor):
    Dimension.objects.create(code="Region", name="Region")
    response = upload_ssb(client_for(owner_editor), where="ContentsCode=Boligindeks")
    assert response.status_code == 400
    assert "&#x27;Boligtype&#x27; is not a known dimension" in response.content.decode()
