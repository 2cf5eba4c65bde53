"""Pages work under the strict policy, and a breach of it fails the browser tests."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser]


def test_the_organisation_tree_is_indented_without_inline_styles(browser_page, live_server):
    page = browser_page("admin@nordfjord.demo")
    page.goto(live_server.url + reverse("organisations:list"))
    top, first_child = page.locator(".tree li").nth(0), page.locator(".tree li").nth(1)
    indent = first_child.evaluate("li => parseFloat(getComputedStyle(li).paddingLeft)")
    assert indent > top.evaluate("li => parseFloat(getComputedStyle(li).paddingLeft)")


def test_an_inline_script_is_refused_and_reported(chromium, live_server, live_world):
    context = chromium.new_context(base_url=live_server.url)
    page = context.new_page()
    reports = []
    page.on("console", lambda message: reports.append(message.text))
    page.goto(reverse("login"))
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = true';"
        " document.body.append(s); }"
    )
    assert page.evaluate("() => window.ran === undefined")
    context.close()
    assert any("Content Security Policy" in report for report in reports)
