"""A care worker proposes an idea; the quality consultant prioritises it on the board with the keyboard
alone and turns it into a project, and the idea and the project link to each other."""

import pytest

from fremdrift.ideas.models import Idea, IdeaMove
from fremdrift.projects.models import Project

pytestmark = [pytest.mark.strategy]


def test_submit_an_idea_prioritise_it_by_keyboard_and_turn_it_into_a_project(browser_page, assert_accessible):
    worker = browser_page("medarbejder@nordfjord.demo")
    worker.goto("/ideas/")
    worker.get_by_role("link", name="Foreslå en idé", exact=True).click()
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

    # The quality consultant may create projects for the unit: the idea page offers the button.
    consultant.goto(f"/ideas/{idea.pk}/")
    button = consultant.locator(f'form[action="/projects/from-idea/{idea.pk}/"] button[type=submit]')
    assert button.count() == 1
    button.focus()
    assert consultant.evaluate("document.activeElement.closest('form').getAttribute('action')") == (
        f"/projects/from-idea/{idea.pk}/"
    )
    with consultant.expect_navigation():
        consultant.keyboard.press("Enter")
    project = Project.objects.get(idea=idea)
    consultant.wait_for_url(f"**/projects/{project.pk}/")
    assert consultant.locator("h1").inner_text() == "Fælles huskeliste i bilen"
    assert project.organisation_id == idea.organisation_id
    assert_accessible(consultant)

    # Back on the idea page, the idea links to its project and offers no second one.
    consultant.goto(f"/ideas/{idea.pk}/")
    assert consultant.locator(f'main a[href="/projects/{project.pk}/"]').count() == 1
    assert consultant.locator(f'form[action="/projects/from-idea/{idea.pk}/"]').count() == 0
