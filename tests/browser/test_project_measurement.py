"""A project lead measures a change and the board takes it into operations, in the browser."""

import pytest

pytestmark = [pytest.mark.projects]

LEAD = "projektleder@nordfjord.demo"
BOARD = "direktion@nordfjord.demo"
# Ten months around 11 falls, then a new routine from November and ten months around 5.
VALUES = [10, 12, 11, 9, 13, 10, 11, 12, 10, 11, 6, 5, 7, 4, 6, 5, 6, 4, 5, 6]


def test_a_lead_measures_a_change_and_the_board_moves_the_project_into_operations(
    browser_page, live_world, assert_accessible
):
    from fremdrift.projects.models import Project

    page = browser_page(LEAD)
    page.goto("/projects/")
    page.get_by_role("link", name="Start et projekt").click()
    assert_accessible(page)
    page.select_option("select[name=organisation]", label="Plejecenter Lindely")
    page.fill("input[name=title]", "Trygge aftener")
    page.fill("input[name=starts_on]", "2024-01-01")
    page.fill("input[name=ends_on]", "2026-12-31")
    page.fill("input[name=budget]", "50000")
    page.click("form.narrow-form button[type=submit]")
    project = Project.objects.get(title="Trygge aftener")
    assert page.url.endswith(f"/projects/{project.pk}/")
    page.click(f"form[action='/projects/{project.pk}/step/start/'] button")
    page.click("summary >> nth=0")
    page.fill("input[name=description]", "Færre fald om aftenen")
    page.click(f"form[action='/projects/{project.pk}/goals/add/'] button")
    page.click("a[href*='/indicators/new/']")
    page.fill("input[name=name]", "Fald pr. måned")
    page.select_option("select[name=kind]", "count")
    page.select_option("select[name=direction]", "down")
    page.select_option("select[name=frequency]", "monthly")
    page.fill("input[name=baseline_starts_on]", "2024-01-01")
    page.fill("input[name=baseline_ends_on]", "2024-10-01")
    page.fill("input[name=target]", "6")
    page.click("form.narrow-form button[type=submit]")
    page.wait_for_url("**/measurement/indicators/*/")
    indicator = project.goals.get().indicators.get()
    assert page.url.endswith(f"/measurement/indicators/{indicator.pk}/")

    # Twenty monthly values in the quick grid, from the new indicator's page.
    page.get_by_role("link", name="Indtast målinger").click()
    assert_accessible(page)
    for index, value in enumerate(VALUES):
        page.fill(f"input[name=value-{index}]", str(value))
    page.click("form.entry-grid button[type=submit]")
    assert indicator.measurements.current().count() == 20

    # The dated change, and the run chart with its signal.
    page.click("details:has(form[action$='/changes/']) summary")
    page.fill("input[name=starts_on]", "2024-11-01")
    page.fill("input[name=label]", "Ny aftenrutine")
    page.click("form[action$='/changes/'] button[type=submit]")
    chart = page.locator("svg.spc-chart[role=img]")
    assert chart.count() == 1
    assert page.locator("svg.spc-chart .point.signal").count() > 0
    assert page.locator("svg.spc-chart .change").count() == 1
    sentence = page.locator(".signal-sentence").inner_text()
    assert "median" in sentence.lower()
    page.click("details.chart-data summary")
    assert page.locator("details.chart-data table tbody tr").count() == 20
    assert_accessible(page)

    # A PDSA cycle.
    page.goto(f"/projects/{project.pk}/")
    page.get_by_role("link", name="Planlæg en PDSA-cyklus").click()
    page.fill("input[name=title]", "Aftenrunde kl. 19")
    page.fill("textarea[name=prediction]", "Højst ét fald om aftenen på to uger")
    page.fill("textarea[name=plan_what]", "Runde til hver beboer: lys, sko, rollator")
    page.click("form.narrow-form button[type=submit]")
    assert project.pdsa_cycles.count() == 1
    assert_accessible(page)

    # The final evaluation.
    page.goto(f"/projects/{project.pk}/")
    page.get_by_role("link", name="Skriv en evaluering").click()
    page.check("input[name=kind][value=final]")
    page.check("input[name=goals_reached][value=yes]")
    page.fill(
        "textarea[name=goals_and_indicators]", "Faldene er halveret og har holdt sig lave i ti måneder."
    )
    page.fill("textarea[name=learnt]", "Små test på én gang ad gangen virkede.")
    page.click("form.narrow-form button[type=submit]")
    assert project.evaluations.filter(kind="final").exists()
    assert_accessible(page)

    # The board moves the project into operations.
    board = browser_page(BOARD)
    board.goto(f"/projects/{project.pk}/")
    board.get_by_role("link", name="Direktionens beslutning").click()
    assert_accessible(board)
    board.check("input[name=outcome][value=into_operations]")
    board.select_option("select[name=receiving_organisation]", label="Plejecenter Lindely")
    board.fill("textarea[name=reasons]", "Faldene er halveret; Lindely driver aftenrunden videre.")
    board.click("form.narrow-form button[type=submit]")
    project.refresh_from_db()
    assert project.status == "closed"
    assert project.receiving_organisation.name == "Plejecenter Lindely"
    assert_accessible(board)
