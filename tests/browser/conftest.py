"""Browser tests: Debian's Chromium driven by Playwright against the live test server, with axe-core."""

from pathlib import Path

import pytest

from browsing import axe_violations, log_in
from demo_world import demo_world

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's Chromium is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def live_world(transactional_db):
    """The demo world, committed so the live server's thread sees it."""
    return demo_world()


@pytest.fixture
def browser_page(chromium, live_server, live_world):
    """`browser_page(email=None, language="da")`: a fresh page, logged in through the form when an e-mail is given."""
    contexts = []
    # The pages run under a strict Content-Security-Policy; Chromium reports each refusal on the console.
    policy_violations = []

    def open_page(email=None, language="da", width=1280):
        context = chromium.new_context(
            locale=language, viewport={"width": width, "height": 900}, base_url=live_server.url
        )
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and policy_violations.append(f"{page.url}: {message.text}")
            ),
        )
        page.set_default_timeout(10_000)
        if email:
            log_in(page, email)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not policy_violations, "\n".join(policy_violations)


@pytest.fixture
def assert_accessible():
    def check(page):
        violations = axe_violations(page)
        assert not violations, f"{page.url}:\n" + "\n".join(violations)

    return check
