"""Checks the accessibility crawls run on every page they visit, besides axe.

Each check answers with readable problems (empty when the page passes), so one visit of a page
runs them all. The viewport decides what "narrow" means: the crawls browse at 320 CSS px, the width
of a 1,280 px window at 400 % zoom (WCAG 1.4.10 Reflow).
"""

from __future__ import annotations

# The text-spacing bookmarklet of WCAG 1.4.12 (Steve Faulkner's), as a style sheet.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Elements built to clip: screen-reader-only text and anything hidden from everyone.
# The roadmap timeline is aria-hidden: a drawing of the table that follows it, whose bars
# shorten a phase name with an ellipsis by design.
_CLIP_EXEMPT = ".ds-sr-only, .ds-skip-link:not(:focus), [hidden], [aria-hidden='true']"

_LAYOUT_JS = """
(exempt) => {
  const problems = [];
  const overflow = document.documentElement.scrollWidth - window.innerWidth;
  if (overflow > 0) {
    // Name the widest culprit outside any scrolling region, to make the failure easy to fix.
    let culprit = '';
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.right <= window.innerWidth + 0.5 || !rect.width) continue;
      let p = el.parentElement, scrolls = false;
      while (p && p !== document.body) { if (getComputedStyle(p).overflowX !== 'visible') { scrolls = true; break; } p = p.parentElement; }
      if (!scrolls) { culprit = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''); }
    }
    problems.push(`scrolls sideways by ${overflow} px at ${window.innerWidth} px${culprit ? ' (' + culprit + ')' : ''}`);
  }
  // Text cut off by a box that hides its overflow.
  for (const el of document.body.querySelectorAll('*')) {
    // A select shows one of its options by design.
    if (el.closest(exempt) || el.tagName === 'SELECT' || !el.textContent.trim()) continue;
    const style = getComputedStyle(el);
    const clipsX = ['hidden', 'clip'].includes(style.overflowX), clipsY = ['hidden', 'clip'].includes(style.overflowY);
    if (!clipsX && !clipsY) continue;
    if ((clipsX && el.scrollWidth > el.clientWidth + 1) || (clipsY && el.scrollHeight > el.clientHeight + 1)) {
      problems.push(`text clipped in <${el.tagName.toLowerCase()} class="${el.className}">: "${el.textContent.trim().slice(0, 40)}"`);
    }
  }
  return problems;
}
"""

_PAGE_JS = """
() => {
  const problems = [];
  const h1s = document.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements`);
  if (!document.title.trim()) problems.push('no <title>');
  // SVG text (chart labels) at least 12 CSS px as drawn.
  for (const text of document.querySelectorAll('svg text')) {
    if (!text.getClientRects().length) continue;
    const m = text.getScreenCTM();
    const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
    if (size < 11.95) { problems.push(`chart text "${text.textContent}" drawn at ${size.toFixed(1)} px`); break; }
  }
  // Target size (WCAG 2.5.8): links and buttons are 24 by 24 CSS px, or a 24 px circle around each
  // smaller one touches no other target; a link within a sentence is exempt.
  const targets = [];
  for (const el of document.querySelectorAll('a[href], button, summary, input:not([type=hidden]), select, [role=button]')) {
    const rects = el.getClientRects();
    // checkVisibility: the links of a closed menu have a layout but are not shown.
    if (rects.length !== 1 || !el.checkVisibility({visibilityProperty: true}) || el.closest('[aria-hidden="true"], .ds-skip-link')) continue;
    const r = rects[0];
    if (!r.width || !r.height) continue;
    const small = r.width < 23.95 || r.height < 23.95;
    let inline = false;
    if (small && getComputedStyle(el).display === 'inline') {
      const block = el.parentElement.closest('p, li, td, th, dd, dt, div, span, label, figcaption, caption');
      inline = !!block && block.textContent.trim().length > el.textContent.trim().length + 2;
    }
    targets.push({el, r, small: small && !inline, cx: r.x + r.width / 2, cy: r.y + r.height / 2});
  }
  const name = el => (el.textContent || el.getAttribute('aria-label') || el.name || el.tagName).trim().slice(0, 30);
  const distanceToRect = (x, y, r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  let reported = 0;
  for (const a of targets) {
    if (!a.small) continue;
    const crowded = targets.find(b => b !== a && !a.el.contains(b.el) && !b.el.contains(a.el) &&
      (b.small ? Math.hypot(a.cx - b.cx, a.cy - b.cy) < 24 : distanceToRect(a.cx, a.cy, b.r) < 12));
    if (crowded && reported++ < 3) {
      problems.push(`target "${name(a.el)}" is ${Math.round(a.r.width)}×${Math.round(a.r.height)} px, too close to "${name(crowded.el)}"`);
    }
  }
  // One breadcrumb pattern: from the home page, each step a name (not a bare number, code or slug).
  const trail = document.querySelector('nav.vk-breadcrumbs');
  if (trail) {
    const steps = [...trail.querySelectorAll('li')].map(li => li.textContent.replace(/\\s+/g, ' ').trim());
    const first = trail.querySelector('li a');
    if (!first || !/^\\/((nn|en)\\/)?$/.test(new URL(first.href).pathname)) problems.push(`breadcrumb trail does not start at the home page: ${steps.join(' › ')}`);
    for (const step of steps) {
      if (/^([a-z0-9]+(-[a-z0-9]+)+|\\d+|[0-9][A-Z])$/.test(step)) problems.push(`breadcrumb step "${step}" is a code or slug, not a name`);
    }
  }
  return {problems, title: document.title, breadcrumbs: !!document.querySelector('nav.vk-breadcrumbs, nav[aria-label] ol [aria-current="page"]'), sectionNav: !!document.querySelector('.vk-roadmap-nav, .vk-workspace__nav')};
}
"""


def page_findings(page) -> dict:
    """Layout, headings, chart text and target size on the page as it is; then the same layout
    checks with the text-spacing override, which is taken off again before returning.

    Returns ``{"problems": [...], "title": str, "breadcrumbs": bool, "section_nav": bool}``.
    """
    found = page.evaluate(_PAGE_JS)
    problems = list(found["problems"]) + page.evaluate(_LAYOUT_JS, _CLIP_EXEMPT)
    style = page.add_style_tag(content=TEXT_SPACING_CSS)
    problems += [f"with text spacing: {p}" for p in page.evaluate(_LAYOUT_JS, _CLIP_EXEMPT)]
    style.evaluate("s => s.remove()")
    return {
        "problems": problems,
        "title": found["title"],
        "breadcrumbs": found["breadcrumbs"],
        "section_nav": found["sectionNav"],
    }


_LANGUAGE_JS = """
([language, untranslated]) => {
  const problems = [];
  const declared = document.documentElement.getAttribute('lang');
  if (declared !== language) problems.push(`<html lang="${declared}"> on a page in ${language}`);
  if (language === 'nb') return problems;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let reported = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    const holder = node.parentElement;
    if (!text || holder.closest('script, style, template')) continue;
    if (holder.closest('[lang]').getAttribute('lang') === 'nb') continue;
    const found = untranslated.find(bokmal => text.includes(bokmal));
    if (found && reported++ < 5) {
      problems.push(`bokmål text shown as ${language}, not inside [lang="nb"]: "${found.slice(0, 60)}" (in <${holder.tagName.toLowerCase()}>)`);
    }
  }
  return problems;
}
"""


def untranslated_texts(language: str) -> list[str]:
    """The bokmål texts of content with no version in ``language`` (every field that django-modeltranslation
    translates, read from the database): on a page in ``language`` each must sit inside ``[lang="nb"]``.

    Left out, so that the check never flags a correct page: lines under 4 characters, and texts that are
    also some content's version in ``language`` (a nynorsk name the same as the bokmål one). Multi-line
    texts are checked line by line, as a page breaks them with ``<br>``. Empty for bokmål.
    """
    from modeltranslation.translator import translator

    if language == "nb":
        return []
    missing: set[str] = set()
    versions: set[str] = set()
    for model in translator.get_registered_models(abstract=False):
        for field in translator.get_options_for_model(model).get_field_names():
            rows = model._default_manager.values_list(f"{field}_nb", f"{field}_{language}")
            for bokmal, version in rows:
                if version and version.strip():
                    versions.update(_lines(version))
                elif bokmal:
                    missing.update(_lines(bokmal))
    return sorted(text for text in missing - versions if len(text) >= 4)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def content_language_problems(page, language: str, untranslated: list[str]) -> list[str]:
    """WCAG 3.1.1 and 3.1.2: ``<html lang>`` is the URL's language, and on a nynorsk or English page
    every text node holding an ``untranslated`` bokmål text is inside an element with ``lang="nb"``."""
    return page.evaluate(_LANGUAGE_JS, [language, untranslated])
