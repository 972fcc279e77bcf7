"""Template helpers every page uses (the base template's ``<title>``, the titles of workspace forms,
content in the page's language) and search hits' highlighting."""

from typing import Any

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

from veikart.core.content import content_in_language, language_mark, page_language
from veikart.core.search import highlight as highlight_text
from veikart.core.search import snippet_source

register = template.Library()


@register.filter
def page_title(title: str, site_name: str) -> str:
    """``"<title> – <site name>"``; the site name alone when the page has no title of its own or
    its title is the site name (the Norwegian "Veikart" roadmap), so no title reads "Veikart – Veikart".
    """
    title = " ".join(str(title).split())
    if not title or title.casefold() == site_name.casefold():
        return site_name
    return f"{title} – {site_name}"


@register.simple_tag
def highlight(text: str, query: str, length: int | None = None) -> SafeString:
    """``text`` escaped with the words matching ``query`` marked (see ``core.search.highlight``)."""
    return highlight_text(text, query, length=length)


@register.filter
def search_snippet(description: str) -> str:
    """A description as plain text (see ``core.search.snippet_source``)."""
    return snippet_source(description)


@register.simple_tag
def content(obj: Any, *fields: str, lines: bool = False, plain: bool = False, label: str = "") -> str:
    """``obj``'s ``field`` in the page's language, else in bokmål marked ``lang="nb"`` (WCAG 3.1.2).

    ``{% content goal "title" %}`` gives the escaped text; when the page is in nynorsk or
    English and the text has no version in that language, the bokmål text comes inside
    ``<span lang="nb">`` so that a screen reader pronounces it as Norwegian. ``lines=True``
    keeps the text's line breaks (as ``linebreaksbr``). ``plain=True`` gives the text alone,
    for places that cannot hold markup (``<title>``, attributes): the caller's autoescape
    escapes it. ``{% content sub_goal "short_title" "title" %}`` takes the first field
    with text (``content_in_language``). ``label`` follows in brackets, outside the marked
    part (a strategy's version label: ``Nasjonal e-helsestrategi (0.9)``). Takes ``as name`` like every simple tag.
    """
    language = page_language()
    shown = content_in_language(obj, *fields, language=language)
    after = f" ({label})" if label else ""
    if plain:
        return shown.text + after
    text = linebreaksbr(shown.text, autoescape=True) if lines else conditional_escape(shown.text)
    if lang := language_mark(shown, language):
        text = format_html('<span lang="{}">{}</span>', lang, text)
    return text + conditional_escape(after)


@register.filter
def about(title: str, subject) -> str:
    """``"<title>: <subject>"`` for a page about an object (a form, a confirmation), or the title
    alone when it already names the object, by its text or its ``name`` or ``title`` ("Rediger
    Innbyggere", not "Rediger Innbyggere: Innbyggere").
    """
    title, text = str(title), str(subject).strip()
    names = [text, str(getattr(subject, "name", "") or ""), str(getattr(subject, "title", "") or "")]
    if not text or any(name.strip() and name.strip().casefold() in title.casefold() for name in names):
        return title
    return f"{title}: {text}"
