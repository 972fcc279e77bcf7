"""The exemption boundary on every public surface, per persona, on the demo's exempt case (NUIT sak
4/2026, "Unntatt offentlighet, offl. § 23 første ledd", title not public).

Anonymous visitors, owner editors and members of another body (NUFA) see that the case exists, its
number, type and legal basis, and nothing of its title, papers, decision text, links or follow-ups;
a NUIT member and the strategy office see everything, marked as exempt.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from veikart.accounts.models import User
from veikart.conftest import client_for
from veikart.governance.models import Body, Case, Membership

pytestmark = pytest.mark.django_db

EXEMPT_TITLE = "Forhandlingsposisjon i anskaffelse av felles journalløsning"
EXEMPT_BACKGROUND = "Underlaget inneholder forhandlingsposisjoner"
EXEMPT_DECISION = "ga sine innspill til forhandlingsposisjonen"
BASIS = "Unntatt offentlighet, offl. § 23 første ledd"
# A word found only in the exempt case's papers (its title, background and decision).
HIDDEN_WORD = "forhandlingsposisjon"
HIDDEN_TEXTS = (EXEMPT_TITLE, EXEMPT_BACKGROUND, EXEMPT_DECISION)


def _member(body_slug: str, username: str) -> User:
    user = User.objects.create(username=username, role=User.Role.BODY_MEMBER)
    Membership.objects.create(
        body=Body.objects.get(slug=body_slug),
        person_name=username,
        user=user,
        starts=timezone.localdate() - datetime.timedelta(days=10),
    )
    return user


@pytest.fixture
def personas(demo, owner_editor, strategy_office) -> dict[str, User | None]:
    return {
        "anonymous": None,
        "owner editor": owner_editor,
        "NUFA member": _member("nufa", "nufa-test"),
        "NUIT member": _member("nuit", "nuit-test"),
        "office": strategy_office,
    }


READERS = {"NUIT member", "office"}


@pytest.fixture
def exempt_case(demo) -> Case:
    return Case.objects.select_related("meeting__body").get(body__slug="nuit", year=2026, number=4)


def _text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _assert_boundary(name: str, html: str) -> None:
    for hidden in HIDDEN_TEXTS:
        if name in READERS:
            continue
        assert hidden not in html, f"{name} sees {hidden!r}"


def test_the_case_page_shows_the_public_its_existence_and_basis_and_readers_everything(personas, exempt_case):
    for name, user in personas.items():
        html = _text(client_for(user).get(exempt_case.get_absolute_url()))
        assert "Sak 4/2026" in html and BASIS in html, name
        _assert_boundary(name, html)
        if name in READERS:
            for shown in HIDDEN_TEXTS:
                assert shown in html, f"{name} misses {shown!r}"
            assert "Unntatt offentlighet</h2>" in html or "Exempt from public access" in html
        else:
            assert "Ny journalløsning i Helse Midt-Norge" not in html, f"{name} sees the exempt case's link"


def test_the_meeting_page_lists_the_exempt_case_by_number_and_basis(personas, exempt_case):
    for name, user in personas.items():
        html = _text(client_for(user).get(exempt_case.meeting.get_absolute_url()))
        assert "Sak 4/2026" in html and BASIS in html, name
        _assert_boundary(name, html)
        if name in READERS:
            assert EXEMPT_TITLE in html, name


def test_the_decision_log_lists_the_exempt_decision_without_its_text(personas):
    url = reverse("governance:decision-log") + "?body=nuit&year=2026"
    for name, user in personas.items():
        html = _text(client_for(user).get(url))
        assert BASIS in html, name
        _assert_boundary(name, html)
        if name in READERS:
            assert EXEMPT_DECISION in html, name


def test_a_word_only_in_the_exempt_papers_finds_nothing_for_those_who_may_not_read_them(personas):
    url = reverse("governance:decision-log") + f"?q={HIDDEN_WORD}"
    for name, user in personas.items():
        html = _text(client_for(user).get(url))
        found = "Sak 4/2026" in html or "sak 4/2026" in html
        assert found == (name in READERS), f"{name}: found={found}"
        _assert_boundary(name, html)


def test_the_site_search_keeps_the_exemption(personas):
    for name, user in personas.items():
        html = _text(client_for(user).get(reverse("search:results") + f"?q={HIDDEN_WORD}&type=decision"))
        _assert_boundary(name, html)
        assert ("4/2026" in html) == (name in READERS), name


def test_the_feed_shows_the_exempt_decision_as_existence_and_basis_only(personas):
    for name, user in personas.items():
        response = client_for(user).get(reverse("governance:decision-feed"))
        assert response.status_code == 200
        xml = response.content.decode()
        assert BASIS in xml
        for hidden in HIDDEN_TEXTS:
            assert hidden not in xml, f"the feed shows {hidden!r} to {name}"


def test_the_sitemap_lists_the_exempt_case_page(personas, exempt_case):
    xml = _text(client_for(None).get("/sitemap.xml"))
    assert exempt_case.get_absolute_url() in xml
    assert exempt_case.meeting.get_absolute_url() in xml
    assert reverse("governance:body", kwargs={"slug": "nuit"}) in xml
    for hidden in HIDDEN_TEXTS:
        assert hidden not in xml


def test_the_roadmap_item_page_shows_the_exempt_decision_only_to_readers(personas, exempt_case):
    item = exempt_case.roadmap_items.get()
    for name, user in personas.items():
        html = _text(client_for(user).get(item.get_absolute_url()))
        shows = exempt_case.get_absolute_url() in html
        assert shows == (name in READERS), f"{name}: shows={shows}"
        _assert_boundary(name, html)


def test_the_goal_page_shows_public_decisions_to_everyone(personas):
    case = Case.objects.filter(goals__isnull=False, is_exempt=False, decision__isnull=False).first()
    goal = case.goals.first()
    for name, user in personas.items():
        html = _text(client_for(user).get(goal.get_absolute_url()))
        assert case.get_absolute_url() in html, name
        assert re.search(r"Vedtatt i [^<]+, sak \d+/2026", html), name
        _assert_boundary(name, html)


def test_a_goal_page_follows_a_case_made_exempt_and_a_link_removed_at_once(personas, exempt_case):
    """The section is kept between requests until a decision or case changes (the search revision)."""
    case = Case.objects.filter(goals__isnull=False, is_exempt=False, decision__isnull=False).first()
    goal = case.goals.first()
    public = client_for(None)
    assert case.get_absolute_url() in _text(public.get(goal.get_absolute_url()))
    case.is_exempt, case.exemption_basis, case.title_is_public = True, "offl. § 14", False
    case.save()
    assert case.get_absolute_url() not in _text(public.get(goal.get_absolute_url()))
    case.is_exempt, case.exemption_basis, case.title_is_public = False, "", True
    case.save()
    assert case.get_absolute_url() in _text(public.get(goal.get_absolute_url()))
    case.goals.remove(goal)
    assert case.get_absolute_url() not in _text(public.get(goal.get_absolute_url()))
