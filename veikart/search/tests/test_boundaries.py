"""The site search's extension point keeps its arrows one way: core imports no app, no domain app imports search."""

from __future__ import annotations

import ast
from pathlib import Path

VEIKART = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_extension_point_in_core_imports_no_app_of_ours():
    ours = {name for name in imported_modules(VEIKART / "core" / "search.py") if name.startswith("veikart.")}
    assert ours <= {"veikart.core.models"}  # its own revision counter, in core


def test_no_domain_app_imports_the_search_app():
    for app in ("strategy", "roadmap", "indicators", "core"):
        for path in (VEIKART / app).rglob("*.py"):
            assert not any(name.startswith("veikart.search") for name in imported_modules(path)), path
