"""A round from start to finish in the browser: the innovation unit opens it, a project lead applies,
two reviewers score, the unit recommends, the board decides, the ledger moves, the applicant reads
the decision."""

import datetime

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.funding]

INNOVATION = "innovation@nordfjord.demo"
LEAD = "projektleder@nordfjord.demo"
REVIEWERS = ["vurderer@nordfjord.demo", "vurderer2@nordfjord.demo"]
BOARD = "direktion@nordfjord.demo"


def test_open_apply_review_recommend_decide_and_read(browser_page, assert_accessible):
    from fremdrift.funding import selectors
    from fremdrift.funding.models import Application, Fund

    fund = Fund.objects.get(name="Innovationspuljen")
    year = timezone.now().year

    # The innovation unit opens a round.
    page = browser_page(INNOVATION)
    page.goto(f"/funds/{fund.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Ny ansøgningsrunde").click()
    page.locator("#id_name").fill("Browserrunden")
    page.locator("#id_opens_on").fill(timezone.localdate().isoformat())
    deadline = timezone.now().astimezone(fund.zone) + datetime.timedelta(days=21)
    page.locator("#id_deadline").fill(deadline.strftime("%Y-%m-%dT%H:%M"))
    page.locator("main form button[type=submit]").click()
    assert page.locator("h1").inner_text() == "Browserrunden"
    assert_accessible(page)

    # The project lead applies in the six elements and submits.
    page = browser_page(LEAD)
    page.goto(f"/funds/{fund.pk}/")
    page.get_by_role("link", name="Ansøg", exact=True).click()
    page.locator("#id_title").fill("Lys der følger døgnet")
    page.locator("#id_organisation").select_option(label="Plejecenter Lindely")
    page.locator("#id_round").select_option(label="Innovationspuljen: Browserrunden")
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)
    page.locator("#id_starts_on").fill(f"{year}-03-01")
    page.locator("#id_ends_on").fill(f"{year + 1}-02-28")
    for name, text in [
        ("challenge", "Beboere med demens vender døgnet om."),
        ("criteria_how", "Bedre søvn for beboerne og roligere nattevagter."),
        ("activities", "Døgnrytmelys i to afsnit."),
        ("resources", "Elektriker og lysplanlægger."),
        ("evaluation_plan", "Søvnregistrering før og efter."),
        ("spread_plan", "Alle plejecentre, hvis søvnen bliver bedre."),
    ]:
        page.locator(f"#id_{name}").fill(text)
    for checkbox in page.locator("input[name=criteria]").all():
        checkbox.check()
    page.locator("input[name=sdgs][value='3']").check()
    page.locator("#id_goals-0-goal").fill("Bedre søvn")
    page.locator("#id_goals-0-name").fill("Nætter med uro")
    page.locator("#id_goals-0-target").fill("4")
    page.locator("#id_budget-0-description").fill("Lysarmaturer")
    page.locator("#id_budget-0-year").fill(str(year))
    page.locator("#id_budget-0-amount").fill("180.000,00")  # as the page shows amounts in Danish
    page.locator("button[name=submit]").click()
    page.wait_for_url("**/submit/")
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    application = Application.objects.get(title="Lys der følger døgnet")
    assert application.status == "submitted"

    # The innovation unit assigns two reviewers.
    page = browser_page(INNOVATION)
    for email in REVIEWERS:
        page.goto(f"/funds/applications/{application.pk}/")
        page.locator("details:has(button[name=assign]) summary").click()
        reviewer = application.fund.organisation.memberships.get(user__email=email).user
        page.locator("#id_assign-reviewer").select_option(value=str(reviewer.pk))
        page.locator("button[name=assign]").click()
    assert application.assignments.count() == 2

    # Each reviewer declares no conflict and scores every bottom line.
    for email, score in zip(REVIEWERS, ["4", "3"], strict=True):
        page = browser_page(email)
        page.goto(f"/funds/applications/{application.pk}/")
        page.get_by_role("link", name="Din bedømmelse").click()
        page.locator("input[name='conflict-has_conflict'][value=no]").check()
        page.locator("button[name=declare]").click()
        assert_accessible(page)
        for field in page.locator("input[name^='review-score_']").all():
            field.fill(score)
        page.locator("button[name=submit_review]").click()
    application.refresh_from_db()
    assert application.status == "in_review"

    # The innovation unit recommends; the board decides.
    # The unit finds the application in the round on the fund's page.
    page = browser_page(INNOVATION)
    page.goto(f"/funds/{fund.pk}/")
    page.get_by_role("link", name="Browserrunden").first.click()
    page.get_by_role("link", name="Lys der følger døgnet").click()
    page.get_by_role("link", name="Indstil", exact=True).click()
    page.locator("#id_outcome").select_option("grant")
    page.locator("#id_amount").fill("175.000,00")
    page.locator("#id_reasons").fill("Godt fagligt grundlag og klar evaluering.")
    page.locator("main form button[type=submit]").click()
    budget_year = fund.budget_years.get(year=2026)
    before = selectors.year_balance(budget_year).granted

    # The board finds it on the round's meeting list.
    page = browser_page(BOARD)
    page.goto(f"/funds/{fund.pk}/")
    page.get_by_role("link", name="Browserrunden").first.click()
    page.get_by_role("link", name="Mødeliste: beslut").click()
    assert_accessible(page)
    page.get_by_role("link", name="Lys der følger døgnet").click()
    page.get_by_role("link", name="Beslut", exact=True).click()
    assert_accessible(page)
    page.locator("#id_budget_year").select_option(label="2026")
    page.locator("#id_reasons").fill("Direktionen følger indstillingen.")
    page.locator("main form button[type=submit]").click()
    application.refresh_from_db()
    assert application.status == "granted"
    assert selectors.year_balance(budget_year).granted - before == 175000
    page.goto(f"/funds/{fund.pk}/")
    available = selectors.year_balance(budget_year).available
    shown = page.locator(
        "section[aria-labelledby=ledger-heading] tbody tr", has_text=str(budget_year.year)
    ).first.inner_text()
    assert f"{available:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".") in shown

    # The applicant reads the decision and its reasons.
    page = browser_page(LEAD)
    page.goto(f"/funds/applications/{application.pk}/")
    decision = page.locator("section.funding-decision").inner_text()
    assert "Direktionen følger indstillingen." in decision
    assert_accessible(page)
