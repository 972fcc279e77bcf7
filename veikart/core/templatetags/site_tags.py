"""Template helpers every page uses (the base template's ``<title>``, the titles of workspace forms)."""

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
