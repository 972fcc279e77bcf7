"""Public pages show the demo's content in nynorsk and English, and mark bokmål fallbacks lang="nb"."""

import re

from django.test import Client

GOAL_1 = "/strategier/e-helsestrategi-2023-2030/mal/1/"


def page(path: str) -> str:
    return Client().get(path).content.decode()


def test_the_english_home_page_shows_the_strategy_in_english(demo):
    html = page("/en/")
    assert '<html lang="en"' in html
    assert "<title>National e-health strategy 2023–2030 – Veikart</title>" in html
    assert '<h1 class="ds-heading" data-size="xl">National e-health strategy 2023–2030</h1>' in html
    assert "Together for coherent, safe and innovative services that promote health and coping!" in html
    assert "Goal 2: A simpler working day" in html


def test_the_nynorsk_goal_page_shows_the_goal_and_its_sub_goals_in_nynorsk(demo):
    html = page("/nn" + GOAL_1)
    assert '<html lang="nn"' in html
    assert "Aktiv medverknad i eiga og nærståande si helse" in html
    assert "Innbyggjarar og pårørande skal kunne ta del i førebygging" in html
    assert "Behandlingsforløp, digital dialog og innsyn" in html


def test_untranslated_outcomes_are_shown_in_bokmal_marked_lang_nb(demo):
    html = page("/en" + GOAL_1)
    assert '<li><span lang="nb">Bedre løsninger for å gi samtykke og fullmakt</span></li>' in html, (
        "an outcome without an English version is marked as bokmål"
    )


def test_the_bokmal_page_keeps_the_bokmal_text_and_marks_nothing(demo):
    html = page(GOAL_1)
    assert "Aktiv medvirkning i egen og næres helse" in html
    assert not re.search(r'<span lang="nb">', html)


def test_the_roadmap_shows_phase_and_user_group_names_in_english(demo):
    html = page("/en/veikart/brukergrupper/")
    assert "Family and carers" in html and "Pårørende" not in html
    assert "In use" in page("/en/veikart/tidslinje/")
