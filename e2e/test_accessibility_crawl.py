"""axe-core on every public page, in bokmål, nynorsk and English.

The pages are found by following same-site links from the home page, as a
visitor would, so a new page is checked as soon as something links to it.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urlparse

import pytest

from e2e.conftest import axe_violations, describe_violations

pytestmark = pytest.mark.e2e

# Not pages for people to read: files, feeds, the admin and the login area.
SKIPPED_PREFIXES = ("/admin/", "/konto/", "/static/", "/i18n/", "/sitemap.xml")
SKIPPED_SUFFIXES = (".csv", ".xlsx", ".json", ".ics", ".atom", ".xml", ".svg", ".pdf", ".png")
MAX_PAGES_PER_LANGUAGE = 400
# Query-string variants (filters, pages) share their template; check a few of each path.
MAX_QUERY_VARIANTS_PER_PATH = 2


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


def crawl(page, start: str, within: str = "/", per_shape: int | None = None, reflow: bool = False) -> list[str]:
    """Visit every same-site page in the start page's language reachable from ``start`` whose path
    starts with ``within`` (the workspace crawl stays in the workspace).

    With ``per_shape``, at most that many paths that differ only in their numbers
    (``/tiltak/12/`` and ``/tiltak/13/``) are visited: they share a template.
    With ``reflow``, each page must not scroll sideways in the page's viewport (WCAG 1.4.10 at
    320 CSS px, when the viewport is that wide); a wide table scrolls in its own region.
    """
    base = page.base_url
    language = _language_of(start)
    queue, seen, visited = [start], {start}, []
    query_variants: dict[str, int] = {}
    shapes: dict[str, int] = {}
    failures = []
    while queue and len(visited) < MAX_PAGES_PER_LANGUAGE:
        path = queue.pop(0)
        response = page.goto(base + path)
        assert response is not None and response.status == 200, f"{path} answered {response and response.status}"
        visited.append(path)
        violations = axe_violations(page)
        if violations:
            failures.append(f"{path}:\n{describe_violations(violations)}")
        if reflow:
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                failures.append(f"{path}: scrolls sideways by {overflow} px")
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        for href in hrefs:
            url, _fragment = urldefrag(href)
            if not url.startswith(base):
                continue
            link = url[len(base) :] or "/"
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
    assert not failures, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(failures)
    return visited


@pytest.mark.parametrize("start", ["/", "/nn/", "/en/"])
def test_every_public_page_has_no_wcag_violations(page, start):
    visited = crawl(page, start)
    # The home page, the strategy pages, five goals and their sub-goals at the least.
    assert len(visited) >= 30, visited
