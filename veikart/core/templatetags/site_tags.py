"""Template helpers every page uses (the base template's ``<title>``) and search hits' highlighting."""

from django import template
from django.utils.safestring import SafeString

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
