"""axe-core and the checks of ``e2e/page_checks.py`` on every public page, in bokmål, nynorsk and English.

The pages are found by following same-site links from the home page, as a
visitor would, so a new page is checked as soon as something links to it.
The crawl browses at 320 CSS px (a 1,280 px window at 400 % zoom) and visits each page once:
axe, reflow, text spacing, headings, titles, breadcrumbs, chart text and target size all run
on that one visit (docs/accessibility.md).
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urlparse

import pytest

from e2e.conftest import axe_violations, describe_violations
from e2e.page_checks import content_language_problems, page_findings, untranslated_texts

pytestmark = pytest.mark.e2e

# Not pages for people to read: files, feeds, the admin and the login area.
SKIPPED_PREFIXES = ("/admin/", "/konto/", "/static/", "/i18n/", "/sitemap.xml")
SKIPPED_SUFFIXES = (".csv", ".xlsx", ".json", ".ics", ".atom", ".xml", ".svg", ".pdf", ".png")
MAX_PAGES_PER_LANGUAGE = 400
# Query-string variants (filters, pages) share their template; check a few of each path.
MAX_QUERY_VARIANTS_PER_PATH = 2
NARROW = {"width": 320, "height": 800}


def _language_of(path: str) -> str:
    for code in ("nn", "en"):
        if path == f"/{code}/" or path.startswith(f"/{code}/"):
            return code
    return "nb"


def _is_page(path: str) -> bool:
    bare = path
    for code in ("/nn", "/en"):
        if bare.startswith(code + "/"):
            bare = bare[len(code) :]
    return not bare.startswith(SKIPPED_PREFIXES) and not urlparse(bare).path.endswith(SKIPPED_SUFFIXES)


def _bare(path: str) -> str:
    """The path without its language prefix."""
    language = _language_of(path)
    return path if language == "nb" else path[len(language) + 1 :]


def crawl(page, start: str, within: str = "/", per_shape: int | None = None) -> list[str]:
    """Visit every same-site page in the start page's language reachable from ``start`` whose path
    starts with ``within`` (the workspace crawl stays in the workspace), at 320 CSS px, and check
    each once: axe, then ``page_findings`` (no sideways scroll, nothing lost with the text-spacing
    override, one ``h1``, SVG text of 12 px or more, targets of 24 px) and the language checks
    (``<html lang>`` is the URL's; content without a version in it is marked ``lang="nb"``).

    Across the crawl, no two pages share a ``<title>``, and a page two levels down or deeper has a
    breadcrumb trail or its section's own navigation (the roadmap's ways in, the workspace menu).

    With ``per_shape``, at most that many paths that differ only in their numbers
    (``/tiltak/12/`` and ``/tiltak/13/``) are visited: they share a template.
    """
    page.set_viewport_size(NARROW)
    base = page.base_url
    language = _language_of(start)
    untranslated = untranslated_texts(language)
    queue, seen, visited = [start], {start}, []
    query_variants: dict[str, int] = {}
    shapes: dict[str, int] = {}
    failures = []
    titles: dict[str, str] = {}
    while queue and len(visited) < MAX_PAGES_PER_LANGUAGE:
        path = queue.pop(0)
        response = page.goto(base + path)
        assert response is not None and response.status == 200, f"{path} answered {response and response.status}"
        visited.append(path)
        violations = axe_violations(page)
        if violations:
            failures.append(f"{path}:\n{describe_violations(violations)}")
        findings = page_findings(page)
        failures.extend(f"{path}: {problem}" for problem in findings["problems"])
        failures.extend(f"{path}: {problem}" for problem in content_language_problems(page, language, untranslated))
        if not urlparse(path).query:
            title = findings["title"]
            if title in titles:
                failures.append(f"{path}: the same <title> as {titles[title]}: {title!r}")
            titles.setdefault(title, path)
            depth = len([part for part in urlparse(_bare(path)).path.split("/") if part])
            if depth >= 2 and not (findings["breadcrumbs"] or findings["section_nav"]):
                failures.append(f"{path}: no breadcrumb trail")
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        # A search form is a way in as a link is (the header's search field leads to the site search).
        hrefs += page.eval_on_selector_all('form[role="search"][method="get"]', "forms => forms.map(f => f.action)")
        for href in hrefs:
            url, _fragment = urldefrag(href)
            if not url.startswith(base):
                continue
            link = url[len(base) :].removesuffix("?") or "/"
            parsed = urlparse(link)
            if link in seen or not _is_page(link) or _language_of(parsed.path) != language:
                continue
            if not parsed.path.startswith(within):
                continue
            if per_shape is not None:
                shape = re.sub(r"\d+", "N", parsed.path)
                if shapes.get(shape, 0) >= per_shape:
                    continue
                shapes[shape] = shapes.get(shape, 0) + 1
            if parsed.query:
                count = query_variants.get(parsed.path, 0)
                if count >= MAX_QUERY_VARIANTS_PER_PATH:
                    continue
                query_variants[parsed.path] = count + 1
            seen.add(link)
            queue.append(link)
    assert not failures, f"{len(failures)} accessibility problems:\n" + "\n".join(failures)
    return visited


@pytest.mark.parametrize("start", ["/", "/nn/", "/en/"])
def test_every_public_page_has_no_wcag_violations(page, start):
    visited = crawl(page, start)
    # The home page, the strategy pages, five goals and their sub-goals at the least.
    assert len(visited) >= 30, visited


def test_the_language_check_finds_unmarked_bokmal_and_a_wrong_html_lang(page):
    untranslated = ["Bedre løsninger for å gi samtykke og fullmakt"]
    page.set_content(
        '<html lang="en"><body><ul><li>Bedre løsninger for å gi samtykke og fullmakt</li>'
        '<li><span lang="nb">Bedre løsninger for å gi samtykke og fullmakt</span></li></ul></body></html>'
    )
    problems = content_language_problems(page, "en", untranslated)
    assert len(problems) == 1 and 'not inside [lang="nb"]' in problems[0] and "<li>" in problems[0]
    assert content_language_problems(page, "nn", []) == ['<html lang="en"> on a page in nn']
