"""The strategy office starts a revision of the version in force from the workspace, and adopts it.

Who else is refused (403, or the login page) is tested with every page in ``test_workspace_access``.
"""

from veikart.conftest import client_for
from veikart.strategy.models import Strategy

BASE = "/forvaltning/strategi"


def _start_url(strategy) -> str:
    return f"{BASE}/{strategy.pk}/revider/"


def _adopt_url(strategy) -> str:
    return f"{BASE}/{strategy.pk}/vedta/"


def test_the_version_in_force_offers_to_start_a_revision(strategy_office, published_version):
    html = client_for(strategy_office).get(f"{BASE}/{published_version.pk}/").content.decode()
    assert _start_url(published_version) in html
    assert _adopt_url(published_version) not in html


def test_the_confirmation_page_says_what_is_copied(strategy_office, published_version):
    response = client_for(strategy_office).get("/en" + _start_url(published_version))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Copied: every goal with its outcomes" in html and "Not copied: indicators and roadmap items" in html
    assert 'name="csrfmiddlewaretoken"' in html and 'method="post"' in html
    assert Strategy.objects.count() == 1


def test_starting_a_revision_leads_to_the_new_drafts_page(strategy_office, published_version):
    client = client_for(strategy_office)
    response = client.post("/en" + _start_url(published_version), {"version_label": "Revisjon 2027"}, follow=True)
    revision = Strategy.objects.get(previous_version=published_version)
    assert response.redirect_chain == [(f"/en{BASE}/{revision.pk}/", 302)]
    assert (revision.status, revision.is_published) == ("draft", False)
    assert [str(message) for message in response.context["messages"]] == [
        "The revision is started: a draft copy of the version in force. It is not published."
    ]
    html = response.content.decode()
    assert f"/en{_adopt_url(revision)}" in html and "1A" in html
    in_force_page = client.get(f"{BASE}/{published_version.pk}/").content.decode()
    assert _start_url(published_version) not in in_force_page
    assert f"{BASE}/{revision.pk}/" in in_force_page


def test_a_blank_label_keeps_the_form_with_an_error(strategy_office, published_version):
    response = client_for(strategy_office).post(_start_url(published_version), {"version_label": " "})
    assert response.status_code == 200
    assert response.context["form"].errors["version_label"]
    assert Strategy.objects.count() == 1


def test_a_double_submit_makes_one_revision(strategy_office, published_version):
    client = client_for(strategy_office)
    assert client.post(_start_url(published_version), {"version_label": "Revisjon 2027"}).status_code == 302
    second = client.post(_start_url(published_version), {"version_label": "Revisjon 2027"})
    assert second.status_code == 409
    assert "Revisjon 2027" in second.content.decode()
    assert Strategy.objects.filter(previous_version=published_version).count() == 1


def test_a_version_not_in_force_cannot_be_revised_and_says_why(strategy_office, draft):
    client = client_for(strategy_office)
    page = client.get("/en" + _start_url(draft))
    assert page.status_code == 200 and "Only the version in force" in page.content.decode()
    assert _start_url(draft) not in client.get(f"{BASE}/{draft.pk}/").content.decode()
    assert client.post(_start_url(draft), {"version_label": "X"}).status_code == 409
    assert Strategy.objects.count() == 2


def test_adopting_a_revision_supersedes_the_version_in_force(strategy_office, published_version, draft):
    client = client_for(strategy_office)
    assert _adopt_url(draft) in client.get(f"{BASE}/{draft.pk}/").content.decode()
    confirm = client.get("/en" + _adopt_url(draft))
    assert confirm.status_code == 200 and "becomes superseded" in confirm.content.decode()
    response = client.post(_adopt_url(draft))
    assert response.status_code == 302 and response["Location"] == f"{BASE}/{draft.pk}/"
    draft.refresh_from_db()
    published_version.refresh_from_db()
    assert (draft.status, draft.is_published, published_version.status) == ("adopted", True, "superseded")
    assert client.post(_adopt_url(draft)).status_code == 409


def test_a_version_that_is_not_an_open_revision_cannot_be_adopted(strategy_office, published_version):
    client = client_for(strategy_office)
    assert _adopt_url(published_version) not in client.get(f"{BASE}/{published_version.pk}/").content.decode()
    assert client.post(_adopt_url(published_version)).status_code == 409
    published_version.refresh_from_db()
    assert published_version.status == "adopted"


def test_a_sub_goal_may_be_set_to_continue_a_sub_goal_of_another_version_only(strategy_office, draft):
    client = client_for(strategy_office)
    sub_goal = draft.sub_goals.get(code="1A")
    url = f"{BASE}/{draft.pk}/delmal/{sub_goal.pk}/endre/"
    data = {"goal": sub_goal.goal_id, "code": "1A", "title": sub_goal.title, "objectives-TOTAL_FORMS": "0"}
    data |= {"objectives-INITIAL_FORMS": "0", "objectives-MIN_NUM_FORMS": "0", "objectives-MAX_NUM_FORMS": "50"}
    older = draft.previous_version.sub_goals.get(code="1A")
    assert client.post(url, data | {"continues": older.pk}).status_code == 302
    sub_goal.refresh_from_db()
    assert sub_goal.continues == older
    other = draft.goals.get(number=2).sub_goals.create(code="2A", title="Annet")
    response = client.post(url, data | {"continues": other.pk})
    assert response.status_code == 200 and response.context["form"].errors["continues"]
