"""Refused requests (403) and refused forms (CSRF) get a page in the site's design and language."""

import pytest
from django.test import Client
from django.urls import reverse

from veikart.conftest import client_for
from veikart.strategy.models import Goal, Strategy

pytestmark = pytest.mark.django_db


@pytest.fixture
def history_url(db):
    strategy = Strategy.objects.create(
        title="Strategi", slug="strategi", status=Strategy.Status.ADOPTED, period_start=2023, period_end=2030
    )
    goal = Goal.objects.create(strategy=strategy, number=1, title="Et mål")
    return reverse("core:change-history", kwargs={"app_label": "strategy", "model_name": "goal", "pk": goal.pk})


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize(
    ("prefix", "lang", "heading", "login"),
    [
        ("", "nb", "Du har ikke tilgang til denne siden", "Logg inn"),
        ("/en", "en", "You do not have access to this page", "Log in"),
    ],
)
def test_an_anonymous_visitor_is_offered_to_log_in_and_come_back(
    settings, history_url, debug, prefix, lang, heading, login
):
    settings.DEBUG = debug
    response = Client().get(prefix + history_url)
    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{lang}"' in html
    assert heading in html
    assert "403 Forbidden" not in html
    assert f'href="{prefix}/konto/logg-inn/?next={prefix}/endringslogg/' in html
    assert f">{login}</a>" in html


@pytest.mark.parametrize(
    ("prefix", "said", "home"),
    [
        ("", "Du er logget inn som utenfor, og denne brukeren kan ikke gjøre dette.", "Gå til forsiden"),
        ("/en", "You are logged in as utenfor, and this user may not do this.", "Go to the front page"),
    ],
)
def test_a_logged_in_user_is_told_who_may_and_offered_home_and_another_login(
    settings, history_url, outsider, prefix, said, home
):
    settings.DEBUG = False
    response = client_for(outsider).get(prefix + history_url)
    html = response.content.decode()
    assert response.status_code == 403
    assert said in html
    assert home in html
    # Who may: the reason given where access was refused.
    assert ("strategikontoret" in html) if not prefix else ("strategy office" in html)
    assert f'action="{prefix}/konto/logg-ut/"' in html
    assert f'name="next" value="{prefix}/konto/logg-inn/?next={prefix}/endringslogg/' in html


def test_an_owner_editor_is_told_their_role(history_url, owner_editor):
    html = client_for(owner_editor).get("/en" + history_url).content.decode()
    assert "You are logged in as eier (Owner editor), and this user may not do this." in html


def test_logging_out_from_the_refusal_leads_to_the_login_with_the_way_back(history_url, outsider):
    client = client_for(outsider)
    login = client.get(history_url).context["login_url"]
    response = client.post(reverse("accounts:logout"), {"next": login})
    assert response.status_code == 302
    assert response["Location"] == login


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize(
    ("prefix", "lang", "heading", "nothing_saved"),
    [
        ("", "nb", "Økten din er utløpt", "Ingenting ble lagret."),
        ("/en", "en", "Your session has expired", "Nothing was saved."),
    ],
)
def test_a_form_without_a_valid_token_gets_the_session_expired_page(
    settings, outsider, debug, prefix, lang, heading, nothing_saved
):
    settings.DEBUG = debug
    client = Client(enforce_csrf_checks=True)
    client.force_login(outsider)
    response = client.post(f"{prefix}/konto/logg-ut/")
    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{lang}"' in html
    assert heading in html and nothing_saved in html
    assert "CSRF" not in html
    assert f'href="{prefix}/konto/logg-ut/"' in html
    # Nothing happened: still logged in.
    assert client.get("/").context["user"].is_authenticated


def test_the_session_expired_page_leads_back_to_the_page_that_held_the_form(outsider):
    client = Client(enforce_csrf_checks=True)
    client.force_login(outsider)
    response = client.post("/en/konto/logg-ut/", HTTP_REFERER="http://testserver/en/veikart/?owner=nhn")
    assert 'href="http://testserver/en/veikart/?owner=nhn"' in response.content.decode()
    elsewhere = client.post("/en/konto/logg-ut/", HTTP_REFERER="https://evil.example/")
    assert "evil.example" not in elsewhere.content.decode()
