"""Who may open the workspace, and what its start page shows each role."""

import pytest

from veikart.conftest import client_for


@pytest.mark.parametrize("persona", ["strategy_office", "owner_editor", "body_member"])
def test_each_role_that_works_in_veikart_opens_its_start_page(persona, request):
    response = client_for(request.getfixturevalue(persona)).get("/forvaltning/")
    assert response.status_code == 200
    assert "Forvaltning" in response.text


def test_an_anonymous_visitor_is_sent_to_the_login_page(anonymous_client):
    response = anonymous_client.get("/forvaltning/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logg-inn/")


def test_a_user_without_a_role_is_refused(outsider):
    assert client_for(outsider).get("/forvaltning/").status_code == 403


def test_the_header_links_to_the_workspace_only_for_those_who_may_use_it(owner_editor, outsider):
    assert 'href="/forvaltning/"' in client_for(owner_editor).get("/").text
    assert 'href="/forvaltning/"' not in client_for(outsider).get("/").text
