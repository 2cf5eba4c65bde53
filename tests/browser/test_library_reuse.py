"""A project lead finds a case from another municipality, reuses it, and sees the reuse on the case."""

import pytest

pytestmark = [pytest.mark.library]


def test_search_open_adopt_and_see_the_reuse(browser_page, assert_accessible):
    page = browser_page("projektleder@nordfjord.demo")
    page.goto("/library/")
    assert_accessible(page)
    page.locator("#id_q").fill("faste teams i hjemmeplejen")
    page.locator("form[role=search] button[type=submit]").click()
    assert_accessible(page)
    page.locator("ol.results a", has_text="Faste teams i hjemmeplejen").click()
    assert page.locator("h1").inner_text() == "Faste teams i hjemmeplejen"
    assert_accessible(page)
    page.locator("#id_organisation").select_option(label="Plejecenter Lindely")
    page.locator("#id_note").fill("Vi afprøver faste teams på demensafsnittet")
    page.locator("form[action$='/adopt/'] button[type=submit]").click()
    reused = page.locator("section[aria-labelledby=reuse-heading] table")
    assert "Plejecenter Lindely" in reused.inner_text()
    assert_accessible(page)


@pytest.mark.parametrize("language", ["da", "sv"])
def test_public_visitors_read_published_cases(browser_page, assert_accessible, language):
    page = browser_page(language=language)
    page.goto("/library/?q=musik")
    page.locator("ol.results a").first.click()
    assert page.locator("h1").inner_text() == "Musik ved aftensmaden"
    assert_accessible(page)
    page.goto("/library/reuse/")
    assert "Musik ved aftensmaden" in page.locator("main").inner_text()
    assert_accessible(page)
