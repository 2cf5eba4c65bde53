"""A department's and an administration's plan show their own rows and those of the plans below."""

import datetime as dt

import pytest
from django.urls import reverse

from fremdrift.strategy import selectors, services
from fremdrift.strategy.models import ActionPlan, ActionPlanRow

pytestmark = [pytest.mark.strategy]


def plan(name):
    return ActionPlan.objects.get(organisation__name=name)


def test_a_unit_plan_shows_only_its_own_rows(world):
    rows = selectors.plan_page(plan("Hjemmepleje Nord"))["rows"]
    assert {row.plan.organisation.name for row in rows} == {"Hjemmepleje Nord"}


def test_a_department_rolls_up_its_units(world):
    rows = selectors.plan_page(plan("Hjemmeplejen"), rolled_up=True)["rows"]
    assert {row.plan.organisation.name for row in rows} == {"Hjemmeplejen", "Hjemmepleje Nord"}


def test_an_administration_rolls_up_everything_below_it(world):
    page = selectors.plan_page(plan("Ældre og Sundhed"), rolled_up=True)
    assert (
        len(page["rows"])
        == ActionPlanRow.objects.filter(
            plan__organisation__name__in=[
                "Ældre og Sundhed",
                "Hjemmeplejen",
                "Hjemmepleje Nord",
                "Plejecenter Lindely",
            ]
        ).count()
    )
    counts = {item["status"]: item["count"] for item in page["counts"]}
    assert sum(counts.values()) == len(page["rows"])
    assert counts["completed"] == 2 and counts["dropped"] == 1


def test_overdue_rows_are_marked_but_finished_ones_never_are(world):
    quality = world.users["kvalitet@nordfjord.demo"]
    unit = plan("Hjemmepleje Nord")
    late = services.save_row(
        quality, plan=unit, effort="Sen", time_frame="Jan – feb 2020", status="in_progress"
    )
    done = services.save_row(
        quality, plan=unit, effort="Færdig", time_frame="Jan – feb 2020", status="completed"
    )
    assert late.ends_on == dt.date(2020, 2, 29)
    assert late.overdue and not done.overdue
    response = world and selectors.plan_page(unit)
    assert response["overdue_count"] >= 1


def test_rows_by_beacon_follow_the_strategy(world):
    groups = selectors.rows_by_beacon(selectors.plan_page(plan("Ældre og Sundhed"), rolled_up=True)["rows"])
    labels = [group["label"] for group in groups]
    assert labels[:3] == [
        "Borgerens egne mål først",
        "Teknologi der frigør tid til nærvær",
        "Et godt og sikkert arbejdsliv",
    ]


def test_the_status_follows_the_workflow(world):
    quality = world.users["kvalitet@nordfjord.demo"]
    row = plan("Plejecenter Lindely").rows.get(status="completed")
    with pytest.raises(services.ValidationError):
        services.save_row(quality, plan=row.plan, row=row, status="dropped")


def test_the_strategy_tree_shows_rows_and_ideas_under_efforts(client_for, world):
    from fremdrift.strategy.models import Strategy

    strategy = Strategy.objects.get()
    page = (
        client_for("direktion@nordfjord.demo")
        .get(reverse("strategy:tree", args=[strategy.pk]))
        .content.decode()
    )
    assert "Samtaleguide ved opstart" in page  # a row under "Rehabiliterende samtale ved alle nye forløb"
    assert "Spørg om borgerens egne mål ved første besøg" in page  # an idea
    assert "Skærmbesøg til medicinpåmindelse" in page and "overdue-label" in page
