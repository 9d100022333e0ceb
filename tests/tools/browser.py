"""Pytest plugin: headless Debian chromium driven by Playwright (sync API).

Loaded from ``tests/conftest.py`` via ``pytest_plugins = ["tests.tools.browser"]``.

Fixtures
--------
``playwright_sync``   session: the running Playwright driver.
``chromium_browser``  session: Debian's ``/usr/bin/chromium``, headless (never
                      ``playwright install``).
``axe_page``          module: one page reused by a module's read-only checks (axe).
``page``              function: a fresh context (``bypass_csp`` so axe/mermaid
                      can be injected) and page that records
                      ``page.journeyops_errors``   console errors + uncaught page errors (str),
                      ``page.journeyops_console``  every console message as (type, text),
                      ``page.journeyops_dialogs``  dialogs as {"type", "message"},
                      and dismisses every dialog (alert/confirm/prompt/beforeunload).

Mark browser tests with ``@pytest.mark.browser`` (registered here).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from tests.tools import CHROMIUM, CHROMIUM_ARGS, require_tool


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives headless Debian chromium through Playwright"
    )


def launch_chromium(playwright: Any) -> Any:
    """Launch Debian's chromium headless with our fixed flags."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        args=list(CHROMIUM_ARGS),
    )


@pytest.fixture(scope="session")
def playwright_sync() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_tool(False, "playwright is not installed (PyPI playwright)")
        raise  # unreachable
    require_tool(CHROMIUM.is_file(), f"chromium not found at {CHROMIUM} (Debian package chromium)")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def chromium_browser(playwright_sync: Any) -> Iterator[Any]:
    browser = launch_chromium(playwright_sync)
    try:
        yield browser
    finally:
        browser.close()


def attach_recorders(page: Any) -> Any:
    """Record console errors, page errors and dialogs on ``page``; dismiss dialogs."""
    page.journeyops_errors = []
    page.journeyops_console = []
    page.journeyops_dialogs = []

    def on_console(msg: Any) -> None:
        page.journeyops_console.append((msg.type, msg.text))
        if msg.type == "error":
            loc = msg.location or {}
            where = f" ({loc.get('url')}:{loc.get('lineNumber')})" if loc.get("url") else ""
            page.journeyops_errors.append(f"console.error: {msg.text}{where}")

    def on_pageerror(err: Any) -> None:
        page.journeyops_errors.append(f"pageerror: {err}")

    def on_dialog(dialog: Any) -> None:
        from playwright.sync_api import Error

        page.journeyops_dialogs.append({"type": dialog.type, "message": dialog.message})
        with contextlib.suppress(Error):  # the page is already gone
            dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", on_pageerror)
    page.on("dialog", on_dialog)
    return page


@pytest.fixture
def browser_context(chromium_browser: Any) -> Iterator[Any]:
    context = chromium_browser.new_context(bypass_csp=True, java_script_enabled=True)
    context.set_default_timeout(15_000)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(browser_context: Any) -> Iterator[Any]:
    pg = attach_recorders(browser_context.new_page())
    yield pg


@pytest.fixture(scope="module")
def axe_page(chromium_browser: Any) -> Iterator[Any]:
    """One page (in a context like ``page``'s) for a module's tests that only open a
    document and read it: axe-core's checks of one page after another. Each test still
    loads its document and injects axe-core into it; what is shared is the renderer,
    which has compiled axe-core's half megabyte of script once: 8 axe runs cost 3.1
    CPU-seconds of Chromium in one page against 7.5 in a new context each. Not for a
    test that clicks, types, changes the media or counts console errors."""
    context = chromium_browser.new_context(bypass_csp=True, java_script_enabled=True)
    context.set_default_timeout(15_000)
    try:
        yield attach_recorders(context.new_page())
    finally:
        context.close()
