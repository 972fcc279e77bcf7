"""Keyboard-only navigation for the browser tests."""

from collections.abc import Callable

import pytest

Predicate = Callable[[object], bool]


def tab_until(page, predicate: Predicate, limit: int = 120) -> None:
    """Press Tab until the focused element satisfies ``predicate(handle)``; fail after ``limit`` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if predicate(page.evaluate_handle("document.activeElement")):
            return
    pytest.fail("The wanted element was never reached with Tab")


def link(text: str) -> Predicate:
    """A link whose text contains ``text``."""
    return lambda h: h.evaluate("e => e.tagName") == "A" and text in h.evaluate("e => e.textContent")


def element(tag: str, name: str) -> Predicate:
    """A form element of ``tag`` (upper case) with the given ``name``."""
    return lambda h: h.evaluate("e => e.tagName") == tag and h.evaluate("e => e.name") == name


def with_id(element_id: str) -> Predicate:
    return lambda h: h.evaluate("e => e.id") == element_id


def with_text(text: str) -> Predicate:
    """An element whose trimmed text is exactly ``text``."""
    return lambda h: h.evaluate("e => e.textContent.trim()") == text
