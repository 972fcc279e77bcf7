"""The home page, the language switch and a goal with its sub-goals, reached with the keyboard only."""

import re

import pytest

from e2e.keyboard import link, tab_until

pytestmark = pytest.mark.e2e


def test_the_home_page_shows_the_vision_and_five_goals(page):
    page.goto(page.base_url + "/")
    assert "Sammen om helhetlige" in page.inner_text("main")
    assert page.locator("main h3").count() == 5


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_main(page):
    page.goto(page.base_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_a_keyboard_user_switches_language_and_reaches_a_goal_and_its_sub_goals(page):
    page.goto(page.base_url + "/")
    tab_until(page, link("English"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert "The strategy's 5 goals" in page.inner_text("main")

    tab_until(page, link("Goal 2: A simpler working day"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/strategier/e-helsestrategi-2023-2030/mal/2/$"))
    assert "By 2030 we have achieved" in page.inner_text("main")

    tab_until(page, link("Sub-goal 2D"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/delmal/2D/$"))
    assert "The patient's medication list" in page.inner_text("h1")


def test_the_language_switch_keeps_the_page(page):
    page.goto(page.base_url + "/strategier/e-helsestrategi-2023-2030/mal/3/")
    page.click("text=Nynorsk")
    page.wait_for_url(re.compile(r"/nn/strategier/e-helsestrategi-2023-2030/mal/3/$"))
    assert page.locator("html").get_attribute("lang") == "nn"
