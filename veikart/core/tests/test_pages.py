"""Site-wide pages: languages, error pages, sitemap, change history with diffs."""

import datetime

import pytest
from django.urls import reverse

from veikart.conftest import client_for
from veikart.strategy.models import Goal

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("prefix", "lang"), [("", "nb"), ("/nn", "nn"), ("/en", "en")])
def test_every_language_has_its_own_address_and_lang_attribute(client, demo, prefix, lang):
    response = client.get(f"{prefix}/")
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in response.content.decode()


def test_the_language_links_point_to_the_same_page_in_each_language(client, demo):
    html = client.get("/strategier/").content.decode()
    assert 'href="/nn/strategier/"' in html and 'href="/en/strategier/"' in html


def test_a_missing_page_is_a_404_in_the_design(client, db, settings):
    settings.DEBUG = False
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    assert "ds-heading" in response.content.decode()


def test_the_server_error_page_renders_without_a_request_context():
    from veikart.core.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Noe gikk galt" in response.content.decode()


def test_the_sitemap_lists_goals_in_every_language(client, demo):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/strategier/e-helsestrategi-2023-2030/mal/2/" in xml
    assert "/en/strategier/e-helsestrategi-2023-2030/mal/2/" in xml


def test_staff_see_a_diff_of_each_change(demo, strategy_office):
    goal = Goal.objects.get(strategy__slug="e-helsestrategi-2023-2030", number=2)
    goal.title = "En enklere arbeidshverdag"
    goal.save()
    url = reverse("core:change-history", kwargs={"app_label": "strategy", "model_name": "goal", "pk": goal.pk})
    html = client_for(strategy_office).get(url).content.decode()
    # A word diff: the changed words are marked, the unchanged ones stay as context.
    assert '<del class="vk-diff-del"><span class="ds-sr-only">slettet: </span>Enklere</del>' in html
    assert '<ins class="vk-diff-add"><span class="ds-sr-only">satt inn: </span>En enklere</ins>' in html
    assert " arbeidshverdag" in html


@pytest.mark.parametrize("persona", [None, "outsider", "owner_editor", "body_member"])
def test_the_change_history_is_for_staff_only(request, demo, persona):
    goal = Goal.objects.first()
    client = client_for(request.getfixturevalue(persona) if persona else None)
    url = reverse("core:change-history", kwargs={"app_label": "strategy", "model_name": "goal", "pk": goal.pk})
    assert client.get(url).status_code == 403


def test_the_change_history_of_an_unknown_model_is_a_404(strategy_office):
    url = reverse("core:change-history", kwargs={"app_label": "strategy", "model_name": "nothing", "pk": 1})
    assert client_for(strategy_office).get(url).status_code == 404


def test_the_accessibility_statement_gives_a_feedback_address_and_the_date_of_the_last_check(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "tilgjengelighet@helsedir.example"
    settings.ACCESSIBILITY_CHECKED_ON = datetime.date(2026, 11, 30)
    html = client.get("/tilgjengelighet/").content.decode()
    assert 'href="mailto:tilgjengelighet@helsedir.example"' in html
    assert "30. november 2026" in html
    assert 'href="https://www.uutilsynet.no/"' in html
    english = client.get("/en/tilgjengelighet/").content.decode()
    assert "last checked against WCAG 2.1 A and AA on Nov. 30, 2026" in english
