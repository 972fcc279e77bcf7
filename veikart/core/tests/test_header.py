"""The header every page shares: its title, the menu's current section, the favicon, the font."""

import re

import pytest
from django.contrib.staticfiles import finders

from veikart.core.templatetags.site_tags import about, page_title

pytestmark = pytest.mark.django_db


def test_a_title_is_followed_by_the_site_name():
    assert page_title("Strategihistorikk", "Veikart") == "Strategihistorikk – Veikart"


def test_a_title_that_is_the_site_name_is_not_repeated():
    assert page_title(" Veikart\n", "Veikart") == "Veikart"
    assert page_title("", "Veikart") == "Veikart"


def test_the_norwegian_roadmap_page_is_titled_veikart_once(client, demo):
    html = client.get("/veikart/").content.decode()
    assert re.search(r"<title>\s*Veikart\s*</title>", html), re.search(r"<title>.*?</title>", html, re.S)


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/", ('href="/" aria-current="page"',)),
        ("/veikart/", ('href="/veikart/" aria-current="page"',)),
        ("/veikart/tidslinje/", ('href="/veikart/" aria-current="true"',)),
        ("/indikatorer/", ('href="/indikatorer/" aria-current="page"',)),
        ("/strategier/", ('href="/strategier/" aria-current="page"',)),
    ],
)
def test_the_menu_marks_the_current_section(client, demo, path, current):
    nav = client.get(path).content.decode().split('class="vk-nav"')[1].split("</nav>")[0]
    for marked in current:
        assert marked in nav
    assert nav.count("aria-current") == 1


def test_the_menu_is_a_disclosure_that_works_without_javascript(client, demo):
    html = client.get("/en/").content.decode()
    assert re.search(r'<details class="vk-menu">\s*<summary[^>]*>Menu</summary>', html)


def test_every_page_links_the_favicon(client, demo):
    assert 'rel="icon" href="/static/favicon.svg"' in client.get("/").content.decode()


def test_every_page_loads_the_vendored_inter_font_with_its_licence(client, demo):
    html = client.get("/").content.decode()
    assert 'href="/static/vendor/fontsource-variable-inter-5.3.0/inter.css"' in html
    folder = "vendor/fontsource-variable-inter-5.3.0"
    with open(finders.find(f"{folder}/inter.css"), encoding="utf-8") as file:
        css = file.read()
    for name in re.findall(r"url\(\./files/([^)]+)\)", css):
        assert finders.find(f"{folder}/files/{name}"), name
    assert "font-family: Inter;" in css
    with open(finders.find(f"{folder}/LICENSE"), encoding="utf-8") as file:
        assert "Open Font License" in file.read()


def test_a_title_about_an_object_names_it_once():
    assert about("Rediger Innbyggere", "Innbyggere") == "Rediger Innbyggere"
    assert about("Slett mål", "Mål 3: Helsedata") == "Slett mål: Mål 3: Helsedata"
    assert about("Slett mål", "") == "Slett mål"
