"""A person of each role logs in, finds their menu, and every foundation page passes axe-core."""

import pytest

from browsing import axe_violations

pytestmark = [pytest.mark.foundation]

# Menu entries each role must see, and must not see.
NAVIGATION = {
    "medarbejder@nordfjord.demo": ({"/", "/organisations/"}, {"/organisations/audit/"}),
    "projektleder@nordfjord.demo": ({"/", "/organisations/"}, {"/organisations/audit/"}),
    "vurderer@nordfjord.demo": ({"/", "/organisations/"}, {"/organisations/audit/"}),
    "innovation@nordfjord.demo": ({"/", "/organisations/"}, {"/organisations/audit/"}),
    "direktion@nordfjord.demo": ({"/", "/organisations/"}, {"/organisations/audit/"}),
    "kvalitet@nordfjord.demo": ({"/", "/organisations/"}, {"/organisations/audit/"}),
    "admin@nordfjord.demo": ({"/", "/organisations/", "/organisations/audit/"}, set()),
    "projektleder@solund.demo": ({"/", "/organisations/"}, {"/organisations/audit/"}),
    "platform@fremdrift.demo": ({"/", "/organisations/", "/organisations/audit/"}, set()),
}


def menu_links(page):
    return set(page.locator("nav.main-nav a").evaluate_all("links => links.map(a => a.getAttribute('href'))"))


@pytest.mark.parametrize("email", sorted(NAVIGATION))
def test_each_role_sees_its_menu_and_only_its_organisations(browser_page, assert_accessible, email):
    page = browser_page(email)
    must_see, must_not_see = NAVIGATION[email]
    links = menu_links(page)
    assert must_see <= links
    assert not (must_not_see & links)
    page.goto("/organisations/")
    names = page.locator("ul.tree a").all_inner_texts()
    if email.endswith("@nordfjord.demo"):
        assert not any("Sølund" in name or "Område Vest" in name for name in names)
    if email.endswith("@solund.demo"):
        assert not any("Nordfjord" in name for name in names)
    assert_accessible(page)


@pytest.mark.parametrize("language", ["da", "sv"])
def test_foundation_pages_pass_axe(browser_page, assert_accessible, language):
    anonymous = browser_page(language=language)
    for path in ["/", "/accounts/login/", "/accounts/password-reset/", "/no-such-page/"]:
        anonymous.goto(path)
        assert_accessible(anonymous)
    admin = browser_page("admin@nordfjord.demo", language=language)
    admin.locator("#language-select").select_option(language)
    admin.locator(".language-form button").click()
    assert admin.locator("html").get_attribute("lang") == language
    for path in ["/", "/organisations/", "/organisations/audit/"]:
        admin.goto(path)
        assert_accessible(admin)
    admin.goto("/organisations/")
    admin.locator("ul.tree a").first.click()
    assert_accessible(admin)


def test_keyboard_alone_reaches_the_main_content(browser_page):
    page = browser_page()
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.get_attribute("href") == "#main"
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_usable_at_320_pixels(browser_page):
    page = browser_page("admin@nordfjord.demo", width=320)
    page.goto("/organisations/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_the_accessibility_check_does_catch_problems(browser_page):
    page = browser_page()
    page.set_content("<html><body><img src='x.png'><input type='text'></body></html>")
    assert any(
        "image-alt" in violation for violation in axe_violations(page, impacts=("critical", "serious"))
    )
