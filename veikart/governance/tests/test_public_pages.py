"""The public governance pages: drafts stay hidden, filters and search of the decision log, bad query
strings, one h1, a title and a breadcrumb per page, and an exempt case's follow-ups and links never
found through a filter by those who may not read its papers."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from veikart.conftest import client_for
from veikart.governance import services
from veikart.governance.decision_search import decision_index_refresh, ranked_decision_ids
from veikart.governance.models import Case, DecisionSearch

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(nuit, make_meeting, strategy_office, organisation):
    """A held NUIT meeting with three decided cases: one with an open follow-up due in ten days, one with a
    done follow-up, one exempt (with an open follow-up, and a word only in its papers)."""
    meeting = make_meeting(nuit, days=-30, state="held")
    office = strategy_office

    def decide(title, text, **case):
        added = services.add_case(meeting, services.CaseData(title=title, kind="approval", **case), by=office)
        return added, services.record_decision(added, services.DecisionData(text=text), by=office)

    open_case, open_decision = decide("Finansiering av fellestjenester", "Utvalget anbefaler finansieringsmodellen.")
    services.add_follow_up(
        open_decision,
        description="Utrede kostnadene",
        responsible=organisation,
        due_on=timezone.localdate() + datetime.timedelta(days=10),
        by=office,
    )
    done_case, done_decision = decide("Prioritering av tiltak", "Utvalget slutter seg til prioriteringene.")
    action = services.add_follow_up(
        done_decision,
        description="Oppdatere veikartet",
        responsible=organisation,
        due_on=done_decision.decided_on + datetime.timedelta(days=5),
        by=office,
    )
    services.mark_follow_up_done(action, done_on=done_decision.decided_on + datetime.timedelta(days=2), by=office)
    exempt_case, exempt_decision = decide(
        "Hemmelig tittel",
        "Utvalget drøftet anbudsstrategien.",
        background="Anbudsstrategien i anskaffelsen.",
        is_exempt=True,
        exemption_basis="Unntatt offentlighet, offl. § 23 første ledd",
        title_is_public=False,
    )
    services.add_follow_up(
        exempt_decision,
        description="Forhandle videre",
        responsible=organisation,
        due_on=timezone.localdate() + datetime.timedelta(days=10),
        by=office,
    )
    return {"meeting": meeting, "open": open_case, "done": done_case, "exempt": exempt_case}


LOG = reverse("governance:decision-log")


def _cases_in(html: str) -> set[str]:
    return set(re.findall(r"sak (\d+/\d{4})", html))


def test_a_draft_meeting_and_its_cases_are_404_for_all_but_the_office(
    nuit, make_meeting, owner_editor, nuit_member, strategy_office
):
    draft = make_meeting(nuit, days=20, state="draft")
    case = draft.cases.first()
    for user in (None, owner_editor, nuit_member):
        client = client_for(user)
        assert client.get(draft.get_absolute_url()).status_code == 404
        assert client.get(case.get_absolute_url()).status_code == 404
        assert draft.label not in client.get(reverse("governance:body", kwargs={"slug": "nuit"})).content.decode()
    office = client_for(strategy_office)
    assert office.get(draft.get_absolute_url()).status_code == 200
    assert office.get(case.get_absolute_url()).status_code == 200


def test_a_summoned_meeting_is_public(nuit, make_meeting):
    meeting = make_meeting(nuit, days=20, state="summoned")
    response = client_for(None).get(meeting.get_absolute_url())
    assert response.status_code == 200
    assert f"Møte {meeting.label}" in response.content.decode()
    assert meeting.label in client_for(None).get(reverse("governance:overview")).content.decode()


def test_the_draft_is_left_out_of_the_sitemap(nuit, make_meeting):
    draft = make_meeting(nuit, days=20, state="draft")
    summoned = make_meeting(nuit, days=30, state="summoned")
    xml = client_for(None).get("/sitemap.xml").content.decode()
    assert summoned.get_absolute_url() in xml
    assert draft.get_absolute_url() not in xml


def test_the_log_filters_by_follow_up_status(held):
    client = client_for(None)
    numbers = {name: f"{held[name].number}/{held[name].year}" for name in ("open", "done", "exempt")}
    assert _cases_in(client.get(LOG + "?follow_up=open").content.decode()) == {numbers["open"]}
    assert _cases_in(client.get(LOG + "?follow_up=overdue").content.decode()) == set()
    assert _cases_in(client.get(LOG + "?follow_up=done").content.decode()) == {numbers["done"]}
    assert numbers["exempt"] not in _cases_in(client.get(LOG + "?follow_up=none").content.decode())


def test_overdue_is_an_open_action_past_its_date(held, monkeypatch):
    later = timezone.localdate() + datetime.timedelta(days=60)
    monkeypatch.setattr(timezone, "localdate", lambda *args: later)
    html = client_for(None).get(LOG + "?follow_up=overdue").content.decode()
    assert _cases_in(html) == {f"{held['open'].number}/{held['open'].year}"}


def test_a_follow_up_filter_finds_an_exempt_decision_only_for_its_readers(held, nufa_member, nuit_member):
    exempt = f"{held['exempt'].number}/{held['exempt'].year}"
    for user, finds in ((None, False), (nufa_member, False), (nuit_member, True)):
        html = client_for(user).get(LOG + "?follow_up=open").content.decode()
        assert (exempt in _cases_in(html)) == finds
        assert ("Forhandle videre" in html) == finds


def test_the_log_filters_by_body_year_and_case_type(held, nufa, make_meeting, strategy_office):
    other = make_meeting(nufa, days=-20, state="held")
    case = services.add_case(other, services.CaseData(title="Fagutvalgets sak", kind="discussion"), by=strategy_office)
    services.record_decision(case, services.DecisionData(text="Drøftet."), by=strategy_office)
    client = client_for(None)
    assert "Fagutvalgets sak" not in client.get(LOG + "?body=nuit").content.decode()
    assert "Fagutvalgets sak" in client.get(LOG + "?body=nufa").content.decode()
    assert "Fagutvalgets sak" in client.get(LOG + "?kind=discussion").content.decode()
    assert "Finansiering" not in client.get(LOG + "?kind=discussion").content.decode()
    assert "Finansiering" in client.get(LOG + f"?year={held['meeting'].year}").content.decode()


def test_a_filter_in_effect_is_shown_and_removable(held):
    html = client_for(None).get(LOG + "?body=nuit&kind=approval").content.decode()
    assert "Fjern filter: Organ: NUIT" in html
    assert 'href="?kind=approval"' in html
    assert "Fjern alle filtre" in html


def test_search_finds_a_decision_by_a_stem_of_its_words(held):
    html = client_for(None).get(LOG + "?q=finansieringsmodell").content.decode()
    assert "Finansiering av fellestjenester" in html
    assert "Prioritering av tiltak" not in html
    # "prioriteringer" and "prioriteringene" share their stem.
    assert "Prioritering av tiltak" in client_for(None).get(LOG + "?q=prioriteringer").content.decode()


def test_the_site_searchs_decisions_are_ranked_title_first_and_counted_past_the_page(held, strategy_office):
    meeting = held["open"].meeting
    case = services.add_case(meeting, services.CaseData(title="Status", kind="information"), by=strategy_office)
    services.record_decision(
        case, services.DecisionData(text="Utvalget tok prioriteringen til orientering."), by=strategy_office
    )
    titled = held["done"].decision.pk
    for user in (AnonymousUser(), strategy_office):
        ranked = ranked_decision_ids("prioritering", user)
        # The number of all matches is known before they are all read, and the first is the title match.
        assert len(ranked) == 2
        assert list(ranked[:1]) == [titled]
        assert list(ranked) == [titled, case.decision.pk]
    assert list(ranked_decision_ids("   ", AnonymousUser())) == []


def test_search_never_matches_the_exempt_text_for_the_public(held, nufa_member, nuit_member, strategy_office):
    exempt = f"{held['exempt'].number}/{held['exempt'].year}"
    for user, finds in ((None, False), (nufa_member, False), (nuit_member, True), (strategy_office, True)):
        html = client_for(user).get(LOG + "?q=anbudsstrategien").content.decode()
        assert (exempt in _cases_in(html)) == finds
    # Its legal basis is public, and finds it for everyone.
    assert exempt in _cases_in(client_for(None).get(LOG + "?q=offl").content.decode())


def test_a_changed_case_is_searched_by_its_new_text(held, strategy_office):
    case = held["open"]
    services.update_case(case, services.CaseData(title="Nytt navn på saken", kind="approval"), by=strategy_office)
    assert "Nytt navn" in client_for(None).get(LOG + "?q=navn").content.decode()


def test_making_a_case_exempt_takes_its_text_out_of_the_public_search(held, strategy_office):
    case = held["open"]
    services.update_case(
        case,
        services.CaseData(title=case.title, kind="approval", is_exempt=True, exemption_basis="offl. § 14"),
        by=strategy_office,
    )
    assert "Finansiering" in client_for(None).get(LOG + "?q=offl").content.decode()
    assert f"{case.number}/{case.year}" not in _cases_in(
        client_for(None).get(LOG + "?q=finansieringsmodellen").content.decode()
    )


@pytest.mark.parametrize(
    "query",
    [
        "?body=ukjent",
        "?year=abc",
        "?page=999",
        "?kind=x&follow_up=y&goal=z",
        "?q=%00%27%22*",
        "?page=-1",
        "?q=" + "a" * 2000,
    ],
)
def test_bad_query_strings_get_a_page_not_an_error(held, query):
    response = client_for(None).get(LOG + query)
    assert response.status_code == 200


def test_a_bad_value_is_reported_in_the_page_language(held):
    html = client_for(None).get(LOG + "?year=abc").content.decode()
    assert "aria-invalid" in html
    assert "Velg et gyldig valg" in html or "gyldig" in html


def test_unknown_bodies_meetings_and_cases_are_404(held):
    client = client_for(None)
    assert client.get(reverse("governance:body", kwargs={"slug": "ukjent"})).status_code == 404
    assert client.get("/styring/nuit/2026/999/").status_code == 404
    assert client.get("/styring/nuit/1999/sak/1/").status_code == 404
    assert client.get("/styring/nuit/abc/1/").status_code == 404


def test_every_page_has_one_h1_a_title_and_a_breadcrumb(held):
    client = client_for(None)
    meeting, case = held["meeting"], held["open"]
    titles = set()
    for url in (
        reverse("governance:overview"),
        reverse("governance:body", kwargs={"slug": "nuit"}),
        meeting.get_absolute_url(),
        case.get_absolute_url(),
        held["exempt"].get_absolute_url(),
        LOG,
    ):
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, url
        assert 'class="vk-breadcrumbs"' in html, url
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        titles.add(title)
        assert 'aria-current="' in html.split('class="vk-nav"')[1].split("</nav>")[0], url
    assert len(titles) == 6


def test_the_feed_lists_public_decisions_and_exempt_ones_by_basis(held):
    xml = client_for(None).get(reverse("governance:decision-feed")).content.decode()
    assert "Finansiering av fellestjenester" in xml
    assert "offl. § 23" in xml
    assert "Hemmelig tittel" not in xml and "anbudsstrategien" not in xml


def test_decisions_recorded_before_the_index_are_indexed_after_migrate(held):
    from django.apps import apps

    from veikart.governance.decision_search import index_missing

    DecisionSearch.objects.all().delete()
    index_missing(apps.get_app_config("governance"))
    assert DecisionSearch.objects.count() == 3
    assert decision_index_refresh() == 3
    assert Case.objects.filter(decision__search__isnull=False).count() == 3
