"""A care worker proposes an idea; the quality consultant prioritises it on the board with the keyboard alone."""

import pytest

from fremdrift.ideas.models import Idea, IdeaMove

pytestmark = [pytest.mark.strategy]


def test_submit_an_idea_and_prioritise_it_by_keyboard(browser_page, assert_accessible):
    worker = browser_page("medarbejder@nordfjord.demo")
    worker.goto("/ideas/new/")
    assert_accessible(worker)
    worker.locator("#id_organisation").select_option(label="Hjemmepleje Nord")
    worker.locator("#id_title").fill("Fælles huskeliste i bilen")
    worker.locator("#id_problem").fill("Vi glemmer ofte hjælpemidler, der skal med til borgeren.")
    worker.locator("#id_proposal").fill(
        "En **lamineret huskeliste** i hver bil, som tjekkes ved vagtens start."
    )
    worker.locator("#id_proposal").press("Tab")
    worker.locator("form.narrow-form button[type=submit]").click()
    worker.wait_for_url("**/ideas/*/")
    assert worker.locator("h1").inner_text() == "Fælles huskeliste i bilen"
    assert worker.locator(".user-text strong").inner_text() == "lamineret huskeliste"
    idea = Idea.objects.get(title="Fælles huskeliste i bilen")

    consultant = browser_page("kvalitet@nordfjord.demo")
    consultant.goto(f"/ideas/board/{idea.organisation_id}/")
    assert_accessible(consultant)
    # Only the keyboard from here: Tab to the card's "move to" list, choose, give the reason, press Enter.
    for _ in range(300):
        consultant.keyboard.press("Tab")
        if consultant.evaluate("document.activeElement.id") == f"move-{idea.pk}":
            break
    else:
        pytest.fail("The card's move list cannot be reached with Tab")
    assert consultant.evaluate("document.activeElement.value") == "prioritised"
    consultant.keyboard.press("Tab")
    assert consultant.evaluate("document.activeElement.id") == f"reason-{idea.pk}"
    consultant.keyboard.type("Let at afprøve på alle ruter i næste måned")
    with consultant.expect_navigation():
        consultant.keyboard.press("Enter")

    column = consultant.locator("section.board-column", has=consultant.locator("#column-prioritised"))
    assert column.locator(f"#idea-{idea.pk}").count() == 1
    idea.refresh_from_db()
    assert idea.status == "prioritised"
    move = IdeaMove.objects.get(idea=idea)
    assert move.reason == "Let at afprøve på alle ruter i næste måned"
    assert move.moved_by.email == "kvalitet@nordfjord.demo"
