"""The {% content %} tag: the text in the page's language, else the bokmål text marked lang="nb"."""

import pytest
from django.template import Context, Template
from django.utils import translation

from veikart.core.content import sentence
from veikart.core.templatetags.site_tags import content
from veikart.strategy.models import Goal, Strategy


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load site_tags %}" + source).render(Context(context))


@pytest.fixture
def goal(db) -> Goal:
    strategy = Strategy.objects.create(title="Strategi", slug="s", period_start=2023, period_end=2030)
    return Goal.objects.create(
        strategy=strategy,
        number=1,
        title="Enklere arbeidshverdag",
        title_en="A simpler working day",
        short_title="Arbeidshverdag",
        description="Første linje\nAndre linje",
    )


def test_a_translated_text_is_shown_in_the_page_language_without_a_lang_of_its_own(goal):
    assert render('{% content goal "title" %}', "en", goal=goal) == "A simpler working day"


def test_an_untranslated_text_falls_back_to_bokmal_marked_lang_nb(goal):
    assert render('{% content goal "title" %}', "nn", goal=goal) == '<span lang="nb">Enklere arbeidshverdag</span>'


def test_a_bokmal_page_shows_the_bokmal_text_unmarked(goal):
    assert render('{% content goal "title" %}', "nb", goal=goal) == "Enklere arbeidshverdag"


def test_a_translation_of_only_white_space_counts_as_missing(goal):
    goal.title_nn = "   "
    assert render('{% content goal "title" %}', "nn", goal=goal) == '<span lang="nb">Enklere arbeidshverdag</span>'


def test_markup_in_a_translation_or_a_fallback_is_escaped(goal):
    goal.title_en = '<script>alert("x")</script>'
    goal.short_title = "<b>fet</b>"
    assert render('{% content goal "title" %}', "en", goal=goal) == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    )
    assert render('{% content goal "short_title" %}', "en", goal=goal) == (
        '<span lang="nb">&lt;b&gt;fet&lt;/b&gt;</span>'
    )


def test_plain_text_has_no_markup_and_is_escaped_by_the_template(goal):
    goal.short_title = "A & B"
    assert render('<title>{% content goal "short_title" plain=True %}</title>', "en", goal=goal) == (
        "<title>A &amp; B</title>"
    )


def test_lines_keep_their_breaks_inside_the_marked_part(goal):
    assert render('{% content goal "description" lines=True %}', "en", goal=goal) == (
        '<span lang="nb">Første linje<br>Andre linje</span>'
    )


def test_a_translated_title_beats_a_bokmal_short_title(goal):
    assert render('{% content goal "short_title" "title" %}', "en", goal=goal) == "A simpler working day"
    assert render('{% content goal "short_title" "title" %}', "nb", goal=goal) == "Arbeidshverdag"


def test_the_bokmal_title_stands_in_for_a_missing_short_title(goal):
    goal.short_title = ""
    assert render('{% content goal "short_title" "title" %}', "nn", goal=goal) == (
        '<span lang="nb">Enklere arbeidshverdag</span>'
    )


def test_a_label_follows_outside_the_marked_part(goal):
    strategy = goal.strategy
    strategy.version_label = "1.0"
    assert render('{% content strategy "title" label=strategy.version_label %}', "en", strategy=strategy) == (
        '<span lang="nb">Strategi</span> (1.0)'
    )


def test_an_empty_text_renders_nothing(goal):
    goal.description = ""
    assert render('{% content goal "description" %}', "en", goal=goal) == ""


def test_as_gives_the_marked_text_to_blocktranslate_unescaped_once(goal):
    source = (
        '{% load i18n %}{% content goal "title" as title %}'
        "{% blocktranslate with number=goal.number title=title %}Goal {{ number }}: {{ title }}{% endblocktranslate %}"
    )
    assert render(source, "nn", goal=goal) == 'Mål 1: <span lang="nb">Enklere arbeidshverdag</span>'


def test_a_sentence_escapes_its_text_and_keeps_the_marked_part(goal):
    with translation.override("nn"):
        marked = content(goal, "title")
        assert sentence("Edit <%(goal)s>", goal=marked) == 'Edit &lt;<span lang="nb">Enklere arbeidshverdag</span>&gt;'
        assert sentence("Edit %(goal)s", goal="<b>") == "Edit &lt;b&gt;"
