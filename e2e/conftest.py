"""Fixtures for browser tests: Debian's Chromium driven by Playwright against ``live_server``.

Playwright cannot download its own browser here, so it launches the system
Chromium (``CHROMIUM_PATH``, default ``/usr/bin/chromium``). The sync API runs
an event loop in the test thread; Django's async-safety check would refuse the
ORM calls of the fixtures there, hence ``DJANGO_ALLOW_ASYNC_UNSAFE``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_PATH = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(f"Chromium not found at {path}; install Debian's chromium package or set CHROMIUM_PATH.")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        # A persistent context is the only way to pass a fresh --user-data-dir;
        # each test still gets its own page and clears cookies.
        yield context
        context.close()


@pytest.fixture
def demo(transactional_db):
    """The demo content, loaded into the live server's database."""
    call_command("load_demo", verbosity=0)


@pytest.fixture
def page(browser, live_server, demo):
    """A fresh page with no cookies; ``page.base_url`` is the live server's address."""
    browser.clear_cookies()
    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    yield page
    page.close()


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page and return the WCAG 2.1 A/AA violations (empty when none)."""
    page.add_script_tag(path=str(AXE_PATH))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA_TAGS,
    )
    return result["violations"]


def log_in(page, username: str) -> None:
    """Give the browser the session of a demo user (the demo has no usable passwords in tests)."""
    from django.conf import settings
    from django.test import Client

    from veikart.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": page.base_url}])


def describe_violations(violations: list[dict]) -> str:
    """A readable summary for assertion messages."""
    return json.dumps(
        [
            {"id": v["id"], "impact": v["impact"], "targets": [node["target"] for node in v["nodes"][:5]]}
            for v in violations
        ],
        indent=2,
        ensure_ascii=False,
    )


@pytest.fixture(name="axe_violations")
def axe_violations_fixture():
    return axe_violations
