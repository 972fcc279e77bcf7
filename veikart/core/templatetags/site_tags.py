"""Template helpers every page uses (the base template's ``<title>``)."""

from django import template

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
