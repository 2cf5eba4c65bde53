"""A care worker writes on their draft application and it is saved without pressing the button."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.funding]

STAFF = "medarbejder@nordfjord.demo"
DRAFT = "Væskeskema på tablet i aftenteamet"
TYPED = "Om aftenen har vi ikke tid til at finde papirskemaet."


def test_a_draft_is_saved_while_the_applicant_writes(browser_page, assert_accessible):
    from fremdrift.funding.models import Application

    draft = Application.objects.get(title=DRAFT)
    page = browser_page(STAFF)
    page.goto(f"/funds/applications/{draft.pk}/edit/")
    assert_accessible(page)

    form = page.locator("form[data-autosave]")
    status = page.locator("#autosave-status")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    # The status line's texts come from the page, translated there; {time} is filled in by the script.
    saved = re.escape(form.get_attribute("data-autosave-saved")).replace(re.escape("{time}"), r"\d\d:\d\d")
    expect(status).to_have_text("")

    challenge = page.locator("#id_challenge")
    before = challenge.input_value()
    expected = f"{before} {TYPED}".strip()
    challenge.click()
    challenge.press("End")
    page.keyboard.type(f" {TYPED}" if before else TYPED)
    # No button, no page load: the pause in typing saves the draft and the status line says so.
    expect(status).to_have_text(re.compile(f"^{saved}$"), timeout=15_000)
    assert page.url.endswith(f"/applications/{draft.pk}/edit/")
    draft.refresh_from_db()
    assert draft.challenge == expected
    assert_accessible(page)

    page.reload()
    assert page.locator("#id_challenge").input_value() == expected
    assert page.locator(".messages").count() == 0  # an autosave leaves no message behind


def test_an_autosave_that_is_refused_marks_the_fields_and_saves_nothing(browser_page, assert_accessible):
    from fremdrift.funding.models import Application

    draft = Application.objects.get(title=DRAFT)
    lines = list(draft.budget_lines.values_list("pk", "amount"))
    page = browser_page(STAFF)
    page.goto(f"/funds/applications/{draft.pk}/edit/")
    form = page.locator("form[data-autosave]")
    refused = re.escape(form.get_attribute("data-autosave-invalid")).replace(
        re.escape("{count}"), r"[1-9]\d*"
    )

    amount = page.locator("#id_budget-0-amount")
    amount.fill("-5")
    amount.press("Tab")  # leaving the field saves at once
    expect(page.locator("#autosave-status")).to_have_text(re.compile(f"^{refused}$"), timeout=15_000)
    expect(amount).to_have_attribute("aria-invalid", "true")
    assert list(draft.budget_lines.values_list("pk", "amount")) == lines
    assert_accessible(page)
