"""Navigation that says where you are: the menu's current section, breadcrumbs that end in names,
titles that do not repeat, and the banner on a version that is not in force (issue 11, point 5)."""

import re
from html import unescape

import pytest

from veikart.conftest import client_for
from veikart.indicators.models import Indicator
from veikart.roadmap.models import RoadmapItem, UserGroup
from veikart.strategy.models import Strategy

pytestmark = pytest.mark.django_db

ADOPTED = "/strategier/e-helsestrategi-2023-2030/"
DRAFT_09 = "/strategier/e-helsestrategi-2023-2030-utkast-0-9/"


def _crumbs(html: str) -> list[str]:
    """The breadcrumb trail's entries as text."""
    nav = re.search(r'<nav class="vk-breadcrumbs".*?</nav>', html, re.S)
    assert nav, "no breadcrumb trail"
    return [
        " ".join(unescape(re.sub(r"<[^>]+>", "", li)).split()) for li in re.findall(r"<li>(.*?)</li>", nav[0], re.S)
    ]


def _title(html: str) -> str:
    return " ".join(unescape(re.search(r"<title>(.*?)</title>", html, re.S)[1]).split())


def _public_pages() -> dict[str, tuple[str, str]]:
    """Each public page type: its path and the name its breadcrumb must end in."""
    item = RoadmapItem.objects.published().select_related("sub_goal").order_by("pk").first()
    indicator = Indicator.objects.published().order_by("pk").first()
    group = UserGroup.objects.order_by("pk").first()
    return {
        "strategy version": (ADOPTED, "Nasjonal e-helsestrategi 2023–2030"),
        "goal": (ADOPTED + "mal/1/", "Mål 1: Aktiv medvirkning i egen og næres helse"),
        "sub-goal": (ADOPTED + "delmal/1C/", "Delmål 1C: Digital selvhjelp, læring og mestring"),
        "draft goal": (DRAFT_09 + "mal/1/", "Mål 1: Enklere arbeidshverdag"),
        "roadmap item": (f"/veikart/tiltak/{item.pk}/", item.title),
        "user group": (f"/veikart/brukergrupper/{group.slug}/", group.name),
        "roadmap by goal": ("/veikart/mal/", "Veikartet etter strategimål og delmål"),
        "roadmap by owner": ("/veikart/eiere/", "Veikartet etter eier"),
        "roadmap by user group": ("/veikart/brukergrupper/", "Veikartet etter brukergruppe"),
        "roadmap timeline": ("/veikart/tidslinje/", "Tidslinje for veikartet"),
        "indicator": (f"/indikatorer/{indicator.code}/", indicator.name),
    }


def test_every_public_page_type_has_a_trail_from_home_that_ends_in_names_not_codes(client, demo):
    for kind, (path, name) in _public_pages().items():
        crumbs = _crumbs(client.get(path).content.decode())
        assert crumbs[0] == "Forside", (kind, crumbs)
        assert crumbs[-1] == name, (kind, crumbs)
        # Every step names its page: no bare goal number, sub-goal code or slug.
        for crumb in crumbs:
            assert not re.fullmatch(r"(Mål \d+|Delmål \w+|[a-z0-9]+(-[a-z0-9]+)+)", crumb), (kind, crumb)


def test_the_roadmap_items_trail_names_its_sub_goal(client, demo):
    item = RoadmapItem.objects.published().select_related("sub_goal").order_by("pk").first()
    crumbs = _crumbs(client.get(f"/veikart/tiltak/{item.pk}/").content.decode())
    sub_goal = item.sub_goal
    assert crumbs[1:3] == ["Veikart", f"Delmål {sub_goal.code}: {sub_goal.short_title or sub_goal.title}"]


@pytest.mark.parametrize(
    "path",
    [
        "/forvaltning/",
        "/forvaltning/strategi/",
        "/forvaltning/indikatorer/",
        "/forvaltning/veikart/tiltak/",
        "/forvaltning/organisasjoner/",
    ],
)
def test_the_workspace_marks_its_menu_entry_and_trails_start_at_home(demo, strategy_office, path):
    html = client_for(strategy_office).get(path).content.decode()
    nav = html.split('class="vk-nav"')[1].split("</nav>")[0]
    assert nav.count("aria-current") == 1
    assert re.search(r'href="/forvaltning/" aria-current="(page|true)"', nav)
    if path != "/forvaltning/":
        assert _crumbs(html)[:2] == ["Forside", "Forvaltning"]


def test_the_workspace_indicator_trail_names_the_indicator(demo, strategy_office):
    indicator = Indicator.objects.order_by("pk").first()
    html = client_for(strategy_office).get(f"/forvaltning/indikatorer/{indicator.pk}/malverdier/ny/").content.decode()
    assert indicator.name in _crumbs(html)
    assert indicator.code not in _crumbs(html)


def test_page_titles_are_unique_and_never_repeat_the_site_name(client, demo):
    paths = [path for path, _name in _public_pages().values()]
    paths += ["/", "/veikart/", "/indikatorer/", "/strategier/"]
    titles = [_title(client.get(path).content.decode()) for path in paths]
    assert len(set(titles)) == len(titles), titles
    for title in titles:
        assert "Veikart – Veikart" not in title
        assert title == "Veikart" or (title.endswith(" – Veikart") and title.count(" – Veikart") == 1), title


@pytest.mark.parametrize("path", [DRAFT_09, DRAFT_09 + "mal/1/"])
def test_a_superseded_version_and_its_goals_link_to_the_version_in_force(client, demo, path):
    html = client.get(path).content.decode()
    banner = re.search(r'<div class="ds-alert vk-version-banner".*?</div>', html, re.S)
    assert banner, "no banner"
    assert "superseded" in banner[0] or "erstattet" in banner[0]
    assert f'href="{ADOPTED}"' in banner[0]


def test_a_draft_sub_goal_shows_the_banner_to_those_who_may_read_drafts(demo, body_member):
    draft = Strategy.objects.get(slug="e-helsestrategi-2023-2030-revisjon-2027")
    sub_goal = Strategy.objects.get(slug="e-helsestrategi-2023-2030").sub_goals.first()
    goal = draft.goals.create(number=9, title="Utkastmål")
    draft_sub_goal = goal.sub_goals.create(code=sub_goal.code, title="Utkastdelmål")
    html = client_for(body_member).get(draft_sub_goal.get_absolute_url()).content.decode()
    banner = re.search(r'<div class="ds-alert vk-version-banner".*?</div>', html, re.S)
    assert banner, "no banner"
    assert f'href="{ADOPTED}"' in banner[0]


def test_the_version_in_force_has_no_banner(client, demo):
    for path in (ADOPTED, ADOPTED + "mal/1/", ADOPTED + "delmal/1C/"):
        assert "vk-version-banner" not in client.get(path).content.decode()


def test_a_workspace_form_title_names_its_object_once(demo, strategy_office):
    group = UserGroup.objects.get(slug="innbyggere")
    html = (
        client_for(strategy_office)
        .get(f"/forvaltning/veikart/referansedata/brukergrupper/{group.pk}/")
        .content.decode()
    )
    assert _title(html) == "Rediger Innbyggere – Veikart"


def test_the_workspace_indicator_pages_are_named_not_coded(demo, strategy_office):
    indicator = Indicator.objects.get(code="digital-kontakt")
    client = client_for(strategy_office)
    detail = client.get(f"/forvaltning/indikatorer/{indicator.pk}/").content.decode()
    assert _title(detail) == f"{indicator.name} – Veikart"
    edit = client.get(f"/forvaltning/indikatorer/{indicator.pk}/endre/").content.decode()
    assert _crumbs(edit)[-1] == f"Rediger {indicator.name}"
    assert "digital-kontakt" not in _title(edit)
