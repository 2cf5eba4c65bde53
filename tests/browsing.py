"""Helpers for browser tests: log in through the form, and ask axe-core what it finds."""

from pathlib import Path

import axe_playwright_python

AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
DEMO_PASSWORD = "Fremdrift-demo-2026"


def log_in(page, email, password=DEMO_PASSWORD):
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form.narrow-form button[type=submit]").click()
    page.wait_for_load_state()


def axe_violations(page, impacts=("serious", "critical")):
    """axe-core's serious and critical violations on the current page (WCAG 2.1 A and AA rules)."""
    # Evaluated by the test driver, not added as an inline <script> that the page's policy would refuse.
    page.evaluate(AXE_SCRIPT)
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]
